"""The benchmark command runs end to end and leaves nothing behind."""

from django.core.management import call_command

from digests.models import DigestDelivery
from workinggroup.models import User


def test_bench_digests_reports_and_rolls_back(db, capsys):
    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    assert "queries per batch: [13] fixed + 1 per email sent" in out
    assert not DigestDelivery.objects.exists()
    assert not User.objects.filter(email__startswith="bench-digest-").exists()
