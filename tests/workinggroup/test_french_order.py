"""Lists sort as a French reader expects (Île-du-Prince-Édouard among the I's), in SQL on
PostgreSQL and SQLite alike (lib.typography.collated) and in Python (collation_key)."""

import pytest

from tests.workinggroup.conftest import make_organization
from workinggroup.models import Organization

pytestmark = pytest.mark.django_db


def test_organizations_sort_in_french_in_sql():
    for slug, name in [
        ("zed", "Zénith"),
        ("ile", "Île-du-Prince-Édouard Centre"),
        ("eco", "École des nouveaux arrivants"),
        ("maison", "maison d'accueil"),
        ("ecluse", "Ecluse"),
    ]:
        make_organization(slug, name_fr=name, name_en=name, name=name)
    names = list(Organization.objects.by_name("fr").values_list("name_fr", flat=True))
    assert names == [
        "Ecluse",
        "École des nouveaux arrivants",
        "Île-du-Prince-Édouard Centre",
        "maison d'accueil",
        "Zénith",
    ]


def test_province_filter_lists_prince_edward_island_among_the_i(client):
    html = client.get("/fr/organismes/").content.decode()
    start = html.index('id="filter-province"') if 'id="filter-province"' in html else 0
    options = html[start:]
    assert options.index("Île-du-Prince-Édouard") < options.index("Manitoba")
    assert options.index("Alberta") < options.index("Île-du-Prince-Édouard")


def test_a_community_names_its_province_the_french_way_in_french():
    from django.utils import translation  # switches language for the two renderings below

    from workinggroup.models import Community

    community = Community.objects.select_related("province").get(
        name="Smithers", province__code="BC"
    )
    with translation.override("en"):
        assert str(community) == "Smithers, BC"
    with translation.override("fr"):
        assert str(community) == "Smithers (C.-B.)"


def test_a_place_in_a_template_names_its_province_the_french_way_in_french():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load workinggroup %}{{ name|place:code }}")
    with translation.override("en"):
        assert template.render(Context({"name": "Iqaluit", "code": "NU"})) == "Iqaluit, NU"
    with translation.override("fr"):
        assert template.render(Context({"name": "Iqaluit", "code": "NU"})) == "Iqaluit (Nt)"
