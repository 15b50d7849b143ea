"""The one state machine of a practice's life.

    draft ──submit──▶ submitted ──publish──▶ published ──archive──▶ archived
      ▲                  │  │                    ▲                      │
      │   changes_requested ◀┘  └──reject──▶ rejected      └───────restore───────┘
      └── (author edits, then submits again)

A submission (a new practice, an edit, a translation) moves through draft, submitted, changes
requested, published or rejected; a published practice can be archived and restored. Every move
is recorded as a Transition (who, when, from, to, message); any other move is refused.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from notifications import inbox
from practices.catalogue import publication_changed
from practices.models import PromisingPractice, Resource, Status
from submissions import content as practice_content
from submissions import notices
from submissions.models import OPEN_STATES, DraftUpload, Kind, Submission, Transition
from uploads import files
from uploads.models import Upload
from workinggroup import roles
from workinggroup.models import AuditEntry

AUTHOR, EDITOR = "author", "editor"


@dataclass(frozen=True)
class Rule:
    who: str
    needs_message: bool = False


SUBMISSION_RULES = {
    (Status.DRAFT, Status.SUBMITTED): Rule(AUTHOR),
    (Status.CHANGES_REQUESTED, Status.SUBMITTED): Rule(AUTHOR),
    (Status.SUBMITTED, Status.CHANGES_REQUESTED): Rule(EDITOR, needs_message=True),
    (Status.SUBMITTED, Status.PUBLISHED): Rule(EDITOR),
    (Status.SUBMITTED, Status.REJECTED): Rule(EDITOR, needs_message=True),
}
PRACTICE_RULES = {
    (Status.PUBLISHED, Status.ARCHIVED): Rule(EDITOR, needs_message=True),
    (Status.ARCHIVED, Status.PUBLISHED): Rule(EDITOR),
}


class IllegalTransition(Exception):
    """A move the state machine does not allow; its message is for the user."""


def may(user, rule, submission=None):
    if rule.who == EDITOR:
        return roles.is_editor(user)
    return submission is not None and submission.author_id == user.pk


def allowed_moves(submission, user):
    """The states this user may move this submission to now."""
    return [
        to
        for (source, to), rule in SUBMISSION_RULES.items()
        if source == submission.state and may(user, rule, submission)
    ]


def _check(rules, source, target, user, message, submission=None):
    rule = rules.get((source, target))
    if rule is None:
        raise IllegalTransition(
            _("This cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Status(source).label, "to": Status(target).label}
        )
    if not may(user, rule, submission):
        raise IllegalTransition(_("You are not allowed to make this change."))
    if rule.needs_message and not message.strip():
        raise IllegalTransition(_("Write a message for the author: it is required."))


@transaction.atomic
def move(submission, target, user, message="", notify=True):
    """Move a submission to `target`, or raise IllegalTransition. Returns the Transition.
    The author hears of every editor's decision by email (unless `notify` is off: demo data)."""
    # Lock the row: two editors deciding at once, or a double click, see one state.
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    source = submission.state
    _check(SUBMISSION_RULES, source, target, user, message, submission)
    now = timezone.now()
    snapshot = None
    if target == Status.SUBMITTED:
        submission.submitted_at = now
        snapshot = dict(submission.content)
    published_files = _published_files(submission.practice_id)
    if target == Status.PUBLISHED:
        publish(submission)
    submission.state = target
    submission.save()
    if target not in OPEN_STATES:
        _close_files(submission, published_files)
    step = Transition.objects.create(
        submission=submission,
        practice=submission.practice,
        actor=user,
        from_state=source,
        to_state=target,
        message=message.strip(),
        snapshot=snapshot,
        created_at=now,
    )
    _audit(user, submission, target)
    if target in (Status.CHANGES_REQUESTED, Status.PUBLISHED, Status.REJECTED):
        _to_inbox(submission, target, user)
        if notify:
            notices.decision_made(submission, step)
    return step


def _published_files(practice_id):
    """The ids of the files the published practice's resources use now."""
    if practice_id is None:
        return []
    return list(
        Resource.objects.filter(practice_id=practice_id, upload__isnull=False).values_list(
            "upload_id", flat=True
        )
    )


def _close_files(submission, published_files):
    """A closed version holds its files no more: what neither the published resources nor
    another version use (a removed or replaced file, the files of a refused version) is
    deleted, from storage too, once the move commits."""
    drafts = DraftUpload.objects.filter(submission=submission)
    candidates = {*published_files, *drafts.values_list("upload_id", flat=True)}
    drafts.delete()
    if candidates:
        files.discard_orphans(Upload.objects.filter(pk__in=candidates))


def _to_inbox(submission, decision, editor):
    """The decision in the author's notification centre: the published practice, else their
    submission's page."""
    if decision == Status.PUBLISHED and submission.practice_id:
        target, url_name = submission.practice, ""
    else:
        target, url_name = submission, "submissions:detail"
    inbox.notify(
        [submission.author_id],
        inbox.Kind.REVIEW_DECISION,
        target,
        editor,
        url_name=url_name,
        detail=decision,
    )


def _audit(user, submission, target):
    """The audit trail: who moved which practice, for the organization the version names."""
    subject = submission.practice or submission
    AuditEntry.record(user, submission.organization_id, "practice", subject, target)


def publish(submission):
    """Put the submission's content online: a new practice, or over the published one."""
    practice = submission.practice
    if submission.kind == Kind.NEW and practice is None:
        practice = practice_content.apply(submission.content)
        submission.practice = practice
    else:
        practice = practice_content.apply(submission.content, practice)
    publication_changed()
    return practice


@transaction.atomic
def move_practice(practice, target, user, message=""):
    """Archive or restore a published practice; recorded like every other move."""
    practice = PromisingPractice.objects.select_for_update().get(pk=practice.pk)
    source = practice.status
    _check(PRACTICE_RULES, source, target, user, message)
    practice.status = target
    practice.save(update_fields=["status"])
    publication_changed()
    AuditEntry.record(user, practice.lead_organization_id, "practice", practice, target)
    return Transition.objects.create(
        practice=practice, actor=user, from_state=source, to_state=target, message=message.strip()
    )


# An unsent draft of a published practice holds it (one open version per practice). Left alone
# this long, it no longer does: the next person who opens the practice to change it releases it.
DRAFT_LOCK = timedelta(days=14)


def open_version(practice, now=None):
    """The open version holding `practice`, or None. An unsent draft unchanged for DRAFT_LOCK is
    released first, so nobody is locked out by a draft forgotten by its author."""
    version = Submission.objects.open().filter(practice=practice).first()
    stale = (now or timezone.now()) - DRAFT_LOCK
    if version is not None and version.state == Status.DRAFT and version.updated_at < stale:
        release(version)
        return Submission.objects.open().filter(practice=practice).first()
    return version


@transaction.atomic
def release(submission, user=None, message=""):
    """Close an unsent draft of a published practice so that others may change it: by an editor,
    who says why, or by the portal once the draft is DRAFT_LOCK old. The author keeps the text
    (their submissions still show it) and is told by email. None when it was no longer a draft."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.state != Status.DRAFT or submission.practice_id is None:
        return None
    if user is not None and not roles.is_editor(user):
        raise IllegalTransition(_("You are not allowed to make this change."))
    # The portal's own reason is a message to the author: written in their language, as an
    # editor's would be, and kept as written (the history and the email show the same words).
    with translation.override(notices.author_language(submission.author)):
        reason = message.strip() or str(
            _("This draft was not sent for review for %(days)d days, so the practice is open "
              "again to others. Your text is kept here: start a new change to use it.")
            % {"days": DRAFT_LOCK.days}
        )  # fmt: skip
    submission.state = Status.REJECTED
    submission.save(update_fields=["state", "updated_at"])
    _close_files(submission, ())
    step = Transition.objects.create(
        submission=submission,
        practice=submission.practice,
        actor=user,
        from_state=Status.DRAFT,
        to_state=Status.REJECTED,
        message=reason,
    )
    AuditEntry.record(user, submission.organization_id, "practice", submission.practice, "released")
    notices.decision_made(submission, step)
    return step


def baseline(submission):
    """What an editor compares a submission against: the previous version sent for review
    (after a request for changes), else the published practice, else nothing."""
    steps = list(
        submission.transitions.filter(to_state=Status.SUBMITTED, snapshot__isnull=False).order_by(
            "-created_at", "-pk"
        )[:2]
    )
    if submission.state == Status.SUBMITTED and len(steps) == 2:
        return steps[1].snapshot, _("the version sent before the request for changes")
    if len(steps) == 1 and submission.state != Status.SUBMITTED:
        return steps[0].snapshot, _("the version last sent for review")
    if submission.practice_id and submission.practice.status != Status.DRAFT:
        return practice_content.content_of(submission.practice), _("the published practice")
    return None, None
