"""The digest benchmark runs end to end, counts only the members it makes, leaves nothing."""

import datetime

import pytest
from django.core.management import call_command

from digests.models import DigestDelivery
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import MemberProfile, User


def test_bench_digests_reports_and_rolls_back(db, capsys):
    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    # 15: the new-resources section (issue 18) reads its window once per batch.
    assert "queries per batch: [15] fixed + 1 per email sent" in out
    assert not DigestDelivery.objects.exists()
    assert not User.objects.filter(email__startswith="bench-digest-").exists()


def test_bench_digests_leaves_members_already_in_the_database_out(db, capsys):
    member = make_user("daily@example.org", roles.MEMBER)
    MemberProfile.objects.filter(pk=MemberProfile.for_user(member).pk).update(
        digest_frequency="daily"
    )

    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    assert "outcomes: {'sent': 40}" in out


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bench_digests_with_two_processes_counts_its_own_and_deletes_them(capsys):
    member = make_user("earlier@example.org", roles.MEMBER)
    MemberProfile.objects.filter(pk=MemberProfile.for_user(member).pk).update(
        digest_frequency="daily"
    )
    end = datetime.datetime(2030, 1, 15, 5, tzinfo=datetime.UTC)
    left = DigestDelivery.objects.create(  # an earlier run's unsent digest: not the bench's
        user=member,
        period="daily",
        period_key="2030-01-14",
        window_start=end - datetime.timedelta(days=2),
        window_end=end - datetime.timedelta(days=1),
    )

    call_command("bench_digests", "--members", "30", "--practices", "5", "--workers", "2")

    out = capsys.readouterr().out
    assert "2 worker processes" in out
    assert "outcomes: {'sent': 30}" in out
    assert list(DigestDelivery.objects.values_list("pk", "status")) == [(left.pk, "pending")]
    assert not User.objects.filter(email__startswith="bench-digest-").exists()
