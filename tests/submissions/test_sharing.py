"""An author shares a practice: drafts, preview, sending, my submissions, and every bad input."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import Status
from submissions.models import Submission
from tests.conftest import assert_too_many

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"submissions:{name}", kwargs=kwargs or None)


def post(client, data, action, target=None, language="fr"):
    return client.post(target or url("new", language), {**data, "action": action}, follow=True)


def test_the_form_has_four_sections_in_both_languages(client_for, author):
    client = client_for(author)
    french = client.get(url("new", "fr")).content.decode()
    english = client.get(url("new", "en")).content.decode()
    sections = (
        "1. La pratique",
        "2. Où et pour qui",
        "3. Résultats et ce qui n’a pas fonctionné",
        "4. Une personne à joindre",
    )
    for title in sections:
        assert title in french
    for title in ("1. The practice", "2. Where and for whom", "4. Someone to call"):
        assert title in english
    assert 'name="title_fr"' in french and 'name="title_en"' in french


def test_a_half_written_draft_is_saved_and_comes_back(client_for, author):
    client = client_for(author)
    response = post(client, {"title_fr": "Une idée à finir", "token": ""}, "save")

    submission = Submission.objects.get()
    assert submission.state == Status.DRAFT
    assert submission.content["title_fr"] == "Une idée à finir"
    assert "Brouillon enregistré" in response.content.decode()
    page = client.get(url("edit", pk=submission.pk)).content.decode()
    assert 'value="Une idée à finir"' in page
    mine = client.get(url("mine")).content.decode()
    assert "Une idée à finir" in mine and "Brouillon" in mine


def test_preview_shows_the_practice_as_it_will_read(client_for, author, form_data):
    client = client_for(author)
    response = post(client, form_data, "preview")
    page = response.content.decode()
    assert "Aperçu" in page
    assert "<strong>cercle</strong>" in page  # Markdown rendered
    assert Submission.objects.get().state == Status.DRAFT


def test_sending_puts_it_in_the_review_queue(client_for, author, editor, form_data):
    client = client_for(author)
    response = post(client, form_data, "send")

    submission = Submission.objects.get()
    assert submission.state == Status.SUBMITTED
    assert "Soumise pour examen" in response.content.decode()
    client.force_login(editor)
    queue = client.get(url("review_queue", "en")).content.decode()
    assert "Cercle de conversation au marché" in queue


def test_a_double_submit_stores_one_submission(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "token": "4a1f6c1e-3d2b-4c5e-9f00-0123456789ab"}
    post(client, data, "send")
    response = post(client, data, "send")

    assert Submission.objects.count() == 1
    assert "déjà été soumise" in response.content.decode()


def test_missing_required_fields_are_named_and_nothing_typed_is_lost(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "summary_fr": "", "themes": [], "kind": ""}
    response = post(client, data, "send")
    page = response.content.decode()

    assert response.status_code == 200
    assert not Submission.objects.exists()
    assert "Ajoutez un résumé dans la langue du titre." in page
    assert "Choisissez au moins un thème." in page
    assert 'value="Cercle de conversation au marché"' in page  # kept
    assert "Chaque samedi, une bénévole" in page


def test_no_language_at_all_is_explained_in_english_too(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "title_fr": "", "summary_fr": ""}
    page = post(client, data, "send", language="en").content.decode()
    assert "Give a title and a summary in English, in French, or in both." in page
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title_fr", "x" * 201, "200 caractères"),
        ("contact_email", "chantal@", "Saisissez une adresse e-mail valide"),
        ("contact_phone", "call me maybe", "Entrez un numéro de téléphone"),
        ("description_fr", "<script>alert(1)</script>", "Retirez le HTML"),
        ("summary_fr", 'Voir <img src=x onerror="alert(1)">', "Retirez le HTML"),
        ("outcomes_fr", "<a href='javascript:alert(1)'>ici</a>", "Retirez le HTML"),
    ],
)
def test_bad_values_get_a_clear_message_and_change_nothing(
    client_for, author, form_data, field, value, message
):
    client = client_for(author)
    post(client, form_data, "save")
    draft = Submission.objects.get()
    saved = dict(draft.content)

    response = post(client, {**form_data, field: value}, "save", url("edit", pk=draft.pk))

    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.content == saved


def test_markdown_autolinks_are_not_taken_for_html(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "description_fr": "Voir <https://example.org/guide>."}
    post(client, data, "save")
    assert Submission.objects.get().content["description_fr"].startswith("Voir <https://")


def test_a_practice_on_behalf_of_another_organization_is_refused(
    client_for, author, acadien, form_data
):
    client = client_for(author)
    response = post(client, {**form_data, "lead_organization": acadien.pk}, "send")
    assert "au nom de votre propre organisme" in response.content.decode()
    assert not Submission.objects.exists()


def test_someone_without_an_organization_may_draft_but_not_send(client_for, reference, form_data):
    from tests.conftest import make_user

    loner = make_user("loner@example.org", "sector_user", language="fr")
    client = client_for(loner)
    page = client.get(url("new")).content.decode()
    assert "demandez d’abord à rejoindre votre organisme" in page
    data = {**form_data}
    data.pop("lead_organization")
    post(client, data, "save")
    assert Submission.objects.get().state == Status.DRAFT
    response = post(client, data, "send", url("edit", pk=Submission.objects.get().pk))
    assert "Rejoignez votre organisme" in response.content.decode()
    assert Submission.objects.get().state == Status.DRAFT


def test_private_details_in_the_text_need_a_confirmation(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "outcomes_fr": "La cliente (marie.t@gmail.com, 867-555-0199) a trouvé."}
    response = post(client, data, "send")
    assert (
        "semble contenir une adresse courriel, un numéro de téléphone" in response.content.decode()
    )
    assert not Submission.objects.exists()

    response = post(client, {**data, "confirm_no_private_details": "on"}, "send")
    assert Submission.objects.get().state == Status.SUBMITTED


def test_private_details_in_a_draft_are_saved_with_a_warning(client_for, author, form_data):
    client = client_for(author)
    data = {**form_data, "lessons_fr": "Appeler Paul au 867 555 0199."}
    response = post(client, data, "save")
    assert "semblent contenir" in response.content.decode()
    assert Submission.objects.get().content["lessons_fr"] == data["lessons_fr"]


def test_the_contact_section_may_hold_a_phone_and_an_email(client_for, author, form_data):
    client = client_for(author)
    post(client, form_data, "send")
    assert Submission.objects.get().state == Status.SUBMITTED


def test_another_persons_draft_is_not_found(client_for, author, stranger, form_data):
    post(client_for(author), form_data, "save")
    draft = Submission.objects.get()
    client = client_for(stranger)
    assert client.get(url("edit", pk=draft.pk)).status_code == 404
    assert client.get(url("detail", pk=draft.pk)).status_code == 404
    response = client.post(
        url("edit", pk=draft.pk), {**form_data, "title_fr": "Volé", "action": "save"}
    )
    assert response.status_code == 404
    assert client.post(url("send", pk=draft.pk)).status_code == 404
    draft.refresh_from_db()
    assert draft.content["title_fr"] == form_data["title_fr"] and draft.state == Status.DRAFT


def test_signing_in_is_required(client, reference):
    response = client.get(url("new", "en"))
    assert response.status_code == 302 and "/en/accounts/" in response["Location"]


def test_a_sent_version_cannot_be_edited_until_the_editor_decides(client_for, author, form_data):
    client = client_for(author)
    post(client, form_data, "send")
    submission = Submission.objects.get()
    response = post(
        client, {**form_data, "title_fr": "Changé"}, "save", url("edit", pk=submission.pk)
    )
    assert "elle ne peut pas être modifiée" in response.content.decode()
    submission.refresh_from_db()
    assert submission.content["title_fr"] == form_data["title_fr"]


def test_too_many_submissions_are_slowed_down_with_the_text_kept(
    client_for, author, form_data, settings
):
    client = client_for(author)
    for number in range(10):
        post(client, {**form_data, "token": "", "title_fr": f"Pratique {number}"}, "save")
    response = client.post(url("new"), {**form_data, "title_fr": "Une de trop", "action": "save"})
    assert_too_many(response, "fr", 'value="Une de trop"')
    assert Submission.objects.count() == 10


def test_my_submissions_lists_states_and_the_editors_message(client_for, author, editor, form_data):
    from submissions import lifecycle

    client = client_for(author)
    post(client, form_data, "send")
    lifecycle.move(Submission.objects.get(), Status.CHANGES_REQUESTED, editor, "Ajoutez les dates.")
    page = client.get(url("mine")).content.decode()
    assert "Modifications demandées" in page
    assert "Ajoutez les dates." in page


def test_my_submissions_does_not_grow_queries_with_the_list(
    client_for, author, form_data, django_assert_max_num_queries
):
    client = client_for(author)
    for number in range(3):
        post(client, {**form_data, "title_fr": f"Pratique {number}"}, "save")
    # Session, user, roles, the count and the page: the same few queries for 3 or 10 rows.
    with django_assert_max_num_queries(6):
        client.get(url("mine"))
    for number in range(3, 10):
        post(client, {**form_data, "title_fr": f"Pratique {number}"}, "save")
    with django_assert_max_num_queries(6):
        assert client.get(url("mine")).content.decode().count("<h2>") == 10


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Son NAS est 046 454 286.", "un long numéro"),
        ("Elle habite au X0E 0T0, près du lac.", "un code postal"),
        ("Dossier 20231187654 ouvert en mars.", "un long numéro"),
    ],
)
def test_other_personal_details_are_flagged_too(client_for, author, form_data, text, kind):
    response = post(client_for(author), {**form_data, "lessons_fr": text}, "send")
    assert f"semble contenir {kind}" in response.content.decode()
    assert not Submission.objects.exists()


def test_figures_and_years_are_not_taken_for_personal_details(client_for, author, form_data):
    data = {**form_data, "outcomes_fr": "En 2024, 1 250 visites et 35 000 $ de budget."}
    post(client_for(author), data, "send")
    assert Submission.objects.get().state == Status.SUBMITTED


def test_send_from_the_preview_leads_to_the_edit_page_and_keeps_typing(
    client_for, author, form_data
):
    """Defect 1 of issue 16: an incomplete draft sent from its preview never loses typing."""
    client = client_for(author)
    data = {**form_data, "description_fr": "Appelez au 780-555-0199 pour vous inscrire."}
    post(client, data, "save")
    draft = Submission.objects.get()

    response = client.post(url("send", pk=draft.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("edit", pk=draft.pk) + "?check=send"
    page = response.content.decode()
    assert "Avant de l’envoyer" in page
    assert "780-555-0199" in page  # the saved text, with the personal-details error
    assert "semble contenir" in page
    assert f'action="{url("edit", pk=draft.pk)}"' in page  # what is typed goes to the edit page

    fixed = {**data, "description_fr": "Inscription à l’accueil.", "lessons_fr": "Tapé ici."}
    response = post(client, fixed, "save", url("edit", pk=draft.pk))
    draft.refresh_from_db()
    assert draft.content["description_fr"] == "Inscription à l’accueil."
    assert draft.content["lessons_fr"] == "Tapé ici."

    # A form still posting to the send address (an old tab) keeps what was typed too.
    post(client, {**fixed, "lessons_fr": "Encore tapé."}, "save", url("send", pk=draft.pk))
    draft.refresh_from_db()
    assert draft.content["lessons_fr"] == "Encore tapé." and draft.state == Status.DRAFT

    response = post(client, fixed, "send", url("send", pk=draft.pk))
    draft.refresh_from_db()
    assert draft.state == Status.SUBMITTED
