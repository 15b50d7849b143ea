"""Reading settings from the environment, loudly.

A missing or malformed variable stops start-up with one line that names it, rather than a
traceback or, worse, a silent default in production.
"""

import os
import sys
from urllib.parse import urlparse

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(SystemExit):
    """Exits with a single line on stderr (SystemExit prints its message and nothing else)."""

    def __init__(self, name, problem):
        super().__init__(f"Configuration error: {name} {problem}")


def stop(name, problem):
    raise ConfigError(name, problem)


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            stop(name, "is required but not set.")
        return default
    return value


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    stop(name, f"must be true or false (1/0, yes/no, on/off), not {raw!r}.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        stop(name, f"must be a whole number, not {raw!r}.")


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name, schemes, default=None):
    """A URL whose scheme is one of `schemes`; anything else stops start-up."""
    raw = env_str(name, default)
    if raw is None:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in schemes:
        allowed = ", ".join(f"{s}://" for s in schemes)
        stop(name, f"must start with one of {allowed} (got {raw.split(':', 1)[0]!r}).")
    if parsed.scheme not in {"sqlite", "memory", "unix"} and not parsed.hostname:
        stop(name, "has no host name.")
    return raw


def running_tests():
    return "pytest" in sys.modules or (len(sys.argv) > 1 and sys.argv[1] == "test")
