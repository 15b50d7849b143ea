import pytest

from practices import demo
from practices.catalogue import practices_for_organization
from practices.models import ClientGroup, Principle, PromisingPractice, Theme
from practices.seed_data import THEMES
from tests.practices.conftest import make_practice, organization

pytestmark = pytest.mark.django_db


def test_themes_and_client_groups_are_seeded_in_both_languages(db):
    assert Theme.objects.count() == len(THEMES)
    students = ClientGroup.objects.get(slug="international-students")
    assert (students.name_en, students.name_fr) == ("International students", "Étudiants étrangers")


def test_demo_load_publishes_the_report_practices_once(seeded):
    demo.load()
    assert PromisingPractice.objects.published().count() == 18
    assert PromisingPractice.objects.filter(has_en=False).count() == 2
    assert PromisingPractice.objects.filter(has_fr=False).count() == 1


def test_demo_load_creates_missing_organizations(reference):
    from workinggroup.models import Organization

    Organization.objects.all().delete()
    demo.load()
    assert Organization.objects.filter(slug="yk-multicultural", is_demo=True).exists()


def test_saving_copies_what_filters_need(seeded):
    practice = make_practice(community="Smithers", themes=("women", "housing"), groups=("youth",))
    practice.refresh_from_db()
    assert practice.region.code == "bc_yukon"
    assert practice.size_class == practice.community.size_class
    assert practice.has_en and practice.has_fr
    women, housing = Theme.objects.get(slug="women"), Theme.objects.get(slug="housing")
    assert practice.theme_bits == women.mask | housing.mask
    assert PromisingPractice.objects.with_theme(women).filter(pk=practice.pk).exists()
    practice.themes.remove(women)
    practice.refresh_from_db()
    assert not PromisingPractice.objects.with_theme(women).filter(pk=practice.pk).exists()


def test_principles_are_kept_as_a_set(seeded):
    practice = make_practice()
    practice.principles = ["responsive", "client_centric", "responsive"]
    practice.save()
    assert practice.principles == [Principle.CLIENT_CENTRIC, Principle.RESPONSIVE]
    assert PromisingPractice.objects.serving_principle("responsive").filter(pk=practice.pk)


def test_practices_and_recommendations_name_principles_as_the_report_does():
    """One Principle type: a practice's badges and a recommendation's principle read the same
    labels, in French the report's own wording."""
    from django.utils import translation

    from recommendations.models import Recommendation

    assert Recommendation._meta.get_field("principle").choices == Principle.choices
    with translation.override("fr"):
        assert [str(p.label) for p in Principle] == [
            "Approche axée sur le client",
            "Guidés par les résultats",
            "Utilisation efficace des ressources",
            "Réactivité aux besoins",
        ]


def test_one_language_practice_gets_one_slug_for_both_urls(seeded):
    practice = make_practice(title_en=None, title_fr="Seulement en français", summary_en=None)
    assert practice.slug_en == practice.slug_fr == "seulement-en-francais"
    assert not practice.has_en


def test_organization_pages_can_list_led_and_partner_practices(seeded):
    lead = organization("yk-multicultural")
    partner = organization("yk-accueil-grand-nord")
    assert {p.slug_en for p in practices_for_organization(lead)} >= {
        "women-only-swim-night",
        "family-canoe-outings-on-the-lake",
    }
    assert "women-only-swim-night" in {p.slug_en for p in practices_for_organization(partner)}
    assert len(practices_for_organization(lead, limit=1)) == 1
