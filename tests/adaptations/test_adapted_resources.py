"""An adaptation can carry the adapting organization's version of one of the practice's
resources ("our version in Punjabi"): a file accepted like any upload, its languages named."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from adaptations.models import Adaptation, remove_adaptation
from practices.models import Resource
from tests.adaptations.conftest import form_data
from tests.uploads.samples import pdf, uploaded
from uploads.models import Scan, Upload

pytestmark = pytest.mark.django_db


def new_url(practice, language="en"):
    with translation.override(language):
        return reverse("adaptations:new", kwargs={"pk": practice.pk})


@pytest.fixture
def handout(swim):
    resource = Resource(
        practice=swim,
        key="flyer",
        title_en="Swim night flyer",
        title_fr="Dépliant",
        kind="handout",
        url="https://example.org/flyer",
    )
    resource.languages = ["en"]
    resource.save()
    return resource


def test_a_worker_attaches_their_version_in_punjabi(client_for, nadia, swim, handout):
    worker = client_for(nadia)
    response = worker.post(
        new_url(swim),
        form_data(adapted_resource=handout.pk, adapted_languages=["pa"],
                  adapted_file=uploaded("flyer-pa.pdf", pdf())),
    )  # fmt: skip
    assert response.status_code == 302
    adaptation = Adaptation.objects.get()
    assert adaptation.adapted_resource == handout
    assert adaptation.adapted_file.name == "flyer-pa.pdf"
    page = worker.get(swim.get_absolute_url()).content.decode()
    assert "Their version of “Swim night flyer”" in page and "Punjabi" in page
    assert "(PDF, " in page
    # Not scanned yet: the public does not see it; once clean, everyone does.
    visitor = Client()
    assert "flyer-pa.pdf" not in visitor.get(swim.get_absolute_url()).content.decode()
    Upload.objects.update(scan=Scan.CLEAN)
    assert "flyer-pa.pdf" in visitor.get(swim.get_absolute_url()).content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_without_its_languages_is_refused_and_kept(client_for, nadia, swim, handout,
                                                          language):  # fmt: skip
    worker = client_for(nadia)
    response = worker.post(
        new_url(swim, language),
        form_data(adapted_resource=handout.pk, adapted_file=uploaded("v.pdf", pdf())),
    )
    assert response.status_code == 400
    html = response.content.decode()
    upload = Upload.objects.get()
    assert f'name="kept_file" value="{upload.pk}"' in html
    assert ("Say which languages your version is in" if language == "en"
            else "Indiquez dans quelles langues est votre version") in html  # fmt: skip
    worker.post(new_url(swim, language),
                form_data(adapted_resource=handout.pk, adapted_languages=["pa"],
                          kept_file=upload.pk))  # fmt: skip
    assert Adaptation.objects.get().adapted_file == upload


def test_removing_the_adaptation_deletes_its_file(client_for, nadia, swim, handout,
                                                  django_capture_on_commit_callbacks):  # fmt: skip
    client_for(nadia).post(
        new_url(swim),
        form_data(adapted_resource=handout.pk, adapted_languages=["pa"],
                  adapted_file=uploaded("flyer-pa.pdf", pdf())),
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        remove_adaptation(Adaptation.objects.get(), nadia)
    assert not Upload.objects.exists()


def test_a_practice_without_resources_asks_for_no_file(client_for, nadia, swim):
    html = client_for(nadia).get(new_url(swim)).content.decode()
    assert "adapted_file" not in html
