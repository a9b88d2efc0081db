"""Forms of the opinion pages: a topic with its query, the mention filters."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from pantau.agencies.models import Region
from pantau.lib.periods import PeriodError, parse_period

from .matcher import compile_query
from .models import Language, MentionKind, Source, Topic
from .query import QueryError


def _checked_query(text: str) -> str:
    try:
        compile_query(text)
    except QueryError as err:
        raise forms.ValidationError(err.message()) from None
    return text


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "description", "query", "exclusions", "sources", "visible_to_users",
                  "visible_to_groups", "active"]
        widgets = {
            "query": forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
            "exclusions": forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
            "description": forms.Textarea(attrs={"rows": 2}),
            "sources": forms.CheckboxSelectMultiple, "visible_to_users": forms.CheckboxSelectMultiple,
            "visible_to_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["visible_to_users"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["visible_to_groups"].queryset = Group.objects.filter(name__in=["analis", "koordinator"])

    def clean_query(self) -> str:
        return _checked_query(self.cleaned_data["query"])

    def clean_exclusions(self) -> str:
        text = self.cleaned_data["exclusions"]
        return _checked_query(text) if text.strip() else ""

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:80]
        if not slug:
            raise forms.ValidationError(_("Give the topic a name."))
        if Topic.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another topic already uses this slug."))
        return slug


class MentionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    topic = forms.ModelChoiceField(Topic.objects.none(), label=_("Topic"), required=False, to_field_name="slug")
    source = forms.ModelChoiceField(Source.objects.all(), label=_("Source"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—"), *MentionKind.choices])
    period = forms.CharField(label=_("Period"), required=False, help_text=_("2025-02, 2025-Q1, 2025 or 2025-02-01..2025-02-14"))
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", "—"), *Language.choices])
    region = forms.ModelChoiceField(Region.objects.all(), label=_("Regency/city"), required=False, to_field_name="slug")

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics if topics is not None else Topic.objects.none()

    def clean_period(self):
        text = self.cleaned_data["period"].strip()
        if not text:
            return None
        try:
            return parse_period(text)
        except PeriodError as err:
            raise forms.ValidationError(str(err)) from None
