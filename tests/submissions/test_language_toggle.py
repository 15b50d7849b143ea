"""Every sharing page's language toggle lands on the same page in the other language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from submissions import lifecycle
from submissions.models import Submission

pytestmark = pytest.mark.django_db


def toggle_href(page, language):
    return re.search(rf'<a href="([^"]+)" lang="{language}" hreflang="{language}">', page)[1]


@pytest.mark.parametrize(
    "name", ["new", "mine", "detail", "edit", "review_queue", "review", "translation_queue"]
)
def test_the_toggle_keeps_the_page(client_for, author, editor, form_data, name):
    content = {k: v for k, v in form_data.items() if k != "token"}
    submission = Submission.objects.create(author=author, content=content)
    kwargs = {"pk": submission.pk} if name in ("detail", "edit", "review") else None
    if name == "review":
        lifecycle.move(submission, "submitted", author)
    user = editor if name.startswith("review") or name == "translation_queue" else author
    client = client_for(user)
    with translation.override("en"):
        english = reverse(f"submissions:{name}", kwargs=kwargs)
    with translation.override("fr"):
        french = reverse(f"submissions:{name}", kwargs=kwargs)
    assert english != french
    assert toggle_href(client.get(english).content.decode(), "fr") == french
    assert toggle_href(client.get(french).content.decode(), "en") == english
