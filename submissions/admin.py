from django.contrib import admin

from submissions.models import Submission, Transition


class TransitionInline(admin.TabularInline):
    model = Transition
    fields = ("created_at", "actor", "from_state", "to_state", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "state", "author", "organization", "updated_at")
    list_filter = ("state", "kind")
    list_select_related = ("author", "organization")
    raw_id_fields = ("practice", "author", "organization")
    readonly_fields = ("state", "submitted_at")
    inlines = [TransitionInline]
