"""Parts of pages (rendered HTML, export bodies) kept in the shared cache under the data version.

A key holds everything the part depends on: the data version (complaints.versioning: it changes with
every write to reports, follow-ups, agencies, categories, the calendar and the snapshots), the active
language, the user's scope (role, and the agencies of an admin OPD) and the part's own parameters.
Access checks stay in the views and run on every request, before the cache is asked.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

import pantau
from pantau.agencies.roles import ADMIN_OPD, role_of, user_agency_ids
from pantau.complaints import versioning

TIMEOUT = 60 * 60
LOCK_SECONDS = 60  # a builder that died frees the part after this
WAIT_SECONDS = 20
POLL_SECONDS = 0.05


def scope(user) -> str:
    """What decides which reports the user sees: the role, and an admin OPD's agencies."""
    role = role_of(user)
    agencies = ",".join(str(a) for a in sorted(user_agency_ids(user))) if role == ADMIN_OPD else ""
    return f"{role}:{agencies}"


def settings_in_pages() -> tuple:
    """Settings the pages' figures depend on: changing one (and restarting) must not serve old parts."""
    return (settings.PANTAU_RANKING_MIN_REPORTS, sorted(settings.PANTAU_DEADLINES.items()), settings.TIME_ZONE)


def key(name: str, user, *parts: Any, version: str | None = None) -> str:
    raw = repr((name, pantau.__version__, settings_in_pages(), version or versioning.current(), get_language(),
                scope(user), parts))
    return f"pantau:page:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached(name: str, user, parts: tuple, build: Callable[[], Any], timeout: int | Callable[[Any], int] = TIMEOUT):
    """The cached value for (name, user's scope, parts) at the current data version, built when missing.

    The version is read before `build` reads any data, so whatever `build` returns is at least as new
    as the version it is stored under. `timeout` may be a function of the value built. When another
    process is already building the same part (after an import, every client asks at once), this one
    waits for it up to WAIT_SECONDS instead of doing the same work again."""
    k = key(name, user, *parts)
    value = cache.get(k)
    if value is not None:
        return value
    lock = f"{k}:building"
    holding = cache.add(lock, 1, LOCK_SECONDS)
    if not holding:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            if (value := cache.get(k)) is not None:
                return value
    try:
        value = build()
        cache.set(k, value, timeout(value) if callable(timeout) else timeout)
    finally:
        if holding:
            cache.delete(lock)
    return value
