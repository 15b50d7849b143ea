"""Practices for tests: the report's 18 (demo.load) and helpers to make more."""

import itertools

import pytest

from practices import demo
from practices.models import ClientGroup, PromisingPractice, Status, Theme
from workinggroup.models import Community, Organization

_numbers = itertools.count(1)


@pytest.fixture
def reference(db):
    """Regions, provinces, communities, themes: loaded by the migrations."""


@pytest.fixture
def seeded(reference):
    """The report's practices, published: 18, two in French only, one in English only."""
    demo.load()
    return {p.slug_en: p for p in PromisingPractice.objects.all()}


def by_title(title):
    return PromisingPractice.objects.get(title_en=title)


def make_practice(
    title_en="A practice",
    title_fr="Une pratique",
    community="Smithers",
    themes=("employment",),
    groups=("refugees",),
    status=Status.PUBLISHED,
    **fields,
):
    from django.utils import timezone

    community = Community.objects.get(name=community)
    organization = fields.pop("lead_organization", None) or demo.organization("sm-bulkley-valley")
    number = next(_numbers)
    values = {
        "title_en": title_en,
        "title_fr": title_fr,
        "summary_en": f"English summary {number}." if title_en else None,
        "summary_fr": f"Résumé français {number}." if title_fr else None,
        "kind": "innovation",
        "delivery_mode": "hybrid",
        "origin": "staff",
        "evidence_level": "anecdotal",
        "stage": "pilot",
        "published_at": timezone.now() if status == Status.PUBLISHED else None,
        **fields,
    }
    practice = PromisingPractice.objects.create(
        lead_organization=organization,
        province=community.province,
        community=community,
        status=status,
        **values,
    )
    practice.themes.set(Theme.objects.filter(slug__in=themes))
    practice.client_groups.set(ClientGroup.objects.filter(slug__in=groups))
    return practice


def organization(key):
    return Organization.objects.get(slug=key)
