"""A mention seen by an analyst: correct its sentiment, turn it into a tracked report."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.agencies.models import Agency
from pantau.complaints.actions import create_complaint_from_mention
from pantau.complaints.models import Category
from pantau.complaints.suggest import suggest
from pantau.opinion.models import Sentiment

from .actions import correct_sentiment
from .views import analyst_only, back, visible_mention


@analyst_only
def mention_detail(request, pk: int):
    mention = visible_mention(request, pk)
    context = {"mention": mention, "sentiments": Sentiment.choices}
    if not mention.complaint_id:
        context["suggestions"] = suggest(f"{mention.title} {mention.text}")
        context["agencies"] = Agency.objects.filter(active=True).order_by("name")
        context["categories"] = Category.objects.filter(parent__isnull=True).order_by("name")
    return render(request, "alerts/mention_detail.html", context)


@require_POST
@analyst_only
def mention_sentiment(request, pk: int):
    mention = visible_mention(request, pk)
    value = request.POST.get("sentiment", "")
    if value not in Sentiment.values:
        messages.error(request, _("Choose positive, neutral or negative."))
        return back(request, mention)
    correct_sentiment(mention, value, request.user)
    messages.success(request, _("Sentiment corrected to %(label)s; the next retraining learns from it.")
                     % {"label": Sentiment(value).label})
    return back(request, mention)


@require_POST
@analyst_only
def mention_to_complaint(request, pk: int):
    mention = visible_mention(request, pk)
    agency = Agency.objects.filter(pk=request.POST.get("agency") or 0, active=True).first()
    if agency is None:
        messages.error(request, _("Choose the agency that must handle the report."))
        return back(request, mention)
    category = Category.objects.filter(pk=request.POST.get("category") or 0).first()
    complaint = create_complaint_from_mention(mention, request.user, agency, category)
    messages.success(request, _("Report %(id)s created and disposed to %(agency)s.")
                     % {"id": complaint.tracking_id, "agency": agency.name})
    return back(request, mention)
