"""Writes to the office's holiday calendar. Every change recomputes the stored deadlines, because a
new cuti bersama moves every deadline that spans it."""

from datetime import date

from django.db import transaction

from pantau.complaints import sla
from pantau.complaints.models import CalendarOverride


def add_override(*, day: date, is_holiday: bool, reason: str, user) -> int:
    """Make `day` a holiday (or a working day); returns how many reports' deadlines changed."""
    with transaction.atomic():
        CalendarOverride.objects.create(date=day, is_holiday=is_holiday, reason=reason.strip(), created_by=user)
    return sla.recompute_deadlines()


def remove_override(override: CalendarOverride) -> int:
    """Back to the national calendar for that date; returns how many reports' deadlines changed."""
    override.delete()
    return sla.recompute_deadlines()
