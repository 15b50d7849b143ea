"""The digest benchmark runs end to end, counts only the members it makes, leaves nothing."""

from django.core.management import call_command

from digests.models import DigestDelivery
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import MemberProfile, User


def test_bench_digests_reports_and_rolls_back(db, capsys):
    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    assert "queries per batch: [13] fixed + 1 per email sent" in out
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
