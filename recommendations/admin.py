from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from recommendations.models import Follow, Recommendation, StatusUpdate


@admin.register(Recommendation)
class RecommendationAdmin(TabbedTranslationAdmin):
    list_display = ["code", "title", "horizon", "actor", "ircc_status", "wg_status"]
    list_filter = ["kind", "horizon", "actor", "principle", "ircc_status", "wg_status"]
    search_fields = ["code", "title_en", "title_fr"]
    readonly_fields = ["ircc_status", "ircc_status_date", "wg_status", "wg_status_date"]
    autocomplete_fields = ["practices"]

    def has_add_permission(self, request):
        return False  # the report's items come from the seed migration

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StatusUpdate)
class StatusUpdateAdmin(admin.ModelAdmin):
    """Read-only: updates are posted through the tracker's forms and never edited or deleted."""

    list_display = ["recommendation", "source", "status", "effective_date", "created_at"]
    list_filter = ["source", "status"]
    search_fields = ["recommendation__code", "note_en", "note_fr"]
    list_select_related = ["recommendation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "recommendation", "created_at"]
    list_select_related = ["user", "recommendation"]
    raw_id_fields = ["user"]
