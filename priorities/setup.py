"""Setting up an exercise without the admin: the chair's form (administrators and co-chairs,
`roles.may_run_priority_exercises`) and the one function that saves it. An exercise can be
changed only while it is a draft, before its first round opens (rounds.py)."""

from datetime import timedelta

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from priorities import rounds
from priorities.models import Exercise, ExerciseState, Item, Round
from recommendations.models import Kind, Recommendation

MAX_ROUNDS = 3
MIN_ROUNDS = 2
# Addresses the priorities pages use themselves (priorities/urls.py).
RESERVED_SLUGS = {"new", "nouveau", "reminders", "rappels"}
MAIN, SUB, CHOSEN = "main", "sub", "chosen"
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]


class NotDraft(Exception):
    """The exercise's first round has opened: its items and dates are fixed."""


def _sets():
    """{MAIN: ids of the six overarching and main recommendations, SUB: ids of the 21
    sub-recommendations}, in the report's order."""
    found = {MAIN: [], SUB: []}
    for pk, kind in Recommendation.objects.order_by("order").values_list("pk", "kind"):
        found[SUB if kind == Kind.SUB else MAIN].append(pk)
    return found


class DateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = DATETIME_FORMATS
    default_error_messages = {"invalid": _("Enter a date and time such as 2027-03-01 09:00.")}


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, recommendation):
        return f"{recommendation.code} · {recommendation.title}"


class ExerciseForm(forms.Form):
    """Titles, items, questions, participants and two or three rounds. Round three is left
    empty for a two-round exercise."""

    mark_required = True

    title_en = forms.CharField(label=_("Title in English"), max_length=200)
    title_fr = forms.CharField(label=_("Title in French"), max_length=200)
    slug = forms.SlugField(
        label=_("Address"),
        max_length=60,
        required=False,
        help_text=_(
            "The end of the page's address, in lower-case letters, digits and hyphens. Left "
            "empty, it is made from the English title."
        ),
        error_messages={"invalid": _("Use only lower-case letters, digits and hyphens.")},
    )
    intro_en = forms.CharField(
        label=_("Introduction in English"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    intro_fr = forms.CharField(
        label=_("Introduction in French"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    item_set = forms.ChoiceField(
        label=_("Items to rate"),
        choices=[
            (MAIN, _("The six overarching and main recommendations")),
            (SUB, _("The 21 sub-recommendations")),
            (CHOSEN, _("The items ticked below")),
        ],
        initial=MAIN,
        widget=forms.RadioSelect,
    )
    items = ItemChoiceField(
        label=_("Items ticked (when “The items ticked below” is chosen)"),
        queryset=Recommendation.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ask_feasibility = forms.BooleanField(
        label=_("Also ask how feasible each item is"),
        required=False,
        help_text=_("Importance on the 1 to 5 scale is always asked."),
    )
    include_sector_users = forms.BooleanField(
        label=_("Sector users take part too"),
        required=False,
        help_text=_("Active working-group members always take part."),
    )
    previous = forms.ModelChoiceField(
        label=_("Previous exercise to compare with"),
        queryset=Exercise.objects.filter(state=ExerciseState.PUBLISHED),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, exercise=None, **kwargs):
        self.exercise = exercise
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_ROUNDS + 1):
            optional = number > MIN_ROUNDS
            for end, label, missing in (
                (
                    "opens",
                    _("Round %(n)s opens"),
                    _("Give the time round %(n)s opens: an exercise has two or three rounds."),
                ),
                (
                    "closes",
                    _("Round %(n)s closes"),
                    _("Give the time round %(n)s closes: an exercise has two or three rounds."),
                ),
            ):
                self.fields[f"round{number}_{end}"] = DateTimeField(
                    label=label % {"n": number},
                    required=not optional,
                    help_text=_("Leave both dates of round 3 empty for two rounds.")
                    if optional and end == "opens"
                    else None,
                    error_messages={"required": missing % {"n": number}},
                )
        self.fields["title_en"].error_messages["required"] = _("Give the title in English.")
        self.fields["title_fr"].error_messages["required"] = _("Give the title in French.")

    def round_fields(self):
        return [
            (n, self[f"round{n}_opens"], self[f"round{n}_closes"]) for n in range(1, MAX_ROUNDS + 1)
        ]

    def main_fields(self):
        skip = {f"round{n}_{end}" for n in range(1, MAX_ROUNDS + 1) for end in ("opens", "closes")}
        return [self[name] for name in self.fields if name not in skip]

    def _others(self):
        others = Exercise.objects.all()
        return others.exclude(pk=self.exercise.pk) if self.exercise else others

    def clean_title_en(self):
        return self._unique_title("title_en")

    def clean_title_fr(self):
        return self._unique_title("title_fr")

    def _unique_title(self, name):
        title = self.cleaned_data[name].strip()
        taken = self._others().filter(**{f"{name}__iexact": title}).first()
        if taken:
            raise forms.ValidationError(
                _("Another exercise already has this title; choose another.")
            )
        return title

    def clean(self):
        data = super().clean()
        self._clean_slug(data)
        self._clean_items(data)
        data["rounds"] = self._clean_rounds(data)
        return data

    def _clean_slug(self, data):
        slug = data.get("slug") or slugify(data.get("title_en") or "")[:60].strip("-")
        if "slug" in self.errors or not slug:
            if not slug and "title_en" not in self.errors and "slug" not in self.errors:
                self.add_error("slug", _("Give an address of letters, digits and hyphens."))
            return
        if slug in RESERVED_SLUGS:
            self.add_error("slug", _("This address is used by the portal itself; choose another."))
        elif self._others().filter(slug=slug).exists():
            self.add_error(
                "slug",
                _("The address “%(slug)s” is taken by another exercise; choose another.")
                % {"slug": slug},
            )
        data["slug"] = slug

    def _clean_items(self, data):
        chosen = data.get("item_set")
        if chosen in (MAIN, SUB):
            data["item_ids"] = _sets()[chosen]
        elif chosen == CHOSEN:
            picked = data.get("items")
            if not picked:
                self.add_error(
                    "items", _("Tick at least one item, or choose one of the two sets above.")
                )
            else:
                data["item_ids"] = [r.pk for r in sorted(picked, key=lambda r: r.order)]

    def _clean_rounds(self, data):
        """[(opens, closes), ...] for rounds 1 to 2 or 3, each a clear message when wrong."""
        found = []
        for number in range(1, MAX_ROUNDS + 1):
            opens_name, closes_name = f"round{number}_opens", f"round{number}_closes"
            if opens_name in self.errors or closes_name in self.errors:
                return None
            opens, closes = data.get(opens_name), data.get(closes_name)
            if opens is None and closes is None:
                continue  # round three left out
            if opens is None or closes is None:
                missing = opens_name if opens is None else closes_name
                self.add_error(
                    missing, _("Give both dates of round %(n)s, or neither.") % {"n": number}
                )
                return None
            found.append((number, opens, closes))
        problems = rounds.schedule_errors(found)  # the rule the admin applies too
        for number, end, message in problems:
            self.add_error(f"round{number}_{end}", message)
        ok = not problems
        now = timezone.now()
        for number, _opens, closes in found:
            if f"round{number}_closes" not in self.errors and closes <= now + timedelta(minutes=1):
                self.add_error(
                    f"round{number}_closes",
                    _("Round %(n)s would already be closed: choose a later time.") % {"n": number},
                )
                ok = False
        return [(opens, closes) for _number, opens, closes in found] if ok else None


def initial_of(exercise):
    """The form's values for an existing draft exercise."""
    item_ids = list(
        exercise.items.order_by("order", "pk").values_list("recommendation_id", flat=True)
    )
    sets = _sets()
    chosen = next((name for name in (MAIN, SUB) if sets[name] == item_ids), CHOSEN)
    initial = {
        "title_en": exercise.title_en,
        "title_fr": exercise.title_fr,
        "slug": exercise.slug,
        "intro_en": exercise.intro_en,
        "intro_fr": exercise.intro_fr,
        "item_set": chosen,
        "items": item_ids if chosen == CHOSEN else [],
        "ask_feasibility": exercise.ask_feasibility,
        "include_sector_users": exercise.include_sector_users,
        "previous": exercise.previous_id,
    }
    for round in exercise.rounds.order_by("number"):
        initial[f"round{round.number}_opens"] = timezone.localtime(round.opens_at)
        initial[f"round{round.number}_closes"] = timezone.localtime(round.closes_at)
    return initial


@transaction.atomic
def save(form, by, exercise=None):
    """Create the exercise (recorded as a change of state: → draft) or update a draft one: its
    fields, items and rounds as the valid form says."""
    data = form.cleaned_data
    fields = {
        name: data[name]
        for name in (
            "title_en",
            "title_fr",
            "slug",
            "intro_en",
            "intro_fr",
            "ask_feasibility",
            "include_sector_users",
            "previous",
        )
    }
    if exercise is None:
        exercise = Exercise.objects.create(**fields)
        rounds.record_created(exercise, by)
    else:
        exercise = Exercise.objects.select_for_update().get(pk=exercise.pk)
        if exercise.state != ExerciseState.DRAFT:
            raise NotDraft
        for name, value in fields.items():
            setattr(exercise, name, value)
        exercise.save()
    order = {pk: n for n, pk in enumerate(data["item_ids"])}
    exercise.items.exclude(recommendation_id__in=order).delete()
    kept = set(exercise.items.values_list("recommendation_id", flat=True))
    Item.objects.bulk_create(
        Item(exercise=exercise, recommendation_id=pk, order=n)
        for pk, n in order.items()
        if pk not in kept
    )
    items = list(exercise.items.all())
    for item in items:
        item.order = order[item.recommendation_id]
    Item.objects.bulk_update(items, ["order"])
    exercise.rounds.filter(number__gt=len(data["rounds"])).delete()
    for number, (opens, closes) in enumerate(data["rounds"], start=1):
        Round.objects.update_or_create(
            exercise=exercise, number=number, defaults={"opens_at": opens, "closes_at": closes}
        )
    return exercise
