"""Banten's kabupaten/kota in text: a gazetteer with common spellings, abbreviations and places.

Each region has a key; Region rows are found by kind and core name, whatever their slug.
Explicit names ("Kab. Tangerang", "Tangsel") weigh 3, kecamatan and landmarks 2, a bare city name
that could mean two regions ("Tangerang", "Serang") 1. The region with the highest total wins; a
longer name is read before a shorter one ("Kota Tangerang Selatan" is not "Kota Tangerang").
"""

from .query import words

# key -> (kind, core name)
REGIONS = {
    "pandeglang": ("kabupaten", "pandeglang"),
    "lebak": ("kabupaten", "lebak"),
    "kab_tangerang": ("kabupaten", "tangerang"),
    "kab_serang": ("kabupaten", "serang"),
    "kota_tangerang": ("kota", "tangerang"),
    "cilegon": ("kota", "cilegon"),
    "kota_serang": ("kota", "serang"),
    "tangsel": ("kota", "tangerang selatan"),
}
_KAB = ("kabupaten", "kab", "pemkab")
_KOTA = ("kota", "pemkot")

GAZETTEER: list[tuple[str, str, int]] = [
    *[(f"{p} pandeglang", "pandeglang", 3) for p in _KAB], ("pandeglang", "pandeglang", 3),
    ("labuan", "pandeglang", 2), ("carita", "pandeglang", 2), ("menes", "pandeglang", 2),
    ("saketi", "pandeglang", 2), ("tanjung lesung", "pandeglang", 2), ("ujung kulon", "pandeglang", 2),
    ("cibaliung", "pandeglang", 2),
    *[(f"{p} lebak", "lebak", 3) for p in _KAB], ("lebak", "lebak", 3), ("rangkasbitung", "lebak", 2),
    ("rangkas", "lebak", 2), ("malingping", "lebak", 2), ("bayah", "lebak", 2), ("baduy", "lebak", 2),
    ("cibeber", "lebak", 2),
    *[(f"{p} tangerang", "kab_tangerang", 3) for p in _KAB], ("tigaraksa", "kab_tangerang", 2),
    ("balaraja", "kab_tangerang", 2), ("cikupa", "kab_tangerang", 2), ("pasar kemis", "kab_tangerang", 2),
    ("teluknaga", "kab_tangerang", 2), ("kresek", "kab_tangerang", 2), ("legok", "kab_tangerang", 2),
    ("kelapa dua", "kab_tangerang", 2), ("mauk", "kab_tangerang", 2),
    *[(f"{p} serang", "kab_serang", 3) for p in _KAB], ("ciruas", "kab_serang", 2),
    ("anyer", "kab_serang", 2), ("cinangka", "kab_serang", 2), ("kramatwatu", "kab_serang", 2),
    ("cikande", "kab_serang", 2), ("kragilan", "kab_serang", 2), ("pontang", "kab_serang", 2),
    ("tirtayasa", "kab_serang", 2), ("bojonegara", "kab_serang", 2),
    *[(f"{p} tangerang", "kota_tangerang", 3) for p in _KOTA], ("cipondoh", "kota_tangerang", 2),
    ("karawaci", "kota_tangerang", 2), ("ciledug", "kota_tangerang", 2), ("batuceper", "kota_tangerang", 2),
    ("neglasari", "kota_tangerang", 2), ("tangerang", "kota_tangerang", 1),
    *[(f"{p} cilegon", "cilegon", 3) for p in _KOTA], ("cilegon", "cilegon", 3), ("merak", "cilegon", 2),
    ("pulomerak", "cilegon", 2), ("ciwandan", "cilegon", 2),
    *[(f"{p} serang", "kota_serang", 3) for p in _KOTA], ("cipocok jaya", "kota_serang", 2),
    ("kasemen", "kota_serang", 2), ("taktakan", "kota_serang", 2), ("walantaka", "kota_serang", 2),
    ("banten lama", "kota_serang", 2), ("di serang", "kota_serang", 1), ("ke serang", "kota_serang", 1),
    ("warga serang", "kota_serang", 1),
    *[(f"{p} tangerang selatan", "tangsel", 3) for p in _KOTA], ("tangerang selatan", "tangsel", 3),
    ("tangsel", "tangsel", 3), ("pamulang", "tangsel", 2), ("ciputat", "tangsel", 2),
    ("serpong", "tangsel", 2), ("bintaro", "tangsel", 2), ("pondok aren", "tangsel", 2),
]

# first word -> [(words, key, weight)], longest first
_INDEX: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
for _name, _key, _weight in GAZETTEER:
    _ws = tuple(words(_name))
    _INDEX.setdefault(_ws[0], []).append((_ws, _key, _weight))
for _entries in _INDEX.values():
    _entries.sort(key=lambda e: -len(e[0]))


def region_scores(tokens: list[str]) -> dict[str, int]:
    """region key -> weight of everything naming it in the tokens."""
    scores: dict[str, int] = {}
    i, n = 0, len(tokens)
    while i < n:
        step = 1
        for ws, key, weight in _INDEX.get(tokens[i], ()):
            if tuple(tokens[i:i + len(ws)]) == ws:
                scores[key] = scores.get(key, 0) + weight
                step = len(ws)
                break
        i += step
    return scores


def region_key(tokens: list[str]) -> str | None:
    """The region the tokens speak most of (ties: the one named first), or None."""
    scores = region_scores(tokens)
    return max(scores, key=scores.get) if scores else None


def region_ids() -> dict[str, int]:
    """region key -> Region id, for the Region rows that exist (matched by kind and core name)."""
    from pantau.agencies.models import Region

    by_shape = {}
    for region in Region.objects.all():
        core = " ".join(w for w in words(region.name) if w not in ("kabupaten", "kab", "kota"))
        by_shape[(region.kind, core)] = region.id
    return {key: by_shape[shape] for key, shape in REGIONS.items() if shape in by_shape}
