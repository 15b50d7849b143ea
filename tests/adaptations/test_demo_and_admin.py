"""Demo data and the admin: counts stay right whichever way adaptations come and go."""

from adaptations import demo
from adaptations.models import Adaptation, OutOfDateReport
from practices.models import PromisingPractice
from tests.adaptations.conftest import adapt, count_of


def test_demo_adaptations_load_twice_without_doubling(seeded):
    demo.load()
    demo.load()
    assert Adaptation.objects.count() == len(demo.ADAPTATIONS)
    assert Adaptation.objects.values("organization").distinct().count() == 5
    assert {a.language for a in Adaptation.objects.all()} == {"en", "fr"}
    swim = PromisingPractice.objects.get(slug_en="women-only-swim-night")
    assert count_of(swim) == 2
    assert OutOfDateReport.objects.open().count() == 1


def test_the_demo_shows_on_the_practice_page(client, seeded):
    demo.load()
    swim = PromisingPractice.objects.get(slug_en="women-only-swim-night")
    html = client.get(swim.get_absolute_url()).content.decode()
    assert "Adaptations (2)" in html
    assert "Two Rivers Newcomer Society" in html


def test_admin_lists_adaptations_and_deleting_there_uncounts(client_for, alex, nadia, swim):
    adaptation = adapt(swim, nadia)
    client = client_for(alex)
    assert client.get("/en/admin/adaptations/adaptation/").status_code == 200
    assert client.get("/en/admin/adaptations/outofdatereport/").status_code == 200
    client.post(f"/en/admin/adaptations/adaptation/{adaptation.pk}/delete/", {"post": "yes"})
    assert not Adaptation.objects.exists()
    assert count_of(swim) == 0


def test_admin_bulk_delete_uncounts_each(client_for, alex, nadia, swim):
    first, second = adapt(swim, nadia, changes="One."), adapt(swim, nadia, changes="Two.")
    client_for(alex).post(
        "/en/admin/adaptations/adaptation/",
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )
    assert count_of(swim) == 0


def test_no_migration_is_missing(db):
    from django.core.management import call_command

    call_command("makemigrations", "adaptations", "--check", "--dry-run", verbosity=0)


def test_adding_in_the_admin_counts_it(client_for, alex, nadia, swim):
    response = client_for(alex).post(
        "/en/admin/adaptations/adaptation/add/",
        {
            "practice": swim.pk,
            "organization": nadia.organization_id,
            "author": nadia.pk,
            "changes": "Added by an administrator.",
            "outcome": "Fine.",
            "would_recommend": "yes",
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert Adaptation.objects.get().changes == "Added by an administrator."
    assert count_of(swim) == 1
