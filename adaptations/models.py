"""Adaptations and out-of-date reports: what readers tell the portal about a published practice.

An adaptation: an organization replicated a practice in its own community, says what it changed
and how it went ("if it works in Smithers but not in Kamloops…"). A report: a reader says a
practice's information is out of date or its contact is gone; an editor closes it.

A practice keeps its number of adaptations on its own row (PromisingPractice.adaptation_count)
so the catalogue can sort by "most adapted" from an index. Only add_adaptation() and
remove_adaptation() create and delete adaptations: they move the count in the same transaction,
with an F() update, so two organizations recording at once lose neither count.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import inbox
from practices.models import (
    RESOURCE_LANGUAGES,
    PromisingPractice,
    Resource,
    Status,
    languages_of_bits,
)
from uploads import files
from uploads.models import Upload
from workinggroup import roles
from workinggroup.models import AuditEntry

MAX_TEXT = 5000
MAX_NOTE = 1000
# Two identical submits by one person within this time are one adaptation (or one report).
DUPLICATE_WINDOW = timedelta(minutes=1)


class WouldRecommend(models.TextChoices):
    YES = "yes", _("Yes")
    WITH_CHANGES = "with_changes", _("Yes, with changes")
    NO = "no", _("No")


class AdaptationQuerySet(models.QuerySet):
    def of(self, practice):
        return self.filter(practice=practice)

    def by(self, organization):
        return self.filter(organization=organization)

    def on_published_practices(self):
        return self.filter(practice__status=Status.PUBLISHED)

    def newest_first(self):
        return self.order_by("-created_at", "-id")

    def for_display(self):
        """What the practice page shows of each adaptation, in the same query."""
        return self.select_related(
            "organization", "community__province", "adapted_file", "adapted_resource"
        )

    def for_organization_page(self):
        """What an organization's page shows of each adaptation, in the same query."""
        return self.select_related("practice", "community__province").only(
            "id",
            "created_at",
            "would_recommend",
            "community__name",
            "community__province__code",
            "practice__id",
            "practice__slug_en",
            "practice__slug_fr",
            "practice__title_en",
            "practice__title_fr",
        )

    def recent_duplicate(self, practice, author, changes, outcome, now=None):
        since = (now or timezone.now()) - DUPLICATE_WINDOW
        return (
            self.filter(practice=practice, author=author, created_at__gte=since)
            .filter(changes=changes, outcome=outcome)
            .first()
        )


class Adaptation(models.Model):
    practice = models.ForeignKey(
        PromisingPractice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="adaptations",
    )
    organization = models.ForeignKey(
        "workinggroup.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="adaptations",
    )
    community = models.ForeignKey(
        "workinggroup.Community",
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adaptations",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
    )
    changes = models.TextField(
        _("what was changed to fit local realities"), validators=[MaxLengthValidator(MAX_TEXT)]
    )
    outcome = models.TextField(_("how it went"), validators=[MaxLengthValidator(MAX_TEXT)])
    would_recommend = models.CharField(
        _("would recommend it"), max_length=20, choices=WouldRecommend.choices
    )
    language = models.CharField(
        _("written in"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    # Their version of one of the practice's resources ("our version in Punjabi"), optional.
    adapted_resource = models.ForeignKey(
        Resource,
        verbose_name=_("resource adapted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )
    adapted_file = models.ForeignKey(
        "uploads.Upload",
        verbose_name=_("adapted version"),
        null=True,
        blank=True,
        # Its file goes with the adaptation (uploads' orphan cleanup), never the reverse.
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )
    adapted_language_bits = models.IntegerField(
        _("languages of the adapted version"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AdaptationQuerySet.as_manager()

    class Meta:
        verbose_name = _("adaptation")
        verbose_name_plural = _("adaptations")
        ordering = ["-created_at", "-id"]
        indexes = [
            # A practice's adaptations, newest first; an organization's; a digest's window.
            models.Index(
                F("practice"), F("created_at").desc(), F("id").desc(), name="adaptation_practice"
            ),
            models.Index(F("organization"), F("created_at").desc(), name="adaptation_organization"),
            models.Index(fields=["created_at"], name="adaptation_created"),
        ]

    def __str__(self):
        return f"{self.organization} · {self.practice}"

    def get_absolute_url(self):
        return f"{self.practice.get_absolute_url()}#adaptation-{self.pk}"

    def may_edit(self, user):
        """Its author, while still an approved member of the organization it is recorded for."""
        return (
            user.is_authenticated
            and self.author_id == user.pk
            and roles.may_act_for(user, self.organization_id)
        )

    def may_remove(self, user):
        return self.may_edit(user) or roles.is_editor(user)

    def with_download(self, user):
        """Set `download_url` and `file_label` of the adapted version this person may download
        (a file waiting for its scan: only its uploader and editors); returns the adaptation."""
        upload = self.adapted_file
        shown = upload is not None and files.can_download(user, upload)
        self.download_url = files.download_url(upload) if shown else ""
        self.file_label = upload.label if shown else ""
        return self

    def adapted_language_names(self):
        """The adapted version's languages, named in the active language."""
        return [
            str(RESOURCE_LANGUAGES[code]) for code in languages_of_bits(self.adapted_language_bits)
        ]


ADAPTATION = "adaptation"  # its kind in the audit trail


def add_adaptation(practice, author, **fields):
    """Record an adaptation and count it on the practice: (adaptation, True). A double submit
    (same person, practice and text within DUPLICATE_WINDOW) stores nothing: (the first, False)."""
    with transaction.atomic():
        # Identical submits arriving together wait here for each other; the second finds the first.
        list(PromisingPractice.objects.select_for_update().filter(pk=practice.pk).values("pk"))
        earlier = Adaptation.objects.recent_duplicate(
            practice, author, fields["changes"], fields["outcome"]
        )
        if earlier:
            return earlier, False
        adaptation = Adaptation.objects.create(practice=practice, author=author, **fields)
        PromisingPractice.objects.filter(pk=practice.pk).update(
            adaptation_count=F("adaptation_count") + 1
        )
        AuditEntry.record(author, adaptation.organization_id, ADAPTATION, adaptation, "recorded")
        # Whoever shared the practice (the authors of its versions) hears of it.
        sharers = practice.submissions.values_list("author_id", flat=True)
        inbox.notify(
            set(sharers), inbox.Kind.ADAPTATION, practice, author, f"#adaptation-{adaptation.pk}"
        )
    return adaptation, True


def change_adaptation(adaptation, user, **fields):
    """Save the author's changes, noted in the audit trail."""
    for name, value in fields.items():
        setattr(adaptation, name, value)
    with transaction.atomic():
        adaptation.save()
        AuditEntry.record(user, adaptation.organization_id, ADAPTATION, adaptation, "changed")


def remove_adaptation(adaptation, user=None):
    """Delete the adaptation and uncount it (`user` removes it, for the audit trail); False
    when it was already gone."""
    with transaction.atomic():
        deleted, _by_model = Adaptation.objects.filter(pk=adaptation.pk).delete()
        if deleted and adaptation.adapted_file_id:
            files.discard_orphans(Upload.objects.filter(pk=adaptation.adapted_file_id))
        if deleted:
            AuditEntry.record(user, adaptation.organization_id, ADAPTATION, adaptation, "removed")
            PromisingPractice.objects.filter(
                pk=adaptation.practice_id, adaptation_count__gt=0
            ).update(adaptation_count=F("adaptation_count") - 1)
    return bool(deleted)


def recount(practices=None):
    """Set the practices' adaptation_count from their rows (demo loads, repairs)."""
    counts = (
        Adaptation.objects.filter(practice=OuterRef("pk"))
        .order_by()
        .values("practice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    practices = PromisingPractice.objects.all() if practices is None else practices
    return practices.update(adaptation_count=Coalesce(Subquery(counts), 0))


# --- Out-of-date reports -----


class Reason(models.TextChoices):
    OUT_OF_DATE = "out_of_date", _("The information is out of date")
    CONTACT_GONE = "contact_gone", _("The contact has left or cannot be reached")
    DISCONTINUED = "discontinued", _("The practice has stopped")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED_CURRENT = "confirmed_current", _("Closed: confirmed current")
    FIXED = "fixed", _("Closed: fixed")
    DISMISSED = "dismissed", _("Closed: dismissed")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)

    def oldest_first(self):
        return self.order_by("created_at", "id")

    def recent_duplicate(self, practice, reporter, reason, note, now=None):
        """An open report by the same person (any time) with the same reason, or, from someone
        not signed in, the same report within DUPLICATE_WINDOW."""
        same = self.open().filter(practice=practice, reason=reason)
        if reporter is not None:
            return same.filter(reporter=reporter).first()
        since = (now or timezone.now()) - DUPLICATE_WINDOW
        return same.filter(reporter=None, note=note, created_at__gte=since).first()


class OutOfDateReport(models.Model):
    practice = models.ForeignKey(
        PromisingPractice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="out_of_date_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, validators=[MaxLengthValidator(MAX_NOTE)])
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="out_of_date_reports",
        help_text=_("Empty when the reader was not signed in."),
    )
    language = models.CharField(
        _("language of the page"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("out-of-date report")
        verbose_name_plural = _("out-of-date reports")
        ordering = ["created_at", "id"]
        indexes = [
            # The editors' queue: open reports, oldest first.
            models.Index(
                fields=["created_at", "id"],
                name="report_open_oldest",
                condition=Q(status="open"),
            ),
            models.Index(fields=["practice", "status"], name="report_practice_status"),
        ]

    def __str__(self):
        return f"{self.practice} · {self.get_reason_display()}"

    @property
    def is_open(self):
        return self.status == ReportStatus.OPEN

    def close(self, status, editor, now=None):
        """Close the report as `status`; "confirmed current" also dates the practice as confirmed
        now. False (and nothing changed) when another editor closed it first."""
        now = now or timezone.now()
        with transaction.atomic():
            closed = OutOfDateReport.objects.filter(pk=self.pk, status=ReportStatus.OPEN).update(
                status=status, closed_at=now, closed_by=editor
            )
            if closed and status == ReportStatus.CONFIRMED_CURRENT:
                PromisingPractice.objects.filter(pk=self.practice_id).update(confirmed_at=now)
        if closed:
            self.status, self.closed_at, self.closed_by = status, now, editor
        return bool(closed)


def file_report(practice, reporter, reason, note, language):
    """Store a reader's report: (report, True), or (the earlier same report, False)."""
    with transaction.atomic():
        list(PromisingPractice.objects.select_for_update().filter(pk=practice.pk).values("pk"))
        earlier = OutOfDateReport.objects.recent_duplicate(practice, reporter, reason, note)
        if earlier:
            return earlier, False
        report = OutOfDateReport.objects.create(
            practice=practice, reporter=reporter, reason=reason, note=note, language=language
        )
    return report, True
