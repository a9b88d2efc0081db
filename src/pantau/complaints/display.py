"""A report as plain data for the command line and JSON: the fields a role may see, deadlines, events."""

from datetime import datetime

from django.utils.translation import gettext as _

from pantau.lib import fmt
from pantau.lib.periods import WIB

from .models import Complaint, PersonalDataAccess
from .sla import explain

PERSONAL_FIELDS = ("reporter_name", "reporter_phone", "reporter_email", "reporter_id_number")


def iso(v):
    """ISO 8601; a moment in WIB (+07:00), as every time Pantau shows."""
    if v is None:
        return None
    if isinstance(v, datetime):
        v = v.astimezone(WIB)
    return v.isoformat()


def complaint_data(c: Complaint, *, personal: bool = False) -> dict:
    """JSON-ready dict of one report; personal fields only when `personal` (the caller checked the role)."""
    data = {
        "tracking_id": c.tracking_id, "title": c.title, "text": "" if c.is_secret and not personal else c.text,
        "kind": c.kind, "supervisory": c.supervisory, "status": c.status, "status_text": c.status_text,
        "category": str(c.category) if c.category_id else None,
        "agency": c.agency.slug if c.agency_id else None, "channel": c.channel,
        "region": c.region.name if c.region_id else None,
        "is_anonymous": c.is_anonymous, "is_secret": c.is_secret, "auto_closed": c.auto_closed,
        **{f: iso(getattr(c, f)) for f in ("received_at", "verified_at", "disposed_at", "first_follow_up_at",
                                           "last_activity_at", "completed_at")},
        "deadlines": [
            {"name": d["name"], "working_days": d["days"], "start": iso(d["start"]), "due_at": iso(d["due_at"]),
             "done_at": iso(d["done_at"]), "state": d["state"]}
            for d in explain(c)
        ],
        "events": [
            {"kind": e.kind, "field": e.field, "from": e.old_value, "to": e.new_value,
             "occurred_at": iso(e.occurred_at), "import": e.batch_id}
            for e in c.events.all()
        ],
        "follow_ups": [{"posted_at": iso(f.posted_at), "text": f.text} for f in c.follow_ups.all()],
    }
    if personal:
        data["reporter"] = {f: getattr(c, f) for f in PERSONAL_FIELDS}
    return data


def record_personal_access(user, c: Complaint, via: str) -> None:
    PersonalDataAccess.objects.create(user=user, complaint=c, via=via)


def explanation_text(c: Complaint) -> str:
    """Human explanation of every deadline, in the active language."""
    lines = [f"#{c.tracking_id} {c.title}"]
    for d in explain(c):
        lines.append("")
        lines.append(f"{d['label']}: {d['days']} " + _("working days") + f" — {d['state_label']}")
        if d["start"] is None:
            lines.append("  " + _("Not applicable: the report has not been disposed to an agency."))
            continue
        lines.append("  " + _("Counted from") + f": {fmt.moment(d['start'])}")
        for day in d["counted"]:
            lines.append(f"  + {fmt.day(day)}")
        for s in d["skipped"]:
            lines.append(f"  - {fmt.day(s['date'])}: " + _("skipped") + f" ({s['reason']})")
        lines.append("  " + _("Due before") + f": {fmt.moment(d['due_at'])}")
        if d["done_at"]:
            lines.append("  " + _("Done") + f": {fmt.moment(d['done_at'])}")
    return "\n".join(lines)
