from django import forms
from django.utils.translation import gettext_lazy as _

from adaptations.models import MAX_NOTE, MAX_TEXT, Reason, ReportStatus, WouldRecommend
from lib.forms import LongTextField
from practices.models import RESOURCE_LANGUAGES, Resource
from uploads.files import UploadField
from uploads.models import Upload
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

    adapted_resource = forms.ModelChoiceField(
        label=_("Did you adapt one of its resources? (optional)"),
        queryset=Resource.objects.none(),
        required=False,
        empty_label=_("No"),
        error_messages={"invalid_choice": _("Choose one of the practice's resources.")},
    )
    adapted_file = UploadField(
        label=_("Your version of it (optional)"),
        required=False,
        help_text=_(
            "A file (PDF, Word, OpenDocument, an image…): for example the handout translated "
            "into your clients' languages."
        ),
    )
    adapted_languages = forms.MultipleChoiceField(
        label=_("Languages of your version"),
        choices=list(RESOURCE_LANGUAGES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # A file already accepted when another field had an error: not asked for again.
    kept_file = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = [
        "community",
        "changes",
        "outcome",
        "would_recommend",
        "language",
        "adapted_resource",
        "adapted_file",
        "adapted_languages",
    ]

    def __init__(self, *args, user, practice=None, adaptation=None, **kwargs):
        self.user = user
        self.adaptation = adaptation
        super().__init__(*args, **kwargs)
        self.fields["adapted_file"].uploader = user
        resources = Resource.objects.filter(practice=practice or adaptation.practice)
        self.fields["adapted_resource"].queryset = resources.order_by("position", "id")
        if not self.fields["adapted_resource"].queryset.exists():
            for name in ("adapted_resource", "adapted_file", "adapted_languages", "kept_file"):
                del self.fields[name]
        if adaptation is not None:
            # The organization of a recorded adaptation does not change.
            del self.fields["organization"]

    def clean_kept_file(self):
        pk = self.cleaned_data.get("kept_file")
        if not pk:
            return None
        return Upload.objects.filter(pk=pk, uploader=self.user, adaptations__isnull=True).first()

    @property
    def accepted_file(self):
        data = getattr(self, "cleaned_data", {})
        return data.get("adapted_file") or data.get("kept_file")

    def clean(self):
        data = super().clean()
        if "adapted_file" in self.fields:
            data["adapted_file"] = self.accepted_file
            has_file = data["adapted_file"] or (self.adaptation and self.adaptation.adapted_file_id)
            if has_file and not data.get("adapted_resource"):
                self.add_error(
                    "adapted_resource", _("Say which of the practice's resources you adapted.")
                )
            if has_file and not data.get("adapted_languages"):
                self.add_error("adapted_languages", _("Say which languages your version is in."))
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
