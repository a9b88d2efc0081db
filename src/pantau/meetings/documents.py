"""Invitation letters and the activity report (laporan kegiatan) as PDF (typst) and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils import timezone

from pantau.lib import fmt
from pantau.lib.periods import WIB, parse_period

from . import actions

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPST_DIR = Path(__file__).parent / "typst"
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _letterhead() -> tuple[dict, bytes | None, str]:
    from pantau.reports.models import ReportSettings

    s = ReportSettings.current()
    logo, name = None, ""
    if s.logo:
        with s.logo.open("rb") as f:
            logo, name = f.read(), "logo" + (Path(s.logo.name).suffix.lower() or ".png")
    lh = {"government": s.government, "office": s.office, "address": s.address, "contact": s.contact,
          "sign_place": s.sign_place, "signer_title": s.signer_title, "signer_name": s.signer_name or "(nama)",
          "signer_nip": s.signer_nip or "-", "logo_file": name}
    return lh, logo, name


def _when(meeting) -> dict:
    local = meeting.starts_at.astimezone(WIB)
    return {"day": HARI[local.weekday()], "date": fmt.day(local), "time": f"{local:%H.%M} WIB s.d. selesai"}


def _scorecard_rows(meeting) -> list[list[str]]:
    rows = []
    for inv in meeting.invitations.select_related("agency"):
        s = inv.scorecard_before or {}
        rows.append([str(inv.rank), inv.agency.name, fmt.number(s.get("received")), fmt.percent(s.get("followed_up_share")),
                     fmt.percent(s.get("first_follow_up_on_time_share")), fmt.number(s.get("index"), 2), s.get("zone") or "-"])
    return rows


def letters_data(meeting) -> dict:
    lh, _, _ = _letterhead()
    today = timezone.now().astimezone(WIB).date()
    return {
        "letterhead": lh, "number": meeting.letter_number or "-", "date": f"{lh['sign_place']}, {fmt.day(today)}",
        "title": meeting.title, "when": _when(meeting), "place": meeting.place,
        "agenda": meeting.agenda_items(), "speakers": meeting.speaker_items(),
        "addressees": [inv.addressee or f"Kepala {inv.agency.name}" for inv in meeting.invitations.select_related("agency")],
    }


def invitation_letters_pdf(meeting) -> bytes:
    from pantau.lib.pdf import compile_pdf

    lh, logo, name = _letterhead()
    files = {"common.typ": (TYPST_DIR / "common.typ").read_bytes(), **({name: logo} if logo else {})}
    return compile_pdf((TYPST_DIR / "invitation.typ").read_text(), letters_data(meeting), files=files)


def activity_data(meeting) -> dict:
    lh, _, _ = _letterhead()
    present = [a for a in meeting.attendees.select_related("agency") if a.present]
    invited = list(meeting.invitations.select_related("agency"))
    present_agencies = {a.agency_id for a in present if a.agency_id}
    before_after = []
    for row in actions.before_and_after(meeting):
        b, a = row["before"], row["after"] or {}
        before_after.append([row["agency"].name, fmt.number(b.get("index"), 2), fmt.number(a.get("index"), 2) if a else "-",
                             fmt.percent(b.get("followed_up_share")), fmt.percent(a.get("followed_up_share")) if a else "-"])
    after_key = actions.after_period(meeting)
    return {
        "letterhead": lh, "title": meeting.title, "when": _when(meeting), "place": meeting.place,
        "period_label": parse_period(meeting.period).label(),
        "after_label": parse_period(after_key).label() if after_key else "",
        "background": meeting.background or (
            "Sesuai Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik dan "
            "Peraturan Menteri PANRB Nomor 62 Tahun 2018, Dinas Komunikasi, Informatika, Statistik dan Persandian "
            "Provinsi Banten menyelenggarakan rapat koordinasi dengan admin penghubung SP4N-LAPOR! perangkat "
            "daerah untuk membahas perkembangan tindak lanjut dan mekanisme penyelesaian laporan masyarakat."),
        "agenda": meeting.agenda_items(), "speakers": meeting.speaker_items(),
        "invited_count": fmt.number(len(invited)), "present_agency_count": fmt.number(len(present_agencies)),
        "present": [[a.name, a.position or "-", a.agency.name if a.agency_id else "-"] for a in present],
        "absent_agencies": [inv.agency.name for inv in invited if inv.agency_id not in present_agencies],
        "scorecards": _scorecard_rows(meeting), "before_after": before_after,
        "minutes": [p.strip() for p in meeting.minutes.split("\n\n") if p.strip()],
        "decisions": [[d.text, d.agency.name if d.agency_id else "-", fmt.day(d.due_date) if d.due_date else "-",
                       d.get_status_display()] for d in meeting.decisions.select_related("agency")],
        "carried": [[d.text, d.agency.name if d.agency_id else "-", d.meeting.title, d.get_status_display(), d.follow_up_note]
                    for d in meeting.reviewed_decisions.select_related("agency", "meeting")],
        "photos": [{"file": f"photo{i}{Path(p.image.name).suffix.lower()}", "caption": p.caption}
                   for i, p in enumerate(meeting.photos.all())],
        "sign_date": f"{lh['sign_place']}, {fmt.day(timezone.now())}",
    }


def activity_report_pdf(meeting) -> bytes:
    from pantau.lib.pdf import compile_pdf

    lh, logo, name = _letterhead()
    files = {"common.typ": (TYPST_DIR / "common.typ").read_bytes(), **({name: logo} if logo else {})}
    for i, p in enumerate(meeting.photos.all()):
        with p.image.open("rb") as f:
            files[f"photo{i}{Path(p.image.name).suffix.lower()}"] = f.read()
    return compile_pdf((TYPST_DIR / "activity.typ").read_text(), activity_data(meeting), files=files)


def activity_report_docx(meeting) -> bytes:
    from docx import Document
    from docx.shared import Cm, Pt

    d = activity_data(meeting)
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    lh = d["letterhead"]
    for text, size in ((lh["government"], 13), (lh["office"], 12), (lh["address"], 9)):
        p = doc.add_paragraph()
        p.alignment = 1
        run = p.add_run(text)
        run.bold, run.font.size = size > 10, Pt(size)
    doc.add_heading("LAPORAN KEGIATAN", level=0)
    doc.add_paragraph(d["title"])
    doc.add_heading("I. Latar Belakang dan Dasar Hukum", level=1)
    doc.add_paragraph(d["background"])
    doc.add_heading("II. Pelaksanaan", level=1)
    doc.add_paragraph(f"Hari/tanggal: {d['when']['day']}, {d['when']['date']}; waktu: {d['when']['time']}; tempat: {d['place']}.")
    for item in d["agenda"]:
        doc.add_paragraph(item, style="List Number")
    if d["speakers"]:
        doc.add_paragraph("Narasumber: " + "; ".join(d["speakers"]))
    doc.add_heading("III. Peserta", level=1)
    doc.add_paragraph(f"Perangkat daerah diundang: {d['invited_count']}; hadir: {d['present_agency_count']}.")
    _docx_table(doc, ["Nama", "Jabatan", "Perangkat daerah"], d["present"])
    doc.add_heading(f"IV. Kinerja Perangkat Daerah yang Diundang ({d['period_label']})", level=1)
    _docx_table(doc, ["No", "Perangkat daerah", "Laporan", "Ditindaklanjuti", "TL pertama tepat waktu", "Indeks", "Zona"], d["scorecards"])
    if d["before_after"]:
        doc.add_paragraph(f"Sebelum ({d['period_label']}) dan sesudah rapat ({d['after_label'] or 'belum tersedia'}):")
        _docx_table(doc, ["Perangkat daerah", "Indeks sebelum", "Indeks sesudah", "TL sebelum", "TL sesudah"], d["before_after"])
    doc.add_heading("V. Notulen", level=1)
    for para in d["minutes"] or ["-"]:
        doc.add_paragraph(para)
    doc.add_heading("VI. Keputusan dan Tindak Lanjut", level=1)
    _docx_table(doc, ["Keputusan", "Penanggung jawab", "Tenggat", "Status"], d["decisions"])
    if d["carried"]:
        doc.add_paragraph("Keputusan rapat sebelumnya yang ditinjau:")
        _docx_table(doc, ["Keputusan", "Penanggung jawab", "Rapat", "Status", "Catatan"], d["carried"])
    if meeting.photos.exists():
        doc.add_heading("VII. Dokumentasi", level=1)
        for p in meeting.photos.all():
            with p.image.open("rb") as f:
                doc.add_picture(io.BytesIO(f.read()), width=Cm(12))
            doc.add_paragraph(p.caption)
    doc.add_paragraph(f"\n{d['sign_date']}\n{lh['signer_title']}\n\n\n{lh['signer_name']}\nNIP. {lh['signer_nip']}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows or [["-"] * len(header)]:
        for cell, text in zip(table.add_row().cells, row, strict=False):
            cell.text = str(text)
