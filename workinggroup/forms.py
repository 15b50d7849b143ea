"""Forms of the working-group pages. Every error message is translated and tied to its field."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lib.text import SHOWN_TEXT_VALIDATORS, validate_no_bidi_controls
from workinggroup import roles
from workinggroup.models import (
    SERVICE_LANGUAGES,
    Invitation,
    MemberProfile,
    Organization,
    OrganizationRequest,
    Region,
    SizeClass,
    StaffSizeBand,
    User,
    WorkingGroupRole,
)

ORGANIZATION_LIST_ID = "organization-names"


class OrganizationNameField(forms.CharField):
    """An organization typed by name (in either language), suggested by a <datalist>."""

    default_error_messages = {
        "unknown": _(
            "We do not know an organization called “%(name)s”. Pick a name from the suggestions, "
            "check the spelling, or leave the field empty."
        ),
        "ambiguous": _(
            "Several organizations are called “%(name)s”. Ask an administrator to set yours."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"list": ORGANIZATION_LIST_ID, "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Organization):
            return value.name
        return value

    def clean(self, value):
        name = super().clean(value)
        if not name:
            return None
        matches = list(Organization.objects.named(name)[:2])
        if not matches:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": name}
            )
        if len(matches) > 1:
            raise forms.ValidationError(
                self.error_messages["ambiguous"], code="ambiguous", params={"name": name}
            )
        return matches[0]


# "Any" agrees with the filtered noun in French (docs/french-style.md): « Région : Toutes ».
ANY = _("Any")
ANY_FEMININE = pgettext_lazy("filter of a feminine noun", "Any")


class DirectoryFilterForm(forms.Form):
    """The directory's filters, read from the query string; each one optional."""

    region = forms.ChoiceField(label=_("IRCC region"), required=False)
    province = forms.ChoiceField(label=_("Province or territory"), required=False)
    size = forms.ChoiceField(label=_("Size of community served"), required=False)
    language = forms.ChoiceField(label=_("Language of service"), required=False)
    francophone = forms.BooleanField(
        label=_("Serves a francophone minority community"), required=False
    )
    staff = forms.ChoiceField(label=_("Staff size"), required=False)

    error_messages = {
        "invalid_choice": _("“%(value)s” is not one of the choices; this filter was ignored.")
    }

    def __init__(self, data, *, regions, provinces):
        # The ids of the selects the directory writes itself (workinggroup/organization_list.html).
        super().__init__(data, auto_id="filter-%s")
        anything, any_feminine = [("", ANY)], [("", ANY_FEMININE)]
        self.fields["region"].choices = any_feminine + [(r.code, r.name) for r in regions]
        self.fields["province"].choices = anything + [(p.code, p.name) for p in provinces]
        self.fields["size"].choices = any_feminine + list(SizeClass.choices)
        self.fields["language"].choices = any_feminine + list(SERVICE_LANGUAGES.items())
        self.fields["staff"].choices = any_feminine + list(StaffSizeBand.choices)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = self.error_messages["invalid_choice"]

    def filters(self):
        """The valid filters as a dict; invalid ones are left out (and reported by the form)."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}


class ProfileForm(forms.ModelForm):
    """What a person says about themselves: name and language (on User). Their organizations
    are earned, not typed: see MembershipRequestForm."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]
        widgets = {"preferred_language": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].validators += SHOWN_TEXT_VALIDATORS


class OrganizationSearchForm(forms.Form):
    """Find an organization of the directory by part of its name, accents or none."""

    q = forms.CharField(
        label=_("Name of your organization"),
        max_length=200,
        required=False,
        help_text=_("Part of the name is enough, in English or French, with or without accents."),
    )


class MembershipRequestForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("That organization is not in the directory.")},
    )
    message = forms.CharField(
        label=_("Message to its members (optional)"),
        max_length=500,
        required=False,
        help_text=_("Your role there, so they know who you are."),
        validators=[validate_no_bidi_controls],
    )


class OrganizationRequestForm(forms.ModelForm):
    """A person asks for an organization missing from the directory."""

    class Meta:
        model = OrganizationRequest
        fields = ["name", "province", "website", "message"]
        labels = {"message": _("Anything the administrators should know (optional)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].validators += SHOWN_TEXT_VALIDATORS
        self.fields["website"].assume_scheme = "https"
        self.fields["province"].empty_label = _("Choose one")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        known = Organization.objects.named(name).first()
        if known:
            raise forms.ValidationError(
                _("%(name)s is already in the directory: ask to join it instead."),
                code="exists",
                params={"name": known.name},
            )
        return name


class DecisionForm(forms.Form):
    """An approver's answer to a request to join, or the removal of a member."""

    decision = forms.ChoiceField(
        choices=[
            ("approve", pgettext_lazy("membership", "Approve")),
            ("refuse", pgettext_lazy("membership", "Refuse")),
            ("remove", pgettext_lazy("membership", "Remove")),
        ]
    )


class OrganizationRequestDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("add", pgettext_lazy("organization request", "Add to the directory")),
            ("refuse", pgettext_lazy("organization request", "Refuse")),
        ]
    )
    reason = forms.CharField(
        label=_("Reason, for a refusal (optional)"), max_length=500, required=False
    )


class MemberProfileForm(forms.ModelForm):
    """Contact details, who may see them, themes and digest (on MemberProfile)."""

    themes = forms.MultipleChoiceField(
        label=_("Themes people can call me about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MemberProfile
        fields = [
            "affiliation",
            "phone",
            "email_visibility",
            "phone_visibility",
            "themes",
            "digest_frequency",
            "digest_weekday",
        ]
        widgets = {
            "affiliation": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email_visibility": forms.RadioSelect,
            "phone_visibility": forms.RadioSelect,
            "digest_frequency": forms.RadioSelect,
        }
        help_texts = {
            "phone": _("With the area code, for example 709-555-0101."),
            "digest_frequency": _(
                "A summary of newly published practices and working-group activity."
            ),
            "digest_weekday": _("Used only for the weekly digest."),
        }

    def __init__(self, *args, theme_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        if theme_choices:
            self.fields["themes"].choices = theme_choices
        else:
            del self.fields["themes"]  # no themes to choose from yet: keep what is stored

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("phone_visibility") not in (None, "hidden") and not cleaned.get("phone"):
            self.add_error(
                "phone", _("Enter a phone number, or choose that nobody sees your phone number.")
            )
        return cleaned


class InvitationForm(forms.ModelForm):
    """An administrator invites one person with one role."""

    organization = OrganizationNameField(label=_("Organization"))

    class Meta:
        model = Invitation
        fields = ["email", "role", "wg_role", "organization", "region", "language"]
        labels = {"language": _("Language of the invitation and of their emails")}
        widgets = {"language": forms.RadioSelect}
        help_texts = {
            "wg_role": _("Leave empty for someone who does not sit on the working group."),
            "organization": _("Leave empty for IRCC staff."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ChoiceField(
            label=_("Role on the portal"),
            choices=[(r, label) for r, label in roles.ROLE_LABELS.items()],
            initial=roles.MEMBER,
        )
        self.fields["region"].queryset = Region.objects.all()
        self.fields["region"].empty_label = _("None")
        self.fields["wg_role"].choices = [("", _("None"))] + list(WorkingGroupRole.choices)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["organization"].help_text = _("Leave empty for IRCC staff.")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account already uses this address. To give that person another role, "
                    "change their account in the administration pages."
                ),
                code="account_exists",
            )
        pending = Invitation.objects.pending().for_email(email).first()
        if pending:
            raise forms.ValidationError(
                _(
                    "An invitation to this address is already waiting for an answer (it expires "
                    "on %(date)s). To send it again, use “Send again” in the administration pages."
                ),
                code="pending_invitation",
                params={"date": pending.expires_at.date().isoformat()},
            )
        return email


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        validators=SHOWN_TEXT_VALIDATORS,
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        validators=SHOWN_TEXT_VALIDATORS,
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. A short sentence is easy to remember."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            user = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
