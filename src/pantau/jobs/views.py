"""The jobs page (koordinator) and each user's mail preferences."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pantau.agencies.roles import KOORDINATOR
from pantau.web.access import role_required

from . import actions
from .models import JobRun, MailKind, Notification, NotificationPreference
from .registry import JOBS


def job_rows() -> list[dict]:
    """Each registered job with its last run and its last successful run."""
    rows = []
    for job in JOBS.values():
        runs = JobRun.objects.filter(name=job.name).order_by("-started_at")
        rows.append({"job": job, "last": runs.first(),
                     "last_ok": runs.filter(outcome=JobRun.Outcome.OK).first()})
    return rows


@role_required(KOORDINATOR)
def job_list(request):
    outbox = dict(Notification.objects.values_list("state").annotate(n=Count("id")))
    problems = Notification.objects.filter(
        state__in=[Notification.State.QUEUED, Notification.State.FAILED], attempts__gt=0,
    ).order_by("-attempts", "next_attempt_at")[:20]
    return render(request, "jobs/job_list.html", {
        "rows": job_rows(), "outbox": outbox, "problems": problems,
        "recent": JobRun.objects.exclude(outcome=JobRun.Outcome.OK).order_by("-started_at")[:20],
    })


class PreferenceForm(forms.Form):
    digest = forms.BooleanField(required=False, label=MailKind.DIGEST.label)
    weekly = forms.BooleanField(required=False, label=MailKind.WEEKLY.label)
    escalation = forms.BooleanField(required=False, label=MailKind.ESCALATION.label)
    submit_label = gettext_lazy("Save")


@login_required
def notification_settings(request):
    pref = NotificationPreference.objects.filter(user=request.user).first()
    initial = {k: getattr(pref, k) if pref else True for k in ("digest", "weekly", "escalation")}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.save_preferences(request.user, **form.cleaned_data)
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("notification_settings")
    return render(request, "jobs/notification_settings.html", {"form": form})
