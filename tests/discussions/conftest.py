"""Discussion fixtures: a category, threads written by the personas, tasks run in-process."""

import contextlib

import pytest
from django.utils import translation

from config.celery import app as celery_app
from discussions.models import Category, Thread


@contextlib.contextmanager
def tasks_eager(value):
    """True: Celery tasks run at once, in the test's process (as without Redis); False: they
    go to the broker with their countdown (as in production)."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = value
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def eager_tasks():
    """Even when REDIS_URL is set, tests never leave tasks on a real broker."""
    with tasks_eager(True):
        yield


@pytest.fixture
def category(db):
    return Category.objects.create(
        name_en="Rural housing",
        name_fr="Logement en milieu rural",
        description_en="Finding homes for newcomers outside big cities.",
        description_fr="Trouver un logement aux nouveaux arrivants hors des grandes villes.",
        slug_en="rural-housing",
        slug_fr="logement-rural",
    )


@pytest.fixture
def other_category(db):
    return Category.objects.create(
        name_en="Employment", name_fr="Emploi", slug_en="employment", slug_fr="emploi", order=1
    )


@pytest.fixture
def thread(category, marie):
    """A thread Marie started (she follows it); no replies yet."""
    thread, _post = Thread.start(
        category, marie, "Winter tires for newcomers", "Who lends **winter tires**?"
    )
    return thread


def start_thread(category, author, title="A thread", body="Opening post", **extra):
    thread, _post = Thread.start(category, author, title, body, **extra)
    return thread


def add_replies(thread, author, count, body="Reply {n}"):
    return [thread.add_reply(author, body.format(n=n)) for n in range(1, count + 1)]


def url_in(language, obj):
    """obj's address in `language` (the test client leaves the last request's language active)."""
    with translation.override(language):
        return obj.get_absolute_url()
