"""/audit/: the koordinator reads who saw reporters' personal data, when, and how."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from pantau.complaints.models import PersonalDataAccess
from pantau.complaints.views.access import koordinator_required
from pantau.complaints.views.paging import paginate
from pantau.lib.periods import WIB

VIA_CHOICES = [("", _("All")), ("web", _("Report page")), ("export", _("Export")), ("cli", _("Command line"))]


class AuditFilterForm(forms.Form):
    user = forms.CharField(label=_("User name"), required=False, max_length=150)
    tracking_id = forms.CharField(label=_("Tracking ID"), required=False, max_length=32)
    via = forms.ChoiceField(label=_("How"), required=False, choices=VIA_CHOICES)
    date_from = forms.DateField(label=_("From (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


def filtered_accesses(form: AuditFilterForm):
    qs = PersonalDataAccess.objects.select_related("user", "complaint").order_by("-at", "-id")
    if not form.is_valid():
        return qs
    data = form.cleaned_data
    if data["user"]:
        qs = qs.filter(user__username=data["user"].strip())
    if data["tracking_id"]:
        qs = qs.filter(complaint__tracking_id=data["tracking_id"].strip().lstrip("#"))
    if data["via"]:
        qs = qs.filter(via=data["via"])
    if data["date_from"]:
        qs = qs.filter(at__gte=_start_of(data["date_from"]))
    if data["date_to"]:
        qs = qs.filter(at__lt=_start_of(data["date_to"], next_day=True))
    return qs


def _start_of(day, next_day: bool = False):
    from datetime import datetime, time, timedelta

    return datetime.combine(day + timedelta(days=int(next_day)), time.min, tzinfo=WIB)


@koordinator_required
def audit_log(request):
    form = AuditFilterForm(request.GET)
    page = paginate(filtered_accesses(form), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "complaints/audit.html", {"form": form, "page": page, "query": query.urlencode()})
