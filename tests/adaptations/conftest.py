"""Adaptations fixtures: the report's practices (practices.demo), people who work for the demo
organizations, and helpers to record adaptations and reports."""

import pytest
from django.utils import translation

from adaptations.models import Adaptation, WouldRecommend, add_adaptation
from practices import demo
from practices.models import PromisingPractice
from tests.conftest import make_user
from tests.practices.conftest import make_practice, organization
from workinggroup import roles


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


__all__ = ["make_practice", "organization"]


@pytest.fixture
def seeded(db):
    """The report's 18 practices, published, and the demo organizations they name."""
    demo.load()


@pytest.fixture
def swim(seeded):
    """The report's women-only swim night, led from Yellowknife."""
    return PromisingPractice.objects.get(slug_en="women-only-swim-night")


@pytest.fixture
def nadia(seeded):
    """Nadia, a settlement worker at the Bulkley Valley centre in Smithers (sector user)."""
    return make_user(
        "nadia@example.org",
        roles.SECTOR_USER,
        organization=organization("sm-bulkley-valley"),
        first_name="Nadia",
    )


@pytest.fixture
def luc(seeded):
    """Luc, a francophone member at the Carrefour of the Acadian Peninsula."""
    return make_user(
        "luc@example.org",
        roles.MEMBER,
        language="fr",
        organization=organization("ca-carrefour-peninsule"),
    )


def url_in(obj, language, method="get_absolute_url"):
    with translation.override(language):
        return getattr(obj, method)()


def adapt(practice, author, organization=None, **fields):
    values = {
        "organization": organization or author.organization,
        "changes": "We met on Sundays.",
        "outcome": "It went well.",
        "would_recommend": WouldRecommend.YES,
        "language": "en",
        **fields,
    }
    adaptation, _created = add_adaptation(practice, author, **values)
    return adaptation


def form_data(**fields):
    return {
        "changes": "We booked the town pool on **Sunday mornings**.",
        "outcome": "Twelve women came; eight come every week.",
        "would_recommend": "with_changes",
        "language": "en",
        **fields,
    }


def count_of(practice):
    return PromisingPractice.objects.values_list("adaptation_count", flat=True).get(pk=practice.pk)


def stored():
    return Adaptation.objects.count()
