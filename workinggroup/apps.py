from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupConfig(AppConfig):
    name = "workinggroup"
    verbose_name = _("Working group and organizations")
