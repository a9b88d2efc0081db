"""Riding out a database that is locked or unreachable for a while: retry with backoff, log clearly."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections

log = logging.getLogger("pantau.jobs")
T = TypeVar("T")


class DatabaseUnavailable(RuntimeError):
    """The database stayed locked or unreachable through every retry."""


def backoff_delays(attempts: int, base: float, cap: float) -> list[float]:
    """Waits between attempts: base, 2*base, 4*base ... never more than cap."""
    return [min(cap, base * 2**i) for i in range(max(0, attempts - 1))]


def _drop_broken_connections() -> None:
    # A connection that saw "server closed the connection" is useless; outside a transaction we
    # can drop it and let Django reconnect on the next query.
    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close()


def with_db_retry(fn: Callable[[], T], what: str, attempts: int | None = None,
                  base: float | None = None, cap: float = 30.0, sleep=time.sleep) -> T:
    """fn()'s result; on OperationalError/InterfaceError waits and retries (exponential backoff).

    Raises DatabaseUnavailable after the last attempt, so a caller can log and give up until the
    next scheduled run instead of crashing the worker."""
    attempts = attempts or settings.PANTAU_JOBS_DB_RETRIES
    base = settings.PANTAU_JOBS_DB_RETRY_BASE if base is None else base
    delays = backoff_delays(attempts, base, cap)
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except (OperationalError, InterfaceError) as exc:
            if attempt == attempts:
                log.error("Database unavailable while %s: %s; gave up after %d attempts",
                          what, exc, attempts)
                raise DatabaseUnavailable(f"{what}: {exc}") from exc
            wait = delays[attempt - 1]
            log.warning("Database unavailable while %s: %s; retry %d/%d in %.1f s",
                        what, exc, attempt, attempts - 1, wait)
            _drop_broken_connections()
            sleep(wait)
    raise AssertionError("unreachable")


def wait_for_database(alias: str = "default", cap: float = 60.0, sleep=time.sleep,
                      max_wait: float | None = None) -> float:
    """Block until the database answers `SELECT 1`; returns seconds waited. Used when the worker
    starts, so a database that is still booting gives log lines rather than a crash loop."""
    waited, delay = 0.0, 1.0
    while True:
        try:
            with connections[alias].cursor() as cur:
                cur.execute("SELECT 1")
            return waited
        except DatabaseError as exc:
            if max_wait is not None and waited >= max_wait:
                raise DatabaseUnavailable(str(exc)) from exc
            log.warning("Database %s not reachable yet (%s); waiting %.0f s", alias, exc, delay)
            connections[alias].close()
            sleep(delay)
            waited += delay
            delay = min(cap, delay * 2)
