"""The practice form, in four sections, and the editor's decision form.

Saving a draft checks only what is filled in (lengths, formats, no HTML), so a half-written
practice is never lost; sending it for review also checks that it is complete.
"""

import re

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lib.forms import LongTextField
from lib.privacy import looks_private
from lib.text import SHOWN_TEXT_VALIDATORS
from practices.models import (
    RESOURCE_LANGUAGES,
    ClientGroup,
    DeliveryMode,
    EvidenceLevel,
    Kind,
    Origin,
    Principle,
    ResourceKind,
    Stage,
    Theme,
)
from submissions.content import IN_LANGUAGE, LANGS, TRANSLATED
from uploads.files import UploadField
from uploads.models import Upload, human_size
from workinggroup.models import Community, Organization, ProvinceTerritory

LIMITS = {
    "title": 200,
    "summary": 1000,
    "description": 10000,
    "outcomes": 5000,
    "lessons": 5000,
    "contact_role": 150,
}
TEXT_LABELS = {
    "title": _("Title"),
    "summary": _("Summary"),
    "description": _("How it works"),
    "outcomes": _("Results"),
    "lessons": _("What did not work"),
    "contact_role": _("Contact's role"),
}
TEXT_HELP = {
    "summary": _("Two or three sentences: what it is and who it helps."),
    "description": _("Steps, people and partners involved, what it costs. Markdown is welcome."),
    "outcomes": _("What changed for newcomers and for your centre; figures if you have them."),
    "lessons": _(
        "What did not work, and what you would do differently. Other centres learn most from this."
    ),
}
SECTION_FIELDS = {
    "practice": [
        "title_en", "title_fr", "summary_en", "summary_fr", "description_en", "description_fr",
        "kind", "stage", "origin", "delivery_mode", "themes", "principles",
    ],
    "where": ["lead_organization", "province", "community", "client_groups"],
    "results": [
        "outcomes_en", "outcomes_fr", "evidence_level", "lessons_en", "lessons_fr",
        "lessons_anonymous",
    ],
    "contact": [
        "contact_name", "contact_role_en", "contact_role_fr", "contact_email", "contact_phone",
    ],
}  # fmt: skip
SECTION_TITLES = {
    "practice": _("1. The practice"),
    "where": _("2. Where and for whom"),
    "results": _("3. Results and what did not work"),
    "contact": _("4. Someone to call"),
}
REQUIRED_TO_SUBMIT = ("kind", "stage", "origin", "delivery_mode", "evidence_level", "province")

# A tag (<b>, </div>, <img ...>) but not a Markdown autolink such as <https://example.org>.
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^>]*)?/?\s*>|<!--|javascript:", re.I)
phone_validator = RegexValidator(
    r"^\+?[0-9 ().-]{7,25}(\s*(x|ext\.?|poste)\s*\d{1,6})?$",
    _("Enter a phone number such as 867-555-0142 or +1 867 555 0142, ext. 12."),
    flags=re.I,
)


def page_language_first(names):
    """Swap each (x_en, x_fr) pair when the page is in French: people write their own first."""
    if get_language() != "fr":
        return names
    swapped = list(names)
    for i in range(len(swapped) - 1):
        if swapped[i].endswith("_en") and swapped[i + 1] == swapped[i][:-3] + "_fr":
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    return swapped


def no_html(value):
    if value and HTML_TAG.search(value):
        raise forms.ValidationError(
            _("Remove the HTML: write plain text or Markdown (for example **bold**)."),
            code="html",
        )


class PracticeForm(forms.Form):
    lead_organization = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=None,
        error_messages={
            "invalid_choice": _("You can only share a practice on behalf of your own organization.")
        },
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Kind.choices], required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *Stage.choices], required=False)
    origin = forms.ChoiceField(
        label=_("Where the idea came from"), choices=[("", "—"), *Origin.choices], required=False
    )
    delivery_mode = forms.ChoiceField(
        label=_("Delivery"), choices=[("", "—"), *DeliveryMode.choices], required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    principles = forms.MultipleChoiceField(
        label=_("IRCC foundational principles it serves"),
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    province = forms.ModelChoiceField(
        label=_("Province or territory"),
        queryset=ProvinceTerritory.objects.all(),
        required=False,
    )
    community = forms.ModelChoiceField(
        label=_("Community"),
        queryset=Community.objects.select_related("province"),
        required=False,
        help_text=_("Leave empty if it runs across a region."),
    )
    client_groups = forms.ModelMultipleChoiceField(
        label=_("Client groups"),
        queryset=ClientGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    evidence_level = forms.ChoiceField(
        label=_("Evidence"), choices=[("", "—"), *EvidenceLevel.choices], required=False
    )
    lessons_anonymous = forms.BooleanField(
        label=_("Publish what did not work without naming our organization or contact"),
        help_text=_("The public page will not show who shared it; editors still see it."),
        required=False,
    )
    contact_name = forms.CharField(
        label=_("Contact name"), max_length=150, required=False, validators=[no_html]
    )
    contact_email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    contact_phone = forms.CharField(
        label=_("Contact phone"),
        max_length=30,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    confirm_no_private_details = forms.BooleanField(
        label=_(
            "I confirm the details flagged in the text (email addresses, phone numbers, postal "
            "codes, long numbers) are a program's public information, not a person's private "
            "details."
        ),
        required=False,
    )

    def __init__(self, *args, organizations, sending=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sending = sending
        self.fields["lead_organization"].queryset = organizations
        for name in TRANSLATED:
            for lang in LANGS:
                self.fields[f"{name}_{lang}"] = self.text_field(name, lang)
        self.order_fields([f for names in SECTION_FIELDS.values() for f in names])

    @staticmethod
    def text_field(name, lang):
        label = f"{TEXT_LABELS[name]} ({IN_LANGUAGE[lang]})"
        long_text = name not in ("title", "contact_role")
        widget = (
            forms.Textarea(attrs={"rows": 6 if name != "summary" else 3}) if long_text else None
        )
        field = forms.CharField(
            label=label,
            max_length=LIMITS[name],
            required=False,
            # A title shows in every list and email: refuse invisible or reordered ones.
            validators=[no_html, *(SHOWN_TEXT_VALIDATORS if name == "title" else ())],
            help_text=TEXT_HELP.get(name, ""),
            widget=widget,
        )
        field.widget.attrs["lang"] = lang
        return field

    def sections(self):
        """(key, title, fields) of each section; the page's language comes first in each pair."""
        return [
            (key, SECTION_TITLES[key], [self[name] for name in page_language_first(names)])
            for key, names in SECTION_FIELDS.items()
        ]

    def clean(self):
        data = super().clean()
        if self.sending:
            self.check_complete(data)
            self.check_private_details(data)
        return data

    def check_complete(self, data):
        for lang in LANGS:
            title, summary = data.get(f"title_{lang}"), data.get(f"summary_{lang}")
            if title and not summary and f"summary_{lang}" not in self.errors:
                self.add_error(f"summary_{lang}", _("Add a summary in the title's language."))
            if summary and not title and f"title_{lang}" not in self.errors:
                self.add_error(f"title_{lang}", _("Add a title in the summary's language."))
        if not any(data.get(f"title_{lang}") and data.get(f"summary_{lang}") for lang in LANGS):
            if not any(f"title_{lang}" in self.errors for lang in LANGS):
                self.add_error(
                    "title_en",
                    _("Give a title and a summary in English, in French, or in both."),
                )
        for name in REQUIRED_TO_SUBMIT:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("This field is required to send the practice for review."))
        if not data.get("themes") and "themes" not in self.errors:
            self.add_error("themes", _("Choose at least one theme."))
        if not data.get("lead_organization") and "lead_organization" not in self.errors:
            self.add_error(
                "lead_organization",
                _("Join your organization (Your organizations, in your profile) before sending."),
            )

    def check_private_details(self, data):
        if data.get("confirm_no_private_details"):
            return
        for name, kinds in self.private_details(data):
            self.add_error(
                name,
                _(
                    "This looks like it holds %(kinds)s. Practices describe programs, never "
                    "clients: remove personal details, or confirm below that they are a "
                    "program's public information."
                )
                % {"kinds": ", ".join(str(kind) for kind in kinds)},
            )

    @staticmethod
    def private_details(data):
        """[(field name, kinds of details)] for the texts outside the contact section."""
        return [
            (name, looks_private(value))
            for name, value in data.items()
            if isinstance(value, str) and not name.startswith("contact_") and looks_private(value)
        ]

    def private_detail_warnings(self):
        """Labels of the fields that seem to hold private details, for a warning on a draft."""
        return [self[name].label for name, _kinds in self.private_details(self.cleaned_data)]

    def content(self):
        """The cleaned data as JSON-ready content."""
        data = self.cleaned_data
        out = {}
        for name, value in data.items():
            if name == "confirm_no_private_details":
                continue
            if hasattr(value, "pk"):
                out[name] = value.pk
            elif hasattr(value, "values_list"):
                out[name] = sorted(value.values_list("pk", flat=True))
            else:
                out[name] = value if value is not None else ""
        return out


class DecisionForm(forms.Form):
    DECISIONS = [
        ("published", _("Publish")),
        ("changes_requested", _("Ask for changes")),
        ("rejected", _("Reject")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the author"),
        help_text=_("Required to ask for changes or to reject: say what to change, or why."),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") in ("changes_requested", "rejected")
            and not data.get("message", "").strip()
        ):
            self.add_error("message", _("Write a message for the author: it is required."))
        return data


class ArchiveForm(forms.Form):
    message = forms.CharField(
        label=_("Why is it archived?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TranslationForm(forms.Form):
    """The missing language's texts of a published practice."""

    def __init__(self, *args, language, required_names=("title", "summary"), **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        for name in TRANSLATED:
            field = PracticeForm.text_field(name, language)
            field.required = name in required_names
            self.fields[f"{name}_{language}"] = field


MAX_RESOURCES = 30


class ResourceForm(forms.Form):
    """One resource of a draft: a file (uploaded at once, kept if another field has an error)
    or a link, its title and description in either language, its kind and languages."""

    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_fr = forms.CharField(label=_("Title in French"), max_length=200, required=False)
    description_en = LongTextField(
        label=_("Description in English (optional)"), max_length=1000, required=False
    )
    description_fr = LongTextField(
        label=_("Description in French (optional)"), max_length=1000, required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ResourceKind.choices,
        error_messages={"required": _("Choose the kind of resource.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the resource"),
        choices=list(RESOURCE_LANGUAGES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the file or page itself is written or spoken in."),
        error_messages={"required": _("Choose at least one language of the resource.")},
    )
    file = UploadField(
        label=_("File (or a link below)"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, text, PNG, JPEG, WebP, MP3, M4A or "
            "MP4; at most %(size)s."
        ),
    )
    url = forms.URLField(
        label=_("Link to a page elsewhere (instead of a file)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a full web address, such as https://example.org.")},
    )
    # A file already accepted when another field had an error: not asked for again.
    kept_upload = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, uploader, current_upload=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploader = uploader
        self.current_upload = current_upload  # the file of the resource being changed
        self.fields["file"].uploader = uploader
        self.fields["file"].help_text = self.fields["file"].help_text % {
            "size": human_size(settings.UPLOAD_MAX_BYTES)
        }
        for name in ("title_en", "title_fr", "description_en", "description_fr"):
            self.fields[name].validators.append(no_html)
        order = page_language_first(["title_en", "title_fr", "description_en", "description_fr"])
        self.order_fields(order)

    def clean_kept_upload(self):
        pk = self.cleaned_data.get("kept_upload")
        if not pk:
            return None
        # Only a file this person has just uploaded, and that no resource uses yet.
        return Upload.objects.filter(pk=pk, uploader=self.uploader, resources__isnull=True).first()

    def clean(self):
        data = super().clean()
        if not data.get("title_en") and not data.get("title_fr"):
            self.add_error("title_en", _("Give the resource a title, in English or in French."))
        upload = data.get("file") or data.get("kept_upload") or self.current_upload
        if upload and data.get("url") and not (data.get("file") or data.get("kept_upload")):
            upload = None  # a link replaces the file of the resource being changed
        if upload is None and not data.get("url") and "url" not in self.errors:
            self.add_error("file", _("Choose a file, or give a link to a page elsewhere."))
        if (data.get("file") or data.get("kept_upload")) and data.get("url"):
            self.add_error("url", _("Give a file or a link, not both: remove the link."))
        data["upload"] = upload
        return data

    @property
    def accepted_upload(self):
        """The file accepted by this post, to keep if the form is shown again."""
        data = getattr(self, "cleaned_data", {})
        return data.get("file") or data.get("kept_upload")

    def entry(self, key):
        data = self.cleaned_data
        upload = data["upload"]
        return {
            "key": key,
            **{name: data.get(name) or "" for name in RESOURCE_TEXT_KEYS},
            "kind": data["kind"],
            "languages": [c for c in RESOURCE_LANGUAGES if c in data["languages"]],
            "upload": upload.pk if upload else None,
            "url": "" if upload else data["url"],
        }


RESOURCE_TEXT_KEYS = ("title_en", "title_fr", "description_en", "description_fr")
