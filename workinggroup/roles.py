"""Roles, and the one question every view asks: may this user do this?

Roles are Django groups created by a migration. Administrators (and superusers) hold every role.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
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


# Working-group members, and the IRCC staff, editors and administrators who sit with them:
# who reads and writes in discussions and sees the members' pages.
MEMBER_ROLES = (MEMBER, IRCC_STAFF, EDITOR, ADMINISTRATOR)
# Who publishes practices and moderates discussions.
MODERATOR_ROLES = (EDITOR, ADMINISTRATOR)


def is_member(user):
    """True for working-group members and those who sit with them (MEMBER_ROLES)."""
    return has_role(user, *MEMBER_ROLES)


def is_moderator(user):
    """True for editors and administrators."""
    return has_role(user, *MODERATOR_ROLES)


# The roles that change what everyone sees: the tracker's official statuses, publishing and
# moderating, everything. They need two-step verification and sign out sooner when idle.
STAFF_ROLES = (IRCC_STAFF, EDITOR, ADMINISTRATOR)


def has_staff_role(user):
    """True for IRCC staff, editors and administrators (superusers hold every role)."""
    return has_role(user, *STAFF_ROLES)


def grant(user, role):
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("_portal_roles", None)


def role_required(*roles):
    """View decorator: sign in first, then 403 unless the user holds one of `roles`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
