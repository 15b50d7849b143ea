"""An email backend for benchmarks that kill workers: the file backend, after a pause like an SMTP
server's reply (BENCH_SEND_PAUSE_MS, default 2 ms), so a kill can land while a message is being
handed over, as it can with a real server."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class PausingFileBackend(FileBackend):
    def send_messages(self, messages):
        time.sleep(float(os.environ.get("BENCH_SEND_PAUSE_MS", "2")) / 1000)
        return super().send_messages(messages)
