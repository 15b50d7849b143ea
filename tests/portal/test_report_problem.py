"""Report a problem on this page: the footer link, the form in both languages, bad input."""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from portal.models import ProblemReport
from tests.conftest import assert_too_many

pytestmark = pytest.mark.django_db

FORM = {"en": "/en/report-a-problem/", "fr": "/fr/signaler-un-probleme/"}


def footer_link(html):
    links = re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', html)
    return next(unescape(href) for href, text in links if "problem" in text or "problème" in text)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_links_to_the_form_with_its_own_address(client, language):
    page = {"en": "/en/about/?x=1", "fr": "/fr/a-propos/?x=1"}[language]
    html = client.get(page).content.decode()
    link = urlparse(footer_link(html))
    assert link.path == FORM[language]
    assert parse_qs(link.query) == {"page": [page]}


def test_the_form_names_the_page_and_asks_for_no_personal_information_in_french(client):
    html = client.get(FORM["fr"], {"page": "/fr/pratiques/"}).content.decode()
    assert '<html lang="fr">' in html
    assert "Signaler un problème sur cette page" in html
    assert 'href="/fr/pratiques/"' in html
    assert "aucun renseignement personnel" in html
    assert 'name="page" value="/fr/pratiques/"' in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_report_is_saved_and_the_person_goes_back_to_the_page(client, language):
    page = {"en": "/en/practices/", "fr": "/fr/pratiques/"}[language]
    response = client.post(
        FORM[language], {"kind": "wrong", "details": "The date is wrong.", "page": page}
    )
    assert response.status_code == 302 and response["Location"] == page
    report = ProblemReport.objects.get()
    assert (report.page, report.kind, report.language) == (page, "wrong", language)
    assert report.details == "The date is wrong." and not report.resolved
    thanks = {"en": "Thank you: your report was sent", "fr": "Merci\u00a0: votre signalement"}
    assert thanks[language] in client.get(page).content.decode()


def test_a_report_without_what_went_wrong_is_refused_in_french_and_the_text_kept(client):
    response = client.post(FORM["fr"], {"details": "Le lien est brisé.", "page": "/fr/"})
    html = response.content.decode()
    assert response.status_code == 200 and not ProblemReport.objects.exists()
    assert "Choisissez ce qui ne va pas." in html
    assert 'id="error-summary"' in html
    assert "Le lien est brisé." in html


@pytest.mark.parametrize(
    "details, kind",
    [
        ("Write to me at ana.lopez@example.org", "an email address"),
        ("Call 867 555 0123 about my file", "a phone number"),
        ("My file is 123 456 789", "a long number"),
    ],
)
def test_personal_information_is_refused_with_what_was_found(client, details, kind):
    response = client.post(FORM["en"], {"kind": "other", "details": details, "page": "/en/"})
    html = unescape(response.content.decode())
    assert not ProblemReport.objects.exists()
    assert "Remove what looks like personal information" in html and kind in html
    assert details in html  # kept, to be edited


def test_personal_information_is_refused_in_french(client):
    response = client.post(
        FORM["fr"], {"kind": "other", "details": "Écrivez à ana@example.org", "page": "/fr/"}
    )
    html = unescape(response.content.decode())
    assert "Retirez ce qui ressemble à des renseignements personnels" in html
    assert "une adresse courriel" in html


def test_details_longer_than_1000_characters_are_refused(client):
    response = client.post(FORM["en"], {"kind": "other", "details": "x " * 600, "page": "/en/"})
    assert "1,000 characters or fewer" in unescape(response.content.decode())
    assert not ProblemReport.objects.exists()


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "/a\nb",
    ],
)
def test_a_page_of_another_site_is_never_linked_nor_redirected_to(client, page):
    html = client.get(FORM["en"], {"page": page}).content.decode()
    hidden = re.search(r'<input type="hidden" name="page"[^>]*>', html).group(0)
    assert "evil" not in hidden and "javascript" not in hidden  # nothing of it kept
    assert not re.search(r'href="(https?:)?//evil|href="/\\\\|href="javascript', html)
    response = client.post(FORM["en"], {"kind": "broken", "page": page})
    assert response["Location"] == "/en/"
    assert ProblemReport.objects.get().page == ""


def test_many_reports_from_one_address_are_slowed_down_with_a_message(client):
    for _ in range(5):
        client.post(FORM["en"], {"kind": "broken", "page": "/en/"})
    response = client.post(FORM["fr"], {"kind": "broken", "details": "Encore", "page": "/fr/"})
    assert_too_many(response, "fr", "Encore")
    assert ProblemReport.objects.count() == 5
