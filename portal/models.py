"""Site-wide records: the reports people send about a page ("Report a problem on this page")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProblemReport(models.Model):
    """What someone found wrong with a page. Anonymous on purpose: no account, no address and
    no reply, so the form asks for no personal information and refuses what looks like it."""

    class Kind(models.TextChoices):
        BROKEN = "broken", _("Something is broken or does not work")
        WRONG = "wrong", _("Information is wrong or out of date")
        MISSING = "missing", _("Information is missing")
        TRANSLATION = "translation", _("The English or French text is missing or unclear")
        ACCESS = "access", _("I could not use the page with my device or assistive technology")
        OTHER = "other", _("Something else")

    page = models.CharField(_("page"), max_length=500, blank=True)
    kind = models.CharField(_("what went wrong"), max_length=20, choices=Kind.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]
        # The admin's list: the reports not dealt with yet, newest first.
        indexes = [models.Index(fields=["resolved", "-created_at"], name="problem_open_newest")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.page or '/'}"
