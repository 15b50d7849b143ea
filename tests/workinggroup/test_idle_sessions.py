"""Signed-in sessions end after a time without activity: a day for IRCC staff, editors and
administrators, two weeks for everyone else; each visit moves the end forward."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

PROFILE = "/en/profile/"


def signed_in(client):
    response = client.get(PROFILE)
    return response.status_code == 200


def test_an_editor_is_signed_out_after_a_day_without_activity(client_for, elodie):
    client = client_for(elodie)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as moment:
        assert signed_in(client)
        moment.move_to(start + timedelta(hours=23))
        assert signed_in(client)  # and the day starts again
        moment.move_to(start + timedelta(hours=46))
        assert signed_in(client)
        moment.move_to(start + timedelta(hours=71))
        assert not signed_in(client)


def test_a_member_stays_signed_in_for_two_weeks_without_activity(client_for, marie):
    client = client_for(marie)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as moment:
        assert signed_in(client)
        moment.move_to(start + timedelta(days=3))
        assert signed_in(client)
        moment.move_to(start + timedelta(days=16))  # 13 days after the last visit
        assert signed_in(client)
        moment.move_to(start + timedelta(days=31))  # 15 days after it
        assert not signed_in(client)


def test_the_session_is_written_at_most_once_an_hour(client_for, marie):
    client = client_for(marie)

    def session_writes():
        with CaptureQueriesContext(connection) as queries:
            client.get(PROFILE)
        return [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]

    start = timezone.now()
    with time_machine.travel(start, tick=False) as moment:
        assert not session_writes()  # dated when signing in
        moment.move_to(start + timedelta(minutes=50))
        assert not session_writes()
        moment.move_to(start + timedelta(minutes=70))
        assert session_writes()
