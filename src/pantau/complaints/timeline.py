"""A report's events as people read them: field names and coded values in words, in the active language."""

from pantau.agencies.models import Agency
from pantau.complaints.models import Channel, Complaint, ComplaintEvent, Kind, Status

CODED = {"status": dict(Status.choices), "kind": dict(Kind.choices), "channel": dict(Channel.choices)}
TEXT_KINDS = (ComplaintEvent.Kind.FOLLOW_UP, ComplaintEvent.Kind.REPORTER_REPLIED)


def field_label(name: str) -> str:
    try:
        return str(Complaint._meta.get_field(name).verbose_name)
    except Exception:  # a field the importer recorded that the model no longer has
        return name


def timeline(complaint: Complaint, *, show_text: bool) -> list[dict]:
    """One dict per event, oldest first: when, what, the change in words, or the text said.

    The reporter's own words on a secret report are personal data: left out unless `show_text`."""
    events = list(complaint.events.select_related("batch"))
    slugs = {v for e in events if e.field == "agency" for v in (e.old_value, e.new_value) if v}
    agencies = dict(Agency.objects.filter(slug__in=slugs).values_list("slug", "name"))
    rows = []
    for e in events:
        row = {"at": e.occurred_at, "what": e.get_kind_display(), "batch": e.batch.file_name if e.batch else ""}
        if e.kind in TEXT_KINDS:
            secret = e.kind == ComplaintEvent.Kind.REPORTER_REPLIED and not show_text
            row["text"] = "" if secret else e.new_value
        elif e.field and e.kind != ComplaintEvent.Kind.CREATED:
            words = agencies if e.field == "agency" else CODED.get(e.field, {})
            row["field"] = field_label(e.field)
            row["old"] = str(words.get(e.old_value, e.old_value))
            row["new"] = str(words.get(e.new_value, e.new_value))
        rows.append(row)
    return rows
