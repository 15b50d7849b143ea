"""The practices a person shared or edited, and what they did in reviews."""

from lib.exports import rows
from submissions.models import Submission, Transition


def export(user):
    return {
        "submissions": rows(
            Submission.objects.filter(author=user).order_by("created_at"),
            "id",
            "kind",
            "state",
            "practice_id",
            "organization__slug",
            "content",
            "created_at",
            "submitted_at",
            "updated_at",
        ),
        "submission_steps": rows(
            Transition.objects.filter(actor=user).order_by("created_at"),
            "submission_id",
            "practice_id",
            "from_state",
            "to_state",
            "message",
            "created_at",
        ),
    }
