"""Email backends for the digest tests."""

import os
import signal
import smtplib
import time

from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.backends.locmem import EmailBackend as MemoryBackend

# address -> the exception the "server" raises for it
REFUSALS = {}


class RefusingBackend(MemoryBackend):
    """The test outbox, except for addresses in REFUSALS, which the server refuses."""

    def send_messages(self, messages):
        for message in messages:
            error = REFUSALS.get(message.to[0])
            if error is not None:
                raise error
        return super().send_messages(messages)


def refused(address, code=550):
    return smtplib.SMTPRecipientsRefused({address: (code, b"No such mailbox")})


class SlowFileBackend(FileBackend):
    """Files like the file backend, after a pause like an SMTP conversation's: a worker killed
    during a send is almost certainly killed in the pause, before the message exists."""

    def send_messages(self, messages):
        time.sleep(0.4)
        return super().send_messages(messages)


class CrashingFileBackend(SlowFileBackend):
    """The slow file backend, whose process dies (SIGKILL, no cleanup) right after the "server"
    took the message for DIGEST_TEST_CRASH_ON: a crash between the hand-over and its record,
    at a point chosen by the test, not by a timer."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        if any(m.to[0] == os.environ.get("DIGEST_TEST_CRASH_ON") for m in messages):
            os.kill(os.getpid(), signal.SIGKILL)
        return sent
