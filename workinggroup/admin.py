from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from workinggroup import memberships
from workinggroup.models import (
    AuditEntry,
    Community,
    Invitation,
    MemberProfile,
    Membership,
    MembershipState,
    Organization,
    OrganizationRequest,
    ProvinceTerritory,
    Region,
    User,
)
from workinggroup.roles import AdministratorsManage


class MemberProfileInline(AdministratorsManage, admin.StackedInline):
    model = MemberProfile
    can_delete = False
    fk_name = "user"
    fields = [
        "affiliation",
        "region",
        "wg_role",
        "phone",
        "email_visibility",
        "phone_visibility",
        "themes",
        "digest_frequency",
        "digest_weekday",
        "is_demo",
    ]


@admin.register(User)
class UserAdmin(AdministratorsManage, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organization", "is_active"]
    list_filter = ["groups", "is_active", "preferred_language"]
    search_fields = ["email", "first_name", "last_name"]
    # Shown with the person's name; set by an approved membership, never typed (memberships.py).
    readonly_fields = ["organization"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Person"),
            {"fields": ("first_name", "last_name", "preferred_language", "organization")},
        ),
        (_("Roles"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [MemberProfileInline]


@admin.register(Region)
class RegionAdmin(AdministratorsManage, TabbedTranslationAdmin):
    list_display = ["name", "code", "order"]


@admin.register(ProvinceTerritory)
class ProvinceTerritoryAdmin(AdministratorsManage, TabbedTranslationAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]


class OnMapFilter(admin.SimpleListFilter):
    """The map's gaps: communities without coordinates, counted in their province only."""

    title = _("on the map")
    parameter_name = "on_map"

    def lookups(self, request, model_admin):
        return [("no", _("No: coordinates missing")), ("yes", _("Yes"))]

    def queryset(self, request, queryset):
        missing = Q(latitude__isnull=True) | Q(longitude__isnull=True)
        if self.value() == "no":
            return queryset.filter(missing)
        if self.value() == "yes":
            return queryset.exclude(missing)
        return queryset


@admin.register(Community)
class CommunityAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["name", "province", "size_class", "on_map"]
    list_filter = [OnMapFilter, "size_class", "province__region", "province"]
    list_select_related = ["province"]
    search_fields = ["name"]

    @admin.display(boolean=True, description=_("on the map"))
    def on_map(self, community):
        return community.on_map


@admin.register(Organization)
class OrganizationAdmin(AdministratorsManage, TabbedTranslationAdmin):
    list_display = ["name", "province", "staff_size", "francophone_minority", "is_demo"]
    list_filter = ["province__region", "province", "francophone_minority", "staff_size", "is_demo"]
    search_fields = ["name_en", "name_fr", "slug"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_select_related = ["province"]
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ["communities"]
    readonly_fields = ["search_name"]


@admin.register(MemberProfile)
class MemberProfileAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["user", "wg_role", "region", "affiliation", "digest_frequency", "is_demo"]
    list_filter = ["wg_role", "region", "affiliation", "digest_frequency", "is_demo"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user", "region"]
    autocomplete_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["email", "role", "wg_role", "organization", "region", "language", "status"]
    list_filter = ["role", "language", "region"]
    search_fields = ["email"]
    list_select_related = ["organization", "region"]
    readonly_fields = [
        "email",
        "role",
        "wg_role",
        "organization",
        "region",
        "language",
        "inviter",
        "created_at",
        "expires_at",
        "accepted_at",
        "user",
    ]
    actions = ["send_again"]

    @admin.display(description=_("status"))
    def status(self, invitation):
        if invitation.accepted_at:
            return _("Accepted")
        return _("Expired") if invitation.is_expired() else _("Waiting")

    def add_view(self, request, form_url="", extra_context=None):
        # Invitations are created on the site's invite page, which sends the email.
        return redirect("invite")

    @admin.action(description=_("Send again with a new link (valid 14 days)"))
    def send_again(self, request, queryset):
        sent = 0
        with transaction.atomic():
            for invitation in queryset.open().select_related("organization", "region", "inviter"):
                token = invitation.new_token()
                invitation.created_at = timezone.now()
                invitation.save(update_fields=["token_hash", "expires_at", "created_at"])
                invitation.send(token)
                sent += 1
        skipped = queryset.count() - sent
        self.message_user(
            request,
            ngettext("%(n)d invitation sent again.", "%(n)d invitations sent again.", sent)
            % {"n": sent},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(n)d invitation was already accepted and was not sent.",
                    "%(n)d invitations were already accepted and were not sent.",
                    skipped,
                )
                % {"n": skipped},
                messages.WARNING,
            )


@admin.register(Membership)
class MembershipAdmin(AdministratorsManage, admin.ModelAdmin):
    """Read-only: memberships change through their actions, which tell people and keep the
    audit trail (workinggroup.memberships)."""

    list_display = ["user", "organization", "state", "requested_at", "decided_by", "decided_at"]
    list_filter = ["state", "organization__is_demo"]
    search_fields = ["user__email", "organization__name_en", "organization__name_fr"]
    list_select_related = ["user", "organization", "decided_by"]
    actions = ["approve", "end"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request, queryset):
        done = 0
        for membership in queryset.filter(state=MembershipState.PENDING).select_related(
            "user", "organization"
        ):
            try:
                done += memberships.approve(membership, request.user)
            except memberships.Refused as refused:
                self.message_user(request, str(refused), messages.WARNING)
        self.message_user(
            request,
            ngettext("%(n)d request approved.", "%(n)d requests approved.", done) % {"n": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Remove the selected members"))
    def end(self, request, queryset):
        done = 0
        for membership in queryset.filter(state=MembershipState.APPROVED).select_related(
            "user", "organization"
        ):
            done += memberships.end(membership, request.user)
        self.message_user(
            request,
            ngettext("%(n)d member removed.", "%(n)d members removed.", done) % {"n": done},
            messages.SUCCESS,
        )


@admin.register(OrganizationRequest)
class OrganizationRequestAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["name", "province", "requester", "state", "requested_at"]
    list_filter = ["state"]
    list_select_related = ["province", "requester"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(AdministratorsManage, admin.ModelAdmin):
    list_display = ["created_at", "actor_name", "organization", "subject_kind", "subject_id",
                    "action"]  # fmt: skip
    list_filter = ["subject_kind", "action"]
    search_fields = ["actor_name", "subject_label"]
    list_select_related = ["organization"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
