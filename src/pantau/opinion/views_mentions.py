"""Opinion pages: sources with their runs, the mention list with filters, a mention's detail."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.agencies.roles import KOORDINATOR, role_of
from pantau.settings import env_secret

from .actions import fetch_source
from .forms import MentionFilterForm
from .models import Mention, MentionTopic, Source, Topic
from .views import opinion_access

DEFAULT_CREDENTIALS = {"youtube": "PANTAU_YOUTUBE_API_KEY", "x": "PANTAU_X_BEARER_TOKEN"}


@opinion_access
def source_list(request):
    sources = Source.objects.annotate(mention_count=Count("mentions")).order_by("kind", "name")
    return render(request, "opinion/source_list.html", {"sources": sources})


@opinion_access
def source_detail(request, pk):
    """A source: settings (never the secret itself), cursor, counts and its last runs."""
    source = get_object_or_404(Source, pk=pk)
    env = source.credential_env or DEFAULT_CREDENTIALS.get(source.kind, "")
    return render(request, "opinion/source_detail.html", {
        "source": source, "runs": source.runs.all()[:20], "mention_count": source.mentions.count(),
        "credential_name": env, "credential_set": bool(env and env_secret(env)),
    })


@opinion_access
@require_POST
def source_fetch(request, pk):
    source = get_object_or_404(Source, pk=pk)
    run = fetch_source(source, force=True)
    source.refresh_from_db()
    if run is None:
        messages.warning(request, _("%(name)s: %(status)s") % {"name": source.name, "status": source.get_status_display()})
    elif run.error:
        messages.error(request, _("Fetch failed: %(error)s") % {"error": run.error})
    else:
        messages.success(request, _("%(new)s new mentions, %(dup)s already stored.") % {"new": run.new, "dup": run.duplicates})
    return redirect("source_detail", pk=source.pk)


def visible_mentions(user, qs=None):
    """Mentions this user may see: for an analis, none that belong only to topics hidden from them."""
    qs = Mention.objects.all() if qs is None else qs
    if role_of(user) == KOORDINATOR:
        return qs
    visible = Topic.objects.visible_to(user).values("pk")
    hidden = Topic.objects.exclude(pk__in=visible)
    if not hidden.exists():
        return qs
    shown = MentionTopic.objects.filter(topic__in=visible).values("mention")
    return qs.exclude(pk__in=MentionTopic.objects.filter(topic__in=hidden).exclude(mention__in=shown).values("mention"))


def search(qs, text: str):
    """Full-text search: PostgreSQL's text search when available, else words with icontains."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return qs.annotate(search=SearchVector("title", "text", config="simple")).filter(
            search=SearchQuery(text, search_type="websearch", config="simple"))
    for word in text.split():
        qs = qs.filter(Q(title__icontains=word) | Q(text__icontains=word))
    return qs


def filtered(form: MentionFilterForm, qs):
    data = form.cleaned_data
    if data.get("topic"):
        qs = qs.filter(topic_links__topic=data["topic"])
    for name in ("source", "kind", "language", "region"):
        if data.get(name):
            qs = qs.filter(**{name: data[name]})
    if data.get("period"):
        qs = qs.filter(published_at__gte=data["period"].start, published_at__lt=data["period"].end)
    if data.get("q"):
        qs = search(qs, data["q"])
    return qs


@opinion_access
def mention_list(request):
    topics = Topic.objects.visible_to(request.user)
    form = MentionFilterForm(request.GET or None, topics=topics)
    qs = visible_mentions(request.user).select_related("source", "region").order_by("-published_at", "-pk")
    if form.is_bound and form.is_valid():
        qs = filtered(form, qs)
    elif form.is_bound:
        qs = qs.none()
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    links = MentionTopic.objects.filter(mention__in=[m.pk for m in page], topic__in=topics).select_related("topic")
    by_mention: dict[int, list] = {}
    for link in links:
        by_mention.setdefault(link.mention_id, []).append(link.topic)
    for m in page:
        m.shown_topics = by_mention.get(m.pk, [])
    return render(request, "opinion/mention_list.html", {"form": form, "page": page})


@opinion_access
def mention_detail(request, pk):
    """One mention with its topics, its exact copies, the other members of its story, and the analyst's
    forms: correct the sentiment, turn it into a tracked report."""
    from pantau.alerts.views_mention import (
        review_context,  # alerts builds on opinion, not the reverse
    )

    mention = get_object_or_404(visible_mentions(request.user).select_related("source", "region", "cluster", "complaint__agency"),
                                pk=pk)
    story = []
    if mention.cluster_id:
        story = list(Mention.objects.filter(cluster_id=mention.cluster_id).exclude(pk=mention.pk)
                     .select_related("source").order_by("published_at")[:100])
    return render(request, "opinion/mention_detail.html", {
        "m": mention, "topics": Topic.objects.visible_to(request.user).filter(mention_links__mention=mention),
        "story": story, "copies": mention.exact_copies.order_by("published_at")[:100],
        "mention": mention, **review_context(mention),
    })
