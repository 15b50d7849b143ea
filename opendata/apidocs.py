"""The API's documentation: additions to the generated OpenAPI schema, and the schema turned into
a plain HTML page (no JavaScript, no CDN: it renders under the site's Content-Security-Policy and
on a slow phone), in the page's language."""

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.generators import SchemaGenerator

from opendata.citation import LICENCE_NAME
from opendata.pagination import MAX_PAGE_SIZE


def error_schema():
    """The Error object, described in the language of the request (?lang=fr: parity P9)."""
    return {
        "type": "object",
        "required": ["detail", "code"],
        "properties": {
            "detail": {"type": "string", "description": _("What went wrong, in plain language.")},
            "code": {"type": "string", "description": _("A stable code for programs.")},
            "errors": {
                "type": "object",
                "description": _("For a bad query string: the messages for each parameter."),
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
    }


METHODS = ("get", "head", "options", "post", "put", "patch", "delete")


def description():
    return _(
        "Read-only open data of the Small Centres Portal: published promising practices (with the "
        "catalogue's filters and keyword search), organizations and their public contact details, "
        "regions, provinces and territories, themes and client groups, and the recommendations "
        "tracker with the full status history of both voices. Every text is given in English and "
        "French. Lists are paginated (at most %(max)d per page) with next and previous links. "
        "Responses carry an ETag; send If-None-Match to get a 304 when nothing changed. "
        "Requests are limited per client: over the limit, a 429 says how many seconds to wait "
        "(Retry-After). Licence: %(licence)s."
    ) % {"max": MAX_PAGE_SIZE, "licence": LICENCE_NAME}


def error_response(text):
    return {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def add_common_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: the description, and the error answers every
    operation may give (a bad query string, too many requests, and 404 for a missing object)."""
    result["info"]["description"] = description()
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = error_schema()
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            responses["400"] = error_response(
                _("Bad input: unknown or repeated parameters, bad values, unsupported Accept.")
            )
            responses["429"] = error_response(_("Too many requests: wait Retry-After seconds."))
            if "{" in path:
                responses["404"] = error_response(_("No such object (or not published)."))
    return result


def schema(language):
    """The OpenAPI document in `language`, generated for each view of the page, as the schema
    endpoint does: about 25 ms on the development machine, and its enums (regions, provinces,
    themes) follow the database at once. (It was cached; no budget asks for it.)"""
    with translation.override(language):
        return SchemaGenerator().get_schema(request=None, public=True)


def resolve(document, node):
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = document["components"]["schemas"][name]
    return node


def type_of(document, node):
    """A short human description of a schema node's type: "integer", "list of Tag", …"""
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    if "allOf" in node:
        return " ".join(type_of(document, part) for part in node["allOf"])
    if node.get("type") == "array":
        return _("list of %(type)s") % {"type": type_of(document, node.get("items", {}))}
    kind = node.get("format") or node.get("type") or "object"
    return _("%(type)s or null") % {"type": kind} if node.get("nullable") else kind


def operations(document):
    """What the page lists: each GET operation with its parameters and answers."""
    found = []
    for path, methods in document.get("paths", {}).items():
        operation = methods.get("get")
        if not operation:
            continue
        found.append(
            {
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": p["name"],
                        "where": p["in"],
                        "required": p.get("required", False),
                        "description": p.get("description", ""),
                        "choices": p.get("schema", {}).get("enum", []),
                        "type": type_of(document, p.get("schema", {})),
                    }
                    for p in operation.get("parameters", [])
                ],
                "responses": sorted(operation.get("responses", {})),
            }
        )
    return found


def components(document):
    """Each record shape: its fields, their types and descriptions."""
    found = []
    for name, node in sorted(document.get("components", {}).get("schemas", {}).items()):
        properties = node.get("properties", {})
        if not properties:
            continue
        found.append(
            {
                "name": name,
                "fields": [
                    {
                        "name": field,
                        "type": type_of(document, spec),
                        "description": spec.get("description", ""),
                    }
                    for field, spec in properties.items()
                ],
            }
        )
    return found
