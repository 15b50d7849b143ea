from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from discussions.models import Category, Flag, ModerationAction, Thread


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["name", "slug_en", "slug_fr", "order", "default_for"]
    list_editable = ["order"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    """Read-only here: moderators act from the site, where every action is recorded."""

    list_display = [
        "title",
        "category",
        "reply_count",
        "last_activity",
        "pinned",
        "locked",
        "hidden",
    ]
    list_filter = ["category", "pinned", "locked", "hidden"]
    search_fields = ["title"]
    list_select_related = ["category"]
    show_full_result_count = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["post", "user", "reason", "created", "resolved"]
    list_filter = ["resolved", "reason"]
    raw_id_fields = ["post", "user", "resolved_by"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    list_display = ["created", "moderator", "kind", "thread", "reason"]
    list_filter = ["kind"]
    list_select_related = ["moderator", "thread"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
