"""The public page, the static site and the open data: aggregates only, no personal data."""

import csv
import io
import json
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from pantau.complaints.models import Complaint
from pantau.lib import fmt
from pantau.lib.periods import parse_period
from pantau.reports import actions
from tests.reports import dataset
from tests.reports.helpers import stats_json


@pytest.fixture
def seeded(db, dinkes, pupr):
    with time_machine.travel(dataset.NOW, tick=False):
        cache.clear()
        dataset.seed()
        yield
        cache.clear()


def test_the_public_page_needs_no_login_and_shows_the_period(seeded, client):
    stats = stats_json("2024-Q1")
    page = client.get(reverse("public_home"), {"periode": "2024-Q1"}).content.decode()
    assert "Triwulan I 2024" in page
    assert fmt.number(stats["province"]["received"]) in page
    for a in stats["agencies"]:
        assert a["name"] in page
    assert "<svg" in page


def test_the_public_page_defaults_to_the_last_complete_quarter(seeded, client):
    assert "Triwulan I 2024" in client.get(reverse("public_home")).content.decode()


def test_publish_writes_the_static_site_and_open_data(seeded, tmp_path):
    call_command("publish", "--period", "2024-Q1", "--out", str(tmp_path / "site"), stderr=io.StringIO())
    site = tmp_path / "site"
    assert sorted(p.name for p in site.iterdir()) == ["data.csv", "data.json", "definisi.html", "index.html"]
    stats = stats_json("2024-Q1")
    rows = list(csv.DictReader((site / "data.csv").open(encoding="utf-8")))
    assert len(rows) == len(stats["agencies"]) + 1
    assert int(rows[0]["received"]) == stats["province"]["received"]
    data = json.loads((site / "data.json").read_text())
    assert data["province"]["received"] == stats["province"]["received"]
    index = (site / "index.html").read_text()
    assert 'href="data.csv"' in index and 'href="definisi.html"' in index
    assert not re.search(r'(src|href)="(https?:)?//', index), "the static site needs no external assets"


def public_outputs(client, tmp_path) -> dict[str, str]:
    """Every public output of the dataset: page, open data, static site, the HTML report."""
    out = {}
    for name in ("public_home", "public_csv", "public_json", "public_definitions"):
        out[name] = client.get(reverse(name), {"periode": "2024-Q1"}).content.decode()
    call_command("publish", "--period", "2024-Q1", "--out", str(tmp_path / "site"), stderr=io.StringIO())
    for p in (tmp_path / "site").iterdir():
        out[f"site/{p.name}"] = p.read_text(encoding="utf-8")
    report = actions.create_report(parse_period("2024-Q1"))
    chosen = list(Complaint.objects.filter(status="completed").values_list("tracking_id", flat=True)[:6])
    actions.save_sections(report, {}, chosen)  # includes rahasia ones: they must be dropped
    out["report.html"] = actions.render(report, "html").decode()
    return out


def test_no_public_output_contains_personal_data_or_rahasia_text(seeded, client, tmp_path):
    outputs = public_outputs(client, tmp_path)
    needles = []
    for c in Complaint.objects.all():
        needles += [c.reporter_name, c.reporter_phone, c.reporter_email, c.reporter_id_number]
        if c.is_secret:
            needles += [c.text, c.text.split()[0], c.title]
    needles = [n for n in needles if n]
    assert any(n.startswith("RAHASIA-") for n in needles) and any("@" in n for n in needles)
    for where, text in outputs.items():
        found = [n for n in needles if n in text]
        assert not found, f"{where} shows personal data: {found[:3]}"
        assert not re.search(r"\b36\d{14}\b", text), f"{where} shows a NIK"
        assert not re.search(r"\b08\d{8,11}\b", text), f"{where} shows a phone number"


def test_the_open_data_has_no_tracking_ids(seeded, client):
    text = client.get(reverse("public_json"), {"periode": "2024-Q1"}).content.decode()
    ids = Complaint.objects.values_list("tracking_id", flat=True)
    assert not [t for t in ids if t in text]


def test_the_public_page_works_before_any_import(db, client):
    cache.clear()
    r = client.get(reverse("public_home"), {"periode": "2024-Q1"})
    assert r.status_code == 200
    assert "Triwulan I 2024" in r.content.decode()


def test_a_wrong_period_on_the_public_page_gets_a_message(db, client):
    cache.clear()
    page = client.get(reverse("public_home"), {"periode": "kemarin"}).content.decode()
    assert "2024-Q1" in page and 'role="alert"' in page


def test_the_html_report_shows_notable_cases_without_their_titles(seeded, koordinator_user):
    done = Complaint.objects.filter(status="completed", is_secret=False).first()
    Complaint.objects.filter(pk=done.pk).update(title="Judul khusus yang tidak boleh terbit")
    report = actions.create_report(parse_period("2024-Q1"), koordinator_user)
    actions.save_sections(report, {}, [done.tracking_id])
    html = actions.render(report, "html").decode()
    assert f"#{done.tracking_id}" in html and "Judul khusus" not in html
    from tests.reports.helpers import pdf_pages

    assert "Judul khusus" in "\n".join(pdf_pages(actions.render(report, "pdf")))


@pytest.fixture
def koordinator_user(personas):
    return personas["koordinator"]


def test_the_public_page_opens_on_the_latest_finished_quarter_that_has_reports(db, dinkes):
    from datetime import datetime

    import time_machine

    from pantau.complaints.models import Complaint
    from pantau.lib.periods import WIB
    from pantau.transparency.public import default_period

    Complaint.objects.create(tracking_id="q2", agency=dinkes, received_at=datetime(2025, 5, 2, 9, tzinfo=WIB))
    with time_machine.travel(datetime(2026, 11, 29, 9, tzinfo=WIB), tick=False):
        assert default_period().key == "2025-Q2"  # not the empty 2026-Q3
    with time_machine.travel(datetime(2025, 6, 10, 9, tzinfo=WIB), tick=False):
        assert default_period().key == "2025-Q1"  # 2025-Q2 is not finished yet
