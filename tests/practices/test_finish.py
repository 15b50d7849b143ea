"""Issue 16's finish of the catalogue and the practice page: filters folded under "Filters (n)"
with removable chips, "Cite or share", the print header, a public notice while a "contact is
gone" report is open, a warning when last confirmed more than two years ago, status tags."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from adaptations.models import OutOfDateReport, Reason, ReportStatus, file_report
from practices.models import PromisingPractice
from tests.conftest import make_user
from tests.practices.conftest import make_practice
from workinggroup import roles

pytestmark = pytest.mark.django_db


def swim():
    return PromisingPractice.objects.get(slug_en="women-only-swim-night")


def page_of(client, practice, language="en"):
    with translation.override(language):
        return client.get(practice.get_absolute_url()).content.decode()


def test_filters_fold_under_a_count_and_active_ones_are_removable_chips(client, seeded):
    html = client.get("/en/practices/?region=atlantic&stage=pilot&q=night").content.decode()
    # No result: the filters are open, to change them.
    opened = r'<details class="filter-panel" open>\s*<summary>Filters \(2\)</summary>'
    assert re.search(opened, html)
    chips = html[html.index('class="filter-chips') :]
    chips = chips[: chips.index("</div>")]
    removes_region = re.search(r'<a class="chip" href="([^"]+)">[^<]*Atlantic', chips)[1]
    assert "region=" not in removes_region
    assert "stage=pilot" in removes_region and "q=night" in removes_region
    assert "Remove all filters" in chips
    # The results come before the filters' contents in reading order on a phone: only the
    # search box and the "Filters (2)" summary are above them.
    assert html.index('id="results-heading"') > html.index("<summary>")
    results = client.get("/en/practices/?lang=en").content.decode()
    assert re.search(r'<details class="filter-panel">\s*<summary>Filters \(1\)</summary>', results)
    french = client.get("/fr/pratiques/?region=atlantic").content.decode()
    assert "Filtres (1)" in french and "\u00a0: Atlantique" in french


def test_without_filters_there_are_no_chips(client, seeded):
    html = client.get("/en/practices/").content.decode()
    assert "Filters (0)" in html and 'class="filter-chips' not in html


def test_cite_or_share_gives_a_stable_short_link_and_a_dated_citation(client, seeded, settings):
    practice = swim()
    html = page_of(client, practice, "fr")
    short = f"{settings.SITE_URL}/fr/p/{practice.pk}/"
    assert "Citer ou partager" in html and f'value="{short}"' in html
    today = timezone.localdate()
    assert f"Consulté le {today.day}" in html and "Soirée de natation réservée aux femmes" in html
    english = page_of(client, practice, "en")
    assert "Retrieved" in english and "Women-only swim night" in english
    response = client.get(f"/fr/p/{practice.pk}/")
    assert response.status_code == 302
    with translation.override("fr"):
        assert response["Location"] == practice.get_absolute_url()
    assert client.get("/fr/p/999999/").status_code == 404


def test_print_shows_the_portal_address_and_date(client, seeded):
    html = page_of(client, swim())
    header = re.search(r'<p class="print-only wrap">([^<]+)</p>', html)[1]
    assert "Small Centres Portal" in header and "http://testserver/en/practices/" in header


def test_an_open_contact_gone_report_shows_publicly_until_an_editor_closes_it(client, seeded):
    practice = swim()
    reader = make_user("reader@example.org", roles.SECTOR_USER)
    assert "contact-gone" not in page_of(client, practice)
    report, _new = file_report(practice, reader, Reason.CONTACT_GONE, "No answer.", "en")
    html = page_of(client, practice)
    assert "Contact may be out of date:" in html
    assert "Coordonnées peut-être périmées\u00a0:" in page_of(client, practice, "fr")
    report.close(ReportStatus.FIXED, make_user("ed@example.org", roles.EDITOR))
    assert "Contact may be out of date" not in page_of(client, practice)
    assert OutOfDateReport.objects.open().count() == 0


def test_a_practice_confirmed_more_than_two_years_ago_is_shown_with_a_warning(client, seeded):
    practice = swim()
    practice.confirmed_at = timezone.now() - datetime.timedelta(days=2 * 365 + 5)
    practice.save()
    assert "for more than two years" in page_of(client, practice)
    practice.confirmed_at = timezone.now() - datetime.timedelta(days=400)
    practice.save()
    assert "for more than two years" not in page_of(client, practice)


def test_the_stage_is_a_status_tag_unlike_theme_badges(client, reference):
    make_practice("Stopped idea", "Idée arrêtée", stage="discontinued")
    html = client.get("/en/practices/").content.decode()
    assert '<span class="status-tag status-discontinued">' in html
    assert '<span class="badge">Discontinued</span>' not in html
