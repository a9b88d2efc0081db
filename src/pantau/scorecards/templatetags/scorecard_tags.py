"""Indonesian numbers for scorecard pages, links to definitions and to the reports behind a number."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from pantau.lib import fmt

register = template.Library()


@register.filter
def num(value, decimals: int = 0) -> str:
    """1234 -> "1.234"; None -> "–"."""
    return fmt.number(value, int(decimals))


@register.filter
def pct(value) -> str:
    """56.7 -> "56,7%"; None -> "–"."""
    return fmt.percent(value)


@register.filter
def indicator(value, key: str) -> str:
    """An indicator's value formatted by its kind (share, days, index, zone or count)."""
    return format_value(key, value)


def format_value(key: str, value) -> str:
    if value is None:
        return "–"
    if key.endswith("_share"):
        return fmt.percent(value)
    if key.startswith("follow_up_days"):
        return fmt.number(value, 1)
    if key == "index":
        return fmt.number(value, 2)
    if key == "zone":
        return str(value)
    return fmt.number(value)


@register.simple_tag
def definition_url(key: str) -> str:
    return reverse("indicator_definitions") + f"#{key}"


@register.simple_tag
def reports_url(**params) -> str:
    """/pengaduan/?period=...&agency=... with the empty parameters left out."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse_or_path("complaint_list") + (f"?{query}" if query else "")


def reverse_or_path(name: str) -> str:
    from django.urls import NoReverseMatch

    try:
        return reverse(name)
    except NoReverseMatch:  # the report list lives in another app; its address is fixed (issue 3)
        return "/pengaduan/"


@register.filter
def zone_badge(zone):
    if not zone:
        return "–"
    return format_html('<span class="zone-{}">{}</span>', zone, zone)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def when(value) -> str:
    """An ISO timestamp or datetime as "12 Maret 2024 14.05 WIB"."""
    from datetime import datetime

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return fmt.moment(value)
