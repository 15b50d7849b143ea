"""Sending a batch of digests: claim the rows, build every digest, send, record each send.

The batch's reads are a fixed number of queries whatever its size (the claim, the rows, the
readers, the sources, one UPDATE per outcome kind); each email adds one UPDATE, which records the
previous message as sent (the server took it) and marks this one as handed over before the
backend is called (ledger.record_and_hand_over), plus one at the end and a lease renewal every
20 seconds. The states and their rules are digests.ledger's: a worker killed
before the hand-over leaves its rows claimed (the sweep sends them once the lease runs out); one
killed during it leaves one row whose fate is unknown, never sent again without an administrator.
"""

import logging
import smtplib
import time
from collections import Counter, defaultdict

from django.core.mail import get_connection
from django.utils import timezone

from digests import content, emails, ledger
from digests.models import DeliveryStatus

log = logging.getLogger(__name__)

# A digest that a server keeps refusing for now (4xx) is given up after this many attempts.
MAX_ATTEMPTS = 5

# Errors about the connection or the server as a whole: give the rest of the batch back and let
# the task retry later. Other SMTP errors concern one message (see _refusal).
TRANSIENT_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
    smtplib.SMTPSenderRefused,
    ConnectionError,
    TimeoutError,
)


def send_batch(delivery_ids, now=None, connection=None):
    """Send the digests of these ledger rows that nobody else holds; returns a Counter of
    outcomes. On a connection failure, rows not yet sent are given back and the error raised."""
    now = now or timezone.now()
    claim_id, claimed = ledger.claim(delivery_ids, now)
    outcome = Counter()
    if not claimed:
        return outcome
    try:
        _send_claimed(claim_id, outcome, connection)
    except BaseException:
        # A retry (or the sweep) sends the rest; rows already sent stay sent. A message the
        # connection dropped in the middle of is unknown: the server may have taken it.
        released, unknown = ledger.give_back(claim_id)
        log.warning(
            "digest batch stopped; %d digests given back for a later attempt, %d unknown",
            released,
            unknown,
        )
        raise
    return outcome


def _send_claimed(claim_id, outcome, connection):
    deliveries = list(
        ledger.held_by(claim_id).select_related("user", "user__member_profile").order_by("pk")
    )
    readers = content.load_readers([d.user for d in deliveries])
    start = min(d.window_start for d in deliveries)
    end = max(d.window_end for d in deliveries)
    sources = content.load_sources(list(readers.values()), start, end)

    finished = defaultdict(list)  # (status, note) -> ids
    to_send = []
    for delivery in deliveries:
        reason = reason_not_to_send(delivery)
        if reason:
            finished[(DeliveryStatus.SKIPPED, reason)].append(delivery.pk)
            continue
        reader = readers[delivery.user_id]
        digest = content.build_digest(reader, delivery.window_start, delivery.window_end, sources)
        if digest.is_empty:
            finished[(DeliveryStatus.EMPTY, "")].append(delivery.pk)
        else:
            to_send.append((delivery, digest))
    for (status, note), ids in finished.items():
        ledger.finish(claim_id, ids, status, note=note)
        outcome[status] += len(ids)
        if status == DeliveryStatus.SKIPPED:
            log.info("digests skipped (%s): deliveries %s", note, ids)

    if not to_send:
        return
    blocks = emails.ItemBlocks()
    connection = connection or get_connection()
    renewed = time.monotonic()
    accepted = None  # (id, fields) of the message the server took, recorded with the next step
    try:
        with connection:  # one connection (one SMTP session) for the whole batch
            for delivery, digest in to_send:
                if time.monotonic() - renewed > ledger.RENEW_EVERY.total_seconds():
                    ledger.renew(claim_id, timezone.now())
                    renewed = time.monotonic()
                message = emails.digest_message(delivery, digest, blocks, connection)
                handed = ledger.record_and_hand_over(
                    claim_id, accepted, delivery.pk, timezone.now()
                )
                accepted = None
                if not handed:
                    # Taken back by the sweep (this worker stalled past its lease): not ours.
                    outcome["lost_claim"] += 1
                    continue
                accepted = _hand_over(claim_id, delivery, digest, message, outcome)
    finally:
        if accepted is not None:  # the last message, or the one before an error
            ledger.record_sent(claim_id, accepted[0], timezone.now(), **accepted[1])


def _hand_over(claim_id, delivery, digest, message, outcome):
    """Send one message marked as handed over. Returns (id, fields) to record if the server
    took it, None if it refused it (recorded here)."""
    try:
        message.send()
    except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as error:
        # The server answered: the message was not taken.
        if isinstance(error, TRANSIENT_ERRORS):
            ledger.not_handed_over(claim_id, delivery.pk)
            raise
        status, note = _refusal(error, delivery.attempts)
        ledger.record_refused(claim_id, delivery.pk, status, note)
        outcome[status] += 1
        log.warning("digest delivery %s not sent: %s", delivery.pk, note)
        return None
    # Anything else (the connection dropped mid-message, a time limit) leaves the fate of this
    # message unknown: send_batch gives the batch back and marks this one unknown.
    outcome[DeliveryStatus.SENT] += 1
    fields = {"language": delivery.user.preferred_language, "item_count": digest.item_count}
    return delivery.pk, fields


def reason_not_to_send(delivery):
    """Why this member should not get this digest after all (they changed their mind since the
    row was made, left, or have no address), or "" to send it."""
    user = delivery.user
    profile = getattr(user, "member_profile", None)
    if not user.is_active:
        return "account inactive"
    if not user.email:
        return "no email address"
    if profile is None or profile.digest_frequency != delivery.period:
        return "digest turned off or changed"
    return ""


def _refusal(error, attempts):
    """(status, note) for an SMTP error about one message: a permanent refusal (5xx) fails the
    delivery; a temporary one (4xx) gives it back to the next run, MAX_ATTEMPTS times at most."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
    else:
        codes = [getattr(error, "smtp_code", 500)]
    code = min(codes) if codes else 500
    if 400 <= code < 500 and attempts < MAX_ATTEMPTS:
        return DeliveryStatus.PENDING, f"temporary refusal {code}; tried again next run"
    return DeliveryStatus.FAILED, f"refused by the mail server ({code})"
