"""The practices to take away, with the catalogue's filters and search applied: CSV (one row per
practice, both languages side by side) and JSON (the API's records). Streamed, in chunks, so an
export of the whole catalogue holds a few hundred rows in memory at a time.

Each CSV row is flattened from the API's record, so what a record withholds (the organization and
contact of anonymous lessons) is withheld here too, by the same code.
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from opendata import citation
from opendata.api import practices_for_records, tag_context
from opendata.selection import as_params
from opendata.serializers import PracticeSerializer
from practices import catalogue

CHUNK = 500
BOM = "\ufeff"  # so that Excel opens the file as UTF-8 and shows French accents
LANGS = ("en", "fr")
TEXTS = ("title", "summary", "description", "outcomes", "lessons")
CHOICES = ("kind", "delivery_mode", "origin", "evidence_level", "stage")
COLUMNS = [
    "id",
    "url_en",
    "url_fr",
    "languages",
    *[f"{name}_{lang}" for name in TEXTS for lang in LANGS],
    "lessons_anonymous",
    "lead_organization",
    "lead_organization_name_en",
    "lead_organization_name_fr",
    "partner_organizations",
    "contact_name",
    "contact_role_en",
    "contact_role_fr",
    "contact_email",
    "contact_phone",
    "province",
    "region",
    "community",
    "community_size",
    "themes",
    "client_groups",
    "principles",
    *CHOICES,
    "resources",
    "published_at",
    "updated_at",
]
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def records(query, request):
    """The API's record of each practice the query gives, CHUNK rows per query batch."""
    results = catalogue.find(query).ordered()
    context = {"request": request, **tag_context()}
    serializer = PracticeSerializer(context=context)
    for practice in practices_for_records(results).iterator(chunk_size=CHUNK):
        yield serializer.to_representation(practice)


def joined(values):
    return "; ".join(values)


def flat(record):
    """One CSV row from one API record."""
    lead = record["lead_organization"] or {}
    contact = record["contact"] or {}
    community = record["community"] or {}
    row = {
        "id": record["id"],
        "url_en": record["links"]["en"],
        "url_fr": record["links"]["fr"],
        "languages": joined(record["languages"]),
        "lessons_anonymous": "yes" if record["lessons_anonymous"] else "no",
        "lead_organization": lead.get("slug", ""),
        "lead_organization_name_en": (lead.get("name") or {}).get("en"),
        "lead_organization_name_fr": (lead.get("name") or {}).get("fr"),
        "partner_organizations": joined(o["slug"] for o in record["partner_organizations"]),
        "contact_name": contact.get("name"),
        "contact_role_en": (contact.get("role") or {}).get("en"),
        "contact_role_fr": (contact.get("role") or {}).get("fr"),
        "contact_email": contact.get("email"),
        "contact_phone": contact.get("phone"),
        "province": record["province"]["code"],
        "region": record["region"]["code"],
        "community": community.get("name"),
        "community_size": (community.get("size_class") or {}).get("code"),
        "themes": joined(t["slug"] for t in record["themes"]),
        "client_groups": joined(g["slug"] for g in record["client_groups"]),
        "principles": joined(p["code"] for p in record["principles"]),
        "resources": joined(resource_address(r) for r in record["resources"]),
        "published_at": record["published_at"],
        "updated_at": record["updated_at"],
    }
    for name in TEXTS:
        for lang in LANGS:
            row[f"{name}_{lang}"] = record[name][lang]
    for name in CHOICES:
        row[name] = (record[name] or {}).get("code")
    return [cell(row[column]) for column in COLUMNS]


def resource_address(resource):
    """A resource in a CSV cell: its English download address (and size), or its link."""
    if resource["file"]:
        return f"{resource['file']['download']['en']} ({resource['file']['size']} bytes)"
    return resource["link"]


def cell(value):
    if value is None:
        return ""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class Line:
    """A file-like object that hands back what csv.writer writes to it."""

    def write(self, value):
        return value


def csv_lines(query, request):
    writer = csv.writer(Line())
    yield BOM + writer.writerow(COLUMNS)
    for record in records(query, request):
        yield writer.writerow(flat(record))


def csv_response(query, request):
    response = StreamingHttpResponse(
        csv_lines(query, request), content_type="text/csv; charset=utf-8"
    )
    name = _("promising-practices.csv")  # in the page's language, like the page's URL
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def json_chunks(query, request):
    """A JSON document, written piece by piece: the licence and query first, then the records."""
    head = {
        "generated_at": timezone.now(),
        "licence": citation.licence(),
        "how_to_cite": citation.how_to_cite(),
        "query": dict(as_params(query)),
    }
    opening = json.dumps(head, cls=DjangoJSONEncoder, ensure_ascii=False)[:-1]
    yield opening + ', "practices": ['
    for i, record in enumerate(records(query, request)):
        separator = "," if i else ""
        yield separator + json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "]}"


def json_response(query, request):
    response = StreamingHttpResponse(
        json_chunks(query, request), content_type="application/json; charset=utf-8"
    )
    name = _("promising-practices.json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def bad_query_response(errors):
    return JsonResponse(
        {
            "detail": _("The query string has errors: see “errors”, by parameter."),
            "code": "invalid_query",
            "errors": errors,
        },
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )
