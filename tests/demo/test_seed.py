"""`pantau seed-demo`: reference data, reports with deadlines, refusal over real data, the opinion hook."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pantau.agencies.models import Agency, Region
from pantau.complaints.models import Category, Complaint, ComplaintEvent, FollowUp
from pantau.demo.management.commands import seed_demo


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, "--json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_it_loads_agencies_regions_categories_and_reports_with_deadlines(db):
    result = seed("--reports", "500", "--no-users", "--no-opinion")
    assert result["reports"] == 500 == Complaint.objects.count()
    assert Agency.objects.count() == 46 and Region.objects.count() == 8
    dinkes = Agency.objects.get(slug="dinkes")
    assert dinkes.name == "Dinas Kesehatan" and "DINAS KESEHATAN PROVINSI BANTEN" in dinkes.aliases
    assert "Dinkes Prov Banten" in dinkes.aliases
    assert dinkes.head_name and dinkes.head_email.endswith("@pantau-demo.example")
    assert set(Agency.objects.values_list("kind", flat=True)) == {"dinas", "badan", "biro", "rsud", "upt", "lain"}
    assert "Tangsel" in Region.objects.get(slug="kota-tangsel").aliases
    jalan = Category.objects.get(name="Jalan Berlubang")
    assert jalan.parent.name == "Pekerjaan Umum dan Penataan Ruang"
    assert FollowUp.objects.count() == result["follow_ups"] > 300
    assert ComplaintEvent.objects.count() == result["events"] > 2000
    # recompute_deadlines() ran: every disposed report has its due times and a state
    disposed = Complaint.objects.exclude(disposed_at=None)
    assert not disposed.filter(follow_up_due_at=None).exists()
    assert disposed.filter(follow_up_state="met").exists() and disposed.filter(follow_up_state="late").exists()


def test_the_same_seed_writes_the_same_reports(db):
    seed("--reports", "200", "--seed", "5", "--no-users", "--no-opinion")
    first = list(Complaint.objects.order_by("tracking_id").values_list("tracking_id", "title", "status", "received_at", "agency__slug"))
    seed("--reports", "200", "--seed", "5", "--no-users", "--no-opinion", "--replace")
    again = list(Complaint.objects.order_by("tracking_id").values_list("tracking_id", "title", "status", "received_at", "agency__slug"))
    assert first == again and len(again) == 200


def test_it_refuses_to_mix_demo_data_into_a_database_with_reports(db):
    seed("--reports", "50", "--no-users", "--no-opinion")
    before = list(Complaint.objects.values_list("tracking_id", flat=True))
    with pytest.raises(CommandError, match="--replace") as error:
        seed("--reports", "80", "--no-users", "--no-opinion")
    assert error.value.returncode == 1
    assert list(Complaint.objects.values_list("tracking_id", flat=True)) == before


def test_personal_fields_are_filled_for_every_report_even_anonymous_and_secret(db):
    seed("--reports", "400", "--no-users", "--no-opinion")
    for field in ("reporter_name", "reporter_phone", "reporter_email", "reporter_id_number"):
        assert not Complaint.objects.filter(**{field: ""}).exists(), field
    assert Complaint.objects.filter(is_anonymous=True).exists()
    assert Complaint.objects.filter(is_secret=True).exists()


def test_it_calls_the_opinion_demo_with_the_same_seed_when_that_command_exists(db, monkeypatch):
    calls = []
    monkeypatch.setattr(seed_demo, "get_commands", lambda: {"seed_opinion_demo": "pantau.opinion"})
    real_call_command = seed_demo.call_command

    def fake_call_command(name, *args, **kw):  # only the opinion command is faked; others run
        if name != "seed_opinion_demo":
            return real_call_command(name, *args, **kw)
        calls.append((name, kw["seed"]))

    monkeypatch.setattr(seed_demo, "call_command", fake_call_command)
    result = seed("--reports", "20", "--seed", "11", "--no-users")
    assert calls == [("seed_opinion_demo", 11)] and result["opinion_demo"] is True
    seed("--reports", "20", "--no-users", "--no-opinion", "--replace")
    assert len(calls) == 1
