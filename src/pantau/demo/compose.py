"""Compose demo texts and fictional people from templates with a seeded random generator.

Every reporter is invented: phone numbers use the 0000 block, e-mails the reserved `.example` domain,
and NIKs the non-existent kecamatan code 00, so none can belong to a real person."""

import random
import re

from . import texts
from .catalog import REGIONS, RegionSpec

FIRST_NAMES = (
    "Ahmad", "Agus", "Asep", "Budi", "Dedi", "Dian", "Eka", "Endang", "Fajar", "Hendra", "Ikhsan", "Imam",
    "Iwan", "Joko", "Kurniawan", "Lukman", "Maman", "Muhammad", "Nana", "Rahmat", "Rizki", "Sahrul",
    "Slamet", "Taufik", "Ujang", "Wahyu", "Yusuf", "Zainal", "Aisyah", "Ani", "Dewi", "Eneng", "Fitri",
    "Heni", "Ika", "Indah", "Lilis", "Mega", "Nurhayati", "Nia", "Putri", "Ratna", "Rina", "Siti",
    "Sri", "Tuti", "Umi", "Wulan", "Yanti", "Yuli",
)
LAST_NAMES = (
    "Saputra", "Hidayat", "Setiawan", "Pratama", "Maulana", "Kurnia", "Suryana", "Hermawan", "Sopian",
    "Rohman", "Mulyadi", "Firmansyah", "Nugraha", "Gunawan", "Wijaya", "Sulaeman", "Fauzi", "Ramdani",
    "Lestari", "Rahayu", "Handayani", "Susanti", "Permatasari", "Wahyuni", "Kartika", "Nurjanah", "",
)
VILLAGE_PREFIX = ("Desa", "Kelurahan", "Kampung")
VILLAGES = (
    "Sukamaju", "Sukajaya", "Cibodas", "Cikoneng", "Margasari", "Tanjungsari", "Pasirjaya", "Bojong",
    "Karangsari", "Sindangsari", "Mekarsari", "Cijambu", "Kadubeureum", "Panancangan", "Kaligandu",
    "Cigadung", "Sukarena", "Pagedangan", "Kebonsari", "Sumurpecung", "Kubangsari", "Tegalmaja",
)
HEAD_TITLES = ("Drs. H.", "Dr. H.", "Ir. H.", "H.", "Hj.", "Dr.", "")
HEAD_SUFFIXES = (", M.Si.", ", M.M.", ", S.T., M.T.", ", M.Kes.", ", S.H., M.H.", ", M.Pd.", ", S.E., M.Ak.")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
SINCE = ("sejak dua minggu lalu", "sejak bulan lalu", "sejak awal tahun", "sejak tiga bulan lalu",
         "sejak Lebaran kemarin", "sejak musim hujan kemarin", "sejak hampir setahun lalu")
SIGHTS = {"kab-serang": ("Pantai Anyer", "Danau Tasikardi"), "kab-pandeglang": ("Pantai Carita", "Tanjung Lesung", "Pulau Umang"),
          "kab-lebak": ("Pantai Sawarna", "Pantai Bagedur"), "kota-serang": ("Kawasan Banten Lama",),
          "kota-cilegon": ("Pantai Kelapa Tujuh",), "kab-tangerang": ("Pantai Tanjung Pasir",)}
ALL_SIGHTS = tuple(s for sights in SIGHTS.values() for s in sights)
ALL_COAST = tuple(c for r in REGIONS for c in r.coast)
DURATIONS = ("dua minggu", "sebulan", "dua bulan", "tiga bulan", "enam bulan", "hampir setahun", "lebih dari setahun", "sepuluh hari")
PLATE_SUFFIX = ("A", "B")
SCHOOL_KINDS = ("SMAN", "SMAN", "SMKN", "SMKN", "SLBN")
HOSPITALS = {"rsud-banten": "RSUD Banten", "rsud-malingping": "RSUD Malingping",
             "rsud-labuan": "RSUD Labuan", "rsud-cilograng": "RSUD Cilograng"}
SAMSATS = {"samsat-serang": "Samsat Serang", "samsat-ciputat": "Samsat Ciputat",
           "samsat-balaraja": "Samsat Balaraja", "samsat-cikokol": "Samsat Cikokol"}
_FIELD = re.compile(r"\{(\w+)\}")


def person(rng: random.Random, region: RegionSpec) -> dict:
    """An invented reporter: name, phone, e-mail, NIK (kecamatan code 00 does not exist)."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = f"{first} {last}".strip()
    handle = f"{first}.{last or rng.randint(10, 99)}{rng.randint(1, 999)}".lower()
    born = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(55, 99) if rng.random() < 0.8 else rng.randint(0, 6))
    female = first in FIRST_NAMES[28:]
    day = born[0] + (40 if female else 0)
    region_code = {"kab-pandeglang": "01", "kab-lebak": "02", "kab-tangerang": "03", "kab-serang": "04",
                   "kota-tangerang": "71", "kota-cilegon": "72", "kota-serang": "73", "kota-tangsel": "74"}
    nik = f"36{region_code[region.slug]}00{day:02d}{born[1]:02d}{born[2]:02d}{rng.randint(1, 9999):04d}"
    return {
        "reporter_name": name,
        "reporter_phone": f"08{rng.choice('1257')}{rng.randint(1, 9)}-0000-{rng.randint(0, 9999):04d}",
        "reporter_email": f"{handle}@contoh.example",
        "reporter_id_number": nik,
    }


def head_of_agency(rng: random.Random, slug: str) -> tuple[str, str]:
    """An invented head of agency and a `.example` address that can never reach anyone."""
    name = f"{rng.choice(HEAD_TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES[:-1])}".strip()
    return name + rng.choice(HEAD_SUFFIXES), f"kepala.{slug}@pantau-demo.example"


def place_values(rng: random.Random, region: RegionSpec, agency_slug: str) -> dict:
    """Values for every placeholder in texts.py, drawn for one report."""
    kab, kec = region.aliases[0], rng.choice(region.places)
    return {
        "kec": kec,
        "desa": f"{rng.choice(VILLAGE_PREFIX)} {rng.choice(VILLAGES)}",
        "kab": kab,
        "road": rng.choice(region.roads),
        "school": school(rng, region, kec),
        "hospital": HOSPITALS.get(agency_slug, "RSUD Banten"),
        "samsat": SAMSATS.get(agency_slug, rng.choice(list(SAMSATS.values()))),
        "n": str(rng.randint(2, 9)),
        "n4": f"{rng.randint(0, 9999):04d}",
        "lama": rng.choice(DURATIONS),
        "sejak": rng.choice(SINCE),
        "pesisir": rng.choice(region.coast or ALL_COAST),
        "wisata": rng.choice(SIGHTS.get(region.slug) or ALL_SIGHTS),
        "beras": f"Rp{rng.choice((14, 15, 16, 17))}.{rng.choice((0, 5))}00",
        "gas": f"Rp{rng.choice((25, 28, 30, 35))}.000",
        "pupuk": f"Rp{rng.choice((150, 175, 200, 250))}.000",
        "pajak": rupiah(rng.randint(2, 40) * 50_000),
        "iuran": f"Rp{rng.choice((50, 75, 100, 150, 200))}.000",
        "ongkos": f"Rp{rng.choice((8, 10, 12, 15))}.000",
        "hari": rng.choice(DAYS[:6]),
        "tgl": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
        "rp": rupiah(rng.choice((25, 50, 75, 100, 150, 250, 300, 500, 750, 1500)) * 1000),
        "plat": f"{rng.choice(PLATE_SUFFIX)} {rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}",
        "slug": agency_slug,
    }


def school(rng: random.Random, region: RegionSpec, kec: str) -> str:
    """A provincial school: "SMAN 2 Menes" in a kabupaten, "SMKN 7 Tangerang" in a city."""
    kind = rng.choice(SCHOOL_KINDS)
    if region.kind == "kabupaten":
        return f"{kind} {rng.randint(1, 3)} {kec}"
    return f"{kind} {rng.randint(1, 12)} {region.name.removeprefix('Kota ')}"


def rupiah(amount: int) -> str:
    """"Rp1.500.000", as Indonesians write amounts."""
    return f"Rp{amount:,}".replace(",", ".")


def fill(template: str, values: dict) -> str:
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def available_kind(kind: str, top: str) -> str:
    """The kind itself when there are templates for it in this category, else "pengaduan"."""
    table = {"aspirasi": texts.ASPIRASI, "informasi": texts.INFORMASI}.get(kind)
    return kind if table is None or top in table else "pengaduan"


def report_text(rng: random.Random, top: str, sub: str, kind: str, values: dict) -> tuple[str, str]:
    """(title, text) of one report of the given category and kind; the title fits the text."""
    if kind == "pengaduan":
        titles, body = rng.choice(texts.REPORTS[sub])
        title = rng.choice(titles)
    else:
        titles, bodies = (texts.ASPIRASI if kind == "aspirasi" else texts.INFORMASI)[top]
        i = rng.randrange(len(bodies))
        body = bodies[i]
        title = titles[i] if len(titles) == len(bodies) else rng.choice(titles)
    openings = texts.OPENINGS if kind == "pengaduan" else texts.OPENINGS[:7]  # no "I want to complain"
    parts = [rng.choice(openings), body, " ", rng.choice(texts.DETAILS if kind == "pengaduan" else texts.ASIDES),
             rng.choice(texts.CLOSINGS)]
    title, text = fill(title, values), fill("".join(parts), values).strip()
    return title[:1].upper() + title[1:], text[:1].upper() + text[1:]


def answer_text(rng: random.Random, quality: str, sub: str | None, values: dict, posted_day: str) -> str:
    """A follow-up answer of quality "good", "medium" or "poor"."""
    if quality == "poor":
        return rng.choice(texts.POOR_ANSWERS)
    if quality == "medium":
        return rng.choice(texts.MEDIUM_ANSWERS)
    action = rng.choice(texts.ACTIONS.get(sub, texts.DEFAULT_ACTIONS))
    contact = fill(rng.choice(texts.CONTACTS), values)
    filled = {**values, "tindakan": action, "Tindakan": action[:1].upper() + action[1:],
              "kontak": contact, "unit": rng.choice(texts.UNITS), "tgl": posted_day}
    return fill(rng.choice(texts.GOOD_ANSWERS), filled)


def region_weights() -> list[float]:
    return [r.weight for r in REGIONS]
