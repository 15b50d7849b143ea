"""Exact relevance at scale (issue 15): the first page holds the best matches among all the
matches, whatever their age and however common the words."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from practices import catalogue
from practices.catalogue import Query
from practices.models import PromisingPractice
from tests.practices.conftest import make_practice

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

NEW = datetime(2026, 1, 1, tzinfo=UTC)
COPIED = (
    "lead_organization",
    "province",
    "region",
    "community",
    "size_class",
    "kind",
    "delivery_mode",
    "origin",
    "evidence_level",
    "stage",
    "status",
    "has_en",
    "has_fr",
    "theme_bits",
    "client_group_bits",
)


def many(template, count, titles, summaries):
    """`count` published practices like `template`, newer than it, in one bulk insert."""
    fields = [PromisingPractice._meta.get_field(name).attname for name in COPIED]
    values = {name: getattr(template, name) for name in fields}
    rows = []
    for i in range(count):
        title_en = titles[i % len(titles)].format(i=i)
        rows.append(
            PromisingPractice(
                **values,
                title_en=title_en,
                title=title_en,
                title_fr=f"Pratique {i}",
                summary_en=summaries[i % len(summaries)],
                summary=summaries[i % len(summaries)],
                slug_en=f"practice-{i}",
                slug_fr=f"pratique-{i}",
                published_at=NEW - timedelta(minutes=i),
            )
        )
    PromisingPractice.objects.bulk_create(rows, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE practices_promisingpractice")
    catalogue.publication_changed()


def test_an_old_title_with_every_word_of_a_common_query_is_first_among_20000(client, reference):
    old = make_practice(
        title_en="Newcomers community housing",
        title_fr="Logement communautaire des nouveaux arrivants",
        summary_en="A registry of rooms.",
        published_at=datetime(2015, 3, 1, tzinfo=UTC),
    )
    many(
        old,
        20_000,
        titles=["Newcomers community table {i}", "Community housing fair {i}", "Newcomers {i}"],
        summaries=["Housing for newcomers in the community.", "Community housing for newcomers."],
    )
    results = catalogue.find(Query(text="newcomers community housing"))
    assert results.total == 20_001
    first = results.page(1).practices
    assert first[0].pk == old.pk
    # Then titles with some of the words, newest first.
    assert [p.title_en for p in first[1:4]] == [
        "Newcomers community table 0",
        "Community housing fair 1",
        "Newcomers 2",
    ]
    response = client.get("/en/practices/", {"q": "newcomers community housing"})
    html = response.content.decode()
    assert html.index("Newcomers community housing<") < html.index("Community housing fair 1<")
    # The number of results is grouped by thousands, as in each language's filters.
    assert "20,001 practices match “newcomers community housing”" in html
    french = client.get("/fr/pratiques/", {"q": "newcomers community housing"}).content.decode()
    nbsp = "\u00a0"
    assert (
        f"20{nbsp}001 pratiques correspondent à «{nbsp}newcomers community housing{nbsp}»" in french
    )
