"""Anonymity by design: how a participant finds their ballot, and how the link is dropped.

While a round is open, a participant's ballot is stored under a key, an HMAC of their user id
made with the round's random salt and the site's secret key. The server recomputes it on each
visit, so the member can save and come back; the ballot holds no user id, and the key cannot be
turned back into one without both secrets. When the round closes, the salt and every key of the
round are erased: from then on no row links an answer to a person, not even for someone who can
read the database. Before erasing, each participant's answers are copied onto their ballot of
the next round (`previous`), keyed with the next round's salt, so they see their own previous
answer there; that copy goes too when the next round closes. docs/priorities.md.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.utils import timezone

from priorities.models import Answer, Ballot, Notice, NoticeKind


def new_salt():
    return secrets.token_hex(32)


def key_for(round, user_id):
    secret = f"{settings.SECRET_KEY}:{round.salt}".encode()
    return hmac.new(secret, f"{round.pk}:{user_id}".encode(), hashlib.sha256).hexdigest()


def ballot_of(round, user):
    """The user's ballot in this open round, or None (never created by reading)."""
    if not round.salt:
        return None
    return Ballot.objects.filter(round=round, key=key_for(round, user.pk)).first()


def save(round, user, answers, now=None):
    """Store the user's answers {item_id: (importance or None, feasibility or None, reason)} in
    this open round (the caller holds the round's row lock). A later answer to the same item
    replaces the earlier; items not sent keep what was saved before."""
    ballot, _ = Ballot.objects.get_or_create(round=round, key=key_for(round, user.pk))
    ballot.saved_at = now or timezone.now()
    ballot.save(update_fields=["saved_at"])
    Answer.objects.bulk_create(
        [
            Answer(
                ballot=ballot,
                item_id=item_id,
                importance=importance,
                feasibility=feasibility,
                reason=reason,
            )
            for item_id, (importance, feasibility, reason) in answers.items()
        ],
        update_conflicts=True,
        unique_fields=["ballot", "item"],
        update_fields=["importance", "feasibility", "reason"],
    )
    return ballot


def forget(round, next_round=None):
    """At closing: carry each participant's answers to their next-round ballot, then erase the
    salt and every key of `round` (and the copies of the round before)."""
    if next_round is not None:
        if not next_round.salt:
            next_round.salt = new_salt()
            next_round.save(update_fields=["salt"])
        invited = Notice.objects.filter(round=round, kind=NoticeKind.OPENING)
        user_of_key = {
            key_for(round, uid): uid for uid in invited.values_list("user_id", flat=True)
        }
        answers = {}
        for ballot_key, item_id, importance in Answer.objects.filter(
            ballot__round=round, ballot__key__isnull=False
        ).values_list("ballot__key", "item_id", "importance"):
            answers.setdefault(ballot_key, {})[str(item_id)] = importance
        Ballot.objects.bulk_create(
            [
                Ballot(round=next_round, key=key_for(next_round, user_of_key[k]), previous=given)
                for k, given in answers.items()
                if k in user_of_key
            ],
            ignore_conflicts=True,
        )
    Ballot.objects.filter(round=round).update(key=None, previous={})
    round.salt = ""
    round.save(update_fields=["salt"])
