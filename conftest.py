"""Root conftest: turns a missing service into a skip locally, and into a failure in CI.

Tests marked `postgres`, `redis`, `browser` or `clamav` need that service. Without it they are
skipped with a reason; with REQUIRE_SERVICES=1 (set by .ci/run) the same situation fails the test.
"""

import os
import shutil

import pytest

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _missing_service(marker_name):
    from django.conf import settings
    from django.db import connection

    if marker_name == "postgres" and connection.vendor != "postgresql":
        return "needs PostgreSQL (set DATABASE_URL=postgres://...)"
    if marker_name == "redis" and not settings.REDIS_URL:
        return "needs Redis (set REDIS_URL=redis://...)"
    if marker_name == "browser" and not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return "needs Chromium at /usr/bin/chromium (apt-get install chromium chromium-driver)"
    if marker_name == "clamav" and not settings.CLAMD_URL:
        return "needs ClamAV's clamd (CLAMD_URL=$(.ci/clamav/start-clamd))"
    return None


@pytest.fixture(autouse=True)
def _require_services(request):
    for name in ("postgres", "redis", "browser", "clamav"):
        if request.node.get_closest_marker(name):
            reason = _missing_service(name)
            if reason:
                if REQUIRE_SERVICES:
                    pytest.fail(f"REQUIRE_SERVICES=1 but this test {reason}")
                pytest.skip(reason)


@pytest.fixture(autouse=True)
def _celery_tasks_run_eagerly():
    """Tasks run in-process in tests, even with REDIS_URL set; the worker integration tests
    switch this off themselves to go through the real broker."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts from an empty cache: the database is rolled back after each test, the
    cache is not (rate-limit counters, facet counts and the versions they are kept under)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
