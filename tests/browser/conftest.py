"""Real-browser tests: Debian's Chromium driven by Playwright against a live server of the portal.

Every test here runs at a phone-sized viewport in a fresh browser context (empty cache, no
cookies), on PostgreSQL (`postgres` marker) with Chromium (`browser` marker): without either it
is skipped with the reason, and with REQUIRE_SERVICES=1 it fails instead. A failing test leaves
a screenshot and the page's HTML in test-artifacts/.

The live server reads committed data, so there are two ways to get the demo data:
- modules of tests that only look (accessibility, page weight) share one committed copy, loaded
  before their first test and removed after their last; each test runs in a transaction that
  is rolled back, as usual;
- modules of tests that change data (journeys) are marked
  `django_db(transaction=True, serialized_rollback=True)`: each test gets its own copy, flushed
  after it. Loading and flushing cost seconds; looking costs a fraction of one.
"""

import os
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests
# make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As this machine needs them: no sandbox as root, and no background calls to Google's hosts
# (refused by the closed network, and they would count against the page-weight test).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]
PHONE = {"width": 360, "height": 740}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


# Filled by the page-weight test, shown at the end of the run: (page type, language) -> bytes.
PAGE_WEIGHTS = {}


def pytest_terminal_summary(terminalreporter):
    if not PAGE_WEIGHTS:
        return
    terminalreporter.section("page weight, first load, empty cache")
    for (page_type, language), size in sorted(PAGE_WEIGHTS.items()):
        terminalreporter.line(f"{page_type:<28} {language}  {size / 1024:6.1f} KB")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.postgres)
            if not item.get_closest_marker("django_db"):
                item.add_marker(pytest.mark.django_db)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def chromium(django_db_setup, django_db_blocker):
    """One headless Chromium for the session (Debian's: a test tool cannot download its own)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright's event loop runs in this thread, Django's connection handler hands out
    # new connection objects (it keys them by async context). The serialized copy of the
    # migrations' data (roles, reference data), which serialized_rollback restores after
    # each flush, lives on the old ones: carry it over.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Close the connections opened under the loop, or the test database cannot be dropped.
        with django_db_blocker.unblock():
            connections.close_all()


@pytest.fixture
def server(request, _require_services):
    """The live server's base URL, started only once the services are known to be there."""
    live_server = request.getfixturevalue("live_server")
    # What pytest-django does when a test names `live_server` itself: allow its host name.
    live_server._live_server_modified_settings.enable()
    yield live_server.url
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def new_page(request, server):
    """new_page(): a fresh phone-sized tab with an empty cache and no cookies.

    Taken after the service check, so that a missing Chromium or PostgreSQL is a skip (or, in
    CI, a failure) with its reason rather than an error in a session fixture.
    """
    browser = request.getfixturevalue("chromium")
    contexts = []

    def open_tab():
        context = browser.new_context(
            base_url=server, viewport=PHONE, is_mobile=True, has_touch=True, locale="en-CA"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    reports = [getattr(request.node, f"report_{when}", None) for when in ("setup", "call")]
    failed = any(report and report.failed for report in reports)
    for number, context in enumerate(contexts):
        if failed:
            _save_artifacts(request.node.nodeid, number, context.pages)
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def _save_artifacts(nodeid, number, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", nodeid)
    for tab, open_page in enumerate(pages):
        name = f"{stem}-{number}-{tab}"
        try:
            open_page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(open_page.content())
        except Exception as exc:  # noqa: BLE001 - a broken page must not hide the real failure
            print(f"could not save {name}: {exc}")


@pytest.fixture
def demo_data(request, server):
    """The quickstart's demo data (organizations, practices, recommendations, one account per
    role): every page type has something to show, and the data grows with the apps."""
    if _changes_data(request.node):
        _load_demo_data()
    # Otherwise _shared_demo_data loaded it for the whole module.


def _services_present():
    from django.db import connection

    return connection.vendor == "postgresql" and os.path.exists(CHROMIUM)


def _changes_data(node):
    marker = node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.args))


@pytest.fixture(scope="module", autouse=True)
def _shared_demo_data(request):
    """For a module of tests that only look: the demo data, committed before its first test and
    removed after its last, so the database is again as the migrations left it."""
    if not _services_present():
        yield  # the tests will be skipped
        return
    # Started before any test opens a transaction: see `chromium` on connections.
    request.getfixturevalue("chromium")
    if _changes_data(request.node):
        yield  # each test loads its own copy
        return
    from django.db import connection

    with request.getfixturevalue("django_db_blocker").unblock():
        if not hasattr(connection, "_test_serialized_contents"):
            # No test in this run asked for serialized rollbacks, so none has flushed yet.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        _back_to_migrated_data(connection)
        _load_demo_data()
        from workinggroup.demo import DEMO_ACCOUNTS

        _SHARED_SESSIONS.update({email: _session_cookie(email) for email, *_ in DEMO_ACCOUNTS})
    yield
    _SHARED_SESSIONS.clear()
    with request.getfixturevalue("django_db_blocker").unblock():
        _back_to_migrated_data(connection)


def _back_to_migrated_data(connection):
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def _load_demo_data():
    # Argon2 on every demo account would take most of the time.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        call_command("seed_demo", stdout=StringIO())


# Sessions of the demo accounts, made while the shared demo data is loaded: a session made by
# a test itself would sit in its rolled-back transaction, out of the live server's sight.
_SHARED_SESSIONS = {}


def _session_cookie(email):
    from workinggroup.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def sign_in(server):
    """sign_in(page, email): the tab's context gets a session for that user (no form, no hash)."""

    def sign_in_as(page, email):
        value = _SHARED_SESSIONS.get(email) or _session_cookie(email)
        host = urlsplit(server).hostname
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": value, "domain": host, "path": "/"}]
        )

    return sign_in_as


@pytest.fixture
def open_page_type(sign_in):
    """open_page_type(page, page_type, language): go there, check the status, prepare the page."""

    def visit(page, page_type, language):
        if page_type.user:
            sign_in(page, page_type.user)
        with translation.override(language):
            url = page_type.url()
        response = page.goto(url)
        assert response is not None, f"no response for {url}"
        assert response.status == page_type.status, f"{url} answered {response.status}"
        assert urlsplit(page.url).path == urlsplit(url).path, f"{url} led to {page.url}"
        if page_type.prepare:
            page_type.prepare(page)
        assert page.locator("html").get_attribute("lang") == language
        return url

    return visit
