"""The data version: a token that changes whenever data the pages show is written, so that caches
keyed on it (rendered page parts, CSV exports, live scorecards) are never served stale.

It changes in the writing transaction, so a reader sees either the old data with the old token or
the new data with the new token; a page built from data read after the token is at least as new as
the token. The token is random rather than a counter: a rolled-back write (or a test's transaction)
leaves the old token, and a later write never reuses a token some cache may still hold.

Writes through the ORM bump it by signal (`connect()`: reports, follow-ups, events, categories, the
calendar, agencies, regions, snapshots); bulk SQL writes (the importer, deadline recomputation, the
demo seed, the bench's fill) call `bump()` themselves, and so does every `pantau migrate` (an upgrade
may change how parts are rendered).
"""

from __future__ import annotations

import uuid

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_migrate, post_save

ROW = 1


def current() -> str:
    """The token now ("0" before the first write of a fresh database)."""
    from .models import DataVersion

    return DataVersion.objects.filter(pk=ROW).values_list("token", flat=True).first() or "0"


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """Give the data a new token, inside the caller's transaction."""
    from .models import DataVersion

    token = uuid.uuid4().hex
    rows = DataVersion.objects.using(using)
    if not rows.filter(pk=ROW).update(token=token):
        rows.bulk_create([DataVersion(pk=ROW, token=token)], ignore_conflicts=True)
        rows.filter(pk=ROW).update(token=token)


def _changed(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Every write bumps (one small UPDATE): a page cached between two writes of one transaction is
    then keyed on a token the second write replaces, so partial data is never served."""
    bump(using)


def _migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Every upgrade runs `pantau migrate`: parts rendered by the old version's templates go with it."""
    bump(using)


def tracked_models() -> list:
    from pantau.agencies.models import Agency, Region
    from pantau.scorecards.models import AgencyPeriodSnapshot, ProvincePeriodSnapshot

    from .models import CalendarOverride, Category, Complaint, ComplaintEvent, FollowUp

    return [Complaint, FollowUp, ComplaintEvent, Category, CalendarOverride, Agency, Region,
            ProvincePeriodSnapshot, AgencyPeriodSnapshot]


def connect(app_config) -> None:
    from .models import ComplaintEvent

    post_migrate.connect(_migrated, sender=app_config, dispatch_uid="pantau-data-version-migrate")
    for model in tracked_models():
        post_save.connect(_changed, sender=model, dispatch_uid=f"pantau-data-version-save-{model.__name__}")
        if model is not ComplaintEvent:  # append-only: it goes only with its report, whose deletion bumps
            post_delete.connect(_changed, sender=model, dispatch_uid=f"pantau-data-version-delete-{model.__name__}")
