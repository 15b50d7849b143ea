from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.models import ProblemReport


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "page", "language", "resolved"]
    list_filter = ["resolved", "kind", "language"]
    search_fields = ["page", "details"]
    readonly_fields = ["created_at", "page", "kind", "details", "language"]
    actions = ["mark_resolved"]

    def has_add_permission(self, request):
        return False  # reports come from the site's form

    @admin.action(description=_("Mark as dealt with"))
    def mark_resolved(self, request, queryset):
        queryset.update(resolved=True)
