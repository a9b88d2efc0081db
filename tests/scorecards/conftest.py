"""January 2024, small enough to compute every indicator by hand (see test_indicators.py).

The calendar of January 2024: 1 January (Monday) is a holiday; no other holiday in the month.
"Now" is Wednesday 31 January 2024 12:00 WIB.
"""

from datetime import datetime

import pytest
import time_machine

from pantau.complaints.models import Complaint, ComplaintEvent, Kind, Status
from pantau.complaints.sla import recompute_deadlines
from pantau.lib.periods import WIB

NOW = datetime(2024, 1, 31, 12, 0, tzinfo=WIB)


def wib(day: int, hour: int = 9, month: int = 1, year: int = 2024) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=WIB)


def report(tid, agency, received, *, disposed=None, follow_up=None, completed=None, status=Status.DISPOSED,
           kind=Kind.PENGADUAN, **extra):
    return Complaint.objects.create(
        tracking_id=tid, agency=agency, received_at=received, disposed_at=disposed, first_follow_up_at=follow_up,
        completed_at=completed, status=status, kind=kind, **extra,
    )


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def january(db, dinkes, pupr, frozen):
    """Seven reports received in January 2024 (four Dinkes, two DPUPR, one not yet routed) and one
    received a minute before the month began; deadline states as the SLA engine computes them now."""
    made = {
        "D1": report("D1", dinkes, wib(2), disposed=wib(3, 10), follow_up=wib(5), completed=wib(8),
                     status=Status.COMPLETED),
        "D2": report("D2", dinkes, wib(2), disposed=wib(8, 10), follow_up=wib(17, 10),
                     status=Status.REPORTER_REPLIED),
        "D3": report("D3", dinkes, wib(10), disposed=wib(10, 14)),
        "D4": report("D4", dinkes, wib(29), disposed=wib(29, 10), status=Status.IN_PROCESS, kind=Kind.ASPIRASI),
        "P1": report("P1", pupr, wib(1, 0), disposed=wib(2, 8), follow_up=wib(2, 15), completed=wib(3),
                     status=Status.COMPLETED),
        "P2": report("P2", pupr, wib(15), disposed=wib(15, 10), completed=wib(22, 10), status=Status.COMPLETED),
        "U1": report("U1", None, wib(25), status=Status.UNVERIFIED),
        "X1": report("X1", dinkes, datetime(2023, 12, 31, 23, 59, tzinfo=WIB), disposed=wib(2),
                     status=Status.IN_PROCESS),
    }
    ComplaintEvent.objects.create(complaint=made["D2"], kind=ComplaintEvent.Kind.REPORTER_REPLIED,
                                  occurred_at=wib(18))
    recompute_deadlines(now=NOW)
    return made


@pytest.fixture(autouse=True)
def empty_cache():
    """Live results are cached between requests; never between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
