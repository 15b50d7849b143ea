"""A client of ClamAV's daemon (clamd): streams a file with INSTREAM and reads the verdict.

clamd's protocol is a few lines (clamd(8)): "zINSTREAM\0", then chunks each preceded by its
length as 4 big-endian bytes, a zero length to end; the answer is "stream: OK" or
"stream: <signature> FOUND". Writing it here spares an unmaintained client library.
"""

import socket
import struct
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings

CHUNK = 256 * 1024


class ScanError(Exception):
    """clamd could not be reached or could not scan (the scan is retried later)."""


@dataclass
class Verdict:
    infected: bool
    signature: str = ""


def configured():
    return bool(settings.CLAMD_URL)


def connect():
    url = urlparse(settings.CLAMD_URL)
    try:
        if url.scheme == "unix":
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(settings.CLAMD_TIMEOUT)
            sock.connect(url.path)
        else:
            sock = socket.create_connection(
                (url.hostname, url.port or 3310), timeout=settings.CLAMD_TIMEOUT
            )
    except OSError as error:
        raise ScanError(f"clamd unreachable at {settings.CLAMD_URL}: {error}") from error
    return sock


def ping():
    with connect() as sock:
        sock.sendall(b"zPING\0")
        return sock.recv(64).rstrip(b"\0\n") == b"PONG"


def scan(stream):
    """The verdict on the binary file `stream`, read from where it is to its end."""
    with connect() as sock:
        try:
            sock.sendall(b"zINSTREAM\0")
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            answer = b""
            while not answer.endswith(b"\0"):
                received = sock.recv(4096)
                if not received:
                    break
                answer += received
        except OSError as error:
            raise ScanError(f"clamd stopped answering: {error}") from error
    text = answer.rstrip(b"\0\n").decode("utf-8", "replace")
    if text.endswith(" FOUND"):
        return Verdict(True, text.removeprefix("stream: ").removesuffix(" FOUND"))
    if text.endswith(" OK"):
        return Verdict(False)
    raise ScanError(f"clamd answered {text!r}")
