"""stats(), ranking, priority and breakdowns, read from snapshots or computed live."""

import pytest
from django.test import override_settings

from pantau.complaints.models import Complaint
from pantau.scorecards import api
from pantau.scorecards.compute import compute_all, periods_with_reports
from pantau.scorecards.models import AgencyPeriodSnapshot, ProvincePeriodSnapshot


def test_no_agency_is_ranked_below_the_minimum_number_of_reports(january):
    data = api.stats("2024-01")  # default minimum 10; Dinkes has 4, DPUPR 2
    assert all(not a["ranked"] and a["rank"] is None for a in data["agencies"])
    dinkes = next(a for a in data["agencies"] if a["slug"] == "dinkes")
    assert dinkes["unranked_reason"] == "Hanya 4 laporan dalam periode ini; peringkat butuh minimal 10."


@override_settings(PANTAU_RANKING_MIN_REPORTS=3)
def test_an_agency_with_exactly_the_minimum_is_ranked_and_one_below_is_listed_apart(january):
    data = api.stats("2024-01")
    slugs = [(a["slug"], a["rank"], a["ranked"]) for a in data["agencies"]]
    assert slugs == [("dinkes", 1, True), ("dpupr", None, False)]


@override_settings(PANTAU_RANKING_MIN_REPORTS=2)
def test_the_higher_index_ranks_first(january):
    data = api.stats("2024-01")
    assert [(a["slug"], a["rank"]) for a in data["agencies"]] == [("dpupr", 1), ("dinkes", 2)]


def test_equal_indexes_share_a_rank():
    rows = [{"name": n, "received": 20, "index": i} for n, i in (("A", 90.0), ("B", 80.0), ("C", 80.0), ("D", 70.0))]
    assert [r["rank"] for r in api.rank_agencies(rows)] == [1, 2, 2, 4]


def test_compute_all_stores_every_month_quarter_half_and_year_that_has_reports(january):
    keys = compute_all()
    # X1 arrived 31 December 2023: 2023 and its H2, Q4, December, and the same for January 2024.
    assert keys == ["2023", "2023-H2", "2023-Q4", "2023-12", "2024", "2024-H1", "2024-Q1", "2024-01"]
    assert ProvincePeriodSnapshot.objects.get(period="2024-01").indicators["received"] == 7
    assert AgencyPeriodSnapshot.objects.get(period="2023-12", agency__slug="dinkes").indicators["received"] == 1
    assert [p.key for p in periods_with_reports()] == keys


def test_pages_read_the_snapshot_until_it_is_recomputed(january):
    compute_all()
    Complaint.objects.filter(tracking_id="D3").update(status="completed")
    assert api.stats("2024-01")["province"]["resolved_share"] == 50.0  # the snapshot
    compute_all([api.parse_period("2024-01")])
    assert api.stats("2024-01")["province"]["resolved_share"] == 66.7  # 4 of 6


def test_a_custom_range_is_computed_live(january):
    compute_all()
    data = api.stats("2024-01-01..2024-01-10")
    assert data["label"] == "1 Januari 2024 s.d. 10 Januari 2024"
    assert data["province"]["received"] == 4  # D1, D2, D3 (10 Jan 09:00), P1; not D4, P2, U1
    assert not ProvincePeriodSnapshot.objects.filter(period="2024-01-01..2024-01-10").exists()


def test_stats_for_one_agency_lists_only_that_agency(january):
    data = api.stats("2024-01", "dpupr")
    assert [a["slug"] for a in data["agencies"]] == ["dpupr"]
    with pytest.raises(api.UnknownAgency):
        api.stats("2024-01", "dinas-tidak-ada")


def test_priority_puts_the_agency_with_most_badly_handled_reports_first_with_its_reasons(january):
    rows = api.priority("2024-01")
    assert [r["slug"] for r in rows] == ["dinkes", "dpupr"]
    # 4 x (100 - 36.24) / 100 + 2 overdue = 4.55
    assert rows[0]["score"] == 4.6  # 4.5504 rounded
    assert "4 laporan (urutan 1 menurut volume)" in rows[0]["reason"]
    assert "zona merah" in rows[0]["reason"]
    assert "2 laporan lewat tenggat sekarang" in rows[0]["reason"]
    assert "lewat tenggat" not in rows[1]["reason"]


def test_breakdowns_count_the_period_by_status_and_month(january):
    b = api.breakdowns("2024-01")
    assert {r["key"]: r["value"] for r in b["by_status"]} == {
        "unverified": 1, "disposed": 1, "in_process": 1, "reporter_replied": 1, "completed": 3}
    assert b["by_status"][0]["filter"] == {"status": "unverified"}
    assert b["monthly"] == [{"key": "2024-01", "label": "Januari 2024", "received": 7, "resolved": 3,
                             "filter": {"period": "2024-01"}}]


def test_breakdowns_for_an_admin_opd_count_only_their_agency(january, personas):
    b = api.breakdowns("2024-01", user=personas["admin_pupr"])
    assert sum(r["value"] for r in b["by_status"]) == 2
    b = api.breakdowns("2024-01", user=personas["pimpinan"])
    assert sum(r["value"] for r in b["by_status"]) == 7
