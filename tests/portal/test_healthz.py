import pytest
from django.db import connection
from django.utils import timezone

from digests.models import DeliveryStatus, DigestDelivery
from tests.conftest import make_user
from workinggroup import roles

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["cache"] == "ok"


def test_healthz_answers_503_naming_the_failed_check(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"].startswith("fail")
    assert response.json()["checks"]["cache"] == "ok"


@pytest.mark.redis
def test_healthz_checks_the_broker_when_redis_is_configured(client):
    body = client.get("/healthz").json()
    assert body["checks"]["broker"] == "ok"


def test_healthz_tells_staff_how_many_digests_have_an_unknown_fate(client):
    member = make_user("unknown-fate@example.org", roles.MEMBER)
    now = timezone.now()
    DigestDelivery.objects.create(
        user=member,
        period="daily",
        period_key="2026-01-07",
        window_start=now,
        window_end=now,
        status=DeliveryStatus.UNKNOWN,
    )
    assert "detail" not in client.get("/healthz").json(), "not for everyone"
    staff = make_user("ops@example.org", roles.ADMINISTRATOR)
    staff.is_staff = True
    staff.save()
    client.force_login(staff)

    detail = client.get("/healthz").json()["detail"]["digests"]

    assert detail["unknown"] == 1
    assert detail["waiting"] == 0
