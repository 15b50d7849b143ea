"""Setting up an exercise (administrators): its items, rounds and dates, then opening and
closing rounds and publishing the results with the actions of the list. Answers have no admin
page: nobody sees who answered what (docs/priorities.md)."""

from django.contrib import admin, messages
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from priorities import rounds, tasks
from priorities.models import Exercise, Item, Round, RoundState, Transition
from recommendations.models import Kind, Recommendation
from workinggroup.roles import AdministratorsManage


class ItemInline(admin.TabularInline):
    model = Item
    extra = 0  # a plain list of the 27 items: administrators need no right on the tracker's admin


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0
    fields = ["number", "opens_at", "closes_at", "state", "invited_count", "participant_count"]
    readonly_fields = ["state", "invited_count", "participant_count"]


class TransitionInline(admin.TabularInline):
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
