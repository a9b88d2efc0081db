from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from pantau.agencies.roles import visible_agencies
from pantau.complaints.models import OPEN_STATUSES


@login_required
def home(request):
    """First page after login: the agencies this user may see, with their report counts."""
    agencies = visible_agencies(request.user).annotate(
        received=Count("complaints"),
        open=Count("complaints", filter=Q(complaints__status__in=OPEN_STATUSES)),
    ).order_by("-received", "name")
    return render(request, "web/home.html", {"agencies": agencies})
