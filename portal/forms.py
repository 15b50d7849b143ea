"""The "Report a problem on this page" form."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lib.privacy import looks_private
from portal.models import ProblemReport
from portal.personal_data import why_not_deletable

MAX_PAGE_LENGTH = 500


def local_page(value):
    """The page as a path of this site ("/fr/pratiques/?q=x"), or "" for anything else: the
    form sends people back there, so it must never be another site."""
    value = (value or "").strip()
    if (
        not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
        or len(value) > MAX_PAGE_LENGTH
        or any(ord(c) < 32 for c in value)
    ):
        return ""
    return value


class ProblemReportForm(forms.ModelForm):
    page = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ProblemReport
        fields = ["kind", "details", "page"]
        widgets = {
            "kind": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
        }
        labels = {"kind": _("What went wrong?"), "details": _("Details (optional)")}
        help_texts = {
            "details": _(
                "What you were doing and what happened, in English or French; at most 1,000 "
                "characters. Do not include personal information: no names, email addresses, "
                "phone numbers or file numbers."
            )
        }
        error_messages = {
            "kind": {"required": _("Choose what went wrong.")},
            "details": {
                "max_length": _(
                    "Keep the details to 1,000 characters or fewer (you wrote %(show_value)d)."
                )
            },
        }

    def clean_page(self):
        return local_page(self.cleaned_data.get("page"))

    def clean_details(self):
        details = self.cleaned_data.get("details", "").strip()
        found = looks_private(details)
        if found:
            raise forms.ValidationError(
                format_lazy(
                    _(
                        "Remove what looks like personal information ({kinds}): this report "
                        "needs none, and nobody will reply to it."
                    ),
                    kinds=", ".join(str(kind) for kind in found),
                )
            )
        return details


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone: the person types their email address to confirm
    (it works for those who sign in by emailed code, who may have no password)."""

    confirm_email = forms.EmailField(
        label=_("Your email address, to confirm"),
        error_messages={"required": _("Type your email address to confirm.")},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        typed = self.cleaned_data["confirm_email"].strip()
        if typed.casefold() != self.user.email.casefold():
            raise forms.ValidationError(
                _("That is not the email address of your account: nothing was deleted.")
            )
        return typed

    def clean(self):
        reason = why_not_deletable(self.user)
        if reason:
            raise forms.ValidationError(reason)
        return super().clean()
