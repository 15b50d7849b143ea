"""The practice sheet: one printed page of a practice, in the page's language."""

import io
import re

import pypdf
import pytest
from django.utils import translation

from practices import sheet
from practices.models import Resource
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def practice(reference):
    return make_practice(
        title_en="Volunteer rides",
        title_fr="Transport bénévole",
        description_en="Families **book** a ride by phone & a volunteer drives them.",
        description_fr="Les familles réservent un trajet par téléphone.",
        outcomes_en="Forty rides a month.",
        lessons_en="Winter roads cancelled a third of the rides.",
        contact_name="Ada Martin",
        contact_role_en="Coordinator",
        contact_email="ada@example.org",
        contact_phone="506 555 0100",
    )


def test_the_sheet_has_the_practice_on_one_page(client, practice):
    pages, text = read(client.get(f"/en/practices/{practice.pk}/sheet.pdf"))
    assert pages == 1
    for words in (
        "Volunteer rides",
        practice.lead_organization.name,
        "Smithers, British Columbia",
        "How it works",
        "Families book a ride by phone & a volunteer drives them.",
        "Outcomes",
        "Forty rides a month.",
        "What did not work",
        "Winter roads cancelled",
        "Ada Martin, Coordinator",
        "ada@example.org",
        "506 555 0100",
        f"/en/practices/{practice.pk}/{practice.slug_en}/",
    ):
        assert words in text


def test_the_french_sheet_is_in_french_with_a_french_file_name(client, practice):
    response = client.get(f"/fr/pratiques/{practice.pk}/fiche.pdf")
    pages, text = read(response)
    assert f"fiche-pratique-{practice.pk}-transport-benevole.pdf" in response["Content-Disposition"]
    assert "Transport bénévole" in text
    assert "Fonctionnement" in text
    assert "Les familles réservent un trajet" in text
    # Not translated yet: shown in English rather than left out.
    assert "Forty rides a month." in text
    assert "Courriel\u00a0: ada@example.org" in text


def test_anonymous_lessons_leave_out_the_organization_and_the_contact(client, practice):
    practice.lessons_anonymous = True
    practice.save()
    _pages, text = read(client.get(f"/en/practices/{practice.pk}/sheet.pdf"))
    assert "Shared anonymously" in text
    assert practice.lead_organization.name not in text
    assert "Ada Martin" not in text and "ada@example.org" not in text


def test_a_20000_character_description_is_cut_with_the_pages_address(client, practice):
    practice.description_en = ("A long paragraph about the rides. " * 600)[:20_000]
    practice.save()
    pages, text = read(client.get(f"/en/practices/{practice.pk}/sheet.pdf"))
    assert pages == 1
    assert len(text) < 5_000
    assert "Shortened to fit one page: the whole text is on the practice's page." in text
    assert re.search(r"\b(A|long|paragraph|about|the|rides)…", text), "cut between words"
    assert "Ada Martin" in text, "the contact still fits after the cut text"


LONGEST_RESOURCE = (  # a title of 200 characters, an address of 500 (the columns' limits)
    ("Guide {n}: a resource with a long title " + "that goes on " * 20)[:200],
    "https://example.org/guides/{n}/" + "a-very-long-address/" * 25,
)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    "resource",
    [
        ("Guide {n}: a resource with a long title", "https://example.org/guides/{n}"),
        LONGEST_RESOURCE,
    ],
    ids=["short-resources", "longest-resources"],
)
def test_30_resources_and_every_text_at_its_longest_stay_on_one_page(practice, language, resource):
    for code in ("en", "fr"):
        setattr(practice, f"summary_{code}", "A summary sentence. " * 100)
        setattr(practice, f"description_{code}", "How the rides work. " * 1000)
        setattr(practice, f"outcomes_{code}", "An outcome. " * 500)
        setattr(practice, f"lessons_{code}", "A lesson learnt. " * 500)
    title, address = resource
    resources = [(title.format(n=n), address.format(n=n)[:500]) for n in range(1, 31)]
    with translation.override(language):
        reader = pypdf.PdfReader(io.BytesIO(sheet.one_page_pdf(practice, resources)))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "Guide 10: a resource" in text and "Guide 11: a resource" not in text
    assert "ada@example.org" in text
    more = {"en": "And 20 more resources on the practice's page.", "fr": "Et 20 autres ressources"}
    assert more[language] in text
    links = [link.get_object()["/A"]["/URI"] for link in reader.pages[0].get("/Annots", [])]
    assert resources[9][1] in links, "a shortened address still links to the whole one"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_200_character_title_and_every_text_at_its_longest_still_fit_one_page(practice, language):
    """The limits were measured with a short title: a title of four lines, a long address and
    ten long resources once spilled onto a second page. The texts are then cut shorter."""
    for code in ("en", "fr"):
        setattr(practice, f"title_{code}", ("A title that goes on and on " * 10)[:200])
        setattr(practice, f"summary_{code}", "A summary sentence. " * 100)
        setattr(practice, f"description_{code}", "How the rides work. " * 1000)
        setattr(practice, f"outcomes_{code}", "An outcome. " * 500)
        setattr(practice, f"lessons_{code}", "A lesson learnt. " * 500)
    title, address = LONGEST_RESOURCE
    resources = [(title.format(n=n), address.format(n=n)[:500]) for n in range(1, 31)]
    with translation.override(language):
        reader = pypdf.PdfReader(io.BytesIO(sheet.one_page_pdf(practice, resources)))
        address = practice.get_absolute_url()
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "How the rides work." in text and "ada@example.org" in text
    assert "Guide 10: a resource" in text
    assert address in text.replace(" ", ""), "the page's address, where the whole text is"


def test_an_unpublished_practice_has_no_sheet(client, reference):
    draft = make_practice(status="draft")
    assert client.get(f"/en/practices/{draft.pk}/sheet.pdf").status_code == 404


def test_the_practice_page_links_to_its_sheet(client, practice):
    page = client.get(practice.get_absolute_url()).content.decode()
    assert f'href="/en/practices/{practice.pk}/sheet.pdf"' in page


def test_the_sheet_lists_the_resources_everyone_sees_in_two_queries(
    client, practice, django_assert_num_queries
):
    for n in range(1, 31):
        Resource.objects.create(
            practice=practice,
            key=f"k{n}",
            title_en=f"Guide {n}",
            title_fr=f"Guide {n} (fr)",
            kind="guide",
            url=f"https://example.org/guides/{n}",
            position=n,
        )
    with django_assert_num_queries(2):  # the practice, its resources
        response = client.get(f"/fr/pratiques/{practice.pk}/fiche.pdf")
    pages, text = read(response)
    assert pages == 1
    assert "Guide 1 (fr) https://example.org/guides/1" in " ".join(text.split())
    assert "Guide 10 (fr)" in text and "Guide 11 (fr)" not in text
    assert "Et 20 autres ressources sur la page de la pratique." in " ".join(text.split())
