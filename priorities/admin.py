"""Setting up an exercise (administrators): its items, rounds and dates, then opening and
closing rounds and publishing the results with the actions of the list. Answers have no admin
page: nobody sees who answered what (docs/priorities.md)."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from priorities import rounds, tasks
from priorities.models import Exercise, ExerciseState, Item, Round, RoundState, Transition
from recommendations.models import Kind, Recommendation
from workinggroup.roles import AdministratorsManage


class WhileDraft(AdministratorsManage):
    """Administrators' rights on an exercise's items and rounds (without them its page showed
    an administrator neither), which change only while it is a draft, as on the chair's form:
    once its first round has opened they are shown, not changed."""

    def _draft(self, exercise):
        return exercise is None or exercise.state == ExerciseState.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


class ItemInline(WhileDraft, admin.TabularInline):
    model = Item
    extra = 0  # a plain list of the 27 items: administrators need no right on the tracker's admin


class RoundForm(forms.ModelForm):
    def clean(self):
        """A round closing before it opens, said by the rule (before the database's check)."""
        data = super().clean()
        dates = (data.get("number"), data.get("opens_at"), data.get("closes_at"))
        if None not in dates:
            for _number, end, message in rounds.schedule_errors([dates]):
                self.add_error(f"{end}_at", message)
        return data


class RoundFormSet(BaseInlineFormSet):
    def clean(self):
        """Rounds that overlap, by the rule of the chair's form (rounds.schedule_errors), each
        message beside the date it is about."""
        super().clean()
        rows = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            dates = (data.get("number"), data.get("opens_at"), data.get("closes_at"))
            if form.errors or data.get("DELETE") or None in dates:
                continue  # an empty row, one to delete, or one already refused for its own fields
            rows[data["number"]] = form
        schedule = [
            (number, form.cleaned_data["opens_at"], form.cleaned_data["closes_at"])
            for number, form in rows.items()
        ]
        for number, end, message in rounds.schedule_errors(schedule):
            rows[number].add_error(f"{end}_at", message)


class RoundInline(WhileDraft, admin.TabularInline):
    model = Round
    form = RoundForm
    formset = RoundFormSet
    extra = 0
    fields = ["number", "opens_at", "closes_at", "state", "invited_count", "participant_count"]
    readonly_fields = ["state", "invited_count", "participant_count"]


class TransitionInline(AdministratorsManage, admin.TabularInline):
    model = Transition
    extra = 0
    fields = ["at", "round", "from_state", "to_state", "by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Exercise)
class ExerciseAdmin(AdministratorsManage, TabbedTranslationAdmin):
    list_display = ["title", "state", "published_at", "manage_link"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [ItemInline, RoundInline, TransitionInline]
    actions = [
        "add_main_recommendations",
        "add_sub_recommendations",
        "open_next_round",
        "close_open_round",
        "publish_results",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # created here as on the chair's form: the first change kept (→ draft)
            rounds.record_created(obj, request.user)

    def _add_items(self, request, queryset, kind_filter):
        recommendations = list(Recommendation.objects.filter(kind_filter).order_by("order"))
        for exercise in queryset:
            Item.objects.bulk_create(
                [Item(exercise=exercise, recommendation=r, order=r.order) for r in recommendations],
                ignore_conflicts=True,
            )
        self.message_user(request, _("Items added."), messages.SUCCESS)

    @admin.action(description=_("Add the six overarching and main recommendations"))
    def add_main_recommendations(self, request, queryset):
        self._add_items(request, queryset, ~Q(kind=Kind.SUB))

    @admin.action(description=_("Add the sub-recommendations"))
    def add_sub_recommendations(self, request, queryset):
        self._add_items(request, queryset, Q(kind=Kind.SUB))

    @admin.display(description=_("chair's page"))
    def manage_link(self, exercise):
        return format_html(
            '<a href="{}">{}</a>', reverse("priorities:manage", args=[exercise.slug]), _("Rounds")
        )

    def _each(self, request, queryset, change):
        done = 0
        for exercise in queryset:
            try:
                change(exercise, request.user)
                done += 1
            except rounds.TransitionError as error:
                self.message_user(request, f"{exercise}: {error}", messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%(n)d exercise changed.", "%(n)d exercises changed.", done) % {"n": done},
                messages.SUCCESS,
            )

    @admin.action(description=_("Open the next round (emails every participant)"))
    def open_next_round(self, request, queryset):
        def change(exercise, user):
            round = exercise.rounds.filter(state=RoundState.DRAFT).order_by("number").first()
            if round is None:
                raise rounds.TransitionError(_("Every round has been opened."))
            tasks.open_and_notify(round, by=user)

        self._each(request, queryset, change)

    @admin.action(description=_("Close the open round"))
    def close_open_round(self, request, queryset):
        def change(exercise, user):
            round = exercise.rounds.filter(state=RoundState.OPEN).first()
            if round is None:
                raise rounds.TransitionError(_("No round is open."))
            rounds.close_round(round, by=user)

        self._each(request, queryset, change)

    @admin.action(description=_("Publish the results (emails the participants)"))
    def publish_results(self, request, queryset):
        self._each(
            request, queryset, lambda exercise, user: tasks.publish_and_notify(exercise, by=user)
        )
