"""The digest email members receive: content, language, links and headers (tasks run eagerly)."""

import email
import re
from email.header import decode_header, make_header

import pytest
from django.test import override_settings

from digests.content import MAX_ITEMS
from digests.models import DeliveryStatus, DigestDelivery
from tests.digests.conftest import YESTERDAY_NOON, make_practice

pytestmark = pytest.mark.usefixtures("morning")


def html_of(message):
    return next(body for body, mimetype in message.alternatives if mimetype == "text/html")


def assert_email_contains(message, text):
    """In the text body and in the HTML body alike."""
    assert text in message.body, text
    assert text in html_of(message), text


def test_english_member_gets_english_digest_of_yesterdays_practice(
    reader_en, organization, run_digests, mailoutbox
):
    practice = make_practice(organization)

    run_digests()

    [message] = mailoutbox
    assert message.to == ["erin@example.org"]
    assert message.subject == "Your daily digest of the Small Centres Portal, January 7, 2026"
    assert_email_contains(message, "Winter driving lessons")
    assert_email_contains(message, "Bulkley Valley Settlement Services")
    assert_email_contains(message, "Smithers, BC")
    assert_email_contains(message, "British Columbia")
    assert_email_contains(message, "January 6, 2026")
    assert f"/en/practices/{practice.pk}/winter-driving-lessons/" in message.body


def test_french_member_gets_french_digest_with_french_links(
    reader_fr, organization, run_digests, mailoutbox
):
    practice = make_practice(organization)

    run_digests()

    [message] = mailoutbox
    assert message.subject == "Votre résumé quotidien du Portail des petits centres, 7 janvier 2026"
    assert_email_contains(message, "Cours de conduite hivernale")
    assert_email_contains(message, "Services d’établissement de la vallée Bulkley")
    assert_email_contains(message, "Smithers (C.-B.)")
    assert_email_contains(message, "Colombie-Britannique")
    assert_email_contains(message, "6 janvier 2026")
    assert f"/fr/pratiques/{practice.pk}/cours-de-conduite-hivernale/" in message.body
    assert '<html lang="fr">' in html_of(message)
    raw = email.message_from_bytes(message.message().as_bytes())
    assert str(make_header(decode_header(raw["Subject"]))) == message.subject


def test_practice_missing_the_members_language_is_shown_in_the_other_with_a_note(
    reader_en, reader_fr, organization, run_digests, mailoutbox
):
    make_practice(organization, title_en="", title_fr="Soirée de natation réservée aux femmes")
    make_practice(organization, title_en="Rural job fair", title_fr="")

    run_digests()

    by_recipient = {m.to[0]: m for m in mailoutbox}
    english, french = by_recipient["erin@example.org"], by_recipient["fatou@example.org"]
    assert_email_contains(english, "Soirée de natation réservée aux femmes")
    assert_email_contains(english, "in French only for now")
    assert '<span lang="fr">Soirée de natation réservée aux femmes</span>' in html_of(english)
    assert "in English only for now" not in english.body
    assert_email_contains(french, "Rural job fair")
    assert_email_contains(french, "en anglais seulement pour l’instant")
    assert '<span lang="en">Rural job fair</span>' in html_of(french)


def test_digest_has_unsubscribe_link_and_rfc_8058_headers(
    reader_en, organization, run_digests, mailoutbox
):
    make_practice(organization)

    with override_settings(SITE_URL="https://portal.example.ca"):
        run_digests()

    [message] = mailoutbox
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://portal.example.ca/en/digest/unsubscribe/")
    assert header.endswith("/one-click/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page = header[1:-1].removesuffix("one-click/")
    assert_email_contains(message, page)
    assert_email_contains(message, "https://portal.example.ca/en/digest/settings/")
    delivery = DigestDelivery.objects.get()
    assert message.extra_headers["Message-ID"] == delivery.message_id


def test_nothing_new_means_no_email(reader_en, organization, run_digests, mailoutbox):
    make_practice(organization, published_at=YESTERDAY_NOON.replace(day=2))  # before the window
    make_practice(organization, status="draft")

    run_digests()

    assert mailoutbox == []
    assert DigestDelivery.objects.get().status == DeliveryStatus.EMPTY


def test_long_digest_shows_the_first_items_and_links_to_see_all(
    reader_en, organization, run_digests, mailoutbox
):
    for n in range(MAX_ITEMS + 5):
        make_practice(organization, title_en=f"Practice number {n:02d}", title_fr=f"Pratique {n}")

    run_digests()

    [message] = mailoutbox
    assert message.body.count("Practice number") == MAX_ITEMS
    assert "15 new practices" in message.body
    assert_email_contains(message, "And 5 more practices")
    assert_email_contains(message, "/en/practices/?sort=newest")
    assert DigestDelivery.objects.get().item_count == MAX_ITEMS + 5


def test_digest_follows_the_members_regions_and_themes(organization, run_digests, mailoutbox):
    from tests.digests.conftest import make_member

    make_member("bc@example.org", regions=["bc_yukon"])
    make_member("housing@example.org", themes=["housing"])
    make_practice(organization, title_en="Smithers employment", community="Smithers")
    make_practice(
        organization,
        title_en="Moncton housing",
        community="Moncton",
        themes=("housing",),
    )

    run_digests()

    by_recipient = {m.to[0]: m.body for m in mailoutbox}
    assert "Smithers employment" in by_recipient["bc@example.org"]
    assert "Moncton housing" not in by_recipient["bc@example.org"]
    assert "Moncton housing" in by_recipient["housing@example.org"]
    assert "Smithers employment" not in by_recipient["housing@example.org"]


def test_a_thread_in_the_other_language_says_which(reader_en, reader_fr, run_digests, mailoutbox):
    import time_machine

    from discussions.models import Category, Thread
    from tests.conftest import make_user
    from workinggroup import roles

    category = Category.objects.create(
        name_en="Housing", name_fr="Logement", slug_en="housing", slug_fr="logement"
    )
    ana = make_user("ana@example.org", roles.MEMBER)
    with time_machine.travel(YESTERDAY_NOON, tick=False):
        Thread.start(category, ana, "Snow tires", "Who lends them?", language="en")

    run_digests()

    by_recipient = {m.to[0]: m for m in mailoutbox}
    french = by_recipient["fatou@example.org"]
    assert "Snow tires [en anglais]" in french.body
    assert "Snow tires</a> <em>(en anglais)</em>" in html_of(french)
    assert "Snow tires\n" in by_recipient["erin@example.org"].body  # English: nothing to say


def test_a_batch_renders_each_shared_section_once_and_each_members_own_links(
    organization, run_digests, mailoutbox
):
    from unittest import mock

    from digests import emails
    from tests.digests.conftest import make_member

    make_member("ann@example.org")
    make_member("bob@example.org")
    make_member("chloe@example.org", language="fr")
    make_member("bc@example.org", regions=["bc_yukon"])
    make_practice(organization, title_en="Smithers employment", community="Smithers")
    make_practice(organization, title_en="Moncton housing", community="Moncton")

    with mock.patch.object(emails, "_section", wraps=emails._section) as render_section:
        run_digests()

    # Same practices and language: one section for Ann and Bob; Chloé's is French, and the
    # member who follows British Columbia only has hers without Moncton.
    assert render_section.call_count == 3
    by_recipient = {m.to[0]: m for m in mailoutbox}
    ann, bob = by_recipient["ann@example.org"], by_recipient["bob@example.org"]
    assert "Moncton housing" in ann.body and "Moncton housing" in bob.body
    assert "Moncton housing" not in by_recipient["bc@example.org"].body
    assert "Smithers employment" in by_recipient["bc@example.org"].body
    assert "2 nouvelles pratiques" in by_recipient["chloe@example.org"].body
    # Each email's own links stay its member's own.
    web_copy = re.compile(r"/(?:digest/past|resume/precedents)/(\d+)/")
    links = {
        m.to[0]: (m.extra_headers["List-Unsubscribe"], web_copy.search(m.body).group(1))
        for m in mailoutbox
    }
    assert len({unsubscribe for unsubscribe, _web in links.values()}) == 4
    assert len({web for _unsubscribe, web in links.values()}) == 4
