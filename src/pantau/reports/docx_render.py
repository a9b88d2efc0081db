"""The report as an editable Word file (python-docx), with the same content as the PDF.

Word cannot show SVG everywhere, so charts are rasterised to PNG by typst (already our PDF engine;
no extra system library needed).
"""

import io

import typst
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from pantau.lib.pdf import font_dir


def svg_to_png(svg: str, ppi: int = 150) -> bytes:
    """Rasterise one SVG chart with typst, page sized to the picture."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="pantau-png-") as tmp:
        root = Path(tmp)
        (root / "c.svg").write_text(svg, encoding="utf-8")
        (root / "main.typ").write_text('#set page(width: auto, height: auto, margin: 0pt)\n#image("c.svg", width: 16cm)\n')
        return typst.compile(str(root / "main.typ"), root=str(root), format="png", ppi=ppi,
                             font_paths=[str(font_dir())], ignore_system_fonts=True)


def docx(doc: dict, logo: bytes | None = None) -> bytes:
    """The report as DOCX bytes: letterhead, cover, sections with tables and charts, signature."""
    d = Document()
    _page_setup(d)
    _kop(d, doc, logo)
    _cover(d, doc)
    for s in doc["sections"]:
        d.add_heading(f"{s['number']}. {s['title']}", level=1)
        if s["key"] == "foreword" and doc["letterhead"]["recipients"]:
            d.add_paragraph("Yth.")
            for r in doc["letterhead"]["recipients"]:
                d.add_paragraph(r, style="List Bullet")
        for b in s["blocks"]:
            if "p" in b:
                d.add_paragraph(b["p"])
            else:
                for x in b["list"]:
                    d.add_paragraph(x, style="List Bullet")
        for it in s["items"]:
            _item(d, it)
    _signature(d, doc)
    if doc["appendix"]["items"]:
        d.add_page_break()
        d.add_heading(doc["appendix"]["title"], level=1)
        for i in doc["appendix"]["items"]:
            p = d.add_paragraph()
            p.add_run(i["name"]).bold = True
            d.add_paragraph(i["text"])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _page_setup(d) -> None:
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    d.styles["Normal"].font.name = "DejaVu Sans"
    d.styles["Normal"].font.size = Pt(10)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Halaman ")
    _field(footer, "PAGE")
    footer.add_run(" dari ")
    _field(footer, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    for tag, text in (("w:fldChar", "begin"), ("w:instrText", code), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), text)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = code
        run._r.append(el)


def _kop(d, doc: dict, logo: bytes | None) -> None:
    lh = doc["letterhead"]
    if logo:
        try:
            d.add_picture(io.BytesIO(logo), height=Cm(2.2))
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        except Exception:  # an SVG or odd logo file: the text letterhead still stands
            pass
    for text, size in ((lh["government"], 14), (lh["office"], 12), (lh["address"], 9), (lh["contact"], 9)):
        if not text:
            continue
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = size > 10
    _bottom_rule(d.paragraphs[-1])


def _bottom_rule(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _cover(d, doc: dict) -> None:
    for text, size, bold in ((doc["title"].upper(), 18, True), (doc["period_label"], 15, True),
                             (doc["period_range"], 11, False),
                             (f"Disusun oleh {doc['letterhead']['office']}", 11, False),
                             (doc["version"], 9, False)):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(24)
        r = p.add_run(text)
        r.font.size, r.bold = Pt(size), bold
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _item(d, it: dict) -> None:
    if "table" in it:
        _table(d, it["table"])
    elif "chart" in it:
        d.add_picture(io.BytesIO(svg_to_png(it["chart"]["svg"])), width=Cm(15.5))
        cap = d.add_paragraph(f"Grafik: {it['chart']['title']}")
        cap.runs[0].italic = True
    elif "list" in it:
        d.add_heading(it["title"], level=2)
        style = "List Number" if it.get("numbered") else "List Bullet"
        for x in it["list"]:
            d.add_paragraph(x, style=style)


def _table(d, t: dict) -> None:
    if t.get("title"):
        d.add_heading(t["title"], level=2)
    size = Pt(7) if t.get("small") else Pt(8.5)
    table = d.add_table(rows=1, cols=len(t["header"]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    align = t.get("align") or []
    _row(table.rows[0], t["header"], size, align, bold=True)
    _repeat_header(table.rows[0])
    for r in t["rows"]:
        _row(table.add_row(), r, size, align)
    if t.get("note"):
        d.add_paragraph(t["note"]).runs[0].italic = True


def _row(row, values, size, align, bold=False) -> None:
    for i, (cell, v) in enumerate(zip(row.cells, values, strict=False)):
        cell.text = ""
        p = cell.paragraphs[0]
        if i < len(align) and align[i] == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(str(v))
        run.font.size, run.bold = size, bold


def _repeat_header(row) -> None:
    """Mark the first row as a header so Word repeats it on every page the table spans."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _signature(d, doc: dict) -> None:
    sig = doc["signature"]
    for text, bold in ((sig["place_date"], False), (sig["title"], False), ("", False), ("", False),
                       (sig["name"], True), (sig["nip"], False)):
        p = d.add_paragraph()
        p.paragraph_format.left_indent = Cm(8)
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(text)
        r.bold = bold
        r.underline = bold
