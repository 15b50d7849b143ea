"""The adaptations a person recorded and the out-of-date reports they sent."""

from adaptations.models import Adaptation, OutOfDateReport
from lib.exports import rows


def export(user):
    return {
        "adaptations": rows(
            Adaptation.objects.filter(author=user).order_by("created_at"),
            "practice_id",
            "organization__slug",
            "changes",
            "outcome",
            "would_recommend",
            "language",
            "created_at",
        ),
        "out_of_date_reports": rows(
            OutOfDateReport.objects.filter(reporter=user).order_by("created_at"),
            "practice_id",
            "reason",
            "note",
            "status",
            "created_at",
        ),
    }
