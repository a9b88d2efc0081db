"""Chart functions: valid, deterministic SVG with an accessible name and Indonesian numbers."""

import xml.etree.ElementTree as ET

import pytest

from pantau.lib import charts

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.fixture(params=["bar", "bar_vertical", "stacked", "line", "donut"])
def draw(request):
    """A function drawing one kind of chart from fixed rows."""
    return lambda: _draw(request.param)


@pytest.fixture
def drawn(draw):
    return draw()


def _draw(kind):
    if kind == "bar":
        return charts.bar([("Dinas Kesehatan", 1234), ("DPUPR", 56)], title="Laporan per OPD")
    if kind == "bar_vertical":
        return charts.bar([("Jan", 3), ("Feb", 4)], title="Per bulan", horizontal=False)
    if kind == "stacked":
        return charts.stacked_bar(["Jan", "Feb"], {"Selesai": [10, 20], "Proses": [5, 6]}, title="Status")
    if kind == "line":
        return charts.line(["Jan", "Feb", "Mar"], {"OPD": [50.5, None, 70.0], "Provinsi": [55, 58, 60]},
                           title="Indeks", value_format="percent", reference={"Batas 50%": 50})
    return charts.donut([("Pengaduan", 120), ("Aspirasi", 30)], title="Klasifikasi")


def test_every_chart_is_valid_xml_named_by_its_title(drawn):
    root = ET.fromstring(drawn)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    first = next(iter(root))
    assert first.tag == f"{SVG}title" and first.text


def test_the_same_rows_draw_the_same_bytes(draw):
    first = draw()
    assert draw() == first
    assert "dc:date" not in first


def test_a_bar_chart_is_deterministic_and_writes_indonesian_numbers():
    rows = [("Dinas Kesehatan", 1234), ("DPUPR", 56.0)]
    svg = charts.bar(rows, title="Laporan per OPD")
    assert svg == charts.bar(rows, title="Laporan per OPD")
    assert "1.234" in texts(svg)
    assert "Dinas Kesehatan" in texts(svg)


def test_percent_values_use_a_decimal_comma():
    svg = charts.bar([("Dinkes", 56.7)], title="Ditindaklanjuti", value_format="percent")
    assert "56,7%" in texts(svg)


def test_an_empty_chart_says_there_is_no_data():
    assert "Tidak ada data" in texts(charts.bar([], title="Kosong"))
    assert "Tidak ada data" in texts(charts.donut([("A", 0)], title="Kosong"))


def test_series_use_different_hatching_so_they_survive_grey_printing():
    svg = charts.stacked_bar(["Jan"], {"A": [1], "B": [1], "C": [1]}, title="Hatch")
    assert svg.count("<pattern") >= 2  # B and C are hatched, A is solid
