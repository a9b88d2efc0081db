"""Realistic, messy LAPOR!-like export files written for the importer's tests."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl

HEADERS = ["No", "Tracking ID", "Tanggal Laporan Masuk", "Judul", "Isi Laporan", "Klasifikasi",
           "Kategori", "Kanal", "Area", "Anonim", "Status", "Instansi", "Tanggal Disposisi",
           "Tanggal Tindak Lanjut", "Tindak Lanjut", "Tanggal Selesai"]


def report(tracking_id, **changes) -> dict:
    """One report as an export row (header -> cell), with realistic defaults."""
    row = {
        "No": 1, "Tracking ID": tracking_id, "Tanggal Laporan Masuk": "12 Maret 2024 14:05",
        "Judul": "Jalan berlubang di Jl. Raya Serang", "Isi Laporan": "Mohon segera diperbaiki, sudah 3 bulan.",
        "Klasifikasi": "Pengaduan", "Kategori": "Pekerjaan Umum dan Penataan Ruang > Jalan Berlubang",
        "Kanal": "Website", "Area": "Kab. Serang", "Anonim": "Tidak", "Status": "Proses",
        "Instansi": "Dinas Pekerjaan Umum dan Penataan Ruang", "Tanggal Disposisi": "13/03/2024 09:00",
        "Tanggal Tindak Lanjut": "", "Tindak Lanjut": "", "Tanggal Selesai": "",
    }
    row.update(changes)
    return row



def march_reports() -> list[dict]:
    """Five reports of a March 2024 export: an agency by alias, "Terdisposisi ke ...", a tracking ID
    typed as a number and one with "#", an anonymous one, a follow-up, an unverified one."""
    return [
        report("9165816"),
        report(9165817, **{"Judul": "Antrean RSUD lama", "Kategori": "Kesehatan > Pelayanan Rumah Sakit",
                           "Instansi": "Dinas Kesehatan", "Area": "Tangsel", "Status": "Terdisposisi ke Dinas Kesehatan"}),
        report("#9165818", **{"Status": "Proses", "Kanal": "SMS 1708", "Anonim": "Ya", "Area": "KOTA SERANG"}),
        report("9165819", **{"Status": "Ditindaklanjuti oleh Instansi", "Tanggal Tindak Lanjut": "15/03/2024 10:00",
                             "Tindak Lanjut": "Sudah dijadwalkan perbaikan."}),
        report("9165820", **{"Status": "Belum Terverifikasi", "Instansi": "", "Tanggal Disposisi": ""}),
    ]

def write_xlsx(path: Path, rows: list[dict], headers=HEADERS, *, title=True, blank_tail=3,
               sheet="Laporan", extra_sheets=()) -> Path:
    """An XLSX as office staff make them: a merged title row above the header, blank rows after."""
    book = openpyxl.Workbook()
    for name in extra_sheets:  # sheets before the data, e.g. a cover page
        cover = book.create_sheet(name, 0)
        cover["A1"] = "Rekapitulasi pengaduan"
    ws = book.active if not extra_sheets else book.create_sheet(sheet)
    ws.title = sheet
    if title:
        ws["A1"] = "REKAP LAPORAN SP4N-LAPOR! PEMPROV BANTEN"
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws["A2"] = "Periode: Triwulan I 2024"
        ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h, "") for h in headers])
    for _ in range(blank_tail):
        ws.append([None] * len(headers))
    book.save(path)
    return path


def header_row_number(title=True) -> int:
    return 4 if title else 1


def write_csv(path: Path, rows: list[dict], headers=HEADERS, *, delimiter=",", encoding="utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_text(row.get(h, "")) for h in headers])
    return path


def _text(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return "" if value is None else str(value)
