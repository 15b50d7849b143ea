"""The directory's map: organizations per province; the admin's list of the maps' gaps."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from tests.workinggroup.conftest import make_organization
from workinggroup.models import Community, Organization

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("params", [{"language": "fr"}, {"province": "BC"}, {}])
def test_directory_map_counts_the_matching_organizations(client, directory, params):
    """Place filters leave the map whole (the counts beside the province filter)."""
    response = client.get("/en/organizations/", params)
    html = response.content.decode()
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", html, flags=re.S)[0])  # noqa: S314 - our page
    labels = {a.get("href").rsplit("=", 1)[1]: a.get("aria-label") for a in svg.findall(f"{SVG}a")}
    french = Organization.objects.filter(
        pk__in=[o.pk for o in Organization.objects.all() if "fr" in o.languages]
        if "language" in params
        else Organization.objects.values("pk")
    )
    for code, label in labels.items():
        number = french.filter(province__code=code).count()
        assert label.endswith(f": {number} organization{'' if number == 1 else 's'}")
        assert re.search(
            rf'<tr data-code="{code}">.*?<td class="num">{number}</td>', html, flags=re.S
        )
    assert not list(svg.iter(f"{SVG}circle"))  # no dots on the directory (docs/map.md)


def test_admin_lists_the_communities_the_map_cannot_place(admin_client):
    Community.objects.filter(name="Old Crow").update(latitude=None, longitude=None)
    make_organization("far-north", "YT", ["Old Crow"])
    page = admin_client.get("/en/admin/workinggroup/community/", {"on_map": "no"})
    assert page.status_code == 200
    names = re.findall(r'class="field-name"><a [^>]*>([^<]+)</a>', page.content.decode())
    assert names == ["Old Crow"]


def test_a_community_needs_both_coordinates_or_neither():
    community = Community.objects.get(name="Nain")
    community.longitude = None
    with pytest.raises(ValidationError, match="both the latitude and the longitude"):
        community.full_clean()
