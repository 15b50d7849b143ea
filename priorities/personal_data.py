"""What the priorities app keeps about a person: the rounds they were asked to answer, the
reminders sent, and whether they turned reminders off. Their answers are not linked to them
(docs/priorities.md), so they cannot be exported as theirs."""

from lib.exports import rows
from priorities.models import Notice, ReminderOptOut


def export(user):
    return {
        "priority_emails": rows(
            Notice.objects.filter(user=user).order_by("pk"),
            "round__exercise__slug",
            "round__number",
            "kind",
            "status",
            "sent_at",
        ),
        "priority_reminders_off": rows(ReminderOptOut.objects.filter(user=user), "created_at"),
    }
