from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from recommendations import schedule
from recommendations.models import Status, StatusUpdate

MAX_EVIDENCE_LINKS = 10
_http_url = URLValidator(schemes=["http", "https"])


class StatusUpdateForm(forms.Form):
    # Its labels do not say which fields are optional, as other forms' do: required ones are
    # marked instead (templates/forms/field.html).
    mark_required = True

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Choose a status")), *Status.choices],
        error_messages={
            "required": _("Choose a status."),
            "invalid_choice": _("Choose one of the statuses in the list."),
        },
    )
    effective_date = forms.DateField(
        label=_("Effective date"),
        help_text=_("The day this status took effect, as YYYY-MM-DD. Not in the future."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date this status took effect."),
            "invalid": _("Write the date as YYYY-MM-DD, for example 2024-03-31."),
        },
    )
    note_en = forms.CharField(
        label=_("Progress note in English"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"lang": "en", "rows": 5}),
    )
    note_fr = forms.CharField(
        label=_("Progress note in French"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"lang": "fr", "rows": 5}),
        help_text=_(
            "Write the note in at least one language; a note in one language only is queued "
            "for translation."
        ),
    )
    evidence_links = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_(
            "One web address per line, starting with https:// or http://. "
            "Required for “Implemented”."
        ),
    )

    def __init__(self, *args, recommendation, source, corrects=None, **kwargs):
        self.recommendation = recommendation
        self.source = source
        self.corrects = corrects
        super().__init__(*args, **kwargs)

    def clean_effective_date(self):
        day = self.cleaned_data["effective_date"]
        if day > timezone.localdate():
            raise ValidationError(_("The effective date cannot be in the future."))
        if day < schedule.REPORT_DATE:
            report_date = date_format(schedule.REPORT_DATE)
            raise ValidationError(
                _("The effective date cannot be before the report (%(date)s).")
                % {"date": report_date}
            )
        return day

    def clean_evidence_links(self):
        lines = [line.strip() for line in self.cleaned_data["evidence_links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_EVIDENCE_LINKS:
            raise ValidationError(
                _("Give at most %(count)d evidence links.") % {"count": MAX_EVIDENCE_LINKS}
            )
        for link in links:
            try:
                _http_url(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address starting with https:// or http://.")
                    % {"link": link[:200]}
                ) from None
        return links

    def clean(self):
        data = super().clean()
        if not (data.get("note_en", "").strip() or data.get("note_fr", "").strip()):
            self.add_error("note_en", _("Write the progress note in English, French or both."))
        if data.get("status") == Status.IMPLEMENTED and not data.get("evidence_links"):
            if "evidence_links" not in self.errors:
                self.add_error(
                    "evidence_links",
                    _("“Implemented” needs at least one evidence link that shows it."),
                )
        return data

    def save(self, author, author_role):
        data = self.cleaned_data
        return StatusUpdate.record(
            self.recommendation,
            source=self.source,
            status=data["status"],
            note_en=data["note_en"].strip(),
            note_fr=data["note_fr"].strip(),
            evidence_links=data["evidence_links"],
            effective_date=data["effective_date"],
            author=author,
            author_role=author_role,
            author_organization=author.organization,
            corrects=self.corrects,
        )
