"""/kalender/: holidays and cuti bersama of a year; the koordinator adds or removes overrides.

Every logged-in role may read the calendar (an admin OPD needs to know why a deadline moved);
only the koordinator may change it (POST by anyone else is 403).
"""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pantau.agencies.roles import KOORDINATOR, has_role
from pantau.complaints import calendar_actions
from pantau.complaints.models import CalendarOverride
from pantau.lib.workdays import FIRST_YEAR, LAST_YEAR, get_calendar


class OverrideForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    is_holiday = forms.TypedChoiceField(
        label=_("The day becomes"), coerce=lambda v: v == "1", widget=forms.RadioSelect,
        choices=[("1", _("a holiday (not a working day)")), ("0", _("a working day"))], initial="1",
    )
    reason = forms.CharField(label=_("Reason (e.g. the decree)"), max_length=300)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(_("The calendar covers %(a)s to %(b)s."), params={"a": FIRST_YEAR, "b": LAST_YEAR})
        if CalendarOverride.objects.filter(date=day).exists():
            raise forms.ValidationError(_("This date already has an override; remove it first."))
        return day

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Write the reason for this change."))
        return reason


def _year(raw) -> int:
    try:
        year = int(raw)
    except (TypeError, ValueError):
        return timezone.localdate().year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@login_required
def calendar(request):
    year = _year(request.GET.get("year") or request.POST.get("year"))
    may_edit = has_role(request.user, KOORDINATOR)
    form = OverrideForm(initial={"is_holiday": "1"})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        form = OverrideForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            changed = calendar_actions.add_override(day=d["date"], is_holiday=d["is_holiday"], reason=d["reason"], user=request.user)
            messages.success(request, _recomputed_message(changed))
            return redirect(f"{reverse('calendar')}?year={d['date'].year}")
    cal = get_calendar()
    overrides = CalendarOverride.objects.filter(date__year=year)
    return render(request, "complaints/calendar.html", {
        "year": year, "years": range(FIRST_YEAR, LAST_YEAR + 1),
        "holidays": cal.holidays_between(date(year, 1, 1), date(year, 12, 31)),
        "overrides": overrides, "override_dates": {o.date for o in overrides},
        "form": form, "may_edit": may_edit,
    })


@login_required
def calendar_override_delete(request, pk: int):
    if request.method != "POST":
        return redirect("calendar")
    if not has_role(request.user, KOORDINATOR):
        raise PermissionDenied
    override = get_object_or_404(CalendarOverride, pk=pk)
    year = override.date.year
    changed = calendar_actions.remove_override(override)
    messages.success(request, _recomputed_message(changed))
    return redirect(f"{reverse('calendar')}?year={year}")


def _recomputed_message(changed: int) -> str:
    return ngettext(
        "Calendar saved. The deadlines of %(n)d report were recomputed.",
        "Calendar saved. The deadlines of %(n)d reports were recomputed.", changed,
    ) % {"n": changed}
