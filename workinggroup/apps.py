from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupConfig(AppConfig):
    name = "workinggroup"
    verbose_name = _("Working group and organizations")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from workinggroup import directory
        from workinggroup.models import Community, Organization

        for model in (Organization, Community):
            post_save.connect(directory.changed, sender=model, dispatch_uid=f"dir-save-{model}")
            post_delete.connect(directory.changed, sender=model, dispatch_uid=f"dir-del-{model}")
        m2m_changed.connect(
            directory.changed, sender=Organization.communities.through, dispatch_uid="dir-m2m"
        )
