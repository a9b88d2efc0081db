"""Who must hear about which deadlines, and the mails that tell them.

- Each admin OPD: on working days from PANTAU_REMINDER_HOUR (WIB), one digest of their agencies'
  reports due within PANTAU_REMINDER_DUE_WITHIN working days and those already overdue.
- The koordinator: a weekly summary on the first working day of the ISO week.
- A deadline overdue by more than PANTAU_ESCALATE_AFTER working days: escalated once to the
  koordinator and the agency head (Agency.head_email).
Only the agency's own deadlines (first follow-up, resolution) count; disposition is the office's.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from pantau.agencies import roles
from pantau.agencies.models import Agency
from pantau.complaints.models import OPEN_STATUSES, Complaint, DeadlineState
from pantau.lib import fmt
from pantau.lib.periods import WIB
from pantau.lib.workdays import WorkCalendar, get_calendar, wib_day

from . import actions
from .models import MailKind, NotificationPreference
from .runs import JobSkipped

AGENCY_DEADLINES = ("follow_up", "resolve")
# A mail lists at most this many reports per section; the rest are counted with a link to the list
# (the first run after installation can find a backlog of thousands).
MAIL_ITEM_LIMIT = 100


@dataclass
class Item:
    """One deadline of one report, as a line in a mail."""

    complaint_id: int
    tracking_id: str
    title: str
    agency_id: int
    agency_name: str
    deadline: str
    due_at: datetime
    overdue_days: int  # working days past the due day; 0 when not yet overdue
    url: str

    @property
    def label(self) -> str:
        from pantau.complaints.sla import LABELS

        return str(LABELS[self.deadline])

    @property
    def due_day(self) -> str:
        return fmt.day(self.due_at - timedelta(seconds=1))  # the last day still on time


def site_link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@functools.lru_cache(maxsize=1)
def _complaint_path_template() -> str:
    # reverse() once: it costs ~0.5 ms a call, and a backlog mail can list thousands of reports.
    try:
        return reverse("complaint_detail", args=["TRACKINGID"])
    except NoReverseMatch:
        return "/pengaduan/TRACKINGID/"


def complaint_url(tracking_id: str) -> str:
    return site_link(_complaint_path_template().replace("TRACKINGID", tracking_id))


def reminder_hour_reached(now: datetime) -> bool:
    return now.astimezone(WIB).hour >= settings.PANTAU_REMINDER_HOUR


def overdue_working_days(cal: WorkCalendar, dues: list[datetime], now: datetime) -> list[int]:
    """Working days after each due day up to today (0 when not yet due), computed in bulk."""
    if not dues:
        return []
    last_ok = np.array([wib_day(d - timedelta(seconds=1)) for d in dues], dtype="datetime64[D]")
    today = np.full(len(dues), wib_day(now), dtype="datetime64[D]")
    late = cal.busday_count(last_ok, today)
    return [int(n) if d <= now else 0 for n, d in zip(late, dues, strict=True)]


def deadline_items(now: datetime, cal: WorkCalendar, agency_ids=None, horizon=None) -> list[Item]:
    """Open agency deadlines due before `horizon` (default: any), overdue ones included."""
    base = Complaint.objects.filter(status__in=OPEN_STATUSES, agency__isnull=False)
    if agency_ids is not None:
        base = base.filter(agency_id__in=agency_ids)
    rows = []
    for name in AGENCY_DEADLINES:
        cond = Q(**{f"{name}_state__in": [DeadlineState.OPEN, DeadlineState.OVERDUE],
                    f"{name}_due_at__isnull": False})
        if horizon is not None:
            cond &= Q(**{f"{name}_due_at__lte": horizon})
        fields = ("id", "tracking_id", "title", "is_secret", "agency_id", "agency__name", f"{name}_due_at")
        rows += [(name, *r) for r in base.filter(cond).order_by(f"{name}_due_at", "tracking_id").values_list(*fields)]
    late = overdue_working_days(cal, [r[-1] for r in rows], now)
    secret = _("(secret report)")
    return [Item(cid, tid, secret if is_secret else title, agency_id, agency_name, name, due, n, complaint_url(tid))
            for (name, cid, tid, title, is_secret, agency_id, agency_name, due), n in zip(rows, late, strict=True)]


def _cap(items: list) -> dict:
    return {"shown": items[:MAIL_ITEM_LIMIT], "more": max(0, len(items) - MAIL_ITEM_LIMIT), "total": len(items)}


def render_mail(template: str, context: dict) -> tuple[str, str]:
    """(plain text, HTML) of jobs/mail/<template>.txt/.html in the site's language. List-valued
    context entries named in LISTS are capped at MAIL_ITEM_LIMIT lines."""
    try:
        list_url = site_link(reverse("complaint_list"))
    except NoReverseMatch:
        list_url = site_link("/pengaduan/")
    context = {"site_url": settings.SITE_URL.rstrip("/"), "list_url": list_url,
               "preferences_url": site_link(reverse("notification_settings")), **context}
    for key in ("overdue", "due_soon", "items"):
        if key in context:
            context[key] = _cap(context[key])
    with translation.override(settings.LANGUAGE_CODE):
        return (render_to_string(f"jobs/mail/{template}.txt", context),
                render_to_string(f"jobs/mail/{template}.html", context))


def _subject(text: str) -> str:
    return f"[Pantau] {text}"


def queue_digests(now: datetime, cal: WorkCalendar) -> int:
    """One digest per admin OPD with anything due or overdue; returns how many were queued."""
    horizon = cal.add_working_days(now, settings.PANTAU_REMINDER_DUE_WITHIN)
    admins = (get_user_model().objects.filter(is_active=True, groups__name=roles.ADMIN_OPD)
              .exclude(email="").distinct().prefetch_related("admin_agencies"))
    queued, day = 0, now.astimezone(WIB).date()
    for user in admins:
        agencies = list(user.admin_agencies.all())
        if not agencies or not NotificationPreference.wants(user, MailKind.DIGEST):
            continue
        items = deadline_items(now, cal, [a.id for a in agencies], horizon)
        if not items:
            continue
        overdue = [i for i in items if i.due_at <= now]
        due_soon = [i for i in items if i.due_at > now]
        with translation.override(settings.LANGUAGE_CODE):
            subject = _subject(_("%(overdue)s overdue, %(soon)s due soon: reports of %(agency)s") % {
                "overdue": len(overdue), "soon": len(due_soon), "agency": ", ".join(a.label for a in agencies)})
        text, html = render_mail("digest", {"user": user, "agencies": agencies, "overdue": overdue,
                                            "due_soon": due_soon, "today": fmt.day(day),
                                            "within": settings.PANTAU_REMINDER_DUE_WITHIN})
        queued += actions.queue_mail(user.email, MailKind.DIGEST, day.isoformat(), subject, text, html, user, now)
    return queued


def koordinators():
    User = get_user_model()
    return (User.objects.filter(is_active=True).filter(Q(groups__name=roles.KOORDINATOR) | Q(is_superuser=True))
            .exclude(email="").distinct().order_by("username"))


def _escalation_mails(now: datetime):
    def mails(new: list[Item]):
        key = f"{now.astimezone(WIB).date().isoformat()}#{min(i.complaint_id for i in new)}"
        with translation.override(settings.LANGUAGE_CODE):
            subject = _subject(_("Escalation: %(n)s reports overdue for more than %(days)s working days") % {
                "n": len(new), "days": settings.PANTAU_ESCALATE_AFTER})
        text, html = render_mail("escalation", {"items": new, "days": settings.PANTAU_ESCALATE_AFTER})
        for user in koordinators():
            if NotificationPreference.wants(user, MailKind.ESCALATION):
                yield user.email, key, subject, text, html, user
        by_agency = defaultdict(list)
        for i in new:
            by_agency[i.agency_id].append(i)
        for agency in Agency.objects.filter(id__in=by_agency).exclude(head_email=""):
            part = by_agency[agency.id]
            text, html = render_mail("escalation", {"items": part, "agency": agency,
                                                    "days": settings.PANTAU_ESCALATE_AFTER})
            yield agency.head_email, f"{key}:{agency.slug}", subject, text, html, None
    return mails


def queue_escalations(now: datetime, cal: WorkCalendar) -> int:
    """Escalate deadlines overdue by more than the setting, each once; returns how many."""
    late = [i for i in deadline_items(now, cal, horizon=now)
            if i.overdue_days > settings.PANTAU_ESCALATE_AFTER]
    return len(actions.escalate(late, now, _escalation_mails(now))) if late else 0


def weekly_rows(now: datetime, cal: WorkCalendar) -> list[dict]:
    """Per agency: open reports, reports overdue, deadlines due soon, reports completed in 7 days."""
    horizon = cal.add_working_days(now, settings.PANTAU_REMINDER_DUE_WITHIN)
    agencies = {a.id: a for a in Agency.objects.all()}
    rows = {aid: {"agency": a, "open": 0, "overdue": 0, "due_soon": 0, "completed": 0} for aid, a in agencies.items()}
    open_counts = (Complaint.objects.filter(status__in=OPEN_STATUSES, agency__isnull=False)
                   .values("agency_id").annotate(n=Count("id")).values_list("agency_id", "n"))
    for agency_id, n in open_counts:
        rows[agency_id]["open"] = n
    overdue_reports = defaultdict(set)
    for i in deadline_items(now, cal, horizon=horizon):
        if i.due_at <= now:
            overdue_reports[i.agency_id].add(i.complaint_id)  # a report late on two deadlines counts once
        else:
            rows[i.agency_id]["due_soon"] += 1
    for agency_id, ids in overdue_reports.items():
        rows[agency_id]["overdue"] = len(ids)
    completed = (Complaint.objects.filter(completed_at__gte=now - timedelta(days=7), completed_at__lt=now,
                                          agency__isnull=False)
                 .values("agency_id").annotate(n=Count("id")).values_list("agency_id", "n"))
    for agency_id, n in completed:
        rows[agency_id]["completed"] = n
    keys = ("open", "overdue", "due_soon", "completed")
    return sorted((r for r in rows.values() if any(r[k] for k in keys)),
                  key=lambda r: (-r["overdue"], -r["open"], r["agency"].name))


def queue_weekly(now: datetime, cal: WorkCalendar) -> int:
    """The koordinator's weekly summary, once per ISO week (first working day it can go)."""
    year, week, _day = now.astimezone(WIB).isocalendar()
    key = f"{year}-W{week:02d}"
    rows = weekly_rows(now, cal)
    totals = {k: sum(r[k] for r in rows) for k in ("open", "overdue", "due_soon", "completed")}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _subject(_("Weekly summary %(week)s: %(overdue)s reports overdue") % {
            "week": key, "overdue": totals["overdue"]})
    text, html = render_mail("weekly", {"rows": rows, "totals": totals, "week": key,
                                        "today": fmt.day(now)})
    queued = 0
    for user in koordinators():
        if NotificationPreference.wants(user, MailKind.WEEKLY):
            queued += actions.queue_mail(user.email, MailKind.WEEKLY, key, subject, text, html, user, now)
    return queued


def queue_reminders(now: datetime) -> str:
    """The reminders job: digests, escalations and the weekly summary, on working days only."""
    cal = get_calendar()
    today = now.astimezone(WIB).date()
    if not cal.is_working_day(today):
        raise JobSkipped(f"not a working day: {cal.why_not_working(today)}")
    digests = queue_digests(now, cal)
    escalated = queue_escalations(now, cal)
    weekly = queue_weekly(now, cal)
    return f"{digests} digests, {escalated} escalated deadlines, {weekly} weekly summaries queued"
