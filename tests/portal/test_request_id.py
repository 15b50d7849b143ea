"""Every request has an id (X-Request-ID) in its response, its log lines and the tasks it queues."""

import logging

import pytest
from django_guid import clear_guid, set_guid

from config.celery import app as celery_app

GUID = "0123456789abcdef0123456789abcdef"


def test_a_response_carries_a_new_id(client):
    response = client.get("/en/about/")
    assert len(response["X-Request-ID"]) == 32


def test_a_valid_id_from_the_proxy_is_kept_and_an_invalid_one_replaced(client):
    assert client.get("/en/about/", HTTP_X_REQUEST_ID=GUID)["X-Request-ID"] == GUID
    forged = client.get("/en/about/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert forged != "<script>" and len(forged) == 32


def test_log_lines_carry_the_request_id():
    """Through the console handler of settings.LOGGING: its filters and its format."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if h.formatter and "correlation_id" in (h.formatter._fmt or "")
    )
    record = logging.LogRecord("portal", logging.WARNING, __file__, 1, "Something", None, None)
    set_guid(GUID)
    try:
        assert all(f.filter(record) for f in handler.filters)
        assert f"[{GUID}]" in handler.format(record)
    finally:
        clear_guid()


@pytest.mark.redis
def test_a_task_queued_during_a_request_carries_its_id():
    from celery.signals import before_task_publish

    from lib.tasks import deliver_email

    seen = {}

    def capture(headers=None, **kwargs):
        seen.update(headers or {})

    before_task_publish.connect(capture, weak=False)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    set_guid(GUID)
    try:
        # Published to a queue no worker reads, then removed: only its headers matter here.
        deliver_email.apply_async(args=(["a@example.org"], "s", "t"), queue="test-request-id")
    finally:
        clear_guid()
        celery_app.conf.task_always_eager = eager
        before_task_publish.disconnect(capture)
        with celery_app.connection_for_write() as connection:
            connection.default_channel.queue_purge("test-request-id")
    assert seen["X-Request-ID"] == GUID
