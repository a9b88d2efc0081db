"""Write the reports in the database as a LAPOR!-like admin export (XLSX), messy the way real ones are:
title rows above the header, dates as Indonesian text in some columns and Excel dates in others,
agencies and regions as the exports write them (aliases), categories in capitals, yes/no as words."""

import random
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from pantau.complaints.models import Complaint, FollowUp
from pantau.lib.periods import MONTHS_ID, WIB, Period

TITLE = "Rekap Laporan SP4N-LAPOR! Provinsi Banten"
HEADERS = (
    "No", "Tracking ID", "Tanggal Laporan", "Judul Laporan", "Isi Laporan", "Kategori", "Klasifikasi",
    "Berkadar Pengawasan", "Sumber", "Status", "Terdisposisi ke", "Tanggal Verifikasi", "Tanggal Disposisi",
    "Tanggal Tindak Lanjut", "Tindak Lanjut Terakhir", "Tanggal Aktivitas Terakhir", "Tanggal Selesai",
    "Lokasi", "Anonim", "Rahasia", "Nama Pelapor", "No. HP Pelapor", "Email Pelapor", "NIK Pelapor",
)
KIND_WORDS = {"pengaduan": "Pengaduan", "aspirasi": "Aspirasi", "informasi": "Permintaan Informasi"}
CHANNEL_WORDS = {"website": "Website", "sms": "SMS 1708", "aplikasi": "Aplikasi Mobile", "twitter": "Twitter",
                 "whatsapp": "WhatsApp", "kanal_daerah": "Kanal Daerah", "media_sosial": "Media Sosial", "lainnya": "Lainnya"}
DATE_FORMAT = "dd/mm/yyyy hh:mm"


def text_moment(dt: datetime | None) -> str:
    """"12 Maret 2024 14:05" (WIB), as the admin panel prints dates."""
    if dt is None:
        return ""
    local = dt.astimezone(WIB)
    return f"{local.day} {MONTHS_ID[local.month - 1]} {local.year} {local:%H:%M}"


def slash_moment(dt: datetime | None) -> str:
    return dt.astimezone(WIB).strftime("%d/%m/%Y %H:%M") if dt else ""


def excel_cell(ws, dt: datetime | None):
    """An Excel date cell (naive WIB: Excel has no time zones), or an empty cell."""
    if dt is None:
        return None
    cell = WriteOnlyCell(ws, value=dt.astimezone(WIB).replace(tzinfo=None))
    cell.number_format = DATE_FORMAT
    return cell


def written_name(name: str, aliases: list, tracking_id: str) -> str:
    """The official name or one of its aliases, chosen per report (stable for the same report)."""
    choices = [name, *aliases]
    return random.Random(tracking_id).choice(choices)


def yes_no(flag: bool) -> str:
    return "Ya" if flag else "Tidak"


def write_export(path, period: Period | None = None, exported_at: datetime | None = None) -> int:
    """Write the export file and return the number of report rows."""
    reports = Complaint.objects.select_related("agency", "category__parent", "region").order_by("received_at", "id")
    if period is not None:
        reports = reports.filter(received_at__gte=period.start, received_at__lt=period.end)
    last_answers = dict(FollowUp.objects.filter(complaint__in=reports).order_by("posted_at")
                        .values_list("complaint_id", "text"))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Laporan")
    ws.append([TITLE])
    scope = period.label() if period else "Semua laporan"
    ws.append([f"Periode: {scope}", None, f"Tanggal ekspor: {text_moment(exported_at)}" if exported_at else None])
    ws.append([])
    ws.append(list(HEADERS))
    n = 0
    for n, c in enumerate(reports.iterator(chunk_size=2000), start=1):
        ws.append(_row(ws, n, c, last_answers.get(c.id, "")))
    wb.save(path)
    return n


def _row(ws, n: int, c: Complaint, last_answer: str) -> list:
    agency = written_name(c.agency.name, c.agency.aliases, c.tracking_id) if c.agency else ""
    status = c.status_text or c.get_status_display()
    if c.status == "disposed" and agency:
        status = f"Terdisposisi ke {agency}"
    category = str(c.category).upper() if c.category else ""
    region = written_name(c.region.name, c.region.aliases, c.tracking_id + "r") if c.region else ""
    return [
        n, c.tracking_id, text_moment(c.received_at), c.title, c.text, category, KIND_WORDS.get(c.kind, c.kind),
        yes_no(c.supervisory), CHANNEL_WORDS.get(c.channel, c.channel), status, agency,
        slash_moment(c.verified_at), excel_cell(ws, c.disposed_at), slash_moment(c.first_follow_up_at),
        last_answer, text_moment(c.last_activity_at), excel_cell(ws, c.completed_at), region,
        yes_no(c.is_anonymous), yes_no(c.is_secret), c.reporter_name, c.reporter_phone, c.reporter_email,
        c.reporter_id_number,
    ]
