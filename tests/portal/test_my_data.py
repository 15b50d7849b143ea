"""Your data: download everything the portal keeps about you, and delete your account."""

import json

import pytest

from discussions.models import Category, Post, Thread
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import AuditEntry, User

pytestmark = pytest.mark.django_db

PAGE = {"en": "/en/my-data/", "fr": "/fr/mes-donnees/"}
DOWNLOAD = {"en": "/en/my-data/download/", "fr": "/fr/mes-donnees/telecharger/"}


@pytest.fixture
def category(db):
    return Category.objects.create(
        name_en="Rural housing", name_fr="Logement rural", slug_en="housing", slug_fr="logement"
    )


@pytest.fixture
def marie_wrote(marie, sam, category):
    """Marie started a thread; Sam replied to it."""
    thread, _post = Thread.start(category, marie, "Winter tires", "Who lends winter tires?")
    thread.add_reply(sam, "Our church lends them.")
    return thread


@pytest.mark.parametrize("url", [*PAGE.values(), *DOWNLOAD.values()])
def test_signed_out_people_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(("/en/accounts/login/?next=", "/fr/comptes/connexion/"))


def test_the_download_holds_what_is_yours_and_nothing_of_others(client_for, marie_wrote, marie):
    response = client_for(marie).get(DOWNLOAD["fr"])
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"][0]["email"] == "marie@example.org"
    assert data["account"][0]["roles"] == [roles.MEMBER]
    assert [t["title"] for t in data["threads_started"]] == ["Winter tires"]
    assert [p["body"] for p in data["posts"]] == ["Who lends winter tires?"]
    assert [f["thread__title"] for f in data["threads_followed"]] == ["Winter tires"]
    text = response.content.decode()
    assert "sam@example.org" not in text and "Our church lends them." not in text
    for section in (
        "submissions",
        "adaptations",
        "digest_preferences",
        "member_profile",
        "notifications",
    ):
        assert section in data


def test_the_download_runs_the_same_queries_for_1_or_30_posts(
    client_for, marie_wrote, marie, django_assert_max_num_queries
):
    client = client_for(marie)
    with django_assert_max_num_queries(30) as few:
        client.get(DOWNLOAD["en"])
    for n in range(29):
        marie_wrote.add_reply(marie, f"Reply {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = json.loads(client.get(DOWNLOAD["en"]).content)
    assert len(data["posts"]) == 30


def test_the_page_in_french(client_for, marie):
    html = client_for(marie).get(PAGE["fr"]).content.decode()
    assert '<html lang="fr">' in html
    assert "Télécharger vos données" in html and "Supprimer votre compte" in html
    assert 'href="/fr/mes-donnees/telecharger/"' in html


def test_the_profile_links_to_the_page(client_for, marie):
    assert 'href="/fr/mes-donnees/"' in client_for(marie).get("/fr/profil/").content.decode()


def test_a_wrong_address_deletes_nothing_and_says_so_in_french(client_for, marie):
    response = client_for(marie).post(PAGE["fr"], {"confirm_email": "someone@example.org"})
    assert response.status_code == 200
    assert "Ce n’est pas l’adresse courriel de votre compte" in response.content.decode()
    assert User.objects.filter(pk=marie.pk).exists()


def test_an_empty_confirmation_deletes_nothing(client_for, marie):
    response = client_for(marie).post(PAGE["en"], {"confirm_email": ""})
    assert "Type your email address to confirm." in response.content.decode()
    assert User.objects.filter(pk=marie.pk).exists()


def test_deleting_removes_the_account_and_keeps_posts_as_from_a_former_member(
    client_for, marie_wrote, marie
):
    client = client_for(marie)
    response = client.post(PAGE["en"], {"confirm_email": "MARIE@example.org"})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert not User.objects.filter(email="marie@example.org").exists()
    home = client.get("/en/").content.decode()
    assert "Your account and your personal data were deleted." in home
    assert "Sign in" in home  # signed out
    opening = Post.objects.get(body="Who lends winter tires?")
    assert opening.author is None  # the thread keeps its opening post
    assert marie_wrote.posts.count() == 2


def test_the_audit_trail_keeps_what_a_deleted_account_did_but_not_its_name(client_for, marie, alex):
    AuditEntry.record(marie, None, "organization request", None, "asked")
    client_for(marie).post(PAGE["fr"], {"confirm_email": "marie@example.org"})
    entry = AuditEntry.objects.get()
    assert str(marie) not in entry.actor_name and entry.actor is None
    trail = client_for(alex).get("/fr/groupe-de-travail/audit/").content.decode()
    assert "un ancien membre" in trail and str(marie) not in trail


def test_the_only_administrator_cannot_delete_their_account(client_for, alex):
    client = client_for(alex)
    html = client.get(PAGE["en"]).content.decode()
    assert "only administrator" in html and 'name="confirm_email"' not in html
    response = client.post(PAGE["en"], {"confirm_email": "alex@example.org"})
    assert "only administrator" in response.content.decode()
    assert User.objects.filter(pk=alex.pk).exists()


def test_an_administrator_may_delete_their_account_when_another_remains(client_for, alex):
    make_user("second-admin@example.org", roles.ADMINISTRATOR)
    client_for(alex).post(PAGE["en"], {"confirm_email": "alex@example.org"})
    assert not User.objects.filter(pk=alex.pk).exists()


def test_deleting_keeps_the_tracker_updates_they_posted_without_their_name(client_for, ian):
    """Status updates are append-only: deleting their author only clears the author."""
    from recommendations.models import Recommendation, StatusUpdate
    from tests.recommendations.conftest import post

    item = Recommendation.objects.order_by("code").first()
    update = post(item, author=ian)
    client_for(ian).post(PAGE["en"], {"confirm_email": "ian@example.org"})
    assert not User.objects.filter(pk=ian.pk).exists()
    update = StatusUpdate.objects.get(pk=update.pk)
    assert update.author is None and update.note_en == "Progress note."
