from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from uploads import files
from uploads.models import Upload
from workinggroup import roles


@admin.register(Upload)
class UploadAdmin(roles.AdministratorsManage, admin.ModelAdmin):
    """Read-only: files come in through the portal's checks only, and leave through them."""

    list_display = ["name", "format", "size_shown", "scan", "scanned_at", "uploader", "created_at"]
    list_filter = ["scan", "format"]
    search_fields = ["name", "sha256"]
    date_hierarchy = "created_at"
    list_select_related = ["uploader"]

    @admin.display(description=_("size"), ordering="size")
    def size_shown(self, upload):
        return upload.human_size

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Deleting here deletes the stored file and preview too, as everywhere else.
    def delete_model(self, request, obj):
        files.discard(obj)

    def delete_queryset(self, request, queryset):
        for upload in queryset:
            files.discard(upload)
