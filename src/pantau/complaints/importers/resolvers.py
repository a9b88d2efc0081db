"""Names in an export matched to Pantau's agencies, categories and regions.

Agencies are never created or guessed: an unknown name is rejected with the closest known names
as suggestions (the office adds an alias to the agency and imports again). Categories are LAPOR!'s
own taxonomy, so a category path new to Pantau ("A > B") is created. Regions are Banten's eight
kabupaten/kota; a place outside them is left empty with a warning.
"""

from __future__ import annotations

import re
from functools import partial

from rapidfuzz import fuzz, process

from pantau.agencies.models import Agency, Region
from pantau.complaints.importers.statuses import norm
from pantau.complaints.models import Category

AGENCY_WORDS = {
    "dis": "dinas", "din": "dinas", "dns": "dinas", "bdn": "badan", "bad": "badan",
    "prov": "provinsi", "propinsi": "provinsi", "pemprov": "pemerintah provinsi",
    "setda": "sekretariat daerah", "rs": "rumah sakit",
    "rsud": "rumah sakit umum daerah", "dan": "", "&": "",
}
PROVINCE_TAILS = re.compile(r"\b(?:pemerintah )?provinsi banten\b")


def agency_key(text: str) -> str:
    """An agency name reduced for matching: "Dis. Kesehatan Prov. Banten" -> "dinas kesehatan"."""
    words = " ".join(AGENCY_WORDS.get(w, w) for w in norm(text).split())
    return " ".join(PROVINCE_TAILS.sub(" ", words).split())


class AgencyResolver:
    """Agency ids by name, short name or alias; unknown names are collected with suggestions."""

    def __init__(self):
        self.by_key: dict[str, int | None] = {}
        self.names: dict[int, str] = {}
        for agency in Agency.objects.all():
            self.names[agency.pk] = agency.name
            for text in [agency.name, agency.short_name, *(agency.aliases or [])]:
                key = agency_key(text) if text else ""
                if key:
                    # A key shared by two agencies is ambiguous: it matches neither.
                    self.by_key[key] = None if self.by_key.get(key, agency.pk) != agency.pk else agency.pk
        self.cache: dict[str, int | None] = {}
        self.unknown: dict[str, list[str]] = {}

    def resolve(self, text: str) -> int | None:
        """The agency id for a name, or None when unknown (then `unknown` holds suggestions)."""
        if text in self.cache:
            return self.cache[text]
        key = agency_key(text)
        agency_id = self.by_key.get(key)
        if agency_id is None and key.endswith(" banten"):  # "Diskominfo Banten"
            agency_id = self.by_key.get(key[: -len(" banten")])
        self.cache[text] = agency_id
        if agency_id is None:
            self.unknown[text] = self.suggest(text)
        return agency_id

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """The closest known agency names, best first."""
        choices = {key: pk for key, pk in self.by_key.items() if pk is not None}
        found = process.extract(agency_key(text), list(choices), scorer=fuzz.WRatio, limit=10, score_cutoff=60)
        names: list[str] = []
        for key, _score, _index in found:
            name = self.names[choices[key]]
            if name not in names:
                names.append(name)
        return names[:limit]


class CategoryResolver:
    """Category ids by path ("A > B"), names and aliases; new paths are created unless dry."""

    def __init__(self, create: bool):
        self.create = create
        # How a database call is run: an import runs its queries in its database thread.
        self.call = lambda function, *args: function(*args)
        self.by_key: dict[tuple[int | None, str], int] = {}
        self.child_names: dict[str, set[int]] = {}
        for category in Category.objects.all():
            self._remember(category.parent_id, category.pk, [category.name, *(category.aliases or [])])
        self.cache: dict[tuple[str, str], int] = {}
        self.created: list[str] = []
        self._next_dry_id = -1

    def _remember(self, parent_id, pk, names):
        for name in names:
            self.by_key.setdefault((parent_id, norm(name)), pk)
            if parent_id is not None:
                self.child_names.setdefault(norm(name), set()).add(pk)

    def resolve(self, path: str, sub: str = "") -> int | None:
        """The id of the category named by a path cell (and an optional sub-category cell)."""
        key = (path, sub)
        if key not in self.cache:
            parts = [p.strip() for p in re.split(r"\s*(?:>|»|/)\s*", path) if p.strip()]
            if sub.strip():
                parts.append(sub.strip())
            self.cache[key] = self._walk(parts) if parts else None
        return self.cache[key]

    def _walk(self, parts: list[str]) -> int:
        if len(parts) == 1 and (None, norm(parts[0])) not in self.by_key:
            # A sub-category named alone: use it when exactly one parent has it.
            matches = self.child_names.get(norm(parts[0]), set())
            if len(matches) == 1:
                return next(iter(matches))
        parent_id = None
        for depth, name in enumerate(parts):
            found = self.by_key.get((parent_id, norm(name)))
            if found is None:
                found = self._new(parent_id, name, " > ".join(parts[: depth + 1]))
            parent_id = found
        return parent_id

    def _new(self, parent_id, name, path) -> int:
        if self.create:
            pk = self.call(partial(Category.objects.create, name=name[:200], parent_id=parent_id)).pk
        else:
            pk, self._next_dry_id = self._next_dry_id, self._next_dry_id - 1
        self._remember(parent_id, pk, [name])
        self.created.append(path)
        return pk


REGION_KIND_WORDS = {"kab": "kabupaten", "kabupaten": "kabupaten", "kota": "kota", "kodya": "kota",
                     "kotamadya": "kota", "kot": "kota"}
REGION_NICKNAMES = {"tangsel": "kota tangerang selatan", "tangerang selatan": "kota tangerang selatan",
                    "cilegon": "kota cilegon", "pandeglang": "kabupaten pandeglang",
                    "lebak": "kabupaten lebak"}


def region_key(text: str) -> str:
    """"Kab. Tangerang" / "KABUPATEN TANGERANG" -> "kabupaten tangerang"; "Tangsel" -> "kota tangerang selatan"."""
    words = [w for w in norm(text).split() if w not in {"provinsi", "banten", "prov"} or len(norm(text).split()) == 1]
    if words and words[0] in REGION_KIND_WORDS:
        words[0] = REGION_KIND_WORDS[words[0]]
    key = " ".join(words)
    return REGION_NICKNAMES.get(key, key)


def _core(key: str) -> str:
    """"kabupaten tangerang" -> "tangerang"."""
    for kind_word in ("kabupaten ", "kota "):
        if key.startswith(kind_word):
            return key[len(kind_word):]
    return key


class RegionResolver:
    """Region ids by name and alias, with Kab./Kota spellings; a bare "Tangerang" is ambiguous."""

    def __init__(self):
        self.by_key: dict[str, int | None] = {}
        regions = list(Region.objects.all())
        for region in regions:
            # A bare name ("Lebak") points at its region unless two share it ("Tangerang", "Serang").
            core = _core(region_key(region.name))
            self.by_key[core] = None if self.by_key.get(core, region.pk) != region.pk else region.pk
        for region in regions:  # full names and the office's own aliases win over bare names
            core = _core(region_key(region.name))
            for key in {region_key(region.name), f"{region.kind} {core}", *(region_key(a) for a in region.aliases or [])}:
                self.by_key[key] = region.pk
        self.cache: dict[str, int | None] = {}
        self.unknown: set[str] = set()

    def resolve(self, text: str) -> int | None:
        if text not in self.cache:
            self.cache[text] = self.by_key.get(region_key(text))
            if self.cache[text] is None:
                self.unknown.add(text)
        return self.cache[text]
