"""Which column holds which field: synonyms, decorations, typos."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.complaints.importers.mapping import FIELDS, detect_mapping, header_key

OPEN_DATA = ["TrackingID", "KategoriID", "DisposisiInstansiID", "AreaID", "Area", "TanggalLaporanMasuk",
             "TanggalDisposisi", "TanggalLaporanAktivitasTerakhir", "TanggalLaporanDitutup", "Status"]


def test_it_maps_the_old_open_data_columns():
    mapping = detect_mapping(OPEN_DATA)
    assert mapping == {
        "tracking_id": "TrackingID", "category": "KategoriID", "agency": "DisposisiInstansiID",
        "region": "AreaID", "received_at": "TanggalLaporanMasuk", "disposed_at": "TanggalDisposisi",
        "last_activity_at": "TanggalLaporanAktivitasTerakhir", "completed_at": "TanggalLaporanDitutup",
        "status": "Status",
    }


def test_it_maps_the_words_of_the_public_report_card():
    mapping = detect_mapping(["Nomor Tracking", "Judul", "Isi Laporan", "Kategori", "Terdisposisi ke",
                              "Sumber", "Anonim", "Tanggal", "Status"])
    assert mapping == {"tracking_id": "Nomor Tracking", "title": "Judul", "text": "Isi Laporan",
                       "category": "Kategori", "agency": "Terdisposisi ke", "channel": "Sumber",
                       "is_anonymous": "Anonim", "received_at": "Tanggal", "status": "Status"}


@pytest.mark.parametrize("header, field", [
    ("TANGGAL_LAPORAN_MASUK", "received_at"), ("Tgl. Laporan Masuk", "received_at"),
    ("No. Tracking", "tracking_id"), ("  tracking id ", "tracking_id"), ("Tanggal Dispossi", "disposed_at"),
    ("Kab/Kota", "region"), ("No. HP", "reporter_phone"),
])
def test_decorated_and_misspelt_headers_are_recognised(header, field):
    assert detect_mapping([header]) == {field: header}


def test_an_exact_synonym_beats_a_fuzzy_one_and_each_column_is_used_once():
    mapping = detect_mapping(["Tanggal Laporan Masukk", "Tanggal Laporan Masuk", "Status", "Status"])
    assert mapping == {"received_at": "Tanggal Laporan Masuk", "status": "Status"}


def test_unrelated_headers_are_left_unmapped():
    assert detect_mapping(["No", "Keterangan", "Kolom1", "Paraf"]) == {}


SYNONYMS = [(field, word) for field, (_label, words) in FIELDS.items() for word in words]


def decorate(word: str, style: int) -> str:
    return [word, word.upper(), word.lower(), word.replace(" ", "_"), f" {word}  ", word.replace(" ", ""),
            word.title()][style]


@given(st.lists(st.sampled_from(SYNONYMS), min_size=1, max_size=8, unique_by=lambda s: s[0]),
       st.lists(st.integers(0, 6), min_size=8, max_size=8), st.randoms(use_true_random=False))
def test_any_set_of_synonyms_in_any_order_and_dress_maps_each_to_its_field(chosen, styles, random):
    headers = [decorate(word, style) for (_f, word), style in zip(chosen, styles, strict=False)]
    order = list(range(len(headers)))
    random.shuffle(order)
    shuffled = [headers[i] for i in order] + ["Keterangan", "Paraf Petugas"]
    mapping = detect_mapping(shuffled)
    expected = {field: headers[i] for i, (field, _w) in enumerate(chosen)}
    # Two synonyms of different fields may share a key only if FIELDS is inconsistent: it is not.
    assert {f: header_key(h) for f, h in mapping.items()} == {f: header_key(h) for f, h in expected.items()}


def test_no_synonym_is_claimed_by_two_fields():
    owners = {}
    for field, word in SYNONYMS:
        owners.setdefault(header_key(word), set()).add(field)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
