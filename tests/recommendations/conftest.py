import datetime

import pytest

from recommendations.models import Recommendation, Source, Status, StatusUpdate
from workinggroup import roles


@pytest.fixture
def item(db):
    """get_item("R1.1"): a seeded recommendation, loaded fresh."""

    def get_item(code):
        return Recommendation.objects.get(code=code)

    return get_item


def post(
    item, source=Source.IRCC, status=Status.UNDER_WAY, day=datetime.date(2022, 1, 10), **extra
):
    """Record a status update directly (as the forms do), for arranging a test."""
    fields = {
        "note_en": "Progress note.",
        "note_fr": "Note d'avancement.",
        "author_role": roles.IRCC_STAFF if source == Source.IRCC else roles.EDITOR,
    }
    fields.update(extra)
    return StatusUpdate.record(item, source=source, status=status, effective_date=day, **fields)
