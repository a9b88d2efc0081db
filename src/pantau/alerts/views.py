"""Pages of opinion analysis and alerts, for koordinator and analis (topics they may see only)."""

import csv
from datetime import datetime, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from pantau.agencies.roles import ANALIS, KOORDINATOR
from pantau.lib.periods import WIB, PeriodError, parse_period
from pantau.opinion.models import Mention, Topic
from pantau.opinion.views_mentions import visible_mentions
from pantau.web.access import role_required

from . import charts as analysis_charts
from .analysis import Scope, mention_filter
from .models import Alert

BUCKET_NAMES = {"hour": _lazy("hour"), "day": _lazy("day"), "week": _lazy("week")}
ORDER = ["volume", "share", "sentiment", "emotion", "terms-words", "terms-phrases", "terms-hashtags",
         "site-volume", "site-engagement", "author-volume", "author-engagement", "region"]


analyst_only = role_required(KOORDINATOR, ANALIS)  # 403 for every other role


def default_period() -> str:
    today = timezone.localtime(timezone.now(), WIB).date()
    return f"{today - timedelta(days=29)}..{today}"


def scope_from(request) -> tuple[Scope, dict]:
    """The topics (one or all visible), period and bucket asked for; 404 for a topic not visible."""
    visible = list(Topic.objects.visible_to(request.user))
    slug = request.GET.get("topic", "")
    topics = [t for t in visible if t.slug == slug] if slug else visible
    if slug and not topics:
        raise Http404
    text = request.GET.get("period") or default_period()
    try:
        period = parse_period(text)
    except PeriodError as exc:
        messages.error(request, _("Period not understood: %(error)s") % {"error": exc})
        period = parse_period(default_period())
    asked = request.GET.get("bucket") if request.GET.get("bucket") in analysis_charts.STEP else "day"
    bucket = analysis_charts.fitting_bucket(period.start, period.end, asked)
    if bucket != asked:
        messages.info(request, _("This period is too long to show per %(asked)s; shown per %(bucket)s.")
                      % {"asked": BUCKET_NAMES[asked], "bucket": BUCKET_NAMES[bucket]})
    form = {"topic": slug, "period": period.key, "bucket": bucket, "topics": visible, "label": period.label()}
    return Scope(topics, period.start, period.end, bucket), form


def csv_response(chart, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    writer = csv.writer(response)
    writer.writerow(chart.headers)
    writer.writerows(chart.rows)
    return response


@analyst_only
def analysis(request):
    """Charts of the chosen topics and period; `?csv=KEY` downloads one chart's rows."""
    scope, form = scope_from(request)
    key = request.GET.get("csv")
    if key:
        if key not in analysis_charts.BUILDERS:
            raise Http404
        return csv_response(analysis_charts.build(scope, key), f"pantau-{key}-{form['period']}")
    base = {"topic": form["topic"], "from": scope.start.isoformat(), "to": scope.end.isoformat()}
    built = []
    for key in ORDER:
        chart = analysis_charts.build(scope, key)
        links = [urlencode({**base, **f}) for f in chart.filters]
        built.append({"chart": chart, "rows": list(zip(chart.rows, links, strict=True)),
                      "csv": urlencode({**{k: form[k] for k in ("topic", "period", "bucket")}, "csv": key})})
    return render(request, "alerts/analysis.html", {"form": form, "charts": built})


def _parse_moment(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


@analyst_only
def mention_list(request):
    """Mentions behind a chart's bar: topic, time range and one filter from the analysis page."""
    visible = Topic.objects.visible_to(request.user)
    topics = visible.filter(slug=request.GET["topic"]) if request.GET.get("topic") else visible
    if request.GET.get("topic_name"):
        topics = topics.filter(name=request.GET["topic_name"])
    links = {"topic_links__topic__in": topics}
    start, end = _parse_moment(request.GET.get("from")), _parse_moment(request.GET.get("to"))
    if start:
        links["topic_links__published_at__gte"] = start
    if end:
        links["topic_links__published_at__lt"] = end
    ids = Mention.objects.filter(**links).values("pk")
    mentions = (Mention.objects.filter(pk__in=ids).filter(mention_filter(request.GET))
                .select_related("region", "source").order_by("-published_at"))
    page = Paginator(mentions, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "alerts/mention_list.html", {"page": page, "query": query.urlencode()})


@analyst_only
def alert_list(request):
    """Alerts of the topics the user may see, newest first, with their deliveries."""
    alerts = (Alert.objects.filter(topic__in=Topic.objects.visible_to(request.user))
              .select_related("topic").prefetch_related("deliveries", "top_mentions"))
    page = Paginator(alerts, 25).get_page(request.GET.get("page"))
    return render(request, "alerts/alert_list.html", {"page": page})


def visible_mention(request, pk: int) -> Mention:
    """The mention if this user may see it (the opinion pages' rule), else 404."""
    mentions = Mention.objects.select_related("complaint", "region", "source")
    return get_object_or_404(visible_mentions(request.user, mentions), pk=pk)


def back(request, mention: Mention):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("mention_detail", pk=mention.pk)


@analyst_only
def subscription(request):
    """The user's own alert e-mails: each alert at once or not, digest daily/weekly/none, topics."""
    from .forms import SubscriptionForm
    from .models import Subscription

    sub, _created = Subscription.objects.get_or_create(user=request.user)
    form = SubscriptionForm(request.POST or None, instance=sub, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Alert e-mail settings saved."))
        return redirect("alert_subscription")
    return render(request, "alerts/subscription.html", {"form": form})
