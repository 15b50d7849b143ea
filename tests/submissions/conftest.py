"""Authors, editors and a complete practice form, for the submission tests."""

import pytest

from practices import demo
from practices.models import Theme
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import Community


@pytest.fixture
def reference(db):
    """Regions, provinces, communities, themes: loaded by the migrations."""


@pytest.fixture
def bulkley(reference):
    return demo.organization("sm-bulkley-valley")


@pytest.fixture
def acadien(reference):
    return demo.organization("ch-accueil-acadien")


@pytest.fixture
def author(bulkley):
    """Amélie, a francophone settlement worker at a small centre who shares a practice."""
    return make_user("amelie@example.org", roles.SECTOR_USER, language="fr", organization=bulkley)


@pytest.fixture
def editor(reference):
    return make_user("editor@example.org", roles.EDITOR, language="en")


@pytest.fixture
def stranger(acadien):
    """Someone of another organization."""
    return make_user("other@example.org", roles.SECTOR_USER, organization=acadien)


@pytest.fixture
def form_data(bulkley):
    """A complete practice, in French only, as the form posts it."""
    community = Community.objects.get(name="Smithers")
    return {
        "token": "",
        "title_fr": "Cercle de conversation au marché",
        "summary_fr": "Des rencontres hebdomadaires au marché fermier pour pratiquer le français.",
        "description_fr": "Chaque samedi, une bénévole anime un **cercle** de conversation.",
        "kind": "innovation",
        "stage": "pilot",
        "origin": "newcomer_idea",
        "delivery_mode": "non_digital",
        "themes": [Theme.objects.order_by("bit").first().pk],
        "principles": ["client_centric"],
        "lead_organization": bulkley.pk,
        "province": community.province_id,
        "community": community.pk,
        "outcomes_fr": "Douze familles y viennent chaque semaine.",
        "evidence_level": "monitored",
        "lessons_fr": "Les soirs de semaine n'ont pas fonctionné.",
        "contact_name": "Chantal Roy",
        "contact_email": "chantal@example.org",
        "contact_phone": "250-555-0142",
    }
