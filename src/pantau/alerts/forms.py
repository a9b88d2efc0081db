from django import forms

from pantau.opinion.models import Topic

from .models import Subscription


class SubscriptionForm(forms.ModelForm):
    """A user's own choice of alert e-mails, limited to the topics the user may see."""

    class Meta:
        model = Subscription
        fields = ["immediate", "digest", "topics"]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.visible_to(user).filter(active=True)
