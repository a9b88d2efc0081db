"""Every LAPOR! status word of DOMAIN.md, and the other small vocabularies."""

import pytest

from pantau.complaints.importers.statuses import read_bool, read_channel, read_kind, read_status


@pytest.mark.parametrize("word, status", [
    ("Belum", "unverified"), ("Belum Terverifikasi", "unverified"), ("Belum Ditindaklanjuti", "disposed"),
    ("Proses", "in_process"), ("Ditindaklanjuti oleh Instansi", "followed_up"),
    ("Ditanggapi oleh Pelapor", "reporter_replied"), ("Selesai", "completed"),
    ("Selesai otomatis", "completed"), ("Tunda", "postponed"), ("Arsip", "archived"),
    ("Bukan Wewenang", "not_authorised"), ("SELESAI", "completed"), ("  proses ", "in_process"),
    ("Completed", "completed"), ("followed_up", "followed_up"),
])
def test_every_status_word_maps(word, status):
    assert read_status(word).status == status


def test_selesai_otomatis_marks_the_automatic_close():
    assert read_status("Selesai otomatis").auto_closed
    assert not read_status("Selesai").auto_closed


@pytest.mark.parametrize("word, agency", [
    ("Terdisposisi ke Dinas Kesehatan", "Dinas Kesehatan"),
    ("Terdisposisi ke: RSUD Banten", "RSUD Banten"),
    ("terdisposisi kepada Dinas Perhubungan Provinsi Banten", "Dinas Perhubungan Provinsi Banten"),
])
def test_terdisposisi_ke_gives_the_agency(word, agency):
    reading = read_status(word)
    assert (reading.status, reading.agency_name) == ("disposed", agency)


def test_an_unknown_status_is_not_guessed():
    assert read_status("Sedang dibahas") is None


@pytest.mark.parametrize("word, expected", [
    ("Pengaduan", ("pengaduan", False)), ("Aspirasi", ("aspirasi", False)),
    ("Permintaan Informasi", ("informasi", False)), ("Pengaduan Berkadar Pengawasan", ("pengaduan", True)),
])
def test_classifications_map(word, expected):
    assert read_kind(word) == expected


@pytest.mark.parametrize("word, channel", [
    ("Website", "website"), ("SMS 1708", "sms"), ("Aplikasi Android", "aplikasi"), ("Twitter", "twitter"),
    ("@LAPOR1708", "twitter"), ("WhatsApp", "whatsapp"), ("Kanal Daerah", "kanal_daerah"),
])
def test_channels_map(word, channel):
    assert read_channel(word) == channel


@pytest.mark.parametrize("value, expected", [("Ya", True), ("tidak", False), (1, True), (0.0, False),
                                             ("TRUE", True), ("Anonim", True), ("mungkin", None)])
def test_yes_and_no(value, expected):
    assert read_bool(value) is expected
