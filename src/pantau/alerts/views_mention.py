"""What an analyst does with a mention: correct its sentiment, turn it into a tracked report.

The mention's one page is opinion's `mention_detail`; it shows these forms with `review_context()`.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.complaints import disposition
from pantau.complaints.actions import create_complaint_from_mention
from pantau.opinion.models import Sentiment

from .actions import correct_sentiment
from .views import analyst_only, back, visible_mention


def review_context(mention) -> dict:
    """What the mention page needs for the correction and "turn into a report" forms."""
    context = {"sentiments": Sentiment.choices}
    if not mention.complaint_id:
        context.update(disposition.choices(f"{mention.title} {mention.text}"))
    return context


@analyst_only
def mention_detail(request, pk: int):
    """The old analysis address of a mention (alert e-mails link to it): its one page now."""
    mention = visible_mention(request, pk)
    return redirect("mention_detail", pk=mention.pk, permanent=True)


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
    agency, category = disposition.chosen(request.POST)
    if agency is None:
        messages.error(request, _("Choose the agency that must handle the report."))
        return back(request, mention)
    complaint = create_complaint_from_mention(mention, request.user, agency, category)
    messages.success(request, _("Report %(id)s created and disposed to %(agency)s.")
                     % {"id": complaint.tracking_id, "agency": agency.name})
    return back(request, mention)
