"""Sending a batch of digests: claim the rows, build every digest, send, record each send.

The batch's reads are a fixed number of queries whatever its size (the claim, the rows, the
readers, the sources, one UPDATE per outcome kind); the only per-email query is the UPDATE that
records the send right after the backend accepted it, which is what keeps a crash from losing or
repeating a digest. A worker killed between the claim and that UPDATE leaves the row claimed;
once the claim is older than CLAIM_EXPIRY the next run takes it over and sends it.
"""

import logging
import smtplib
from collections import Counter, defaultdict

from django.core.mail import get_connection
from django.utils import timezone

from digests import content, emails
from digests.models import DeliveryStatus, DigestDelivery

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
    claim_id, claimed = DigestDelivery.objects.filter(pk__in=delivery_ids).claim(now)
    outcome = Counter()
    if not claimed:
        return outcome
    try:
        _send_claimed(claim_id, outcome, connection)
    except BaseException:
        # A retry (or the next run) sends the rest; rows already sent stay sent.
        released = DigestDelivery.objects.held_by(claim_id).update(
            status=DeliveryStatus.PENDING, claim_id=None
        )
        log.warning("digest batch stopped; %d digests given back for a later attempt", released)
        raise
    return outcome


def _send_claimed(claim_id, outcome, connection):
    deliveries = list(
        DigestDelivery.objects.held_by(claim_id)
        .select_related("user", "user__member_profile")
        .order_by("pk")
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
        _finish(claim_id, ids, status, note=note)
        outcome[status] += len(ids)
        if status == DeliveryStatus.SKIPPED:
            log.info("digests skipped (%s): deliveries %s", note, ids)

    if not to_send:
        return
    blocks = emails.ItemBlocks()
    connection = connection or get_connection()
    with connection:  # one connection (one SMTP session) for the whole batch
        for delivery, digest in to_send:
            message = emails.digest_message(delivery, digest, blocks, connection)
            try:
                message.send()
            except smtplib.SMTPException as error:
                if isinstance(error, TRANSIENT_ERRORS):
                    raise
                status, note = _refusal(error, delivery.attempts)
                _finish(claim_id, [delivery.pk], status, note=note)
                outcome[status] += 1
                log.warning("digest delivery %s not sent: %s", delivery.pk, note)
                continue
            _finish(
                claim_id,
                [delivery.pk],
                DeliveryStatus.SENT,
                sent_at=timezone.now(),
                language=delivery.user.preferred_language,
                item_count=digest.item_count,
            )
            outcome[DeliveryStatus.SENT] += 1


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


def _finish(claim_id, ids, status, **fields):
    """Record an outcome, only for rows this claim still holds."""
    if status == DeliveryStatus.PENDING:
        fields["claim_id"] = None
    DigestDelivery.objects.held_by(claim_id).filter(pk__in=ids).update(status=status, **fields)
