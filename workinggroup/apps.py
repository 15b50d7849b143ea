from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupConfig(AppConfig):
    name = "workinggroup"
    verbose_name = _("Working group and organizations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from workinggroup import directory, sessions
        from workinggroup.models import Community, Organization

        post_save.connect(directory.changed, sender=Organization, dispatch_uid="dir-save-org")
        post_delete.connect(directory.changed, sender=Organization, dispatch_uid="dir-del-org")
        # A community's size class is copied onto the organizations serving it.
        post_save.connect(
            directory.community_saved, sender=Community, dispatch_uid="dir-save-community"
        )
        pre_delete.connect(
            directory.community_deleting, sender=Community, dispatch_uid="dir-deleting-community"
        )
        post_delete.connect(
            directory.community_deleted, sender=Community, dispatch_uid="dir-del-community"
        )
        m2m_changed.connect(
            directory.links_changed, sender=Organization.communities.through, dispatch_uid="dir-m2m"
        )
        user_logged_in.connect(sessions.date_at_sign_in, dispatch_uid="session-idle-sign-in")
