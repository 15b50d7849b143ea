"""Digest fixtures: a morning in January 2026, members who asked for digests, things to report.

Regions, provinces, communities and themes come from the reference-data migrations. The run day
is Wednesday 2026-01-07; its daily digests cover Tuesday 2026-01-06, Toronto time.
"""

import datetime
import itertools
from zoneinfo import ZoneInfo

import pytest
import time_machine

from digests import tasks
from digests.models import DigestPreferences
from practices.models import PromisingPractice, Status, Theme
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import Community, MemberProfile, Organization, ProvinceTerritory, Region

TORONTO = ZoneInfo("America/Toronto")
DAY = datetime.date(2026, 1, 7)  # a Wednesday
YESTERDAY_NOON = datetime.datetime(2026, 1, 6, 12, 0, tzinfo=TORONTO)
RUN_TIME = datetime.datetime(2026, 1, 7, 6, 0, tzinfo=TORONTO)

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Tests here make dozens of accounts; Argon2 would spend most of the run hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def morning():
    """The clock at 06:00 on the run day, moving on as the test runs."""
    with time_machine.travel(RUN_TIME, tick=True) as traveller:
        yield traveller


@pytest.fixture
def organization(db):
    organization = Organization.objects.create(
        slug="bulkley-valley-settlement",
        name="Bulkley Valley Settlement Services",
        name_en="Bulkley Valley Settlement Services",
        name_fr="Services d’établissement de la vallée Bulkley",
        province=ProvinceTerritory.objects.get(code="BC"),
    )
    return organization


def make_practice(
    organization,
    title_en="Winter driving lessons",
    title_fr="Cours de conduite hivernale",
    community="Smithers",
    themes=("employment",),
    published_at=YESTERDAY_NOON,
    status=Status.PUBLISHED,
):
    number = next(_numbers)
    community = Community.objects.filter(name=community).select_related("province").first()
    practice = PromisingPractice.objects.create(
        title_en=title_en or None,
        title_fr=title_fr or None,
        summary_en=f"Newcomers learn to drive on snow, lesson {number}." if title_en else None,
        summary_fr=f"Les nouveaux arrivants apprennent à conduire, leçon {number}."
        if title_fr
        else None,
        lead_organization=organization,
        province=community.province,
        community=community,
        kind="innovation",
        delivery_mode="hybrid",
        origin="staff",
        evidence_level="anecdotal",
        stage="pilot",
        status=status,
        published_at=published_at if status == Status.PUBLISHED else None,
    )
    practice.themes.set(Theme.objects.filter(slug__in=themes))
    return practice


def subscribe(user, frequency="daily", weekday=0, regions=(), themes=()):
    profile = MemberProfile.for_user(user)
    profile.digest_frequency = frequency
    profile.digest_weekday = weekday
    profile.save()
    if regions or themes:
        preferences, _created = DigestPreferences.objects.get_or_create(user=user)
        preferences.regions.set(Region.objects.filter(code__in=regions))
        preferences.themes.set(Theme.objects.filter(slug__in=themes))
    return user


def make_member(email, language="en", frequency="daily", role=roles.MEMBER, **preferences):
    return subscribe(make_user(email, role, language=language), frequency, **preferences)


@pytest.fixture
def reader_en(db):
    """Erin, an English-speaking member, daily digest, every region and theme."""
    return make_member("erin@example.org")


@pytest.fixture
def reader_fr(db):
    """Fatou, a French-speaking member, daily digest, every region and theme."""
    return make_member("fatou@example.org", language="fr")


@pytest.fixture
def run_digests(django_capture_on_commit_callbacks):
    """run_digests(period, day): a whole run, its batches executed in-process (eager)."""

    def run(period="daily", day=DAY):
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.run_digests(period, day)

    return run
