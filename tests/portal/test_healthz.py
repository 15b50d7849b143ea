import pytest
from django.db import connection

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
