from django.contrib import admin

from uploads.models import Upload


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    """Read-only: files come in through the portal's checks only, and leave through them."""

    list_display = ["name", "format", "size", "scan", "scanned_at", "uploader", "created_at"]
    list_filter = ["scan", "format"]
    search_fields = ["name", "sha256"]
    date_hierarchy = "created_at"
    list_select_related = ["uploader"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
