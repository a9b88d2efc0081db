"""`pantau stats` and `pantau compute-scorecards`."""

import json

import pytest
from django.core.management import CommandError, call_command

from pantau.scorecards.indicators import INDICATORS
from pantau.scorecards.models import ProvincePeriodSnapshot


def run(*args) -> str:
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


def test_stats_json_has_the_documented_structure(january):
    data = json.loads(run("stats", "--period", "2024-01", "--json"))
    assert data["period"] == "2024-01" and data["label"] == "Januari 2024"
    assert list(data["province"]) == INDICATORS
    agency = data["agencies"][0]
    assert set(agency) == {"slug", "name", "rank", "ranked", "unranked_reason", *INDICATORS}
    assert data["province"]["received"] == 7


def test_stats_prints_an_indonesian_table_without_json(january):
    out = run("stats", "--period", "2024-01")
    assert out.startswith("Januari 2024 (2024-01)")
    assert "PROVINSI" in out and "66,7%" in out and "Dinas Kesehatan" in out
    assert "Tidak diperingkat:" in out


def test_stats_rejects_an_unknown_period_or_agency_with_exit_status_1(january):
    with pytest.raises(CommandError) as err:
        run("stats", "--period", "2024-13x")
    assert err.value.returncode == 1 and "2024-Q1" in str(err.value)
    with pytest.raises(CommandError) as err:
        run("stats", "--period", "2024-01", "--agency", "nope")
    assert err.value.returncode == 1 and "nope" in str(err.value)


def test_compute_scorecards_for_one_period_reports_what_it_did(january):
    data = json.loads(run("compute_scorecards", "--period", "2024-01", "--json"))
    assert data["periods"] == ["2024-01"]
    assert list(ProvincePeriodSnapshot.objects.values_list("period", flat=True)) == ["2024-01"]
