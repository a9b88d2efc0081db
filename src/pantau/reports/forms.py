from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReportSettings

LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")


class ReportSettingsForm(forms.ModelForm):
    legal_basis = forms.CharField(
        label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 10}), required=False,
        help_text=_("One regulation per line, in the order they are listed."),
    )

    class Meta:
        model = ReportSettings
        fields = ["government", "office", "address", "contact", "logo", "sign_place", "signer_title",
                  "signer_name", "signer_nip", "recipients"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "name") and not logo.name.lower().endswith(LOGO_TYPES):
            raise forms.ValidationError(_("The logo must be a PNG, JPEG or SVG file."))
        if logo and hasattr(logo, "size") and logo.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The logo may be at most 2 MB."))
        return logo
