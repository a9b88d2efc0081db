"""Display helpers for report pages: code -> label, deadline-state CSS class, query strings."""

from django import template

from pantau.complaints.models import Channel, DeadlineState, Kind, Status

register = template.Library()

_LABELS = {
    "status": dict(Status.choices), "kind": dict(Kind.choices),
    "channel": dict(Channel.choices), "state": dict(DeadlineState.choices),
}


@register.filter
def label(code, family: str):
    """`{{ row.status|label:"status" }}` -> "Selesai"."""
    return _LABELS[family].get(code, code or "–")


@register.filter
def state_class(state: str) -> str:
    return {"overdue": "overdue", "late": "zone-kuning", "met": "zone-hijau"}.get(state or "", "")


@register.simple_tag
def page_url(query: str, number: int) -> str:
    return f"?{query}&page={number}" if query else f"?page={number}"
