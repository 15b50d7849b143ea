from django.contrib import admin

from adaptations.models import Adaptation, OutOfDateReport, add_adaptation, remove_adaptation
from workinggroup.roles import AdministratorsManage


@admin.register(Adaptation)
class AdaptationAdmin(AdministratorsManage, admin.ModelAdmin):
    """Adding and deleting go through add_adaptation() and remove_adaptation(), so the
    practice's count stays right; the practice of a recorded adaptation cannot be changed."""

    list_display = ["practice", "organization", "community", "would_recommend", "created_at"]
    list_filter = ["would_recommend", "language"]
    list_select_related = ["practice", "organization", "community__province"]
    search_fields = ["organization__name_en", "organization__name_fr", "practice__title_en"]
    raw_id_fields = [
        "practice", "organization", "community", "author", "adapted_resource", "adapted_file",
    ]  # fmt: skip
    date_hierarchy = "created_at"
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return ["practice", "created_at"] if obj else ["created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        fields = {
            f.name: getattr(obj, f.name)
            for f in obj._meta.concrete_fields
            if f.name not in ("id", "practice", "author", "created_at", "updated_at")
        }
        created, _new = add_adaptation(obj.practice, obj.author, **fields)
        obj.pk = created.pk

    def delete_model(self, request, obj):
        remove_adaptation(obj, request.user)

    def delete_queryset(self, request, queryset):
        for adaptation in queryset:
            remove_adaptation(adaptation, request.user)


@admin.register(OutOfDateReport)
class OutOfDateReportAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["practice", "reason", "status", "created_at", "closed_at", "closed_by"]
    list_filter = ["status", "reason"]
    list_select_related = ["practice", "closed_by"]
    raw_id_fields = ["practice", "reporter", "closed_by"]
    search_fields = ["practice__title_en", "practice__title_fr", "note"]
    date_hierarchy = "created_at"
