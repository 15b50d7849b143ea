import pytest

from workinggroup.models import Community, ProvinceTerritory, Region
from workinggroup.reference_data import COMMUNITIES

pytestmark = pytest.mark.django_db


def test_every_province_and_territory_is_loaded_with_its_official_code_and_both_names():
    codes = set(ProvinceTerritory.objects.values_list("code", flat=True))
    assert codes == {"NL", "PE", "NS", "NB", "QC", "ON", "MB", "SK", "AB", "BC", "YT", "NT", "NU"}
    assert ProvinceTerritory.objects.get(code="PE").name_fr == "Île-du-Prince-Édouard"


def test_every_region_holds_provinces_and_has_a_french_name():
    for region in Region.objects.all():
        assert region.provinces.exists()
        assert region.name_fr
    assert ProvinceTerritory.objects.get(code="NT").region.code == "prairies_north"


def test_every_community_the_report_names_is_loaded_with_its_size_class():
    assert Community.objects.count() == len(COMMUNITIES)
    assert Community.objects.get(name="Yellowknife").size_class == "small_centre"
    assert Community.objects.get(name="Iqaluit").size_class == "remote"


def test_the_migrations_give_every_shipped_community_its_coordinates():
    assert not Community.objects.filter(latitude__isnull=True).exists()
    smithers = Community.objects.get(name="Smithers")
    assert (smithers.latitude, smithers.longitude) == (54.78, -127.17)


def test_demo_data_marks_organizations_and_gives_demo_accounts_a_seat():
    from workinggroup import demo
    from workinggroup.models import MemberProfile, Organization

    demo.load()
    demo.load_accounts()
    assert Organization.objects.filter(is_demo=True).count() == len(demo.ORGANIZATIONS)
    assert not Organization.objects.filter(is_demo=False).exists()
    marie = MemberProfile.objects.get(user__email="member@demo.example")
    assert marie.wg_role == "sector_rep"
    assert marie.region.code == "atlantic"
    assert marie.user.organization.slug == "ca-carrefour-peninsule"
    # Loading twice changes nothing (make run reloads the demo on every start).
    demo.load()
    assert MemberProfile.objects.filter(is_demo=True).count() == len(demo.DEMO_MEMBERS) + 5
