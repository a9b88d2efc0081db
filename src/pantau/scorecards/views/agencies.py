"""/opd/ (ranking), /opd/<slug>/ (one agency over time) and /prioritas-rapat/ (meeting priorities)."""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pantau.agencies.roles import role_of, visible_agencies
from pantau.lib import charts
from pantau.scorecards import api, presenters
from pantau.scorecards.presenters import Chart
from pantau.web import pagecache

from .access import province_readers
from .dashboard import cache_timeout, chart_or_csv, has_snapshots, picker_params


def ranking_chart(rows: list[dict]) -> Chart:
    title = _("Index of the ranked agencies")
    pairs = [(r["name"], r["index"]) for r in rows]
    return Chart("ranking", title, lambda: charts.bar(pairs, title=title, value_format="decimal"),
                 ["rank", "slug", "name", "index", "zone"],
                 [[r["rank"], r["slug"], r["name"], r["index"], r["zone"]] for r in rows])


@province_readers
def agency_list(request):
    pick = presenters.picker(request.GET)
    data = api.stats(pick.period)
    ranked = [a for a in data["agencies"] if a["ranked"]]
    chart = ranking_chart(ranked)
    if (csv := chart_or_csv(request, [chart], pick.period)) is not None:
        return csv
    return render(request, "scorecards/agency_list.html", {
        "pick": pick, "period": pick.period, "stats": data, "ranked": ranked, "chart": chart,
        "unranked": [a for a in data["agencies"] if not a["ranked"]],
        "columns": [(k, presenters.LABELS[k]) for k in presenters.TABLE_COLUMNS],
        "min_reports": api.min_reports(), "zones": presenters.zone_summary(data["agencies"]),
    })


def history_chart(agency, history: list[dict]) -> Chart:
    title = _("Index by month: %(agency)s and the province") % {"agency": agency.label}
    labels = [h["label"] for h in history]
    mine = [(h["agency"] or {}).get("index") for h in history]
    province = [h["province"].get("index") for h in history]
    series = {agency.label: mine, _("Province"): province}
    return Chart("history", title, lambda: charts.line(labels, series, title=title, value_format="decimal",
                                                       reference={_("green from 81"): 81, _("yellow from 51"): 51}),
                 ["month", "label", "agency_index", "province_index"],
                 [[h["period"], h["label"], a, p] for h, a, p in zip(history, mine, province, strict=True)])


def agency_detail(request, slug: str):
    """An admin OPD may open only their own agency (404 for any other, as if it did not exist)."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    agency = get_object_or_404(visible_agencies(request.user), slug=slug)
    if request.GET.get("format") == "csv":
        pick = presenters.picker(request.GET)
        return chart_or_csv(request, [agency_history(agency, pick.period)[1]], pick.period)
    # The part reads the agency again: its name must be read after the data version the part is kept under.
    part = pagecache.cached("agency", request.user, (agency.pk, *picker_params(request)),
                            lambda: agency_part(request, type(agency).objects.get(pk=agency.pk)),
                            timeout=cache_timeout)
    return render(request, "scorecards/agency_detail.html", {"agency": agency, "label": part["label"],
                                                             "body": mark_safe(part["html"])})


def agency_history(agency, period) -> tuple[list[dict], Chart]:
    """The twelve months up to the period's end (from the first month with reports), and their chart."""
    history = api.history(presenters.month_periods(period.last_day), agency)
    while len(history) > 1 and not history[0]["province"].get("received"):
        history.pop(0)  # months before the first report say nothing
    return history, history_chart(agency, history)


def agency_part(request, agency) -> dict:
    """The agency page's content as HTML, with its period's label and whether any figure was live."""
    from pantau.meetings.views import READERS as MEETING_READERS  # who may open the answer examples

    pick = presenters.picker(request.GET)
    data = api.stats(pick.period, agency.slug)
    mine = data["agencies"][0] if data["agencies"] else None
    history, chart = agency_history(agency, pick.period)
    previous = api.stats(pick.period.previous(), agency.slug)["agencies"]
    rows = [{"key": k, "label": presenters.LABELS[k], "mine": (mine or {}).get(k), "province": data["province"][k],
             "definition": presenters.definition_url(k),
             "reports": presenters.reports_link(pick.period, k, agency.slug)}
            for k in api.INDICATORS if k != "zone"]
    html = render_to_string("scorecards/_agency_detail.html", {
        "agency": agency, "pick": pick, "period": pick.period, "mine": mine, "stats": data, "rows": rows,
        "cards": presenters.cards(mine or {}, previous[0] if previous else None, pick.period, agency.slug),
        "chart": chart, "history": history, "answers": answer_quality(pick.period, agency),
        "examples_open": role_of(request.user) in MEETING_READERS,  # the part is cached per role
    })
    months = presenters.month_periods(pick.period.last_day)
    return {"html": html, "label": data["label"],
            "live": not has_snapshots(pick.period, pick.period.previous(), *months)}


def answer_quality(period, agency) -> dict:
    """The share of this agency's answers in the period that pass the quality check, beside the province's
    (meetings.quality: the same check `pantau check-answer` runs)."""
    from django.core.cache import cache

    from pantau.meetings.quality import quality_by_agency

    # Every answer of the period is checked for the province share: once per data version, not per view.
    key = f"pantau:answer-quality:{api.data_version()}:{period.key}"
    province = cache.get_or_set(key, lambda: quality_by_agency(period), api.LIVE_CACHE_SECONDS)
    checked = sum(r["checked"] for r in province.values())
    good = sum(r["good"] for r in province.values())
    return {"agency": province.get(agency.id),
            "province_share": round(100 * good / checked, 1) if checked else None}


@province_readers
def priority_list(request):
    pick = presenters.picker(request.GET)
    rows = api.priority(pick.period)
    title = _("Coordination meeting priorities")
    chart = Chart("priority", title, lambda: charts.bar([(r["name"], r["score"]) for r in rows], title=title,
                                                         value_format="decimal"),
                  ["priority", "slug", "name", "received", "index", "zone", "overdue_now", "score", "reason"],
                  [[r["priority"], r["slug"], r["name"], r["received"], r["index"], r["zone"], r["overdue_now"],
                    r["score"], r["reason"]] for r in rows])
    if (csv := chart_or_csv(request, [chart], pick.period)) is not None:
        return csv
    return render(request, "scorecards/priority.html", {"pick": pick, "period": pick.period, "rows": rows,
                                                        "chart": chart})
