"""The demo forum `make run` shows: bilingual categories and threads, loaded once."""

import pytest

from discussions import demo
from discussions.models import Category, Post, Thread

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(db):
    demo.load()
    demo.load()
    assert Category.objects.count() == 4
    assert Thread.objects.count() == 4
    assert Post.objects.filter(position=1).count() == 4
    assert Category.objects.get(slug_en="regions").name_fr == "Nouvelles des régions"
