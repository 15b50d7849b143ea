import io

import pytest
from django.core.management import call_command

from uploads.models import Upload


@pytest.mark.django_db
def test_bench_uploads_times_each_step_and_keeps_nothing(settings):
    settings.CLAMD_URL = None
    out = io.StringIO()
    call_command("bench_uploads", megabytes=2, stdout=out)
    text = out.getvalue()
    assert text.startswith("PDF, ")
    for step in ("request parsed", "checked and stored", "scanned and previewed", "total"):
        assert step in text
    assert Upload.objects.count() == 0
