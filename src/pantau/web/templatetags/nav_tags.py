"""The main menu, rendered once per role and language in each process: it depends on nothing else
(the links of the installed views), and every page shows it."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_urlconf
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_rendered: dict[tuple, str] = {}


@register.simple_tag(takes_context=True)
def nav_menu(context) -> str:
    role = context.get("role")
    key = (role, get_language(), get_urlconf() or settings.ROOT_URLCONF)
    html = None if settings.DEBUG else _rendered.get(key)  # DEBUG: templates may change while serving
    if html is None:
        html = _rendered[key] = render_to_string("web/nav.html", {"role": role})
    return mark_safe(html)
