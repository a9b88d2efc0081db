"""Every indicator of docs/indicators.md on the January 2024 data, expected values worked out by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.scorecards.api import stats
from pantau.scorecards.indicators import composite_index, zone


def by_slug(data, slug):
    return next(a for a in data["agencies"] if a["slug"] == slug)


def test_dinkes_indicators_match_the_hand_computation(january):
    d = by_slug(stats("2024-01"), "dinkes")
    assert d["received"] == 4  # D1-D4; X1 arrived 31 December 23:59 WIB
    assert d["disposed"] == 4
    assert d["disposed_on_time_share"] == 75.0  # D2 disposed 8 Jan, due by end of 5 Jan
    assert d["followed_up_share"] == 50.0  # D1, D2
    assert d["first_follow_up_on_time_share"] == 33.3  # D1 met; D2 late; D3 overdue; D4 still open
    assert d["resolved_share"] == 25.0  # D1
    assert d["in_process_share"] == 75.0  # D2, D3, D4 still open
    # D1: 3 -> 5 Jan = 2 working days; D2: 8 -> 17 Jan = 7 working days.
    assert d["follow_up_days_median"] == 4.5
    assert d["follow_up_days_p90"] == 6.5
    # Open on 31 Jan, working days since disposition: D4 2, D3 15, D2 17.
    assert (d["backlog_0_5"], d["backlog_6_14"], d["backlog_15_60"], d["backlog_over_60"]) == (1, 0, 2, 0)
    assert d["overdue_now"] == 2  # D2 (resolve, due 26 Jan) and D3 (follow-up due 17 Jan)
    assert d["reporter_replies"] == 1
    assert d["index"] == 36.24  # 0.35 x 50 + 0.30 x 33.3 + 0.35 x 25
    assert d["zone"] == "merah"


def test_a_report_closed_without_a_separate_follow_up_counts_as_followed_up(january):
    p = by_slug(stats("2024-01"), "dpupr")
    assert p["received"] == 2  # P1 arrived 1 January 00:00 WIB: inside the month
    assert p["followed_up_share"] == 100.0
    assert p["first_follow_up_on_time_share"] == 100.0
    # P1 followed up the day it was disposed (0), P2 completed 5 working days after disposition.
    assert (p["follow_up_days_median"], p["follow_up_days_p90"]) == (2.5, 4.5)
    assert p["index"] == 100.0 and p["zone"] == "hijau"


def test_the_province_counts_reports_not_yet_routed(january):
    prov = stats("2024-01")["province"]
    assert prov["received"] == 7 and prov["disposed"] == 6
    assert prov["disposed_on_time_share"] == 71.4  # 5 of 7: D2 late, U1 overdue
    assert prov["followed_up_share"] == 66.7  # 4 of the 6 routed
    assert prov["first_follow_up_on_time_share"] == 60.0  # D1, P1, P2 of D1, D2, D3, P1, P2
    assert prov["resolved_share"] == 50.0
    assert prov["in_process_share"] == 50.0
    assert (prov["follow_up_days_median"], prov["follow_up_days_p90"]) == (3.5, 6.4)  # of 0, 2, 5, 7
    assert (prov["backlog_0_5"], prov["backlog_15_60"]) == (2, 2)  # U1 waits 4 days since arrival
    assert prov["overdue_now"] == 3
    assert prov["index"] == pytest.approx(58.845, abs=0.006)
    assert prov["zone"] == "kuning"


def test_shares_are_none_when_nothing_can_be_counted(db, dinkes, frozen):
    d = by_slug(stats("2024-01"), "dinkes")
    assert d["received"] == 0
    assert d["followed_up_share"] is None and d["follow_up_days_median"] is None
    assert d["index"] is None and d["zone"] is None


def test_the_index_leaves_out_a_share_that_does_not_exist():
    only_two = {"followed_up_share": 60.0, "first_follow_up_on_time_share": None, "resolved_share": 40.0}
    assert composite_index(only_two) == 50.0


@pytest.mark.parametrize("index,expected", [
    (100, "hijau"), (81, "hijau"), (81.0, "hijau"), (80.99, "kuning"), (51, "kuning"),
    (50.99, "merah"), (0, "merah"), (None, None),
])
def test_zones_follow_the_ombudsman_bands_at_the_boundaries(index, expected):
    assert zone(index) == expected


share_or_none = st.one_of(st.none(), st.floats(0, 100).map(lambda v: round(v, 1)))


@given(share_or_none, share_or_none, share_or_none)
def test_the_index_lies_between_its_parts_and_its_zone_follows_it(a, b, c):
    ind = {"followed_up_share": a, "first_follow_up_on_time_share": b, "resolved_share": c}
    index = composite_index(ind)
    present = [v for v in (a, b, c) if v is not None]
    if not present:
        assert index is None and zone(index) is None
        return
    assert min(present) - 0.005 <= index <= max(present) + 0.005
    assert zone(index) == ("hijau" if index >= 81 else "kuning" if index >= 51 else "merah")
