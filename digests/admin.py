from django.contrib import admin

from digests.models import DigestDelivery, DigestPreferences


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    """The ledger: what was sent to whom and when. Read-only: runs write it, people read it."""

    list_display = [
        "user",
        "period",
        "period_key",
        "status",
        "sent_at",
        "item_count",
        "language",
        "attempts",
        "note",
    ]
    list_filter = ["status", "period", "language"]
    search_fields = ["user__email", "period_key"]
    date_hierarchy = "window_end"
    list_select_related = ["user"]
    show_full_result_count = False
    readonly_fields = [
        "user",
        "period",
        "period_key",
        "window_start",
        "window_end",
        "status",
        "claimed_at",
        "attempts",
        "sent_at",
        "language",
        "item_count",
        "note",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DigestPreferences)
class DigestPreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "updated_at"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    filter_horizontal = ["regions", "themes"]
