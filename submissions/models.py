"""How knowledge comes in: a submission is one version of a practice's content on its way to
publication (a new practice, an edit of a published one, or a translation), and every step of
its life is a recorded transition.

The published practice (practices.PromisingPractice) is only written when an editor publishes a
submission, so a pending edit and the published text coexist until then.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from practices.models import Status

OPEN_STATES = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED)


class Kind(models.TextChoices):
    NEW = "new", _("New practice")
    EDIT = "edit", _("Edit of a published practice")
    TRANSLATION = "translation", _("Translation")


class SubmissionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def awaiting_review(self):
        return self.filter(state=Status.SUBMITTED).order_by("submitted_at", "pk")

    def by(self, user):
        return self.filter(author=user)


class Submission(models.Model):
    practice = models.ForeignKey(
        "practices.PromisingPractice",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="submissions",
        help_text=_("Empty for a new practice until it is first published."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEW)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    organization = models.ForeignKey(
        "workinggroup.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # The form's data as plain JSON (ids for related rows): a draft may be incomplete.
    content = models.JSONField(_("content"), default=dict, blank=True)
    # One per form shown: a second POST of the same form (a double click) finds the first.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(
                fields=["submitted_at", "id"],
                name="submission_review_queue",
                condition=Q(state="submitted"),
            ),
            models.Index(fields=["author", "-updated_at"], name="submission_by_author"),
        ]
        constraints = [
            # One open version per practice: two people cannot edit it over each other.
            models.UniqueConstraint(
                fields=["practice"],
                condition=Q(state__in=["draft", "submitted", "changes_requested"]),
                name="one_open_submission_per_practice",
            )
        ]

    def __str__(self):
        return self.title or str(_("Untitled practice"))

    @property
    def title(self):
        """The title in the active language (a page's, an email's recipient's), else the other."""
        return self.content.get(f"title_{self.title_language}") or ""

    @property
    def title_language(self):
        """The language `title` is in: the active one when the content has a title in it."""
        mine = "fr" if get_language() == "fr" else "en"
        other = "en" if mine == "fr" else "fr"
        return (
            mine
            if self.content.get(f"title_{mine}") or not self.content.get(f"title_{other}")
            else other
        )

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    @property
    def is_editable(self):
        return self.state in (Status.DRAFT, Status.CHANGES_REQUESTED)


class Transition(models.Model):
    """One step of a practice's life: who moved what, from which state to which, and why."""

    submission = models.ForeignKey(
        Submission,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    practice = models.ForeignKey(
        "practices.PromisingPractice",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=Status.choices)
    message = models.TextField(_("message"), blank=True)
    # The content as sent for review: what the editor compares the next version against.
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class DraftUpload(models.Model):
    """A file a version's resources use (Submission.content["resources"] names it by id): while
    the version is open, its files are referenced here, so uploads.files.orphans() leaves them
    alone. Cleared when the version is closed (published, rejected, released): publication's
    resources then refer to the files they keep, and the others are discarded."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="draft_uploads"
    )
    upload = models.ForeignKey(
        "uploads.Upload", on_delete=models.CASCADE, related_name="draft_uploads"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "upload"], name="draft_upload_unique")
        ]

    def __str__(self):
        return f"{self.submission_id}: {self.upload_id}"

    @classmethod
    def keep(cls, submission):
        """Make the rows match the files the submission's resources name now."""
        wanted = {r["upload"] for r in submission.content.get("resources") or [] if r.get("upload")}
        have = set(cls.objects.filter(submission=submission).values_list("upload_id", flat=True))
        cls.objects.filter(submission=submission, upload_id__in=have - wanted).delete()
        cls.objects.bulk_create(
            [cls(submission=submission, upload_id=pk) for pk in sorted(wanted - have)]
        )
