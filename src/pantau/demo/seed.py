"""Write the demo to the database: agencies, regions, categories, reports, follow-ups and events.

One transaction; rows go in with executemany in batches. Agencies, regions and categories are
upserted by slug/name so the seed can run on a database that already has the reference data."""

import random
import time

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.agencies.models import Agency, Region
from pantau.complaints import versioning
from pantau.complaints.models import Category, Complaint, ComplaintEvent, FollowUp
from pantau.lib.fmt import number

from . import compose
from .catalog import AGENCIES, CATEGORIES, REGIONS
from .generator import Generator

BATCH = 2000


class SeedRefused(Exception):
    """The database already holds reports and the caller did not ask to replace them."""


def upsert_reference(seed: int) -> tuple[dict, dict, dict]:
    """Agencies, regions and categories of the demo; returns {slug: id}, {slug: id}, {(top, sub or None): id}."""
    rng = random.Random(f"heads-{seed}")
    agencies = {}
    for spec in AGENCIES:
        head_name, head_email = compose.head_of_agency(rng, spec.slug)
        obj, _ = Agency.objects.update_or_create(slug=spec.slug, defaults={
            "name": spec.name, "short_name": spec.short_name, "kind": spec.kind, "active": True,
            "aliases": spec.all_aliases(), "head_name": head_name, "head_email": head_email})
        agencies[spec.slug] = obj.id
    regions = {}
    for spec in REGIONS:
        obj, _ = Region.objects.update_or_create(slug=spec.slug, defaults={
            "name": spec.name, "kind": spec.kind, "aliases": list(spec.aliases)})
        regions[spec.slug] = obj.id
    categories = {}
    for top, subs in CATEGORIES.items():
        parent, _ = Category.objects.get_or_create(name=top, parent=None, defaults={"aliases": [top.upper()]})
        categories[(top, None)] = parent.id
        for sub in subs:
            child, _ = Category.objects.get_or_create(name=sub, parent=parent, defaults={"aliases": [sub.upper()]})
            categories[(top, sub)] = child.id
    return agencies, regions, categories


def seed(seed: int = 2024, calendar=None, count: int = 8000, replace: bool = False, log=None) -> dict:
    """Seed the demo and return counts and timings. Refuses (SeedRefused) when reports exist,
    unless `replace`, which deletes every report first."""
    if calendar is None:
        from pantau.lib.workdays import get_calendar

        calendar = get_calendar()
    log = log or (lambda msg: None)
    started = time.monotonic()
    reports = Generator(seed, calendar, count).reports()
    generated = time.monotonic()
    log(_("generated %(n)s reports in %(s)s s") % {"n": number(len(reports)), "s": number(generated - started, 1)})
    with transaction.atomic():
        if Complaint.objects.exists():
            if not replace:
                raise SeedRefused
            Complaint.objects.all().delete()
        agencies, regions, categories = upsert_reference(seed)
        now = timezone.now()
        insert_rows(Complaint, [{**r.fields, "agency_id": agencies.get(r.agency), "region_id": regions[r.region],
                                 "category_id": categories[r.category], "created_at": now, "updated_at": now}
                                for r in reports])
        ids = dict(Complaint.objects.values_list("tracking_id", "id"))
        follow_ups, events = [], []
        for r in reports:
            cid = ids[r.fields["tracking_id"]]
            follow_ups += [{"complaint_id": cid, "agency_id": agencies[slug], "posted_at": at, "text": text}
                           for at, text, slug in r.follow_ups]
            events += [{"complaint_id": cid, "recorded_at": now, **e} for e in r.events]
        insert_rows(FollowUp, follow_ups)
        insert_rows(ComplaintEvent, events)
        versioning.bump()  # plain SQL inserts: no signal told the page caches
    written = time.monotonic()
    log(_("wrote %(n)s reports, %(f)s follow-ups, %(e)s events in %(s)s s")
        % {"n": number(len(reports)), "f": number(len(follow_ups)), "e": number(len(events)),
           "s": number(written - generated, 1)})
    deadlines = _recompute_deadlines()
    finished = time.monotonic()
    log(_("deadlines recomputed for %(n)s reports in %(s)s s") % {"n": number(deadlines), "s": number(finished - written, 1)})
    return {"seed": seed, "agencies": len(agencies), "regions": len(regions), "categories": len(categories),
            "reports": len(reports), "follow_ups": len(follow_ups), "events": len(events),
            "seconds": {"generate": round(generated - started, 2), "write": round(written - generated, 2),
                        "deadlines": round(finished - written, 2), "total": round(finished - started, 2)}}


def insert_rows(model, rows: list[dict], batch: int = BATCH) -> None:
    """INSERT rows (dicts by attribute name; missing fields take their defaults) with executemany:
    several times faster than bulk_create for the demo's ~70,000 rows (DESIGN.md: bulk writes)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})"
    defaults = {f.attname: f.get_default() for f in fields}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, [
                [f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), connection) for f in fields]
                for row in rows[start:start + batch]])


def _recompute_deadlines() -> int | None:
    from pantau.complaints.sla import recompute_deadlines

    return recompute_deadlines()
