from datetime import datetime

import pytest
import time_machine
from django.core import mail

from pantau.jobs.actions import deliver_due
from pantau.jobs.models import Escalation, JobRun, Notification, NotificationPreference
from pantau.jobs.registry import run_named
from pantau.lib.periods import WIB

from .conftest import FRIDAY_8


def run_reminders_at(moment):
    with time_machine.travel(moment, tick=False):
        return run_named("reminders")


def test_an_admin_opd_gets_one_digest_of_due_and_overdue_reports_on_a_working_morning(mailable, may_reports):
    run = run_reminders_at(FRIDAY_8)
    assert run is not None
    digests = Notification.objects.filter(kind="digest")
    assert [n.recipient for n in digests] == ["admin_dinkes@bantenprov.go.id"]  # DPUPR has nothing due
    text = digests[0].body_text
    assert "#1001" in text and "#1002" in text and "#1004" in text
    assert "#1003" not in text  # due Monday 27 May: not within 2 working days
    assert "http://127.0.0.1:8000/pengaduan/1002/" in text
    assert "TERLAMBAT" in text and "4 hari kerja terlambat" in text
    assert "20 Mei 2024" in text.split("#1002")[1]  # five working days after Monday 13 May
    assert '<a href="http://127.0.0.1:8000/pengaduan/1001/">#1001</a>' in digests[0].body_html
    assert digests[0].subject.startswith("[Pantau] 3 terlambat, 1 segera jatuh tempo")


def test_the_digest_leaves_as_one_mail_with_text_and_html(mailable, may_reports):
    run_reminders_at(FRIDAY_8)
    with time_machine.travel(FRIDAY_8.replace(minute=1), tick=False):
        deliver_due()
    digests = [m for m in mail.outbox if m.to == ["admin_dinkes@bantenprov.go.id"]]
    assert len(digests) == 1
    assert digests[0].alternatives[0].mimetype == "text/html"
    assert Notification.objects.get(kind="digest").state == "sent"


@pytest.mark.parametrize("moment, reason", [
    (datetime(2024, 4, 9, 8, 0, tzinfo=WIB), "Cuti Bersama"),        # Lebaran cuti bersama 2024
    (datetime(2024, 4, 10, 9, 0, tzinfo=WIB), "Idul Fitri"),          # Lebaran itself
    (datetime(2024, 5, 18, 8, 0, tzinfo=WIB), "Sabtu"),               # the Saturday after
])
def test_nobody_gets_mail_on_weekends_holidays_and_cuti_bersama(mailable, may_reports, moment, reason):
    run = run_reminders_at(moment)
    run.refresh_from_db()
    assert run.outcome == JobRun.Outcome.SKIPPED
    assert reason.lower() in run.detail.lower()
    assert not Notification.objects.exists()


def test_nothing_is_queued_before_the_reminder_hour(mailable, may_reports, settings):
    assert run_reminders_at(FRIDAY_8.replace(hour=7, minute=30)) is None
    assert not Notification.objects.exists()
    settings.PANTAU_REMINDER_HOUR = 7
    assert run_reminders_at(FRIDAY_8.replace(hour=7, minute=30)) is not None
    assert Notification.objects.filter(kind="digest").count() == 1


def test_a_second_run_the_same_day_sends_nothing_new(mailable, may_reports):
    run_reminders_at(FRIDAY_8)
    count = Notification.objects.count()
    JobRun.objects.all().delete()  # even when the run record is gone, the mail keys hold
    run_reminders_at(FRIDAY_8.replace(hour=11))
    assert Notification.objects.count() == count


def test_a_report_overdue_more_than_ten_working_days_is_escalated_once(mailable, may_reports):
    run_reminders_at(FRIDAY_8)
    escalations = list(Escalation.objects.values_list("complaint__tracking_id", "deadline", "working_days_overdue"))
    assert escalations == [("1004", "follow_up", 19)]
    to = sorted(Notification.objects.filter(kind="escalation").values_list("recipient", flat=True))
    assert to == ["kadis@dinkes.bantenprov.go.id", "koordinator@bantenprov.go.id"]
    head_mail = Notification.objects.get(recipient="kadis@dinkes.bantenprov.go.id")
    assert "#1004" in head_mail.body_text and "#1001" not in head_mail.body_text
    assert "Kepala Dinas Kesehatan" in head_mail.body_text
    # Monday: the follow-up is not escalated again; the resolution deadline (due 30 April) now is.
    run_reminders_at(datetime(2024, 5, 20, 8, 0, tzinfo=WIB))
    assert sorted(Escalation.objects.values_list("deadline", "working_days_overdue")) == [
        ("follow_up", 19), ("resolve", 11)]
    monday = Notification.objects.filter(kind="escalation", key__startswith="2024-05-20")
    assert monday.count() == 2 and all("#1004" in n.body_text for n in monday)
    # Tuesday: nothing new to escalate, nothing sent.
    run_reminders_at(datetime(2024, 5, 21, 8, 0, tzinfo=WIB))
    assert Notification.objects.filter(kind="escalation").count() == 4


def test_the_escalation_threshold_is_a_setting(mailable, may_reports, settings):
    settings.PANTAU_ESCALATE_AFTER = 3
    run_reminders_at(FRIDAY_8)
    assert sorted(Escalation.objects.values_list("complaint__tracking_id", "deadline")) == [
        ("1001", "follow_up"), ("1004", "follow_up"), ("1004", "resolve")]


def test_the_koordinator_gets_one_weekly_summary_on_the_first_working_day_of_the_week(mailable, may_reports):
    run_reminders_at(datetime(2024, 5, 13, 8, 0, tzinfo=WIB))  # Monday
    run_reminders_at(datetime(2024, 5, 14, 8, 0, tzinfo=WIB))  # Tuesday: same week
    weekly = Notification.objects.filter(kind="weekly")
    assert [(n.recipient, n.key) for n in weekly] == [("koordinator@bantenprov.go.id", "2024-W20")]
    assert "Dinas Kesehatan" in weekly[0].body_text
    run_reminders_at(FRIDAY_8.replace(day=20))  # next Monday: next week's summary
    assert Notification.objects.filter(kind="weekly").count() == 2


def test_a_user_who_switched_a_kind_of_mail_off_does_not_get_it(mailable, may_reports):
    NotificationPreference.objects.create(user=mailable["admin_dinkes"], digest=False)
    NotificationPreference.objects.create(user=mailable["koordinator"], escalation=False)
    run_reminders_at(FRIDAY_8)
    assert not Notification.objects.filter(kind="digest").exists()
    assert list(Notification.objects.filter(kind="escalation").values_list("recipient", flat=True)) == [
        "kadis@dinkes.bantenprov.go.id"]


def test_mail_queued_before_the_user_switched_it_off_is_not_sent(mailable, may_reports):
    run_reminders_at(FRIDAY_8)
    NotificationPreference.objects.create(user=mailable["admin_dinkes"], digest=False)
    with time_machine.travel(FRIDAY_8.replace(minute=5), tick=False):
        deliver_due()
    assert Notification.objects.get(kind="digest").state == "cancelled"
    assert "admin_dinkes@bantenprov.go.id" not in [m.to[0] for m in mail.outbox]


def test_a_secret_report_is_listed_without_its_title(mailable, may_reports, dinkes):
    from pantau.complaints.sla import recompute_deadlines

    from .conftest import report

    report("1005", dinkes, datetime(2024, 5, 13), is_secret=True)
    recompute_deadlines(now=FRIDAY_8)
    run_reminders_at(FRIDAY_8)
    text = Notification.objects.get(kind="digest").body_text
    assert "#1005 (laporan rahasia)" in text and "Laporan 1005" not in text


def test_a_long_backlog_is_listed_up_to_a_limit_with_a_link_to_the_rest(mailable, may_reports, monkeypatch):
    from pantau.jobs import reminders

    monkeypatch.setattr(reminders, "MAIL_ITEM_LIMIT", 1)
    run_reminders_at(FRIDAY_8)
    text = Notification.objects.get(kind="digest").body_text
    assert "TERLAMBAT (3)" in text and text.count("#100") == 2  # one overdue, one due soon
    assert "... dan 2 lainnya: http://127.0.0.1:8000/pengaduan/" in text
