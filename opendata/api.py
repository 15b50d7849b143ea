"""The read-only API at /api/v1/: thin views over selection.py (which practices: a catalogue
query, answered by practices.catalogue), serializers.py (what a record holds) and pagination.py.
Every list runs a fixed number of queries whatever the number of rows; every response carries an
ETag (and Last-Modified where a row has a date)."""

import re

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from opendata import citation, pagination
from opendata.pagination import Pagination
from opendata.selection import BadQuery, check_shape, read_query
from opendata.serializers import (
    OrganizationSerializer,
    PracticeSerializer,
    ProvinceSerializer,
    RecommendationSerializer,
    RegionSerializer,
    ResourceSerializer,
    TagRecordSerializer,
)
from practices import catalogue
from practices.models import ClientGroup, PromisingPractice, Theme
from recommendations.models import Recommendation, StatusUpdate
from workinggroup.models import Community, Organization, ProvinceTerritory, Region

CACHE_SECONDS = 300
# Free text as the API accepts it: no control characters, at most the catalogue's length.
TEXT = {
    "type": "string",
    "maxLength": catalogue.MAX_QUERY_LENGTH,
    "pattern": "^[^\\x00-\\x1f\\x7f]*$",
}
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
RECOMMENDATION_CODE = re.compile(r"[\w.-]{1,10}")


class OpenDataView(APIView):
    """Conditional GET (ETag from the body, Last-Modified when the view sets it) and caching."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        django_request = request._request if hasattr(request, "_request") else request

        def conditional(rendered):
            if django_request.method not in ("GET", "HEAD") or rendered.status_code != 200:
                return None
            set_response_etag(rendered)
            patch_cache_control(rendered, public=True, max_age=CACHE_SECONDS)
            return get_conditional_response(
                django_request,
                etag=rendered["ETag"],
                last_modified=parse_http_date_safe(rendered.get("Last-Modified", "")),
                response=rendered,
            )

        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(conditional)
        return response

    def only_params(self, *known):
        errors = check_shape(self.request.query_params, list(known))
        if errors:
            raise BadQuery(errors)

    def context(self, **extra):
        return {"request": self.request, **extra}


PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": pagination.MAX_PAGE},
        description=gettext_lazy("Page number, from 1."),
    ),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": pagination.MAX_PAGE_SIZE},
        description=gettext_lazy("Results per page: 20 unless given, at most 100."),
    ),
]


def paginated(serializer_class):
    """The schema of a page of `serializer_class` records (see pagination.py)."""
    name = serializer_class.__name__.removesuffix("Serializer")
    link = {"allow_null": True, "help_text": gettext_lazy("Absolute URL; null on the last page.")}
    return inline_serializer(
        f"{name}Page",
        {
            "count": serializers.IntegerField(
                min_value=0, help_text=gettext_lazy("Number of results on all pages.")
            ),
            "page": serializers.IntegerField(min_value=1),
            "pages": serializers.IntegerField(min_value=1),
            "next": serializers.URLField(**link),
            "previous": serializers.URLField(
                allow_null=True, help_text=gettext_lazy("Absolute URL; null on the first page.")
            ),
            "results": serializer_class(many=True),
        },
    )


def last_modified(response, moment):
    if moment:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


# --- Root -----


class ApiRoot(OpenDataView):
    @extend_schema(
        operation_id="root",
        summary=gettext_lazy("What the API holds, its licence and how to cite it"),
        responses=inline_serializer(
            "Root",
            {
                "name": serializers.CharField(),
                "version": serializers.CharField(),
                "endpoints": serializers.DictField(child=serializers.URLField()),
                "documentation": serializers.DictField(child=serializers.URLField()),
                "schema": serializers.URLField(),
                "exports": serializers.DictField(child=serializers.URLField()),
                "feeds": serializers.DictField(child=serializers.URLField()),
                "licence": serializers.DictField(child=serializers.CharField()),
                "how_to_cite": serializers.DictField(child=serializers.CharField()),
            },
        ),
        tags=["about"],
    )
    def get(self, request):
        self.only_params()

        def api(name):
            return request.build_absolute_uri(reverse(f"opendata_api:{name}"))

        return Response(
            {
                "name": "Small Centres Portal · Portail des petits centres",
                "version": "1",
                "endpoints": {
                    "practices": api("practice-list"),
                    "organizations": api("organization-list"),
                    "regions": api("region-list"),
                    "provinces": api("province-list"),
                    "themes": api("theme-list"),
                    "client_groups": api("client-group-list"),
                    "resources": api("resource-list"),
                    "recommendations": api("recommendation-list"),
                },
                "documentation": citation.in_languages("open_data_api_docs"),
                "open_data_page": citation.in_languages("open_data"),
                "schema": api("schema"),
                "exports": citation.exports(),
                "feeds": citation.feeds(),
                "licence": citation.licence(),
                "how_to_cite": citation.how_to_cite(),
            }
        )


# --- Practices -----


class PracticeListSchema(AutoSchema):
    """The catalogue's filters as query parameters, with today's choices as enums."""

    def get_override_parameters(self):
        params = [
            OpenApiParameter(
                facet.param,
                str,
                description=str(facet.label),
                # Empty means no filter, as when the catalogue's form leaves a list unset.
                enum=["", *(choice.value for choice in facet.choices)],
            )
            for facet in catalogue.current_facets()
        ]
        return [
            *params,
            *PAGE_PARAMETERS,
            OpenApiParameter(
                "q",
                TEXT,
                description=gettext_lazy(
                    "Keywords, searched in both languages (quotes for a phrase, - to exclude)."
                ),
            ),
            OpenApiParameter(
                "sort",
                str,
                enum=["", "relevance", "newest", "adapted"],
                description=gettext_lazy(
                    "relevance (the default with q), newest (the default without) or adapted "
                    "(the most adapted first)."
                ),
            ),
        ]


def practices_for_records(queryset):
    """What a practice record needs, in four queries whatever the page size."""
    # Unordered (the serializer sorts them): ordering by name made PostgreSQL walk the name index
    # and read every partner row of every organization, 50 ms at 100,000 practices.
    partners = Organization.objects.only("id", "slug", "name_en", "name_fr").order_by()
    return queryset.select_related(
        "lead_organization", "province", "region", "community"
    ).prefetch_related(
        Prefetch("partner_organizations", queryset=partners),
        Prefetch("resources", queryset=catalogue.public_resources(), to_attr="public_resources"),
    )


def tag_context():
    return {
        "themes": list(Theme.objects.only("slug", "bit", "name_en", "name_fr")),
        "client_groups": list(ClientGroup.objects.only("slug", "bit", "name_en", "name_fr")),
    }


class PracticeList(OpenDataView):
    schema = PracticeListSchema()

    @extend_schema(
        operation_id="practices_list",
        summary=gettext_lazy("Published practices, with the catalogue's filters and search"),
        responses=paginated(PracticeSerializer),
        tags=["practices"],
    )
    def get(self, request):
        errors, paginator = {}, Pagination()
        try:
            query = read_query(request.query_params, extra=pagination.PARAMS)
        except BadQuery as bad:
            errors.update(bad.errors)
        pagination.read_int(request.query_params, "page", 1, pagination.MAX_PAGE, errors)
        pagination.read_int(request.query_params, "page_size", 1, pagination.MAX_PAGE_SIZE, errors)
        if errors:
            raise BadQuery(errors)
        results = catalogue.find(query)
        # The page's ids first (ranking and sorting read narrow rows), then its full records.
        ids = paginator.paginate_queryset(results.ordered_ids(), request, self, count=results.total)
        found = {
            p.pk: p for p in practices_for_records(PromisingPractice.objects.filter(pk__in=ids))
        }
        page = [found[pk] for pk in ids]
        data = PracticeSerializer(page, many=True, context=self.context(**tag_context())).data
        return paginator.get_paginated_response(data)


class PracticeDetail(OpenDataView):
    @extend_schema(
        operation_id="practices_retrieve",
        summary=gettext_lazy("One published practice"),
        responses=PracticeSerializer,
        tags=["practices"],
    )
    def get(self, request, pk):
        self.only_params()
        practice = get_object_or_404(
            practices_for_records(PromisingPractice.objects.published()), pk=pk
        )
        data = PracticeSerializer(practice, context=self.context(**tag_context())).data
        return last_modified(Response(data), practice.updated_at)


# --- Resources -----


class ResourceListSchema(AutoSchema):
    def get_override_parameters(self):
        return [
            OpenApiParameter(
                "kind",
                str,
                description=gettext_lazy("A kind of resource."),
                enum=["", *catalogue.RESOURCE_KINDS.values],
            ),
            OpenApiParameter(
                "language",
                str,
                description=gettext_lazy("A language the resource is in, e.g. ti."),
                enum=["", *catalogue.LANGUAGES],
            ),
            *PAGE_PARAMETERS,
        ]


def read_resource_filters(params):
    errors = check_shape(params, ["kind", "language", *pagination.PARAMS])
    chosen = {}
    for key, known in (
        ("kind", catalogue.RESOURCE_KINDS.values),
        ("language", catalogue.LANGUAGES),
    ):
        value = params.get(key, "")
        if value and key not in errors:
            if value not in known:
                errors[key] = [_("“%(value)s” is not a known code.") % {"value": value[:50]}]
            chosen[key] = value
    pagination.read_int(params, "page", 1, pagination.MAX_PAGE, errors)
    pagination.read_int(params, "page_size", 1, pagination.MAX_PAGE_SIZE, errors)
    if errors:
        raise BadQuery(errors)
    return chosen


class ResourceList(OpenDataView):
    schema = ResourceListSchema()

    @extend_schema(
        operation_id="resources_list",
        summary=gettext_lazy("Resources of published practices, by kind and language"),
        responses=paginated(ResourceSerializer),
        tags=["practices"],
    )
    def get(self, request):
        chosen = read_resource_filters(request.query_params)
        resources = catalogue.published_resources(**chosen)
        paginator = Pagination()
        page = paginator.paginate_queryset(resources, request, self)
        data = ResourceSerializer(page, many=True, context=self.context()).data
        return paginator.get_paginated_response(data)


# --- Organizations -----


def read_organization_filters(params):
    errors = check_shape(params, ["region", "province", "language", *pagination.PARAMS])
    chosen = {}
    for key, model in (("region", Region), ("province", ProvinceTerritory)):
        value = params.get(key, "")
        if value and key not in errors:
            found = model.objects.filter(code=value).first()
            if found is None:
                errors[key] = [_("“%(value)s” is not a known code.") % {"value": value[:50]}]
            chosen[key] = found
    language = params.get("language", "")
    if language and "language" not in errors:
        if not LANGUAGE_CODE.fullmatch(language):
            errors["language"] = [_("Give a language code such as fr or ar.")]
        chosen["language"] = language
    pagination.read_int(params, "page", 1, pagination.MAX_PAGE, errors)
    pagination.read_int(params, "page_size", 1, pagination.MAX_PAGE_SIZE, errors)
    if errors:
        raise BadQuery(errors)
    return chosen


class OrganizationListSchema(AutoSchema):
    """The directory's filters, with today's regions and provinces as enums."""

    def get_override_parameters(self):
        return [
            OpenApiParameter(
                "region",
                str,
                description=gettext_lazy("IRCC region code."),
                enum=["", *Region.objects.order_by("order").values_list("code", flat=True)],
            ),
            OpenApiParameter(
                "province",
                str,
                description=gettext_lazy("Province code, e.g. NT."),
                enum=[
                    "",
                    *ProvinceTerritory.objects.order_by("code").values_list("code", flat=True),
                ],
            ),
            OpenApiParameter(
                "language",
                {"type": "string", "pattern": "^([a-z]{2,3})?$"},
                description=gettext_lazy("A language of service, e.g. fr."),
            ),
            *PAGE_PARAMETERS,
        ]


class OrganizationList(OpenDataView):
    schema = OrganizationListSchema()

    @extend_schema(
        operation_id="organizations_list",
        summary=gettext_lazy("Organizations, with their public contact details"),
        responses=paginated(OrganizationSerializer),
        tags=["organizations"],
    )
    def get(self, request):
        chosen = read_organization_filters(request.query_params)
        organizations = Organization.objects.all()
        if chosen.get("region"):
            organizations = organizations.in_region(chosen["region"])
        if chosen.get("province"):
            organizations = organizations.in_province(chosen["province"])
        if chosen.get("language"):
            organizations = organizations.offering_language(chosen["language"])
        organizations = organizations_for_records(organizations.by_name("en"))
        paginator = Pagination()
        page = paginator.paginate_queryset(organizations, request, self)
        data = OrganizationSerializer(page, many=True, context=self.context()).data
        return paginator.get_paginated_response(data)


def organizations_for_records(queryset):
    return queryset.select_related("province__region").prefetch_related(
        Prefetch("communities", queryset=_communities())
    )


def _communities():
    return Community.objects.select_related("province").order_by("name")


class OrganizationDetail(OpenDataView):
    @extend_schema(
        operation_id="organizations_retrieve",
        summary=gettext_lazy("One organization"),
        responses=OrganizationSerializer,
        tags=["organizations"],
    )
    def get(self, request, pk):
        self.only_params()
        organization = get_object_or_404(organizations_for_records(Organization.objects), pk=pk)
        return Response(OrganizationSerializer(organization, context=self.context()).data)


# --- Reference data (short lists, not paginated) -----


class RegionList(OpenDataView):
    @extend_schema(
        operation_id="regions_list",
        summary=gettext_lazy("IRCC regions and their provinces and territories"),
        responses=RegionSerializer(many=True),
        tags=["reference data"],
    )
    def get(self, request):
        self.only_params()
        regions = Region.objects.order_by("order", "code").prefetch_related(
            Prefetch("provinces", queryset=ProvinceTerritory.objects.order_by("code"))
        )
        return Response(RegionSerializer(regions, many=True, context=self.context()).data)


class ProvinceList(OpenDataView):
    @extend_schema(
        operation_id="provinces_list",
        summary=gettext_lazy("Provinces and territories"),
        responses=ProvinceSerializer(many=True),
        tags=["reference data"],
    )
    def get(self, request):
        self.only_params()
        provinces = ProvinceTerritory.objects.select_related("region").order_by("code")
        return Response(ProvinceSerializer(provinces, many=True, context=self.context()).data)


class ThemeList(OpenDataView):
    @extend_schema(
        operation_id="themes_list",
        summary=gettext_lazy("Themes (the theme filter's values)"),
        responses=TagRecordSerializer(many=True),
        tags=["reference data"],
    )
    def get(self, request):
        self.only_params()
        return Response(TagRecordSerializer(Theme.objects.all(), many=True).data)


class ClientGroupList(OpenDataView):
    @extend_schema(
        operation_id="client_groups_list",
        summary=gettext_lazy("Client groups (the group filter's values)"),
        responses=TagRecordSerializer(many=True),
        tags=["reference data"],
    )
    def get(self, request):
        self.only_params()
        return Response(TagRecordSerializer(ClientGroup.objects.all(), many=True).data)


# --- Recommendations tracker -----


def recommendations_for_records(queryset):
    """Items with both voices' full history and their published practices: three queries."""
    history = StatusUpdate.objects.select_related("author_organization").order_by(
        "effective_date", "created_at", "pk"
    )
    practices = PromisingPractice.objects.published().only("id").order_by("id")
    return queryset.prefetch_related(
        Prefetch("status_updates", queryset=history, to_attr="history"),
        Prefetch("practices", queryset=practices, to_attr="published_practices"),
    )


def recommendation_context(view):
    codes = dict(Recommendation.objects.values_list("pk", "code"))
    return view.context(codes=codes, today=timezone.localdate())


class RecommendationList(OpenDataView):
    @extend_schema(
        operation_id="recommendations_list",
        summary=gettext_lazy("Every recommendation, with its full status history"),
        responses=RecommendationSerializer(many=True),
        tags=["recommendations"],
    )
    def get(self, request):
        self.only_params()
        items = recommendations_for_records(Recommendation.objects.in_report_order())
        data = RecommendationSerializer(items, many=True, context=recommendation_context(self))
        return Response(data.data)


class RecommendationDetail(OpenDataView):
    @extend_schema(
        operation_id="recommendations_retrieve",
        summary=gettext_lazy("One recommendation, with its full status history"),
        responses=RecommendationSerializer,
        tags=["recommendations"],
    )
    def get(self, request, code):
        self.only_params()
        if not RECOMMENDATION_CODE.fullmatch(code):
            raise Http404
        item = get_object_or_404(recommendations_for_records(Recommendation.objects), code=code)
        data = RecommendationSerializer(item, context=recommendation_context(self)).data
        return Response(data)


# --- Schema -----


class SchemaView(SpectacularAPIView):
    """The OpenAPI document: JSON unless YAML is asked for; ?lang=fr for French descriptions."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        errors = check_shape(request.query_params, ["lang"])
        if request.query_params.get("lang", "en") not in ("en", "fr") and "lang" not in errors:
            errors["lang"] = [_("Choose en or fr.")]
        if errors:
            raise BadQuery(errors)
        return super().get(request, *args, **kwargs)
