"""The answer form: for each item, importance (1 to 5 or "no opinion"), optionally feasibility,
and a short reason; a reason is required to stay outside the middle half of the group's
previous answers."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lib.forms import LongTextField
from priorities import consensus, results
from priorities.models import FEASIBILITY_LABELS, IMPORTANCE_LABELS, SCALE

NO_OPINION = "none"
REASON_MAX = 1000


def _choices(labels):
    points = [
        (str(point), str(_("%(point)s – %(label)s") % {"point": point, "label": labels[point]}))
        for point in SCALE
    ]
    return [*points, (NO_OPINION, str(_("No opinion")))]


def _value(choice):
    return None if choice in ("", NO_OPINION) else int(choice)


class AnswerForm(forms.Form):
    def __init__(self, *args, items, previous=None, ask_feasibility=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.previous = previous or {}
        off_scale = _("Choose a point from 1 to 5, or “No opinion”.")
        importance_choices = _choices(IMPORTANCE_LABELS)  # once per form, not per item
        feasibility_choices = _choices(FEASIBILITY_LABELS)
        for item in items:
            self.fields[f"importance_{item.pk}"] = forms.ChoiceField(
                label=_("How important is %(code)s now?") % {"code": item.recommendation.code},
                choices=importance_choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": off_scale},
            )
            if ask_feasibility:
                self.fields[f"feasibility_{item.pk}"] = forms.ChoiceField(
                    label=_("How feasible is %(code)s?") % {"code": item.recommendation.code},
                    choices=feasibility_choices,
                    widget=forms.RadioSelect,
                    required=False,
                    error_messages={"invalid_choice": off_scale},
                )
            self.fields[f"reason_{item.pk}"] = LongTextField(
                label=_("Your reason for %(code)s (optional, shown without your name)")
                % {"code": item.recommendation.code},
                required=False,
                max_length=REASON_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _(
                        "Keep your reason to %(limit_value)d characters (it has %(show_value)d)."
                    )
                },
            )

    def item_html(self, item):
        """The item's inputs, in the markup templates/forms/field.html gives every form: a
        fieldset and legend per radio group, a label per text area, the errors beside them and
        tied to them (aria-describedby, aria-invalid). Written here because rendering the 54 to
        81 fields of a page through a template each took over half of the page's time
        (docs/performance.md); tests/priorities/test_answer.py checks the markup against it."""
        parts = []
        for name in (f"importance_{item.pk}", f"feasibility_{item.pk}", f"reason_{item.pk}"):
            if name in self.fields:
                field = self[name]
                parts.append(_textarea(field) if name.startswith("reason") else _radios(field))
        return mark_safe("".join(parts))  # noqa: S308 (every value is escaped below)

    def clean(self):
        data = super().clean()
        for item in self.items:
            choice = data.get(f"importance_{item.pk}")
            reason = (data.get(f"reason_{item.pk}") or "").strip()
            if choice is None:
                continue  # refused above
            if choice == "" and reason:
                self.add_error(
                    f"importance_{item.pk}",
                    _("Choose a point or “No opinion” to go with your reason."),
                )
                continue
            before = self.previous.get(item.pk)
            value = _value(choice)
            if before and consensus.outside_middle_half(value, before.q1, before.q3) and not reason:
                self.add_error(
                    f"reason_{item.pk}",
                    _(
                        "Your answer is outside the middle half of the group's answers "
                        "(%(q1)s to %(q3)s). To keep it, say why in a few words; or change it."
                    )
                    % {"q1": _number(before.q1), "q3": _number(before.q3)},
                )
        return data

    def answers(self):
        """{item id: (importance, feasibility, reason)} for the items given a rating."""
        data = self.cleaned_data
        given = {}
        for item in self.items:
            choice = data.get(f"importance_{item.pk}", "")
            if choice == "":
                continue
            feasible = data.get(f"feasibility_{item.pk}", "")
            reason = (data.get(f"reason_{item.pk}") or "").strip()
            given[item.pk] = (_value(choice), _value(feasible), reason)
        return given


def _errors(field):
    """(the error list, and the attributes that tie an input to it)."""
    if not field.errors:
        return "", "", ""
    error_id = f"{field.auto_id}_error"
    items = "".join(f"<li>{escape(message)}</li>" for message in field.errors)
    return (
        f'<ul class="errorlist" id="{error_id}">{items}</ul>',
        ' aria-invalid="true"',
        f' aria-describedby="{error_id}"',
    )


def _radios(field):
    errors, invalid, described = _errors(field)
    value = field.value()
    value = "" if value is None else str(value)
    name, auto_id = escape(field.html_name), escape(field.auto_id)
    options = "".join(
        f'<li><input type="radio" name="{name}" value="{escape(choice)}" id="{auto_id}_{index}"'
        f"{invalid}{' checked' if str(choice) == value else ''}> "
        f'<label for="{auto_id}_{index}">{escape(label)}</label></li>'
        for index, (choice, label) in enumerate(field.field.choices)
    )
    return (
        f'<fieldset class="field"{described}>\n  <legend>{escape(field.label)}</legend>\n'
        f'  {errors}\n  <ul class="checkbox-list">{options}</ul>\n</fieldset>\n'
    )


def _textarea(field):
    errors, invalid, described = _errors(field)
    value = field.value()
    text = "" if value is None else escape(value)
    attrs = field.field.widget.attrs
    auto_id = escape(field.auto_id)
    return (
        f'<div class="field">\n  <label for="{auto_id}">{escape(field.label)}</label>\n'
        f"  {errors}\n"
        f'  <textarea name="{escape(field.html_name)}" cols="{attrs["cols"]}" '
        f'rows="{attrs["rows"]}"{invalid}{described} id="{auto_id}">\n{text}</textarea>\n</div>\n'
    )


def _number(value):
    return results.figure(value)


def initial_from(answers):
    """The form's initial values from saved answers {item id: (importance, feasibility, reason)}."""
    initial = {}
    for item_id, (importance, feasibility, reason) in answers.items():
        initial[f"importance_{item_id}"] = NO_OPINION if importance is None else str(importance)
        if feasibility is not None:
            initial[f"feasibility_{item_id}"] = str(feasibility)
        initial[f"reason_{item_id}"] = reason
    return initial
