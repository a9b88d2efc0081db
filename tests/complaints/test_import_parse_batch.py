"""RowParser.parse_batch (columns.py) against the row-by-row RowParser.parse, which it must equal exactly."""

import random
from datetime import UTC, datetime, time, timedelta, timezone
from itertools import repeat

import pytest

from pantau.complaints.importers.lapor import choose_mapping
from pantau.complaints.importers.readers import read_table
from pantau.complaints.importers.resolvers import AgencyResolver, CategoryResolver, RegionResolver
from pantau.complaints.importers.rows import RowParser
from pantau.complaints.models import Category
from tests.complaints.exports import HEADERS, march_reports, report, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

EXTRA_HEADERS = ["Nama Pelapor", "No. HP Pelapor", "Email", "NIK", "Tanggal Verifikasi", "Sifat", "Rahasia",
                 "Berkadar Pengawasan", "Sub Kategori", "Aktivitas Terakhir", "Tindak Lanjut Pertama"]
AGENCY_NAMES = ["Dinas Kesehatan", "Dinkes", "Dinas Kesehatan Provinsi Banten", "Dis. Kesehatan Prov. Banten",
                "Dinas Perhubungan", "Dishub", "BPBD", "Diskominfo Banten", "RSUD Banten",
                "Dinas Pekerjaan Umum & Penataan Ruang"]
UNKNOWN_AGENCIES = ["Dinas Kesehatn", "Dinas Pariwisata", "Polres Serang"]


def parser_for(headers, mapping, *, create=False) -> RowParser:
    """A parser with its own resolvers, as Session makes it."""
    return RowParser(headers, mapping, AgencyResolver(), CategoryResolver(create=create), RegionResolver())


def items_of(parser: RowParser, rows) -> list[tuple]:
    """(number, cells, tracking ID, hash) of the rows Session would parse."""
    found = []
    for number, cells in rows:
        tracking_id = parser.tracking_id(cells)
        if tracking_id:
            found.append((number, cells, tracking_id, parser.row_hash(cells)))
    return found


def shape(value):
    """A value with its type, and for a datetime its time zone and fold (equal datetimes in other zones differ)."""
    if isinstance(value, tuple):
        return tuple(shape(v) for v in value)
    return type(value), repr(value)


def outcome(result) -> tuple:
    row, problems = result
    plain = [(p.field, p.value, p.reason) for p in problems]
    if row is None:
        return None, plain
    return (row, [(key, shape(value)) for key, value in row.values.items()], shape(row.follow_up),
            shape((row.number, row.tracking_id, row.row_hash))), plain


def side_effects(parser: RowParser) -> tuple:
    """Everything parsing leaves behind, in insertion order."""
    return (list(parser.warnings.items()),
            [(field, list(cache.items())) for field, cache in parser.readings.items()],
            list(parser.agencies.cache.items()), list(parser.agencies.unknown.items()),
            list(parser.categories.cache.items()), list(parser.categories.created),
            list(parser.regions.cache.items()), sorted(parser.regions.unknown))


def assert_same_reading(headers, mapping, items, chunk_sizes=(5000,), *, create=False):
    """parse_batch over chunks of the items gives exactly what parse gives row by row.

    Returns parse's results and how many rows parse_batch read again with parse."""
    by_row, by_batch = parser_for(headers, mapping, create=create), parser_for(headers, mapping, create=create)
    fallbacks = []
    by_batch.parse = lambda *item: fallbacks.append(item[0]) or RowParser.parse(by_batch, *item)
    expected = [(result, outcome(result)) for result in (by_row.parse(*item) for item in items)]
    got, start, sizes = [], 0, iter(chunk_sizes)
    while start < len(items):
        size = next(sizes, chunk_sizes[-1])
        got += [outcome(result) for result in by_batch.parse_batch(items[start:start + size])]
        start += size
    assert len(got) == len(expected)
    for item, mine, (_result, theirs) in zip(items, got, expected, strict=True):
        assert mine == theirs, item
    assert side_effects(by_batch) == side_effects(by_row)
    return [result for result, _plain in expected], len(fallbacks)


# ------------------------------------------------------------------ the import tests' rows


def messy_reports() -> list[dict]:
    return [
        *march_reports(),
        report("200", **{"Tanggal Laporan Masuk": 45363.5868055556, "Tanggal Disposisi": 45364}),
        report("101", **{"Tanggal Laporan Masuk": "2024-03-12 08:00"}),
        report("701", **{"Tanggal Laporan Masuk": "31 Februari 2024"}),
        report("702", **{"Tanggal Disposisi": "kemarin sore"}),
        report("703", **{"Tanggal Laporan Masuk": datetime(2024, 3, 12, 14, 5)}),
        report("9165821", Instansi="Dinas Kesehatn"),
        report("1300", Status="Terdisposisi ke Dinas Kesehatan", Instansi="Dinas Perhubungan"),
        report("1301", Status="Terdisposisi ke Dinkes", Instansi="Dinas Kesehatan Provinsi Banten"),
        report("1302", Status="Terdisposisi ke Dinkes", Instansi=""),
        report("1303", Status="Terdisposisi ke Dinas Pariwisata"),
        report("1304", Status="Sedang dipikirkan", Kanal="Merpati pos", Area="Jakarta Selatan", Klasifikasi="Gosip"),
        report("1305", Anonim="mungkin", Judul="x" * 501),
        *[report(str(300 + i), Instansi=name) for i, name in enumerate(AGENCY_NAMES)],
        *[report(str(500 + i), Area=area) for i, area in enumerate(
            ["Kab. Lebak", "KABUPATEN TANGERANG", "Kota Cilegon", "Tangsel", "Tangerang", "Jakarta Selatan"])],
        report("600", No=1), report("601"), report("600", Judul="Lain"),
        report("1306", Status="", Instansi="", **{"Tanggal Laporan Masuk": ""}),
        report("x" * 33),
    ]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_batches_of_the_import_tests_messy_rows_read_as_row_by_row(tmp_path, agencies, regions, kind):
    rows = messy_reports() * 3  # the second and third copies meet warm caches
    path = write_xlsx(tmp_path / "messy.xlsx", rows) if kind == "xlsx" else write_csv(tmp_path / "messy.csv", rows)
    table = read_table(path)
    mapping = choose_mapping(table.headers, None, None)
    probe = parser_for(table.headers, mapping)
    items = items_of(probe, table.rows)
    expected, fallbacks = assert_same_reading(table.headers, mapping, items, chunk_sizes=(7, 1, 30, 5000))
    assert any(row is None for row, _problems in expected) and any(row for row, _problems in expected)
    assert fallbacks < len(items)


def test_new_categories_are_created_in_the_same_order(tmp_path, agencies, regions):
    rows = [report(str(i), Kategori=f"Kategori {i % 4} > Sub {i % 3}") for i in range(20)]
    table = read_table(write_xlsx(tmp_path / "new.xlsx", rows))
    mapping = choose_mapping(table.headers, None, None)
    items = items_of(parser_for(table.headers, mapping), table.rows)
    by_row = parser_for(table.headers, mapping, create=True)
    expected = [by_row.parse(*item) for item in items]
    names = {c.pk: str(c) for c in Category.objects.all()}
    Category.objects.exclude(parent=None).delete()
    Category.objects.all().delete()
    by_batch = parser_for(table.headers, mapping, create=True)
    got = by_batch.parse_batch(items[:8]) + by_batch.parse_batch(items[8:])
    assert by_batch.categories.created == by_row.categories.created
    again = {c.pk: str(c) for c in Category.objects.all()}
    assert ([names[row.values["category_id"]] for row, _problems in expected]
            == [again[row.values["category_id"]] for row, _problems in got])


def test_plain_rows_meeting_warm_caches_are_read_without_falling_back(tmp_path, agencies, regions, monkeypatch):
    rows = [report(str(i), **{"Tanggal Laporan Masuk": datetime(2024, 3, 1 + i % 28, 8, i % 60),
                              "Instansi": AGENCY_NAMES[i % len(AGENCY_NAMES)], "Status": ["Proses", "Selesai", ""][i % 3]})
            for i in range(60)]
    table = read_table(write_xlsx(tmp_path / "plain.xlsx", rows))
    mapping = choose_mapping(table.headers, None, None)
    parser = parser_for(table.headers, mapping)
    items = items_of(parser, table.rows)
    parser.parse_batch(items[:30])
    calls = []
    original = RowParser.parse
    monkeypatch.setattr(RowParser, "parse", lambda self, *item: calls.append(item[0]) or original(self, *item))
    second = parser.parse_batch(items[30:])
    assert calls == [] and all(row is not None for row, _problems in second)


# ------------------------------------------------------------------ random messy rows


def dates(rng: random.Random):
    moment = datetime(2024, 1, 1, 7) + timedelta(minutes=rng.randrange(60 * 24 * 500))
    return rng.choice([
        moment, moment, moment.replace(tzinfo=UTC), moment.replace(tzinfo=timezone(timedelta(hours=8))),
        moment.date(), moment.strftime("%d/%m/%Y %H:%M"), moment.strftime("%d/%m/%Y %H:%M"),
        moment.strftime("%d/%m/%Y"), f"  {moment:%d/%m/%Y %H:%M} ", f"{moment.day}/{moment:%m/%Y %H:%M}",
        moment.strftime("%Y-%m-%d %H:%M:%S"), moment.strftime("%d-%m-%y"), moment.strftime("%d.%m.%Y %H.%M"),
        f"{moment.day} Maret {moment.year} {moment:%H:%M}", f"Senin, {moment.day} Agustus {moment.year}",
        f"March {moment.day}, {moment.year}", moment.strftime("%d/%m/%Y %H:%M WITA"),
        moment.strftime("%d/%m/%Y %H:%M +0800"), moment.strftime("%d/%m/%Y %H:%M XYZQ"),
        moment.isoformat() + "+07:00", moment.isoformat() + ".5Z", "31/02/2024 10:00", "12/03/2024 25:00",
        "12/13/2024 10:00", "31/02/2024", "١٢/03/2024 09:00", "+1/03/2024 09:00", "1_2/03/2024 09:00",
        "12/03/2024T09:00", "45363.5", "45363,25", 45363.5868055556, 45364, 12, 99999.0, True, False,
        "", "", None, "-", "--", "kemarin sore", "12 Foo 2024", time(9, 30), timedelta(hours=3), float("nan"),
    ])


def texts(rng: random.Random, limit: int | None):
    words = " ".join(rng.choices(["jalan", "rusak", "mohon", "segera", "sekolah", "Café", "“banjir”"], k=rng.randrange(1, 8)))
    return rng.choice([words, words, f"  {words}\t", "", None, 8123456789.0, 3174012345678901, 12.5,
                       datetime(2024, 3, 12, 8, 0), "x" * ((limit or 600) + rng.choice([0, 1, 40]))])


VALUES = {
    "kind": ["Pengaduan", "Aspirasi", "Permintaan Informasi", "WBS", "keluhan", "Gosip", "", None, 1, " pengaduan "],
    "flag": ["Ya", "Tidak", "1", "0", 1, 0, 1.0, 0.0, True, False, 2, "mungkin", "", None, "  "],
    "channel": ["Website", "SMS 1708", "Aplikasi Android", "Twitter", "WhatsApp", "Merpati pos", "", None, 5, "website"],
    "privacy": ["Publik", "Anonim", "Rahasia", "Terbuka", "???", "", None],
    "region": ["Kab. Serang", "Tangsel", "KOTA SERANG", "Tangerang", "Jakarta Selatan", "Kab. Lebak", "", None, 7],
    "category": ["Kesehatan > Pelayanan Rumah Sakit", "Pelayanan Rumah Sakit", "Jalan / Berlubang", " > ", "", 1, True, "1",
                 None, "Kategori Baru", "Pekerjaan Umum dan Penataan Ruang > Jalan Berlubang"],
    "subcategory": ["", "", "Sub Baru", None, "Pelayanan Rumah Sakit"],
    "name": ["Siti Aminah", "Anonim", " ANONYMOUS ", "Rahasia", "dirahasiakan", "", None, "Warga 12"],
}
STATUSES = ["Belum Terverifikasi", "Proses", "Ditindaklanjuti oleh Instansi", "Ditanggapi oleh Pelapor", "Selesai",
            "Selesai otomatis", "Tunda", "Bukan Wewenang", "completed", "Sedang dipikirkan", "", None, 3, "   "]


def status(rng: random.Random, agency):
    if rng.random() < 0.35:
        named = agency if isinstance(agency, str) and agency and rng.random() < 0.6 else rng.choice(AGENCY_NAMES + UNKNOWN_AGENCIES)
        return rng.choice(["Terdisposisi ke {}", "Didisposisikan kepada: {}", "terdisposisi ke  {} "]).format(named)
    return rng.choice(STATUSES)


CLEAN = {"Judul": "Jalan rusak", "Isi Laporan": "Mohon segera.", "Klasifikasi": "Pengaduan", "Kanal": "Website",
         "Area": "Kab. Serang", "Anonim": "Tidak", "Sifat": "Publik", "Rahasia": "Tidak", "Berkadar Pengawasan": "Tidak",
         "NIK": "3174012345678901", "Email": "a@b.id", "Sub Kategori": "", "Nama Pelapor": "Warga 12",
         "No. HP Pelapor": "081234567899", "Kategori": "Kesehatan > Pelayanan Rumah Sakit", "Status": "Proses",
         "Tindak Lanjut": ""}


def random_row(rng: random.Random, headers: list[str], number: int, messy: float, odd: float) -> list:
    """A row whose cells are messy with probability `messy`, else typical of a clean export; with
    probability `odd`, the row is short, long or has empty (None) cells."""
    moment = datetime(2024, 3, 1, 8) + timedelta(minutes=rng.randrange(100_000))
    agency = rng.choice(AGENCY_NAMES * 3 + UNKNOWN_AGENCIES + ["", None])
    cell = {
        "No": number, "Tracking ID": rng.choice([str(10_000 + number), f"#{10_000 + number}", 10_000.0 + number,
                                                   10_000 + number]) if rng.random() > 0.01 else "9" * 33,
        "Tanggal Laporan Masuk": dates(rng), "Judul": texts(rng, 500), "Isi Laporan": texts(rng, None),
        "Klasifikasi": rng.choice(VALUES["kind"]), "Kategori": rng.choice(VALUES["category"]),
        "Kanal": rng.choice(VALUES["channel"]), "Area": rng.choice(VALUES["region"]), "Anonim": rng.choice(VALUES["flag"]),
        "Status": status(rng, agency), "Instansi": agency, "Tanggal Disposisi": dates(rng),
        "Tanggal Tindak Lanjut": dates(rng), "Tindak Lanjut": rng.choice(["", "Sudah ditangani.", None, "  "]),
        "Tanggal Selesai": dates(rng), "Nama Pelapor": rng.choice(VALUES["name"] + [texts(rng, 200)]),
        "No. HP Pelapor": texts(rng, 40), "Email": texts(rng, 200), "NIK": texts(rng, 32),
        "Tanggal Verifikasi": dates(rng), "Sifat": rng.choice(VALUES["privacy"]), "Rahasia": rng.choice(VALUES["flag"]),
        "Berkadar Pengawasan": rng.choice(VALUES["flag"]), "Sub Kategori": rng.choice(VALUES["subcategory"]),
        "Aktivitas Terakhir": dates(rng), "Tindak Lanjut Pertama": dates(rng),
    }
    midnight = rng.random() < 0.05  # calamine reads a date at midnight as a date
    clean = {**CLEAN, "Tanggal Laporan Masuk": moment.date() if midnight else moment,
             "Tanggal Disposisi": f"{moment:%d/%m/%Y}" if midnight else f"{moment:%d/%m/%Y %H:%M}",
             "Instansi": rng.choice(AGENCY_NAMES), "Tanggal Selesai": "", "Tanggal Verifikasi": "",
             "Tanggal Tindak Lanjut": rng.choice(["", f"{moment + timedelta(days=2):%d/%m/%Y %H:%M}"]),
             "Aktivitas Terakhir": "", "Tindak Lanjut Pertama": ""}
    cells = [cell[h] if h not in clean or rng.random() < messy else clean[h] for h in headers]
    shape = rng.random() / odd if odd else 1
    if shape < 1 / 3:
        return cells[: rng.randrange(len(cells))]  # a short row
    if shape < 2 / 3:
        return cells + ["extra", None]
    if shape < 1:
        return [None if rng.random() < 0.3 else value for value in cells]
    return cells


def random_mapping(rng: random.Random, headers: list[str]) -> dict[str, str]:
    """The detected mapping with some columns left out (never the tracking ID and date received)."""
    mapping = choose_mapping(headers, None, None)
    for field in list(mapping):
        if field not in ("tracking_id", "received_at") and rng.random() < 0.25:
            del mapping[field]
    return mapping


@pytest.mark.parametrize("seed", range(16))
def test_batches_of_random_messy_rows_read_as_row_by_row(agencies, regions, seed):
    Category.objects.create(name="Pelayanan Rumah Sakit", parent=Category.objects.create(name="Kesehatan"))
    rng = random.Random(seed)
    headers = HEADERS + EXTRA_HEADERS
    rng.shuffle(headers)
    mapping = choose_mapping(headers, None, None) if seed < 3 else random_mapping(rng, headers)
    if seed == 15:
        del mapping["received_at"]  # every row is rejected
    messy = [0, 0.005, 0.02, 0.1, 0.5][seed % 5]
    rows = [(number, random_row(rng, headers, number, messy, 0.15 if messy else 0)) for number in range(5, 1205)]
    items = items_of(parser_for(headers, mapping), rows)
    chunks = (5000,) if seed % 4 == 0 else (rng.randrange(1, 50), 200, 1, 0, 400, 700)
    expected, fallbacks = assert_same_reading(headers, mapping, items, chunk_sizes=chunks)
    if seed == 15:
        assert all(row is None for row, _problems in expected)
        return
    assert any(row for row, _problems in expected)
    assert fallbacks < len(items) / (2 if messy <= 0.02 else 1)  # the column path is taken
    if messy >= 0.02:
        assert any(row is None for row, _problems in expected)


ODD_TEXT_DATES = ["31/02/2024 10:00", "12/03/2024 25:00", "12/03/2024 09:60", "12-03-2024 09:00", " 12/03/2024 09:00 ",
                  "1 /03/2024 09:00", "12/03/2024x09:00", "12/03/2024 9:00 ", "12/03/2024X", "1/3/2024 09:00",
                  "١٢/03/2024 09:00", "+1/03/2024 09:00", "   ", "12x03x2024 09:00", "12/03/2024 09x00",
                  "12/03x2024 09:00", "12/03/2024 0:900", "2024-03-12 09:00", "12/03/2024 09:00 WITA",
                  "12/03/2024 09:0 ", " 2/03/2024 09:00"]


@pytest.mark.parametrize("column", [
    ["12/03/2024 09:00", "13/03/2024 10:15", "", "14/03/2024", "01/01/2025 23:59"],
    *[["12/03/2024 09:00", odd, "", "14/03/2024"] for odd in ODD_TEXT_DATES],
    [datetime(2024, 3, 12, 9, 0), datetime(2024, 3, 12).date(), datetime(2024, 3, 13, 23, 59, 59, 999999)],
    [datetime(2024, 3, 12, 9, 0), datetime(2024, 3, 12, 9, 0, tzinfo=UTC), datetime(2024, 3, 12, 9, fold=1)],
    [datetime(2024, 3, 12, 9, 0), "", None, datetime(2024, 3, 12).date(), 45363.5, "12/03/2024 09:00"],
])
def test_columns_of_dates_of_one_kind_read_as_row_by_row(agencies, regions, column):
    """Each column holds only these cells, so that the column passes meet them together."""
    headers = ["Tracking ID", "Tanggal Laporan Masuk", "Tanggal Disposisi", "Tanggal Tindak Lanjut", "Tindak Lanjut"]
    mapping = choose_mapping(headers, None, None)
    values = column * 3
    for received in (repeat(datetime(2024, 3, 1, 8)), values):
        rows = [[str(100 + i), moment, value, value, "ya" if i % 2 else ""]
                for i, (moment, value) in enumerate(zip(received, values, strict=False))]
        assert_same_reading(headers, mapping, items_of(parser_for(headers, mapping), enumerate(rows, start=2)))


def test_cells_that_are_one_dictionary_key_but_different_texts_read_as_row_by_row(agencies, regions):
    """1, 1.0 and True are equal keys; as text they are "1", "1" and "True"."""
    agencies["dinkes"].aliases = ["1"]
    agencies["dinkes"].save(update_fields=["aliases"])
    regions["Kota Cilegon"].aliases = ["1"]
    regions["Kota Cilegon"].save(update_fields=["aliases"])
    headers = ["Tracking ID", "Tanggal Laporan Masuk", "Status", "Instansi", "Area", "Kategori"]
    mapping = choose_mapping(headers, None, None)
    plain = {"Instansi": "Dinkes", "Area": "Kota Serang", "Kategori": "Kesehatan"}
    for column in plain:  # one column at a time, so that nothing else rejects the row
        rows = [[str(100 + i), datetime(2024, 3, 1, 8), status, *(value if c == column else plain[c] for c in plain)]
                for i, (status, value) in enumerate((s, v) for s in ("", "Proses") for v in [1, 1.0, True, "1", "True"] * 2)]
        items = items_of(parser_for(headers, mapping), enumerate(rows, start=2))
        assert_same_reading(headers, mapping, items, chunk_sizes=(1, 3, 5000))
