"""Render the report document (document.py) to PDF (typst), HTML (one file) and DOCX (docx_render)."""

import base64
import copy
import mimetypes
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from pantau.lib.pdf import compile_pdf
from pantau.lib.periods import WIB

TEMPLATE = Path(__file__).parent / "typst" / "report.typ"


@cache
def _template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def _charts(doc: dict):
    for section in doc["sections"]:
        for item in section["items"]:
            if "chart" in item:
                yield item["chart"]


def _logo_name(logo: bytes | None, logo_name: str) -> str:
    ext = Path(logo_name or "logo.png").suffix.lower() or ".png"
    return f"logo{ext}" if logo else ""


def pdf(doc: dict, logo: bytes | None = None, logo_name: str = "", issued: date | None = None) -> bytes:
    """The report as PDF/A-2b; the same document and issue date give the same bytes."""
    doc = copy.deepcopy(doc)
    files: dict[str, bytes] = {}
    for chart in _charts(doc):
        chart["file"] = f"chart-{chart['name']}.svg"
        files[chart["file"]] = chart.pop("svg").encode("utf-8")
    doc["logo_file"] = _logo_name(logo, logo_name)
    if logo:
        files[doc["logo_file"]] = logo
    stamp = datetime.combine(issued, time(8), tzinfo=WIB).astimezone(UTC) if issued else None
    return compile_pdf(_template(), doc, files, timestamp=stamp)


def html(doc: dict, logo: bytes | None = None, logo_name: str = "") -> str:
    """The report as one self-contained HTML file: inline CSS, inline SVG, the logo as a data URI."""
    doc = copy.deepcopy(doc)
    for chart in _charts(doc):
        # Our own matplotlib output, not user text: matplotlib escapes every label it writes.
        chart["svg"] = mark_safe(_strip_xml_header(chart["svg"]))
    logo_uri = ""
    if logo:
        mime = mimetypes.guess_type(logo_name or "logo.png")[0] or "image/png"
        logo_uri = f"data:{mime};base64,{base64.b64encode(logo).decode()}"
    return render_to_string("reports/document.html", {"doc": doc, "logo_uri": logo_uri})


def _strip_xml_header(svg: str) -> str:
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def produce(fmt: str, data: dict, sections: dict, version_label: str, issued: date) -> bytes:
    """One file of the report in `fmt` (pdf, docx or html) from its data and edited sections."""
    from . import data as report_data
    from .document import build
    from .docx_render import docx

    doc = build(data, sections, version_label, issued, public=(fmt == "html"))
    logo = report_data.logo_bytes(data)
    logo_name = data.get("letterhead", {}).get("logo", "")
    if fmt == "pdf":
        return pdf(doc, logo, logo_name, issued)
    if fmt == "docx":
        return docx(doc, logo)
    if fmt == "html":
        return html(doc, logo, logo_name).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; use pdf, docx or html")
