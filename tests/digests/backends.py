"""Email backends for the digest tests."""

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
