"""The demo's files, as practices.demo uses them: a handout with a preview, a photo without GPS."""

import pytest

from tests.uploads.conftest import stored_files
from uploads import demo
from uploads.models import Format

pytestmark = pytest.mark.django_db


def test_demo_files_are_accepted_like_any_upload(media, sam, django_capture_on_commit_callbacks):
    lines = ["Bus to the clinic: Tuesdays", "Autobus vers la clinique : les mardis"]
    with django_capture_on_commit_callbacks(execute=True):
        handout = demo.upload("welcome.pdf", demo.handout_pdf("Welcome", lines, pages=2), sam)
        photo = demo.upload("canoe-poster.jpg", demo.poster_photo("Canoe outing"), sam)
    handout.refresh_from_db()
    photo.refresh_from_db()
    assert (handout.format, photo.format) == (Format.PDF, Format.JPEG)
    assert handout.preview and photo.preview
    assert b"DemoPhone" not in (media / photo.file.name).read_bytes()
    assert len(stored_files(media)) == 4
