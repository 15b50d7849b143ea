"""Emails about a submission, each in its recipient's language, sent by Celery."""

from django.urls import reverse
from django.utils import translation

from lib.emails import send_templated_email


def author_language(author):
    """The language the author is written to in: the email, and the portal's own reasons."""
    return author.preferred_language or "en"


def decision_made(submission, step):
    """Tell the author what the editor decided (publish, ask for changes, reject) and why."""
    author = submission.author
    language = author_language(author)
    with translation.override(language):
        if step.to_state == "published" and submission.practice_id:
            path = submission.practice.get_absolute_url()
        else:
            path = reverse("submissions:detail", kwargs={"pk": submission.pk})
    send_templated_email(
        "submissions/emails/decision",
        [author.email],
        {"submission": submission, "step": step, "author": author, "path": path},
        language,
    )
