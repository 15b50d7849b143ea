from django import forms
from django.utils.translation import gettext_lazy as _

from adaptations.models import MAX_NOTE, MAX_TEXT, Reason, ReportStatus, WouldRecommend
from lib.forms import LongTextField
from workinggroup import roles
from workinggroup.models import Community, place_name

TOO_LONG = _(
    "Your text is %(show_value)s characters long; the limit is %(limit_value)s. Shorten it: "
    "what you wrote is kept below."
)
MARKDOWN_HELP = _("Markdown: **bold**, *italics*, - lists, [link](https://…).")


class LongText(LongTextField):
    widget = forms.Textarea(attrs={"rows": 6})

    def __init__(self, *, required_message=None, limit=MAX_TEXT, **kwargs):
        kwargs.setdefault("help_text", MARKDOWN_HELP)
        errors = {"max_length": TOO_LONG}
        if required_message:
            errors["required"] = required_message
        super().__init__(max_length=limit, error_messages=errors, **kwargs)


class CommunityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, community):
        return place_name(community.name, community.province.code)


class AdaptationForm(forms.Form):
    """What an organization says about adapting a practice. The organization is the author's
    own: the form carries it only to notice a page opened under another one."""

    organization = forms.IntegerField(widget=forms.HiddenInput, required=False)
    community = CommunityChoiceField(
        label=_("Community where you adapted it (optional)"),
        queryset=Community.objects.select_related("province").order_by("name"),
        required=False,
        empty_label=_("Not in one community"),
        error_messages={"invalid_choice": _("Choose a community from the list.")},
    )
    changes = LongText(
        label=_("What did you change to fit local realities?"),
        required_message=_("Say what you changed to fit your community."),
    )
    outcome = LongText(
        label=_("How did it go?"),
        required_message=_("Say how it went, even briefly."),
    )
    would_recommend = forms.ChoiceField(
        label=_("Would you recommend it to another small centre?"),
        choices=WouldRecommend.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you would recommend it."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language you are writing in"),
        choices=[("en", _("English")), ("fr", _("French"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language you are writing in.")},
    )

    field_order = ["community", "changes", "outcome", "would_recommend", "language"]

    def __init__(self, *args, user, adaptation=None, **kwargs):
        self.user = user
        self.adaptation = adaptation
        super().__init__(*args, **kwargs)
        if adaptation is not None:
            # The organization of a recorded adaptation does not change.
            del self.fields["organization"]

    def clean(self):
        data = super().clean()
        if self.adaptation is not None:
            return data
        mine = roles.organizations_of(self.user)
        if not mine:
            raise forms.ValidationError(
                _(
                    "You are not yet an approved member of an organization, so the adaptation "
                    "cannot be recorded yet. Ask to join yours from your profile, then send this "
                    "form again: your text is kept below."
                ),
                code="no_organization",
            )
        chosen = data.get("organization")
        if chosen is not None and chosen not in mine:
            raise forms.ValidationError(
                _(
                    "You can record an adaptation only for an organization you are an approved "
                    "member of. Ask someone at the other organization to record theirs."
                ),
                code="other_organization",
            )
        own = self.user.organization_id
        data["organization"] = chosen or (own if own in mine else min(mine))
        return data


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what is wrong."),
            "invalid_choice": _("Choose one of the reasons in the list."),
        },
    )
    note = LongText(
        label=_("Details for the editors (optional)"),
        required=False,
        limit=MAX_NOTE,
        help_text=_(
            "For example, what changed or the new contact's role. Leave out anyone's personal "
            "details."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CloseReportForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Close this report as"),
        choices=[
            (ReportStatus.CONFIRMED_CURRENT, _("Confirmed current: the practice is still right")),
            (ReportStatus.FIXED, _("Fixed: the practice has been corrected")),
            (ReportStatus.DISMISSED, _("Dismissed: nothing needs to change")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how to close the report."),
            "invalid_choice": _("Choose one of the ways to close the report."),
        },
    )
