"""The demo generator: deterministic, realistic shares, agencies that behave differently."""

import re
import statistics
from collections import Counter
from datetime import date

import pytest

from pantau.demo.catalog import AGENCIES, AGENCY_BY_SLUG
from pantau.demo.generator import CUTOFF, Generator
from pantau.lib.workdays import WorkCalendar, national_holidays

CAL = WorkCalendar(national_holidays())


@pytest.fixture(scope="module")
def reports():
    return Generator(2024, CAL).reports()


def snapshot(reports):
    return [(r.fields, r.agency, r.region, r.category, r.follow_ups, r.events) for r in reports]


def test_the_same_seed_gives_the_same_reports():
    assert snapshot(Generator(7, CAL, 300).reports()) == snapshot(Generator(7, CAL, 300).reports())


def test_another_seed_gives_other_reports():
    a, b = Generator(7, CAL, 300).reports(), Generator(8, CAL, 300).reports()
    assert [r.fields["title"] for r in a] != [r.fields["title"] for r in b]


def test_reports_span_january_2024_to_june_2025_with_unique_tracking_ids(reports):
    assert len(reports) == 8000
    days = [r.fields["received_at"].date() for r in reports]
    assert min(days) < date(2024, 1, 8) and max(days) > date(2025, 6, 20)
    assert len({r.fields["tracking_id"] for r in reports}) == 8000


def test_every_agency_receives_reports_and_a_few_receive_most(reports):
    per_agency = Counter(r.agency for r in reports if r.agency)
    assert set(per_agency) == {a.slug for a in AGENCIES}
    top4 = sum(n for _, n in per_agency.most_common(4))
    assert top4 > 0.35 * sum(per_agency.values())
    assert {"dpupr", "dindikbud"} <= {slug for slug, _ in per_agency.most_common(5)}


def working_days_to_first_answer(reports, profile=None, slug=None, received=None):
    out = []
    for r in reports:
        spec = AGENCY_BY_SLUG.get(r.agency)
        if spec is None or (profile and spec.profile != profile) or (slug and r.agency != slug):
            continue
        if received and not received[0] <= r.fields["received_at"].date() <= received[1]:
            continue
        if r.fields.get("first_follow_up_at"):
            out.append(CAL.working_days_between(r.fields["disposed_at"], r.fields["first_follow_up_at"]))
    return out


def test_a_fast_agency_answers_sooner_and_more_often_than_a_neglectful_one(reports):
    fast = working_days_to_first_answer(reports, profile="fast")
    neglectful = working_days_to_first_answer(reports, profile="neglectful")
    assert statistics.median(fast) + 3 <= statistics.median(neglectful)

    def answered_share(profile):
        mine = [r for r in reports if r.agency and AGENCY_BY_SLUG[r.agency].profile == profile and r.fields.get("disposed_at")]
        return sum(1 for r in mine if r.fields.get("first_follow_up_at")) / len(mine)

    assert answered_share("fast") > 0.9 > 0.7 > answered_share("neglectful")


def test_an_improving_agency_answers_sooner_in_2025_than_in_early_2024(reports):
    early = working_days_to_first_answer(reports, slug="dindikbud", received=(date(2024, 1, 1), date(2024, 6, 30)))
    late = working_days_to_first_answer(reports, slug="dindikbud", received=(date(2025, 1, 1), date(2025, 6, 30)))
    assert statistics.mean(late) < statistics.mean(early) - 2


def replay_status(events) -> str:
    """The status a reader of the history arrives at; each status event starts where the last ended."""
    status = None
    for e in events:
        if e["kind"] == "disposition":
            status = "disposed"
        elif e["kind"] == "follow_up":
            status = "followed_up"
        elif e["field"] == "status":
            assert e["old_value"] == (status or ""), e
            status = "completed" if e["new_value"] == "completed_auto" else e["new_value"]
    return status


def test_timestamps_and_events_tell_one_consistent_story(reports):
    order = ("received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at")
    for r in reports:
        f = r.fields
        moments = [f[k] for k in order if f.get(k)]
        assert moments == sorted(moments), f["tracking_id"]
        times = [e["occurred_at"] for e in r.events]
        assert times == sorted(times) and times[-1] < CUTOFF
        assert f["last_activity_at"] == times[-1]
        assert replay_status(r.events) == f["status"], f["tracking_id"]
        assert [fu[0] for fu in r.follow_ups] == [e["occurred_at"] for e in r.events if e["kind"] == "follow_up"]
        if f["status"] == "completed":
            assert f["completed_at"] == r.events[-1]["occurred_at"] and r.events[-1]["kind"] == "closed"


def test_statuses_cover_the_whole_lifecycle(reports):
    statuses = Counter(r.fields["status"] for r in reports)
    assert set(statuses) == {"unverified", "disposed", "in_process", "followed_up", "reporter_replied",
                             "completed", "postponed", "archived", "not_authorised"}
    assert 0.55 < statuses["completed"] / len(reports) < 0.85
    texts = Counter(r.fields["status_text"] for r in reports)
    assert texts["Selesai otomatis"] > 500 and texts["Selesai"] > 500
    assert any(t.startswith("Terdisposisi ke Dinas") for t in texts)


def test_auto_closed_reports_close_after_ten_quiet_working_days(reports):
    auto = [r for r in reports if r.fields.get("auto_closed")]
    assert auto
    for r in auto:
        last_answer = r.follow_ups[-1][0]
        assert r.fields["completed_at"] >= CAL.add_working_days(last_answer, 10)
        assert r.events[-1]["new_value"] == "completed_auto"
        assert r.events[-2]["kind"] == "follow_up"  # no reply from the reporter in between


def test_shares_of_kinds_anonymous_and_secret_reports(reports):
    n = len(reports)
    kinds = Counter(r.fields["kind"] for r in reports)
    assert kinds["pengaduan"] > 0.7 * n and kinds["aspirasi"] > 0.05 * n and kinds["informasi"] > 0.05 * n
    assert 0.12 < sum(r.fields["is_anonymous"] for r in reports) / n < 0.18
    assert 0.01 < sum(r.fields["is_secret"] for r in reports) / n < 0.06
    assert 50 < sum(r.fields["supervisory"] for r in reports) < 600
    assert len(Counter(r.fields["channel"] for r in reports)) >= 6
    office_hours = sum(8 <= r.fields["received_at"].hour < 16 for r in reports)
    assert office_hours > 0.6 * n


def test_every_reporter_has_fictional_personal_data(reports):
    for r in reports:
        f = r.fields
        assert f["reporter_name"] and re.fullmatch(r"08\d\d-0000-\d{4}", f["reporter_phone"])
        assert f["reporter_email"].endswith("@contoh.example")
        nik = f["reporter_id_number"]
        assert re.fullmatch(r"36\d{14}", nik) and nik[4:6] == "00"  # kecamatan 00 does not exist


def test_texts_are_filled_varied_and_indonesian(reports):
    titles = [r.fields["title"] for r in reports]
    bodies = [r.fields["text"] for r in reports]
    answers = [fu[1] for r in reports for fu in r.follow_ups]
    for text in titles + bodies + answers:
        assert "{" not in text and "}" not in text and "  " not in text, text
    assert len(set(bodies)) > 0.95 * len(bodies)
    assert len(set(titles)) > 1000
    assert sum("akan kami tindak lanjuti" in a for a in answers) > 50  # poor answers exist
    assert sum("hubungi" in a or "Narahubung" in a or "Kontak" in a for a in answers) > 1000  # good ones too
