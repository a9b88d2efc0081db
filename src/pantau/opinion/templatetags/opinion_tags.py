from django import template

from pantau.lib import fmt

register = template.Library()


@register.filter
def wib(value) -> str:
    """"12 Maret 2024 14.05 WIB" (empty for nothing)."""
    return fmt.moment(value) if value else ""


@register.filter
def number(value) -> str:
    """"1.234"; "—" when unknown."""
    return fmt.number(value) if value is not None else "—"


@register.simple_tag(takes_context=True)
def page_url(context, page: int) -> str:
    """The current list's query string with another page number."""
    params = context["request"].GET.copy()
    params["page"] = page
    return "?" + params.urlencode()
