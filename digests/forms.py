from django import forms
from django.utils.translation import gettext_lazy as _

from digests.models import DigestPreferences
from workinggroup.models import DigestFrequency


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = DigestPreferences
        fields = ["regions", "themes"]
        widgets = {
            "regions": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }
        labels = {
            "regions": _("Regions your digest covers"),
            "themes": _("Themes your digest covers"),
        }
        help_texts = {
            "regions": _("Leave every box empty to hear about practices from every region."),
            "themes": _("Leave every box empty to hear about practices on every theme."),
        }


class UnsubscribeForm(forms.Form):
    # The lower frequencies the unsubscribe page offers (views.unsubscribe says which applies).
    choice = forms.ChoiceField(
        choices=[(f.value, f.label) for f in (DigestFrequency.WEEKLY, DigestFrequency.OFF)]
    )
