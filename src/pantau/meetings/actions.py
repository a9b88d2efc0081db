"""Writes of the meetings app: proposing invitations, recording attendance, reviewing decisions."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pantau.agencies.models import Agency

from .models import Attendee, Decision, Invitation, Meeting

SCORECARD_KEYS = ("received", "index", "zone", "followed_up_share", "first_follow_up_on_time_share",
                  "resolved_share", "overdue_now", "rank")


def priority_rows(period: str, limit: int | None = None) -> list[dict]:
    """The dashboards' "Prioritas rapat koordinasi" list for the period (most reports, weakest first)."""
    from pantau.scorecards.api import priority

    return priority(period, limit=limit)


def with_agency_ids(rows: list[dict]) -> list[dict]:
    ids = dict(Agency.objects.filter(slug__in=[r["slug"] for r in rows]).values_list("slug", "id"))
    return [{**r, "agency_id": ids.get(r["slug"])} for r in rows]


@transaction.atomic
def propose_invitations(meeting: Meeting, limit: int = 15) -> list[Invitation]:
    """Invite the `limit` agencies first on the priority list, each with its reason and the scorecard
    it had before the meeting. Agencies already invited keep their row; the koordinator adjusts after."""
    rows = priority_rows(meeting.period, limit=limit)
    agencies = {a.slug: a for a in Agency.objects.filter(slug__in=[r["slug"] for r in rows])}
    out = []
    for r in rows:
        agency = agencies[r["slug"]]
        inv, _ = Invitation.objects.update_or_create(
            meeting=meeting, agency=agency,
            defaults={"reason": r["reason"][:300], "rank": r["priority"],
                      "addressee": f"Kepala {agency.name}",
                      "scorecard_before": {k: r.get(k) for k in SCORECARD_KEYS}},
        )
        out.append(inv)
    return out


@transaction.atomic
def set_invited(meeting: Meeting, agency_ids: list[int]) -> None:
    """Make the invitation list exactly these agencies (adding with the priority reason if known)."""
    meeting.invitations.exclude(agency_id__in=agency_ids).delete()
    existing = set(meeting.invitations.values_list("agency_id", flat=True))
    rows = {r["slug"]: r for r in priority_rows(meeting.period)}
    for agency in Agency.objects.filter(id__in=set(agency_ids) - existing):
        r = rows.get(agency.slug, {})
        Invitation.objects.create(
            meeting=meeting, agency=agency, reason=(r.get("reason") or "")[:300], rank=r.get("priority", 999),
            addressee=f"Kepala {agency.name}", scorecard_before={k: r.get(k) for k in SCORECARD_KEYS},
        )


@transaction.atomic
def record_attendance(meeting: Meeting, present_ids: list[int]) -> None:
    meeting.attendees.update(present=False)
    meeting.attendees.filter(id__in=present_ids).update(present=True)


def open_decisions_before(meeting: Meeting):
    """Decisions of earlier meetings still open: reviewed at this meeting (carried over)."""
    return (Decision.objects.filter(meeting__starts_at__lt=meeting.starts_at, status=Decision.Status.OPEN)
            .select_related("agency", "meeting"))


@transaction.atomic
def review_decision(decision: Decision, at_meeting: Meeting, status: str, note: str) -> None:
    Decision.objects.filter(pk=decision.pk).update(status=status, follow_up_note=note, reviewed_at=at_meeting)


def add_attendee(meeting: Meeting, name: str, position: str = "", agency: Agency | None = None) -> Attendee:
    return Attendee.objects.create(meeting=meeting, name=name, position=position, agency=agency)


def after_period(meeting: Meeting) -> str | None:
    """The window after the meeting used to see whether it helped: from the day after the meeting for as
    many days as the briefing period has (at most until today); None while the meeting is to come."""
    from pantau.lib.periods import WIB, parse_period

    before = parse_period(meeting.period)
    first = meeting.starts_at.astimezone(WIB).date() + timedelta(days=1)
    today = timezone.now().astimezone(WIB).date()
    if first > today:
        return None
    last = min(first + timedelta(days=before.days - 1), today)
    return f"{first.isoformat()}..{last.isoformat()}"


def before_and_after(meeting: Meeting) -> list[dict]:
    """Each invited agency's scorecard in the briefing period and in the same-length window after."""
    from pantau.scorecards.api import stats

    after_key = after_period(meeting)
    after_rows = {r["slug"]: r for r in stats(after_key)["agencies"]} if after_key else {}
    before_rows = {r["slug"]: r for r in stats(meeting.period)["agencies"]}
    out = []
    for inv in meeting.invitations.select_related("agency"):
        b, a = before_rows.get(inv.agency.slug, {}), after_rows.get(inv.agency.slug)
        change = None
        if a and a.get("index") is not None and b.get("index") is not None:
            change = round(a["index"] - b["index"], 2)
        out.append({"agency": inv.agency, "before": b, "after": a, "index_change": change})
    return out
