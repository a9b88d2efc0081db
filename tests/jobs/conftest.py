"""Reports with deadlines around Friday 17 May 2024, and personas with e-mail addresses."""

from datetime import datetime

import pytest
import time_machine

from pantau.complaints.models import Complaint, Status
from pantau.lib.periods import WIB

FRIDAY_8 = datetime(2024, 5, 17, 8, 0, tzinfo=WIB)


def report(tracking_id, agency, disposed, kind="pengaduan", **extra):
    """A report disposed to `agency` at 09:00 WIB on the given day, still waiting for an answer."""
    at = datetime(disposed.year, disposed.month, disposed.day, 9, 0, tzinfo=WIB)
    return Complaint.objects.create(tracking_id=tracking_id, title=f"Laporan {tracking_id}", agency=agency,
                                    received_at=at, verified_at=at, disposed_at=at, status=Status.DISPOSED,
                                    kind=kind, **extra)


@pytest.fixture
def mailable(personas, settings):
    """Personas with e-mail addresses; the mail goes to Django's locmem outbox."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PANTAU_JOBS_DB_RETRY_BASE = 0.05
    for name, user in personas.items():
        if user is not None:
            user.email = f"{name}@bantenprov.go.id"
            user.save(update_fields=["email"])
    return personas


@pytest.fixture
def may_reports(dinkes, pupr):
    """Dinkes: one report overdue 4 working days, one due Monday 20 May, one due later, one overdue
    since April (19 working days late: escalated). DPUPR: nothing due."""
    from pantau.complaints.sla import recompute_deadlines

    dinkes.head_email = "kadis@dinkes.bantenprov.go.id"
    dinkes.head_name = "Kepala Dinas Kesehatan"
    dinkes.save(update_fields=["head_email", "head_name"])
    made = {
        "overdue": report("1001", dinkes, datetime(2024, 5, 2)),
        "soon": report("1002", dinkes, datetime(2024, 5, 13)),
        "later": report("1003", dinkes, datetime(2024, 5, 16)),
        "april": report("1004", dinkes, datetime(2024, 4, 2)),
        "secret": None,
    }
    with time_machine.travel(FRIDAY_8, tick=False):
        recompute_deadlines(now=FRIDAY_8)
    return made
