"""The translation queue: practices in one language, coverage, and translations under review."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import Status
from submissions.models import Kind, Submission
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"submissions:{name}", kwargs=kwargs or None)


@pytest.fixture
def practices(reference):
    return {
        "both": make_practice("Both languages", "Deux langues"),
        "french": make_practice(None, "Seulement en français"),
        "english": make_practice("Only in English", None),
    }


def test_the_queue_lists_one_language_practices_and_the_coverage(client_for, marie, practices):
    page = client_for(marie).get(url("translation_queue")).content.decode()
    assert "Seulement en français" in page and "Only in English" in page
    assert "Both languages" not in page
    assert "33% of published practices are available in both languages (1 of 3)" in page


def test_the_queue_filters_by_missing_language(client_for, marie, practices):
    page = client_for(marie).get(url("translation_queue") + "?missing=en").content.decode()
    assert "Seulement en français" in page and "Only in English" not in page


def test_sector_users_do_not_translate(client_for, sam, practices):
    client = client_for(sam)
    assert client.get(url("translation_queue")).status_code == 403
    assert client.get(url("translate", pk=practices["french"].pk)).status_code == 403


def test_a_translation_goes_live_after_review(client_for, marie, editor, practices):
    practice = practices["french"]
    client = client_for(marie)
    form = client.get(url("translate", pk=practice.pk)).content.decode()
    assert "Seulement en français" in form  # the original beside the box
    client.post(
        url("translate", pk=practice.pk),
        {"title_en": "Only in French", "summary_en": "An English summary."},
    )
    submission = Submission.objects.get()
    assert (submission.kind, submission.state) == (Kind.TRANSLATION, Status.SUBMITTED)
    practice.refresh_from_db()
    assert not practice.has_en  # not online before review
    queue = client.get(url("translation_queue")).content.decode()
    assert "A version is waiting for review." in queue

    client_for(editor).post(url("review", pk=submission.pk), {"decision": "published"})

    practice.refresh_from_db()
    assert practice.has_en and practice.title_en == "Only in French"
    assert practice.title_fr == "Seulement en français"
    page = client_for(marie).get(url("translation_queue")).content.decode()
    assert "Seulement en français" not in page


def test_a_translation_needs_the_title_and_summary(client_for, marie, practices):
    practice = practices["french"]
    response = client_for(marie).post(url("translate", pk=practice.pk), {"title_en": "Half"})
    assert "This field is required." in response.content.decode()
    assert 'value="Half"' in response.content.decode()
    assert not Submission.objects.exists()


def test_the_queue_does_not_grow_queries(
    client_for, marie, reference, django_assert_max_num_queries
):
    for number in range(3):
        make_practice(None, f"Pratique {number}")
    client = client_for(marie)
    with django_assert_max_num_queries(10) as captured:
        client.get(url("translation_queue"))
    for number in range(3, 12):
        make_practice(None, f"Pratique {number}")
    with django_assert_max_num_queries(len(captured)):
        page = client.get(url("translation_queue")).content.decode()
    assert "Pratique 11" in page


def test_a_practice_with_a_body_in_one_language_only_is_partly_translated(
    client_for, marie, practices
):
    """Issue 16, defect 4: an English title and summary over a French-only body is not English."""
    partial = make_practice(
        "Rides to the clinic",
        "Transport vers la clinique",
        description_fr="Des bénévoles conduisent les familles.",
        outcomes_en="Forty rides a month.",
        outcomes_fr="Quarante trajets par mois.",
    )
    assert (partial.has_en, partial.has_fr) == (False, True)
    assert partial.missing_texts("en") == ["description"]
    page = client_for(marie).get(url("translation_queue")).content.decode()
    assert "Rides to the clinic" in page
    assert "Missing in English: How it works" in page
    french = client_for(marie).get(url("translation_queue", "fr")).content.decode()
    assert "Manquant en anglais\u00a0: Fonctionnement" in french
    # 1 of 4 practices is complete in both languages now.
    assert "(1 of 4)" in page

    # The translator adds the missing text; the texts already there in English are kept.
    form = client_for(marie).get(url("translate", pk=partial.pk)).content.decode()
    assert "Des bénévoles conduisent les familles." in form
    assert 'value="Rides to the clinic"' in form
    client_for(marie).post(
        url("translate", pk=partial.pk),
        {
            "title_en": "Rides to the clinic",
            "summary_en": partial.summary_en,
            "description_en": "Volunteers drive families.",
        },
    )
    content = Submission.objects.get().content
    assert content["description_en"] == "Volunteers drive families."
    assert content["outcomes_en"] == "Forty rides a month."


def test_the_catalogue_counts_a_partly_translated_practice_in_its_complete_language_only(
    client, practices
):
    make_practice("Rides to the clinic", None, description_fr="Des bénévoles conduisent.")
    with translation.override("en"):
        english = client.get(reverse("practice_list") + "?lang=en").content.decode()
    assert "Rides to the clinic" not in english
    assert "Only in English" in english
