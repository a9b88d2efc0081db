"""Rendering of the report document to PDF, DOCX and HTML, on a small fixed data dict."""

import io
import re
from datetime import date

import pypdf
import pytest
from docx import Document

from pantau.reports import render
from pantau.reports.data import agency_changes
from pantau.reports.document import build
from pantau.reports.docx_render import docx

from . import fake

ISSUED = date(2024, 4, 5)


@pytest.fixture
def doc():
    d = fake.data()
    d["changes"] = agency_changes(d["stats"], d["previous_stats"])
    return build(d, {}, "Versi 1 (draf)", ISSUED, with_charts=False)


def pdf_text(content: bytes) -> tuple[list[str], int]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [p.extract_text() for p in reader.pages], len(reader.pages)


def test_the_pdf_numbers_every_page_as_halaman_x_dari_n(doc):
    pages, n = pdf_text(render.pdf(doc, issued=ISSUED))
    assert n >= 4
    assert f"Halaman 1 dari {n}" in pages[0]
    assert f"Halaman {n} dari {n}" in pages[-1]


def test_the_pdf_prints_data_with_typst_markup_characters_literally(doc):
    text = "\n".join(pdf_text(render.pdf(doc, issued=ISSUED))[0])
    assert "Jalan Rusak #1 *tebal* $x$ <b>" in text
    assert "DINAS KOMUNIKASI #x *y*" in text
    assert "Nama [Pejabat]" in text


def test_the_pdf_shows_numbers_and_dates_the_indonesian_way(doc):
    text = "\n".join(pdf_text(render.pdf(doc, issued=ISSUED))[0])
    assert "1.234" in text
    assert "61,0%" in text
    assert "1 Januari 2024 s.d. 31 Maret 2024" in text
    assert "Serang, 5 April 2024" in text
    assert "NIP. 197001012000031001" in text


def test_the_same_document_gives_the_same_pdf_bytes(doc):
    assert render.pdf(doc, issued=ISSUED) == render.pdf(doc, issued=ISSUED)


def test_the_pdf_declares_pdf_a_2b(doc):
    content = render.pdf(doc, issued=ISSUED)
    reader = pypdf.PdfReader(io.BytesIO(content))
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[>=\"']+2", raw)
    assert re.search(r"pdfaid:conformance[>=\"']+B", raw)


def test_the_agency_table_header_repeats_when_the_table_spans_pages(doc):
    many = fake.data()
    many["stats"]["agencies"] = [dict(a, name=f"{a['name']} {i}", slug=f"{a['slug']}-{i}")
                                 for i in range(12) for a in fake.agencies()]
    many["changes"] = []
    content = render.pdf(build(many, {}, "v", ISSUED, with_charts=False), issued=ISSUED)
    pages, _n = pdf_text(content)
    with_table = [p for p in pages if "Dinas Sosial 11" in p or "Dinas Sosial 0" in p]
    headed = [p for p in pages if "Perangkat Daerah" in p and "Peringkat" in p]
    assert len(headed) >= 2, "the table's header must be printed again on the next page"
    assert with_table


def test_an_edited_section_replaces_the_drafted_text(doc):
    d = fake.data()
    edited = build(d, {"summary": "Teks ringkasan yang ditulis koordinator."}, "v", ISSUED, with_charts=False)
    text = "\n".join(pdf_text(render.pdf(edited, issued=ISSUED))[0])
    assert "Teks ringkasan yang ditulis koordinator." in text
    assert "Selama Triwulan I 2024, Pemerintah Provinsi Banten menerima" not in text


def test_the_docx_has_the_same_sections_numbers_and_a_repeating_table_header(doc):
    d = Document(io.BytesIO(docx(doc)))
    text = "\n".join(p.text for p in d.paragraphs)
    for s in doc["sections"]:
        assert f"{s['number']}. {s['title']}" in text
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert "1.234" in cells and "61,0%" in cells
    agency = next(t for t in d.tables if t.rows[0].cells[0].text == "Peringkat")
    assert agency.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_the_html_is_one_file_without_external_assets(doc):
    html = render.html(doc)
    assert "<link" not in html and "<script" not in html
    assert not re.search(r'src="(?!data:)', html)
    assert "Jalan Rusak #1 *tebal* $x$ &lt;b&gt;" in html
