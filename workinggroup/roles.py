"""Roles, and the one question every view asks: may this user do this?

The only place role sets are written and a role's rights are answered (docs/roles.md lists them).
Roles are Django groups created by a migration. Administrators (and superusers) hold every role,
so a check for any role lets them through. A rule about one object that also looks at who wrote
it (an adaptation's author may change it) sits with its model and asks this module for the rest.
"""

from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

SECTOR_USER = "sector_user"
MEMBER = "member"
IRCC_STAFF = "ircc_staff"
EDITOR = "editor"
ADMINISTRATOR = "administrator"

ROLE_LABELS = {
    SECTOR_USER: _("Sector user"),
    MEMBER: _("Working-group member"),
    IRCC_STAFF: _("IRCC staff"),
    EDITOR: _("Editor"),
    ADMINISTRATOR: _("Administrator"),
}
ROLES = tuple(ROLE_LABELS)

# Working-group members, and the IRCC staff, editors and administrators who sit with them:
# who reads and writes in discussions, sees the members' pages and translates practices.
MEMBER_ROLES = (MEMBER, IRCC_STAFF, EDITOR, ADMINISTRATOR)
# Editors (and administrators): they review and publish practices, keep them current and
# moderate discussions, where they are called moderators.
MODERATOR_ROLES = (EDITOR, ADMINISTRATOR)
# The roles that change what everyone sees: the tracker's official statuses, publishing and
# moderating, everything. They need two-step verification and sign out sooner when idle.
STAFF_ROLES = (IRCC_STAFF, EDITOR, ADMINISTRATOR)
# The working-group seat (MemberProfile.wg_role) that may post the group's assessments.
CO_CHAIR_SEAT = "co_chair"


def roles_of(user):
    """The user's roles, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(ROLES)
        else:
            cached = frozenset(user.groups.values_list("name", flat=True))
            if ADMINISTRATOR in cached:
                cached = frozenset(ROLES)
        user._portal_roles = cached
    return cached


def has_role(user, *roles):
    """True when the user holds at least one of `roles`."""
    return bool(roles_of(user) & set(roles))


def is_member(user):
    """Discussions, the members' contact list, translating practices (MEMBER_ROLES)."""
    return has_role(user, *MEMBER_ROLES)


def is_editor(user):
    """Reviewing, publishing and archiving practices, changing any practice, closing
    out-of-date reports, removing any adaptation, moderating discussions."""
    return has_role(user, *MODERATOR_ROLES)


# Discussions call the editors moderators.
is_moderator = is_editor


def is_administrator(user):
    """Invitations, the administration pages, everything else."""
    return has_role(user, ADMINISTRATOR)


def has_staff_role(user):
    """True for IRCC staff, editors and administrators (superusers hold every role)."""
    return has_role(user, *STAFF_ROLES)


def is_co_chair(user):
    """True when the user's working-group seat is co-chair (MemberProfile.wg_role)."""
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return getattr(profile, "wg_role", "") == CO_CHAIR_SEAT


def may_post_ircc_update(user):
    """IRCC's own status of a tracker item: IRCC staff."""
    return has_role(user, IRCC_STAFF)


def may_post_assessment(user):
    """The working group's assessment of a tracker item: editors and the co-chairs."""
    return is_editor(user) or is_co_chair(user)


def may_run_priority_exercises(user):
    """Open and close the rounds of the working group's priority exercises and publish their
    results: administrators and the co-chairs."""
    return is_administrator(user) or is_co_chair(user)


def organizations_of(user):
    """The ids of the organizations the user acts for: their approved memberships, read once
    per request and kept on the user object. Never the organization typed in a profile."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_organizations", None)
    if cached is None:
        approved = user.memberships.approved().values_list("organization_id", flat=True)
        cached = user._portal_organizations = frozenset(approved)
    return cached


def may_act_for(user, organization):
    """May this user act for this organization: edit the practices it leads, record adaptations
    and add resources in its name? Only an approved member; leaving or removal ends it at once."""
    if organization is None:
        return False
    return getattr(organization, "pk", organization) in organizations_of(user)


def may_approve_members(user, organization):
    """Approve or refuse requests to join, and remove members: the organization's approved
    members, and administrators (they answer for an organization with no member)."""
    return may_act_for(user, organization) or is_administrator(user)


def forget(user):
    """Drop what roles_of and organizations_of kept on the user object after a change."""
    user.__dict__.pop("_portal_roles", None)
    user.__dict__.pop("_portal_organizations", None)


def grant(user, role):
    user.groups.add(Group.objects.get(name=role))
    forget(user)


def role_required(*roles):
    """View decorator: sign in first, then 403 unless the user holds one of `roles`."""

    def holds_one(user):
        if user.is_authenticated and not has_role(user, *roles):
            raise PermissionDenied
        return user.is_authenticated

    return user_passes_test(holds_one)


class AdministratorsManage:
    """Admin mixin: holders of the administrator role manage these models without Django
    permissions (roles are groups without permissions; superusers pass as well)."""

    def _administrator(self, request):
        return request.user.is_active and request.user.is_staff and is_administrator(request.user)

    def has_module_permission(self, request):
        return self._administrator(request)

    def has_view_permission(self, request, obj=None):
        return self._administrator(request)

    def has_add_permission(self, request, *args):
        return self._administrator(request)

    def has_change_permission(self, request, obj=None):
        return self._administrator(request)

    def has_delete_permission(self, request, obj=None):
        return self._administrator(request)
