"""A person's own data: everything the portal keeps about them, to download, and deleting it.

Each app that keeps data about people has a `personal_data` module whose `export(user)` returns
its sections: {name: [plain dicts]}. Deleting an account is each model's own rule, written in
its foreign key to the user: CASCADE for what is only that person's (profile, drafts, follows,
preferences), SET_NULL for what others rely on (discussion posts, adaptations, status updates),
which then show as from a former member.
"""

import json
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _

from uploads import files
from workinggroup import roles
from workinggroup.models import AuditEntry


def export(user):
    """{section: [rows]} from every app, in the order of INSTALLED_APPS."""
    sections = {}
    for app in apps.get_app_configs():
        if app.name != "portal" and module_has_submodule(app.module, "personal_data"):
            sections.update(import_module(f"{app.name}.personal_data").export(user))
    return sections


def as_json(user):
    data = {"exported_at": timezone.now(), "portal": "Small Centres Portal", **export(user)}
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def why_not_deletable(user):
    """The reason this account may not be deleted now, or None."""
    if roles.has_role(user, roles.ADMINISTRATOR):
        administrators = get_user_model().objects.filter(is_active=True).exclude(pk=user.pk)
        administrators = administrators.filter(
            Q(is_superuser=True) | Q(groups__name=roles.ADMINISTRATOR)
        )
        if not administrators.exists():
            return _(
                "You are the portal's only administrator: give that role to someone else "
                "before you delete your account."
            )
    return None


@transaction.atomic
def delete_account(user):
    uploaded = files.uploaded_by(user)
    AuditEntry.forget(user)
    user.delete()
    # Once the drafts are gone with the account, the files nothing refers to any more go too.
    files.discard_orphans(files.Upload.objects.filter(pk__in=uploaded))
