"""generate_practices: realistic synthetic practices for the benchmarks, and --replace."""

import pytest
from django.core.management import call_command

from bench.synthetic_practices import LEAD_SLUG
from practices import demo
from practices.models import PromisingPractice

pytestmark = pytest.mark.django_db


def generate(*args):
    call_command("generate_practices", *args, stdout=open("/dev/null", "w"))


def synthetic():
    return PromisingPractice.objects.filter(lead_organization__slug=LEAD_SLUG)


def test_generate_practices_makes_bilingual_published_practices():
    demo.load()
    generate("60", "--seed", "7")
    assert synthetic().published().count() == 60
    assert synthetic().filter(has_en=True, has_fr=True).count() > 40
    assert synthetic().values("region").distinct().count() >= 3
    for practice in synthetic()[:10]:
        expected = sum(t.mask for t in practice.themes.all())
        assert practice.theme_bits == expected
        assert practice.themes.exists()
    assert PromisingPractice.objects.matching("newcomers").count() >= 2


def test_replace_deletes_the_synthetic_practices_only():
    demo.load()
    generate("20")
    generate("5", "--replace")
    assert synthetic().count() == 5
    assert PromisingPractice.objects.published().count() == 18 + 5
