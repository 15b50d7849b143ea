from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from practices.models import ClientGroup, GlossaryEntry, PromisingPractice, Theme
from workinggroup import roles


@admin.register(Theme, ClientGroup)
class BitTagAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "bit", "order"]
    search_fields = ["slug", "name_en", "name_fr"]


@admin.register(PromisingPractice)
class PromisingPracticeAdmin(TabbedTranslationAdmin):
    list_display = ["title", "lead_organization", "province", "status", "published_at"]
    list_filter = ["status", "region", "kind", "stage", "has_en", "has_fr"]
    search_fields = ["title_en", "title_fr"]
    autocomplete_fields = ["lead_organization", "partner_organizations", "community"]
    filter_horizontal = ["themes", "client_groups"]
    date_hierarchy = "published_at"
    readonly_fields = ["region", "size_class", "has_en", "has_fr", "updated_at"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description", "outcomes", "lessons")}),
        (
            _("Who and where"),
            {
                "fields": (
                    "lead_organization",
                    "partner_organizations",
                    "province",
                    "community",
                    "region",
                    "size_class",
                )
            },
        ),
        (
            _("Classification"),
            {
                "fields": (
                    "themes",
                    "client_groups",
                    "principle_bits",
                    "kind",
                    "delivery_mode",
                    "origin",
                    "evidence_level",
                    "stage",
                )
            },
        ),
        (
            _("Contact"),
            {
                "fields": (
                    "contact_name",
                    "contact_role",
                    "contact_email",
                    "contact_phone",
                    "lessons_anonymous",
                )
            },
        ),
        (
            _("Publication"),
            {"fields": ("status", "published_at", "has_en", "has_fr", "updated_at")},
        ),
    )


class EditorsManage(roles.AdministratorsManage):
    """Editors and administrators keep the glossary (roles carry no Django permissions)."""

    def _administrator(self, request):
        user = request.user
        return (
            user.is_active
            and user.is_staff
            and roles.has_role(user, roles.EDITOR, roles.ADMINISTRATOR)
        )


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(EditorsManage, admin.ModelAdmin):
    list_display = ["phrase_en", "phrase_fr"]
    search_fields = ["phrase_en", "phrase_fr"]
