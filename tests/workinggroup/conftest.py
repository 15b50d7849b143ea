"""Organizations and working-group members for the workinggroup tests.

Regions, provinces and communities come from the reference-data migration.
"""

import pytest

from workinggroup.models import (
    Community,
    MemberProfile,
    Organization,
    ProvinceTerritory,
    Region,
)


def make_organization(slug, province="NB", communities=(), **fields):
    fields.setdefault("name_en", slug.replace("-", " ").title())
    fields.setdefault("name_fr", fields["name_en"])
    fields.setdefault("name", fields["name_en"])
    organization = Organization.objects.create(
        slug=slug, province=ProvinceTerritory.objects.get(code=province), **fields
    )
    organization.communities.set(Community.objects.filter(name__in=communities))
    return organization


def seat(user, region_code, wg_role, **fields):
    profile = MemberProfile.for_user(user)
    profile.region = Region.objects.get(code=region_code) if region_code else None
    profile.wg_role = wg_role
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


@pytest.fixture
def directory(db):
    """Five organizations that differ in region, province, community size and languages."""
    return {
        "caraquet": make_organization(
            "carrefour-caraquet",
            "NB",
            ["Caraquet"],
            name_en="Caraquet Crossroads",
            name_fr="Carrefour de Caraquet",
            languages=["fr", "en"],
            francophone_minority=True,
            staff_size="1-5",
        ),
        "moncton": make_organization(
            "moncton-settlement",
            "NB",
            ["Moncton"],
            name_en="Moncton Settlement Agency",
            name_fr="Agence d'établissement de Moncton",
            languages=["en", "fr", "ar"],
        ),
        "yellowknife": make_organization(
            "yellowknife-welcome",
            "NT",
            ["Yellowknife"],
            name_en="Yellowknife Welcome",
            name_fr="Accueil Yellowknife",
            languages=["en", "tl"],
        ),
        "iqaluit": make_organization(
            "iqaluit-arctic",
            "NU",
            ["Iqaluit"],
            name_en="Arctic Welcome",
            name_fr="Accueil Arctique",
            languages=["en"],
        ),
        "smithers": make_organization(
            "bulkley-valley",
            "BC",
            ["Smithers", "Terrace"],
            name_en="Bulkley Valley Newcomers",
            name_fr="Nouveaux arrivants de la vallée de la Bulkley",
            languages=["en", "pa"],
        ),
    }
