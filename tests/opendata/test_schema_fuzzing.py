"""Schema-based fuzzing (schemathesis): requests generated from the API's own OpenAPI schema,
valid and invalid, sent through the WSGI application. No answer may be a server error, and every
answer must match the schema (status code, content type, headers, body)."""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from practices.models import PromisingPractice
from recommendations.models import Recommendation, Source, Status, StatusUpdate

pytestmark = [pytest.mark.django_db]

EXAMPLES = 40
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def api_schema(seeded):
    """The schema as the running API serves it, over the report's practices and a tracker with
    history, anonymous lessons and a correction (so every branch of every record is produced)."""
    practice = PromisingPractice.objects.published().first()
    practice.lessons_anonymous = True
    practice.save()
    item = Recommendation.objects.get(code="R1")
    item.practices.add(practice)
    first = StatusUpdate.record(
        item,
        source=Source.IRCC,
        status=Status.PLANNED,
        effective_date="2022-01-05",
        note_en="Planned.",
        note_fr="Prévu.",
        evidence_links=["https://example.org/plan"],
    )
    StatusUpdate.record(
        item,
        source=Source.IRCC,
        status=Status.UNDER_WAY,
        effective_date="2022-01-05",
        note_en="Correction.",
        note_fr="",
        corrects=first,
    )
    # Requests go straight to the WSGI application, inside the test's transaction: keep Django
    # from closing that connection at the end of each request (as its test client does).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# schemathesis' own pytest plumbing (from_fixture) does not run under pytest 9, so each
# operation's generated cases are driven by Hypothesis here, valid ones then invalid ones.
def fuzz(operation, mode):
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


def nothing_to_make_invalid(operation):
    """No parameters, or only free-text path segments (every string is a valid one)."""
    return all(
        p.definition["in"] == "path" and p.definition["schema"].get("type") == "string"
        for p in operation.iter_parameters()
    )


def test_api_never_errs_and_always_matches_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 12
    for operation in operations:
        fuzz(operation, GenerationMode.POSITIVE)
        try:
            fuzz(operation, GenerationMode.NEGATIVE)
        except hypothesis.errors.Unsatisfiable:
            assert nothing_to_make_invalid(operation), operation.path
