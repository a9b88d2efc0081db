"""Opinion pages: topics (list, create, edit with preview), for analis and koordinator."""

from datetime import timedelta

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.agencies.roles import ANALIS, KOORDINATOR
from pantau.web.access import role_required

from .actions import save_topic
from .forms import TopicForm
from .matcher import Document, compile_query
from .models import Mention, MentionTopic, Topic

PREVIEW_SCAN = 5000


opinion_access = role_required(ANALIS, KOORDINATOR)  # others get 403, anonymous users the login page


@opinion_access
def home(request):
    """The topics this user may see, with their volumes."""
    since = timezone.now() - timedelta(days=30)
    topics = list(Topic.objects.visible_to(request.user).order_by("name"))
    # One grouped scan of the (topic, published_at) index instead of joins per topic.
    volumes = {row["topic"]: row for row in MentionTopic.objects.filter(topic__in=topics).values("topic").annotate(
        total=Count("id"), recent=Count("id", filter=Q(published_at__gte=since)), latest=Max("published_at"))}
    for topic in topics:
        row = volumes.get(topic.pk, {})
        topic.total, topic.recent, topic.latest = row.get("total", 0), row.get("recent", 0), row.get("latest")
    return render(request, "opinion/home.html", {
        "topics": topics, "mention_total": Mention.objects.count(),
    })


def preview(query: str, exclusions: str, limit: int = 20) -> dict:
    """Matches of a query among the latest stored mentions: scanned, matched, the first few."""
    compiled = compile_query(query, exclusions)
    rows = list(Mention.objects.order_by("-published_at").values_list(
        "pk", "title", "text", "site", "author", "source__kind", "source__name")[:PREVIEW_SCAN])
    hits = [pk for pk, title, text, site, author, kind, name in rows
            if compiled.matches(Document(text, title=title, site=site, author=author, source=f"{kind} {name}"))]
    examples = Mention.objects.filter(pk__in=hits[:limit]).select_related("source").order_by("-published_at")
    return {"scanned": len(rows), "matched": len(hits), "examples": examples}


@opinion_access
def topic_form(request, slug=None):
    """Create or edit a topic; the "Pratinjau" button shows matches among stored mentions first."""
    topic = get_object_or_404(Topic.objects.visible_to(request.user), slug=slug) if slug else None
    form = TopicForm(request.POST or None, instance=topic)
    shown = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            shown = preview(form.cleaned_data["query"], form.cleaned_data["exclusions"])
        else:
            saved, count = save_topic(form, request.user)
            if count >= 0:
                messages.success(request, _("Topic saved; %(n)s stored mentions match it.") % {"n": f"{count:,}".replace(",", ".")})
            else:
                messages.success(request, _("Topic saved."))
            return redirect("opinion_home")
    return render(request, "opinion/topic_form.html", {"form": form, "topic": topic, "preview": shown, "scan": PREVIEW_SCAN})


@opinion_access
def query_help(request):
    return render(request, "opinion/query_help.html")
