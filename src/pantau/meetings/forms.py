from django import forms
from django.utils.translation import gettext_lazy as _

from pantau.lib.periods import PeriodError, parse_period

from .models import AnswerTemplate, Decision, Meeting

ALLOWED_PHOTO_TYPES = (".jpg", ".jpeg", ".png")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "place", "period", "letter_number", "agenda", "speakers", "background"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                   "agenda": forms.Textarea(attrs={"rows": 5}), "speakers": forms.Textarea(attrs={"rows": 3}),
                   "background": forms.Textarea(attrs={"rows": 4})}

    def clean_period(self):
        value = self.cleaned_data["period"]
        try:
            return parse_period(value).key
        except PeriodError:
            raise forms.ValidationError(
                _("Write a period such as 2024-H1, 2024-Q2, 2024 or 2024-01-01..2024-06-30.")) from None


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes", "status"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 10})}


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "agency", "due_date"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_date": forms.DateInput(attrs={"type": "date"})}


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    agency = forms.ModelChoiceField(label=_("agency"), queryset=None, required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        from pantau.agencies.models import Agency

        ids = meeting.invitations.values_list("agency_id", flat=True) if meeting else []
        self.fields["agency"].queryset = Agency.objects.filter(id__in=ids)


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("photo"))
    caption = forms.CharField(label=_("caption"), max_length=300, required=False)

    def clean_image(self):
        f = self.cleaned_data["image"]
        if not f.name.lower().endswith(ALLOWED_PHOTO_TYPES) or f.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("A photo must be a JPEG or PNG file of at most 10 MB."))
        head = f.read(8)
        f.seek(0)
        if not (head.startswith(b"\xff\xd8") or head.startswith(b"\x89PNG")):
            raise forms.ValidationError(_("%(name)s is not a JPEG or PNG image.") % {"name": f.name})
        return f


class AnswerTemplateForm(forms.ModelForm):
    class Meta:
        model = AnswerTemplate
        fields = ["title", "kind", "category", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
