"""The answer form: for each item, importance (1 to 5 or "no opinion"), optionally feasibility,
and a short reason; a reason is required to stay outside the middle half of the group's
previous answers."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from lib.forms import LongTextField
from priorities import consensus, results
from priorities.models import FEASIBILITY_LABELS, IMPORTANCE_LABELS, SCALE

NO_OPINION = "none"
REASON_MAX = 1000


class QuickRadioSelect(forms.RadioSelect):
    """A radio group whose inputs are written here rather than through a template each: the
    answer page has up to 27 groups of six, and a template per input made it several times
    slower (docs/performance.md). Same markup as Django's input template; the field around it
    is still rendered by templates/forms/field.html."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if template_name != self.option_template_name or widget.get("wrap_label"):
            return super()._render(template_name, context, renderer)
        attrs = format_html_join(
            "",
            "{}",
            (
                (
                    format_html(" {}", name)
                    if value is True
                    else format_html(' {}="{}"', name, value),
                )
                for name, value in widget["attrs"].items()
                if value is not False
            ),
        )
        return format_html(
            '<input type="{}" name="{}" value="{}"{}>',
            widget["type"],
            widget["name"],
            widget["value"],
            attrs,
        )


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
                widget=QuickRadioSelect,
                required=False,
                error_messages={"invalid_choice": off_scale},
            )
            if ask_feasibility:
                self.fields[f"feasibility_{item.pk}"] = forms.ChoiceField(
                    label=_("How feasible is %(code)s?") % {"code": item.recommendation.code},
                    choices=feasibility_choices,
                    widget=QuickRadioSelect,
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

    def fields_of(self, item):
        return [self[name] for name in self.fields if name.endswith(f"_{item.pk}")]

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
