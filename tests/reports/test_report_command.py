"""`pantau report`: the period report from real data, compared with `pantau stats --json`."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

from pantau.lib import fmt

from .helpers import pdf_pages, stats_json


def run_report(tmp_path, period: str, ext: str) -> bytes:
    out = tmp_path / f"laporan.{ext}"
    call_command("report", "--period", period, "--out", str(out), stderr=io.StringIO())
    return out.read_bytes()


def test_the_pdf_report_prints_the_numbers_of_pantau_stats(seeded, tmp_path):
    stats = stats_json("2024-Q1")
    pages = pdf_pages(run_report(tmp_path, "2024-Q1", "pdf"))
    text = "\n".join(pages)
    prov = stats["province"]
    assert f"menerima {fmt.number(prov['received'])} laporan" in text
    assert fmt.percent(prov["followed_up_share"]) in text
    assert fmt.percent(prov["resolved_share"]) in text
    assert "Triwulan I 2024" in pages[0]
    assert f"Halaman 1 dari {len(pages)}" in pages[0]
    for a in stats["agencies"]:
        assert fmt.number(a["index"], 1) in text


def test_the_docx_agency_table_matches_pantau_stats_cell_for_cell(seeded, tmp_path):
    stats = stats_json("2024-Q1")
    d = Document(io.BytesIO(run_report(tmp_path, "2024-Q1", "docx")))
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "Peringkat")
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert len(rows) == len(stats["agencies"])
    for a in stats["agencies"]:
        row = rows[a["name"]]
        assert row[2] == fmt.number(a["received"])
        assert row[3] == fmt.percent(a["followed_up_share"])
        assert row[8] == fmt.number(a["index"], 1)
        assert row[0] == (str(a["rank"]) if a["rank"] else "–")


@pytest.mark.parametrize("period, label", [
    ("2023-H2", "Semester II 2023"), ("2024", "Tahun 2024"), ("2024-02", "Februari 2024"),
    ("2024-01-15..2024-02-20", "15 Januari 2024 s.d. 20 Februari 2024"),
])
def test_semesters_years_months_and_ranges_all_give_a_report(seeded, tmp_path, period, label):
    stats = stats_json(period)
    html = run_report(tmp_path, period, "html").decode()
    assert label in html
    assert f"menerima {fmt.number(stats['province']['received'])} laporan" in html


def test_the_overdue_list_adds_up_to_overdue_now_and_names_tracking_ids(seeded, tmp_path):
    from pantau.complaints.models import Complaint, DeadlineState
    from pantau.lib.periods import parse_period
    from pantau.reports.data import overdue_by_agency

    p = parse_period("2024-Q1")
    groups = overdue_by_agency(p)
    assert sum(g["count"] for g in groups) == stats_json("2024-Q1")["province"]["overdue_now"] > 0
    overdue = Complaint.objects.filter(received_at__gte=p.start, received_at__lt=p.end,
                                       resolve_state=DeadlineState.OVERDUE).order_by("received_at").first()
    html = run_report(tmp_path, "2024-Q1", "html").decode()
    assert f"#{overdue.tracking_id}" in html
    assert "Laporan lewat batas waktu per Perangkat Daerah" in html


def test_a_wrong_period_is_a_user_error(db, tmp_path):
    with pytest.raises(CommandError) as err:
        call_command("report", "--period", "2024-Q5", "--out", str(tmp_path / "x.pdf"))
    assert err.value.returncode == 1
    assert "2024-Q1" in str(err.value)
    assert not (tmp_path / "x.pdf").exists()


def test_the_pdf_names_every_section_in_its_table_of_contents(seeded, tmp_path):
    text = "\n".join(pdf_pages(run_report(tmp_path, "2024-Q1", "pdf")))
    for title in ("Kata Pengantar", "Ringkasan Eksekutif", "Dasar Hukum dan Tujuan", "Rekapitulasi Laporan",
                  "Kinerja Perangkat Daerah", "Tindak Lanjut dan Penyelesaian", "Kesimpulan dan Rekomendasi",
                  "Lampiran: Definisi Indikator"):
        assert len(re.findall(re.escape(title), text)) >= 2, title
    assert "Peraturan Presiden Nomor 76 Tahun 2013" in text
    assert "Opini Publik" not in text  # no mentions in this dataset: the section is left out


@pytest.mark.parametrize("ext", ["pdf", "docx", "html"])
def test_a_period_without_reports_still_gives_a_readable_report(db, frozen, tmp_path, ext):
    content = run_report(tmp_path, "2024-Q1", ext)
    assert len(content) > 1000
    if ext == "pdf":
        assert "menerima 0 laporan" in "\n".join(pdf_pages(content))
