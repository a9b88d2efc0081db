"""The public transparency page (no login): the period's aggregates, charts and open data."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page

from pantau.lib.periods import PeriodError, parse_period

from .public import default_period, open_data_csv, open_data_json, public_data
from .site import render_definitions, render_index


def _period(request):
    """The asked period, or the last complete quarter with an error message when it cannot be read."""
    text = request.GET.get("periode", "").strip()
    if not text:
        return default_period(), ""
    try:
        return parse_period(text), ""
    except PeriodError:
        return default_period(), _("Write the period as 2024-Q1, 2024-H1, 2024 or 2024-03.")


def _links(period) -> dict:
    q = f"?periode={period.key}"
    return {"csv": reverse("public_csv") + q, "json": reverse("public_json") + q,
            "definitions": reverse("public_definitions")}


@cache_page(300)
def public_home(request):
    period, error = _period(request)
    html = render_index(public_data(period), _links(period), {"period_form": True, "period_error": error})
    return HttpResponse(html)


def public_csv(request):
    period, _error = _period(request)
    response = HttpResponse(open_data_csv(public_data(period)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sp4n-lapor-banten-{period.key}.csv"'.replace("..", "_")
    return response


def public_json(request):
    period, _error = _period(request)
    return HttpResponse(open_data_json(public_data(period)), content_type="application/json; charset=utf-8")


def public_definitions(request):
    return HttpResponse(render_definitions(reverse("public_home")))
