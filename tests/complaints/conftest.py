import pytest

from pantau.agencies.models import Agency, Region

BANTEN = [("Kabupaten Pandeglang", "kabupaten"), ("Kabupaten Lebak", "kabupaten"),
          ("Kabupaten Tangerang", "kabupaten"), ("Kabupaten Serang", "kabupaten"),
          ("Kota Tangerang", "kota"), ("Kota Cilegon", "kota"), ("Kota Serang", "kota"),
          ("Kota Tangerang Selatan", "kota")]


@pytest.fixture
def regions(db):
    """Banten's eight kabupaten/kota, as the agencies migration creates them."""
    found = {region.name: region for region in Region.objects.all()}
    assert {(name, kind) for name, kind in BANTEN} == {(r.name, r.kind) for r in found.values()}
    return found


@pytest.fixture
def agencies(db, dinkes, pupr):
    """A handful of OPDs, with the aliases exports use."""
    dinkes.aliases = ["Dinas Kesehatan Provinsi Banten"]
    dinkes.save(update_fields=["aliases"])
    found = {"dinkes": dinkes, "pupr": pupr}
    for slug, name, short, kind in [
        ("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo", "dinas"),
        ("dindikbud", "Dinas Pendidikan dan Kebudayaan", "Dindikbud", "dinas"),
        ("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan"),
        ("rsud-banten", "RSUD Banten", "RSUD Banten", "rsud"),
        ("dishub", "Dinas Perhubungan", "Dishub", "dinas"),
    ]:
        found[slug] = Agency.objects.create(name=name, short_name=short, slug=slug, kind=kind)
    return found
