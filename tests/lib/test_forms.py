"""Every form is rendered one way (lib.forms, templates/forms/): labels, help texts and errors tied
to their inputs, groups as fieldsets, one error summary linking to the fields."""

import re

from django import forms
from django.template import Context, Template
from django.utils import translation

from lib.forms import LongTextField


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong?",
        choices=[("old", "Out of date"), ("gone", "Contact gone")],
        widget=forms.RadioSelect,
    )
    note = LongTextField(label="Details", max_length=10, help_text="No personal details.")
    confirm = forms.BooleanField(label="I checked", help_text="Tick when done.", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Nothing was saved.")


def render(source, **context):
    return Template("{% load error_summary %}" + source).render(Context(context))


def tag(html, element_id):
    """The opening tag of the element with this id."""
    return re.search(rf'<[^>]*\bid="{element_id}"[^>]*>', html).group(0)


def invalid_form():
    form = ReportForm(data={"note": "x" * 11, "token": "abc"})
    assert not form.is_valid()
    return form


def test_help_text_and_error_are_tied_to_the_input_once():
    html = render("{{ form }}", form=invalid_form())
    textarea = tag(html, "id_note")
    assert 'aria-describedby="id_note_helptext id_note_error"' in textarea
    assert 'aria-invalid="true"' in textarea
    assert "maxlength" not in textarea  # the server says how long it is instead
    assert tag(html, "id_note_helptext").startswith("<span")
    assert "Ensure this value has at most 10 characters" in html
    assert '<label for="id_note">Details</label>' in html


def test_a_radio_group_is_a_fieldset_with_a_legend_that_describes_its_error():
    html = render("{{ form.reason.as_field_group }}", form=invalid_form())
    assert '<fieldset class="field" aria-describedby="id_reason_error">' in html
    assert "<legend>What is wrong?</legend>" in html
    first = tag(html, "id_reason_0")
    assert 'aria-invalid="true"' in first and "aria-describedby" not in first
    assert tag(html, "id_reason_error").startswith('<ul class="errorlist"')


def test_a_single_checkbox_has_its_label_beside_it_and_hidden_fields_stay_hidden():
    html = render("{{ form }}", form=ReportForm())
    assert 'aria-describedby="id_confirm_helptext"' in tag(html, "id_confirm")
    assert '<label for="id_confirm">I checked</label></div>' in html
    assert '<input type="hidden" name="token" id="id_token">' in html
    assert "id_token_helptext" not in html


def test_the_error_summary_counts_the_errors_and_links_to_each_field():
    html = render("{% error_summary form %}", form=invalid_form())
    assert 'id="error-summary"' in html and 'role="alert"' in html
    assert "There are 3 problems to fix" in html
    assert "<li>Nothing was saved.</li>" in html
    assert '<a href="#id_reason_0">What is wrong?: This field is required.</a>' in html
    assert '<a href="#id_note">Details: Ensure' in html


def test_the_error_summary_gathers_the_forms_of_a_page_and_is_absent_without_errors():
    html = render("{% error_summary first second %}", first=ReportForm(), second=invalid_form())
    assert "There are 3 problems to fix" in html
    assert render("{% error_summary form %}", form=ReportForm()).strip() == ""


def test_the_error_summary_reads_well_in_french():
    with translation.override("fr"):
        html = render("{% error_summary form %}", form=invalid_form())
    assert "Il y a 3 problèmes à corriger" in html
    assert "What is wrong?\u00a0: " in html  # French puts a non-breaking space before the colon


def test_a_form_may_mark_its_required_fields():
    form = ReportForm()
    form.mark_required = True
    html = render("{{ form }}", form=form)
    assert '<legend>What is wrong? <span class="meta">(required)</span></legend>' in html
    assert '<label for="id_note">Details <span class="meta">(required)</span></label>' in html
    assert "I checked <span" not in html
