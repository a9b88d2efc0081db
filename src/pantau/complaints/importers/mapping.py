"""Which column of an export holds which of Pantau's fields: header synonyms and fuzzy matching.

LAPOR!'s admin export format is not public and varies, so headers are matched by name: exact
synonyms first (the old open-data names, the public report card's words, Pantau's own export),
then a fuzzy match for typos and decorations ("Tgl. Masuk Laporan", "TANGGAL_LAPORAN_MASUK").
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

# field -> (label for people, synonyms). Synonyms are compared after `header_key()`.
FIELDS: dict[str, tuple] = {
    "tracking_id": (_("Tracking ID"), [
        "TrackingID", "Tracking ID", "Nomor Tracking", "No Tracking", "No. Tracking", "Kode Tracking",
        "ID Laporan", "Nomor Laporan", "No Laporan", "Kode Laporan", "Tracking", "ID Tracking"]),
    "received_at": (_("Received"), [
        "TanggalLaporanMasuk", "Tanggal Laporan Masuk", "Tanggal Masuk", "Tanggal Laporan",
        "Tanggal Lapor", "Tanggal", "Waktu Laporan", "Waktu Masuk", "Tanggal Dibuat", "Dibuat",
        "Diterima", "Tanggal Diterima", "Created", "Received", "Date"]),
    "title": (_("Title"), ["Judul", "Judul Laporan", "Title", "Subjek", "Perihal"]),
    "text": (_("Report text"), [
        "Isi Laporan", "Isi", "Laporan", "Uraian", "Uraian Laporan", "Deskripsi", "Text", "Isi Aduan"]),
    "kind": (_("Classification"), [
        "Klasifikasi", "Klasifikasi Laporan", "Jenis Laporan", "Jenis", "Tipe Laporan", "Kind"]),
    "supervisory": (_("Supervisory content"), [
        "Berkadar Pengawasan", "Kadar Pengawasan", "Pengawasan", "Supervisory"]),
    "category": (_("Category"), [
        "Kategori", "KategoriID", "Kategori Laporan", "Topik", "Category", "Kategori Utama"]),
    "subcategory": (_("Sub-category"), [
        "Sub Kategori", "Subkategori", "Sub Topik", "Kategori Turunan", "Subcategory"]),
    "channel": (_("Channel"), [
        "Kanal", "Sumber", "Sumber Laporan", "Kanal Laporan", "Media", "Channel", "Saluran"]),
    "region": (_("Regency/city"), [
        "Area", "AreaID", "Wilayah", "Kabupaten/Kota", "Kab/Kota", "Lokasi", "Daerah", "Region"]),
    "privacy": (_("Privacy (public/anonymous/secret)"), [
        "Sifat", "Sifat Laporan", "Privasi", "Kerahasiaan", "Jenis Privasi"]),
    "is_anonymous": (_("Anonymous"), ["Anonim", "Anonymous", "Laporan Anonim"]),
    "is_secret": (_("Secret"), ["Rahasia", "Secret", "Laporan Rahasia"]),
    "reporter_name": (_("Reporter's name"), ["Nama Pelapor", "Pelapor", "Nama", "Reporter"]),
    "reporter_phone": (_("Reporter's phone"), [
        "Telepon", "No HP", "No. HP", "Nomor HP", "Telepon Pelapor", "No Telepon", "HP", "Phone",
        "No HP Pelapor", "Nomor HP Pelapor", "No Telepon Pelapor"]),
    "reporter_email": (_("Reporter's e-mail"), ["Email", "E-mail", "Email Pelapor", "Surel"]),
    "reporter_id_number": (_("Reporter's NIK"), ["NIK", "NIK Pelapor", "No KTP", "Nomor Induk Kependudukan"]),
    "verified_at": (_("Verified"), [
        "Tanggal Verifikasi", "TanggalVerifikasi", "Waktu Verifikasi", "Diverifikasi", "Verified"]),
    "disposed_at": (_("Disposed"), [
        "TanggalDisposisi", "Tanggal Disposisi", "Waktu Disposisi", "Didisposisi", "Disposed"]),
    "first_follow_up_at": (_("First follow-up"), [
        "Tanggal Tindak Lanjut Pertama", "Tindak Lanjut Pertama", "Tanggal Tanggapan Pertama",
        "First Follow-up"]),
    "follow_up_at": (_("Follow-up date"), [
        "Tanggal Tindak Lanjut", "Waktu Tindak Lanjut", "Tanggal Tanggapan", "Tanggal Jawaban",
        "Follow-up date"]),
    "follow_up_text": (_("Follow-up"), [
        "Tindak Lanjut", "Isi Tindak Lanjut", "Tanggapan", "Tanggapan Instansi", "Jawaban", "Follow-up",
        "Tindak Lanjut Terakhir", "Tanggapan Terakhir", "Jawaban Terakhir"]),
    "last_activity_at": (_("Last activity"), [
        "TanggalLaporanAktivitasTerakhir", "Tanggal Laporan Aktivitas Terakhir",
        "Tanggal Aktivitas Terakhir", "Aktivitas Terakhir", "Terakhir Diperbarui", "Last activity"]),
    "completed_at": (_("Completed"), [
        "TanggalLaporanDitutup", "Tanggal Laporan Ditutup", "Tanggal Ditutup", "Tanggal Selesai",
        "Waktu Selesai", "Ditutup", "Completed"]),
    "agency": (_("Agency"), [
        "Instansi", "DisposisiInstansi", "DisposisiInstansiID", "Disposisi Instansi",
        "Terdisposisi ke", "Terdisposisi", "Instansi Tujuan", "Disposisi", "OPD", "Perangkat Daerah",
        "Instansi Terdisposisi", "Agency"]),
    "status": (_("Status"), ["Status", "Status Laporan", "Status Terakhir", "Tahapan"]),
}
REQUIRED = ("tracking_id", "received_at")
FUZZY_CUTOFF = 87


ABBREVIATIONS = {"tgl": "tanggal", "no": "nomor", "nmr": "nomor", "nr": "nomor", "kab": "kabupaten"}


def header_key(header) -> str:
    """A header reduced to lower-case letters and digits, abbreviations spelled out:
    "Tgl. Masuk" -> "tanggalmasuk", "TanggalLaporanMasuk" -> "tanggallaporanmasuk"."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text).lower()
    return "".join(ABBREVIATIONS.get(word, word) for word in re.findall(r"[0-9a-z]+", text))


SYNONYMS: dict[str, str] = {}
for _field, (_label, _words) in FIELDS.items():
    for _word in [_field, *_words]:
        SYNONYMS.setdefault(header_key(_word), _field)


def _candidates(header) -> list[tuple[float, str]]:
    """(score, field) pairs for one header, best first; 100 for an exact synonym."""
    key = header_key(header)
    if not key:
        return []
    if key in SYNONYMS:
        return [(100.0, SYNONYMS[key])]
    scored: dict[str, float] = {}
    for synonym, field in SYNONYMS.items():
        score = fuzz.ratio(key, synonym)
        if score >= FUZZY_CUTOFF and score > scored.get(field, 0):
            scored[field] = score
    return sorted(((s, f) for f, s in scored.items()), reverse=True)


def detect_mapping(headers) -> dict[str, str]:
    """{field: header} guessed from the headers; each field and each header used at most once.

    Exact synonyms win over fuzzy matches; among equals the leftmost column wins.
    """
    offers = []
    for position, header in enumerate(headers):
        for score, field in _candidates(header):
            offers.append((-score, position, field, header))
    mapping: dict[str, str] = {}
    used: set[int] = set()
    for _score, position, field, header in sorted(offers, key=lambda o: (o[0], o[1])):
        if field not in mapping and position not in used:
            mapping[field] = str(header)
            used.add(position)
    return mapping


def is_tracking_header(header) -> bool:
    """Does this header name the tracking-ID column? (Used to find the header row and the sheet.)"""
    return any(field == "tracking_id" for _score, field in _candidates(header))


def label(field: str) -> str:
    """The field's name for people, in the active language."""
    return str(FIELDS[field][0])
