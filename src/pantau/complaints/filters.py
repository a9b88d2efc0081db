"""The report list's filters: GET parameters -> a validated form -> a filtered, sorted queryset.

Parameter names are part of the page's address (other pages link here with them): `period`,
`agency` (slug), `status`, `category` (id, includes its sub-categories), `kind`, `channel`,
`region` (slug), `overdue=1`, `q` (tracking ID, title or text), `sort`, `page`.
"""

import re

from django import forms
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from pantau.agencies.models import Agency, Region
from pantau.agencies.roles import KOORDINATOR, role_of, visible_agencies, visible_complaints
from pantau.complaints import versioning
from pantau.complaints.models import Category, Channel, DeadlineState, Kind, Status
from pantau.lib.periods import PeriodError, parse_period

# Each sort is backed by an index so that the first page of 1M rows comes back quickly.
# Newest first without an id tie-break: PostgreSQL then walks the received_at index backwards
# instead of sorting a million rows (2.9 s); reports received in the same second may swap pages.
SORTS = {
    "-received": ("-received_at",),
    "received": ("received_at",),
    "deadline": ("resolve_due_at", "id"),
    "tracking": ("tracking_id",),
}
SORT_LABELS = [
    ("-received", _("Newest first")),
    ("received", _("Oldest first")),
    ("deadline", _("Resolution deadline, earliest first")),
    ("tracking", _("Tracking ID")),
]


class FastSelect(forms.Select):
    """A <select> built in one pass: Django's per-option templates cost ~1 ms per option, and the
    filter bar has hundreds (categories), which dominated the list page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value[0] if isinstance(value, list | tuple) and value else value)
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (v, mark_safe(" selected") if str(v) == chosen else "", label) for v, label in self.choices))
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options)


def _blank(choices) -> list:
    return [("", _("All"))] + list(choices)


class ComplaintFilterForm(forms.Form):
    """Every field optional; an invalid value is shown next to its field and ignored."""

    period = forms.CharField(label=_("Period"), required=False, max_length=30,
                             widget=forms.TextInput(attrs={"placeholder": "2024-Q1"}),
                             help_text=_("2024-Q1, 2024-H1, 2024, 2024-03 or 2024-01-01..2024-03-31"))
    agency = forms.ChoiceField(widget=FastSelect, label=_("Agency"), required=False)
    status = forms.ChoiceField(widget=FastSelect, label=_("Status"), required=False, choices=_blank(Status.choices))
    category = forms.TypedChoiceField(widget=FastSelect, label=_("Category"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(widget=FastSelect, label=_("Classification"), required=False, choices=_blank(Kind.choices))
    channel = forms.ChoiceField(widget=FastSelect, label=_("Channel"), required=False, choices=_blank(Channel.choices))
    region = forms.ChoiceField(widget=FastSelect, label=_("Regency/city"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        help_text=_("Tracking ID, title or report text"))
    sort = forms.ChoiceField(widget=FastSelect, label=_("Sort"), required=False, choices=SORT_LABELS)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        agencies = visible_agencies(user).order_by("name").values_list("slug", "name")
        self.fields["agency"].choices = _blank(agencies)
        self.fields["category"].choices = _blank(cached_category_choices())
        self.fields["region"].choices = _blank(Region.objects.values_list("slug", "name"))

    def clean_period(self):
        text = self.cleaned_data.get("period", "").strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except PeriodError:
            raise forms.ValidationError(
                _("“%(value)s” is not a period. Write 2024-Q1, 2024-H1, 2024, 2024-03 or "
                  "2024-01-01..2024-03-31."), params={"value": text}) from None


def cached_category_choices(version: str | None = None) -> list[tuple[int, str]]:
    """(id, "TOP > SUB") for every category, sorted by that label; cached per data version (an import
    that adds categories, or a rename in the admin, changes it)."""
    key = f"pantau:complaints:category-choices:{version or versioning.current()}"
    return cache.get_or_set(key, _category_choices, 3600)


def _category_choices() -> list[tuple[int, str]]:
    cats = Category.objects.select_related("parent")
    return sorted(((c.id, str(c)) for c in cats), key=lambda pair: pair[1])


def filtered_complaints(form: ComplaintFilterForm) -> QuerySet:
    """The reports the form's user may see, narrowed by every valid filter, in the chosen order."""
    qs = visible_complaints(form.user)
    data = form.cleaned_data if form.is_valid() else _valid_part(form)
    if period := data.get("period"):
        qs = qs.filter(received_at__gte=period.start, received_at__lt=period.end)
    # Slugs become ids first, so that the (agency, received_at) index serves the query (a join on the
    # slug made SQLite scan the quarter: 175 ms at 1M reports instead of a few).
    if data.get("agency"):
        qs = qs.filter(agency_id=Agency.objects.filter(slug=data["agency"]).values_list("id", flat=True).first())
    for name in ("status", "kind", "channel"):
        if data.get(name):
            qs = qs.filter(**{name: data[name]})
    if data.get("category"):
        qs = qs.filter(Q(category_id=data["category"]) | Q(category__parent_id=data["category"]))
    if data.get("region"):
        qs = qs.filter(region_id=Region.objects.filter(slug=data["region"]).values_list("id", flat=True).first())
    if data.get("overdue"):
        qs = qs.filter(overdue_q())
    if q := (data.get("q") or "").strip():
        qs = qs.filter(text_search_q(q, secret_text=role_of(form.user) == KOORDINATOR))
    return qs.order_by(*SORTS.get(data.get("sort") or "-received", SORTS["-received"]))


def _valid_part(form: ComplaintFilterForm) -> dict:
    """The fields that did validate, so one bad value does not throw the other filters away."""
    return {k: v for k, v in form.cleaned_data.items() if k not in form.errors}


def overdue_q() -> Q:
    """A report is overdue when any of its deadlines has passed without the step being done."""
    od = DeadlineState.OVERDUE
    return Q(dispose_state=od) | Q(follow_up_state=od) | Q(resolve_state=od)


def text_search_q(q: str, *, secret_text: bool) -> Q:
    """Tracking IDs are matched exactly (with or without '#'); words anywhere in title or text.
    A rahasia report's text is personal data: only searched for a role that may read it."""
    tracking = q.lstrip("#").strip()
    if re.fullmatch(r"\d{4,}", tracking):  # a tracking number: the unique index answers, no text scan
        return Q(tracking_id=tracking)
    in_text = Q(text__icontains=q) if secret_text else Q(text__icontains=q, is_secret=False)
    return Q(tracking_id=tracking) | Q(title__icontains=q) | in_text
