"""The map of Canada on the home page and the catalogue: its numbers are the page's numbers."""

import re
import xml.etree.ElementTree as ET

import pytest

from practices.models import PromisingPractice
from tests.practices.conftest import make_practice
from tests.practices.test_catalogue_list import option
from workinggroup.models import Community, ProvinceTerritory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def the_map(response):
    """{code: count} from the SVG's links, from its written counts and from the table."""
    html = response.content.decode()
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", html, flags=re.S)[0])  # noqa: S314 - our page
    links = {
        a.get("href").rsplit("province=", 1)[1]: a.get("aria-label") for a in svg.findall(f"{SVG}a")
    }
    written = sorted(int(t.text) for t in svg.iter(f"{SVG}text"))
    table = {
        code: int(number.replace("\u00a0", "").replace(",", ""))
        for code, number in re.findall(
            r'<tr data-code="(\w\w)">.*?<td class="num">([\d,\u00a0]+)</td>', html
        )
    }
    dots = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle")]
    return links, written, table, dots


def test_home_map_counts_the_published_practices_of_each_province(client, seeded):
    make_practice(title_en="Draft", status="draft", community="Kamloops")
    response = client.get("/en/")
    links, written, table, dots = the_map(response)
    expected = {p.code: 0 for p in ProvinceTerritory.objects.all()}
    for code in PromisingPractice.objects.published().values_list("province__code", flat=True):
        expected[code] += 1
    assert table == expected
    assert written == sorted(expected.values())
    names = dict(ProvinceTerritory.objects.values_list("code", "name_en"))
    for code, label in links.items():
        noun = "practice" if expected[code] == 1 else "practices"
        assert label == f"{names[code]}: {expected[code]} {noun}"
    smithers = PromisingPractice.objects.published().filter(community__name="Smithers").count()
    assert f"Smithers, BC: {smithers} practice{'s' if smithers != 1 else ''}" in dots


def test_home_map_in_french_names_the_provinces_in_french(client, seeded):
    html = client.get("/fr/").content.decode()
    assert 'aria-label="Colombie-Britannique\u00a0: ' in html
    assert 'href="/fr/pratiques/?province=BC"' in html


def test_catalogue_map_follows_the_filters_and_the_filter_counts(client, seeded):
    """Shaded by the counts beside the province filter: the other filters applied."""
    response = client.get("/en/practices/", {"theme": "employment", "page": "2"})
    links, written, table, _dots = the_map(response)
    for code, number in table.items():
        assert option(response, "province", code).endswith(f"({number})")
    assert (
        sum(table.values())
        == PromisingPractice.objects.published().filter(themes__slug="employment").count()
    )
    # A province's link keeps the other filters, leaves the page number.
    assert "/en/practices/?theme=employment&amp;province=BC" in response.content.decode()


def test_a_community_without_coordinates_is_counted_in_its_province_not_dotted(client, seeded):
    """And the cached drawing is drawn again when a community changes (in the admin)."""
    assert "Smithers, BC: " in str(the_map(client.get("/en/"))[3])
    smithers = Community.objects.get(name="Smithers")
    smithers.latitude = smithers.longitude = None
    smithers.save()
    response = client.get("/en/")
    _links, _written, table, dots = the_map(response)
    assert not [d for d in dots if d.startswith("Smithers")]
    assert table["BC"] == PromisingPractice.objects.published().filter(province__code="BC").count()
    assert 'Smithers, BC <span class="meta">(not on the map: no coordinates yet)' in (
        response.content.decode()
    )


def test_home_page_queries_do_not_grow_with_the_communities(
    client, seeded, django_assert_max_num_queries
):
    client.get("/en/")
    for name in ("Kamloops", "Terrace", "Iqaluit", "Moncton"):
        make_practice(title_en=f"In {name}", community=name)
    with django_assert_max_num_queries(12) as counted:  # the map drawn (not in the cache)
        client.get("/en/")
    before = len(counted.captured_queries)
    for name in ("Nain", "Gaspé", "Hearst", "Brooks"):
        make_practice(title_en=f"In {name}", community=name)
    with django_assert_max_num_queries(before):
        client.get("/en/")
