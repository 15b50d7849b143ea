"""What each API record holds. Both languages in every record ({"en": …, "fr": …}); stable ids
(practice and organization ids, province codes, theme slugs, recommendation codes); links to the
human pages in both languages.

Never here: members, threads, unpublished practices, and, for a practice whose lessons were shared
anonymously, anything naming who shared them (lead and partner organizations, contact).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opendata import bilingual
from practices.models import (
    DeliveryMode,
    EvidenceLevel,
    Kind,
    Origin,
    Principle,
    ResourceKind,
    Stage,
)
from priorities import results
from recommendations import schedule
from recommendations.models import Actor, Horizon, Source, Status
from recommendations.models import Kind as RecommendationKind
from uploads import files
from workinggroup.models import SizeClass, StaffSizeBand

# --- Shapes shared by several records (schema only; records build them with bilingual.py) -----


class BilingualTextSerializer(serializers.Serializer):
    en = serializers.CharField(allow_null=True, help_text=_("English; null if not written."))
    fr = serializers.CharField(allow_null=True, help_text=_("French; null if not written."))


class BilingualUrlSerializer(serializers.Serializer):
    en = serializers.URLField()
    fr = serializers.URLField()


class LabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = BilingualTextSerializer()


class NamedSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = BilingualTextSerializer()


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = BilingualTextSerializer()


class OrganizationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = BilingualTextSerializer()
    url = serializers.URLField(help_text=_("This organization in the API."))


class CommunitySerializer(serializers.Serializer):
    name = serializers.CharField()
    province = serializers.CharField(help_text=_("Province or territory code."))
    size_class = LabelSerializer()


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True)
    role = BilingualTextSerializer()
    email = serializers.EmailField(allow_null=True)
    phone = serializers.CharField(allow_null=True)


def label_field(serializer=LabelSerializer, many=False, null=False):
    return extend_schema_field(serializer(many=many, allow_null=null))


def named(obj):
    return {"code": obj.code, "name": bilingual.text(obj, "name")}


def tag(obj):
    return {"slug": obj.slug, "name": bilingual.text(obj, "name")}


def api_url(request, name, **kwargs):
    path = reverse(f"opendata_api:{name}", kwargs=kwargs)
    return request.build_absolute_uri(path) if request else path


def organization_ref(organization, request):
    if organization is None:
        return None
    return {
        "id": organization.pk,
        "slug": organization.slug,
        "name": bilingual.text(organization, "name"),
        "url": api_url(request, "organization-detail", pk=organization.pk),
    }


def in_languages(address_of):
    """{"en": …, "fr": …}: an absolute address built in each language."""
    found = {}
    for lang in bilingual.LANGUAGES:
        with translation.override(lang):
            found[lang] = settings.SITE_URL + address_of()
    return found


# Read-only records built from model rows; the view passes the request in the context.
class RecordSerializer(serializers.Serializer):
    @property
    def request(self):
        return self.context.get("request")


# --- Resources -----


class FileSerializer(serializers.Serializer):
    format = serializers.CharField(help_text=_("Detected from the content: pdf, docx, png…"))
    size = serializers.IntegerField(min_value=0, help_text=_("In bytes."))
    name = serializers.CharField(help_text=_("The file's name."))
    download = BilingualUrlSerializer(help_text=_("Where to download it, in each language."))
    preview = BilingualUrlSerializer(
        allow_null=True, help_text=_("A small image of its first page or of the image.")
    )


class ResourceSerializer(RecordSerializer):
    """A resource of a published practice: a file (scanned clean) or a link elsewhere."""

    id = serializers.IntegerField(read_only=True)
    practice = serializers.SerializerMethodField(help_text=_("Its practice in the API."))
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField(
        help_text=_("The languages the resource itself is in (codes).")
    )
    file = serializers.SerializerMethodField(help_text=_("Null for a link."))
    link = serializers.SerializerMethodField(help_text=_("A page elsewhere; null for a file."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_practice(self, resource):
        return api_url(self.request, "practice-detail", pk=resource.practice_id)

    @label_field(BilingualTextSerializer)
    def get_title(self, resource):
        return bilingual.text(resource, "title")

    @label_field(BilingualTextSerializer)
    def get_description(self, resource):
        return bilingual.text(resource, "description")

    @label_field()
    def get_kind(self, resource):
        return bilingual.choice(ResourceKind, resource.kind)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_languages(self, resource):
        return resource.languages

    @label_field(FileSerializer, null=True)
    def get_file(self, resource):
        upload = resource.upload
        if upload is None:
            return None
        return {
            "format": upload.format,
            "size": upload.size,
            "name": upload.name,
            "download": in_languages(lambda: files.download_url(upload)),
            "preview": in_languages(lambda: files.preview_url(upload)) if upload.preview else None,
        }

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_link(self, resource):
        return resource.url or None


# --- Practices -----


class PracticeSerializer(RecordSerializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField(help_text=_("This practice in the API."))
    links = serializers.SerializerMethodField(help_text=_("The practice's page, in each language."))
    languages = serializers.SerializerMethodField(
        help_text=_("The languages its title and summary exist in.")
    )
    title = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    outcomes = serializers.SerializerMethodField()
    lessons = serializers.SerializerMethodField(help_text=_("What did not work."))
    lessons_anonymous = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "The lessons were shared anonymously: the record then names no organization and no "
            "contact."
        ),
    )
    lead_organization = serializers.SerializerMethodField()
    partner_organizations = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField(help_text=_("Someone to call about this practice."))
    province = serializers.SerializerMethodField()
    region = serializers.SerializerMethodField(help_text=_("IRCC region."))
    community = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    client_groups = serializers.SerializerMethodField()
    principles = serializers.SerializerMethodField(help_text=_("IRCC foundational principles."))
    kind = serializers.SerializerMethodField()
    delivery_mode = serializers.SerializerMethodField()
    origin = serializers.SerializerMethodField(help_text=_("Where the idea came from."))
    evidence_level = serializers.SerializerMethodField()
    stage = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    resources = serializers.SerializerMethodField(
        help_text=_("Its forms, handouts, toolkits and reports: files and links.")
    )

    @label_field(ResourceSerializer, many=True)
    def get_resources(self, practice):
        return ResourceSerializer(practice.public_resources, many=True, context=self.context).data

    def anonymous(self, practice):
        return practice.lessons_anonymous

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, practice):
        return api_url(self.request, "practice-detail", pk=practice.pk)

    @label_field(BilingualUrlSerializer)
    def get_links(self, practice):
        return bilingual.urls(practice)

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(["en", "fr"])))
    def get_languages(self, practice):
        return practice.languages()

    @label_field(BilingualTextSerializer)
    def get_title(self, practice):
        return bilingual.text(practice, "title")

    @label_field(BilingualTextSerializer)
    def get_summary(self, practice):
        return bilingual.text(practice, "summary")

    @label_field(BilingualTextSerializer)
    def get_description(self, practice):
        return bilingual.text(practice, "description")

    @label_field(BilingualTextSerializer)
    def get_outcomes(self, practice):
        return bilingual.text(practice, "outcomes")

    @label_field(BilingualTextSerializer)
    def get_lessons(self, practice):
        return bilingual.text(practice, "lessons")

    @label_field(OrganizationRefSerializer, null=True)
    def get_lead_organization(self, practice):
        if self.anonymous(practice):
            return None
        return organization_ref(practice.lead_organization, self.request)

    @label_field(OrganizationRefSerializer, many=True)
    def get_partner_organizations(self, practice):
        if self.anonymous(practice):
            return []
        partners = sorted(practice.partner_organizations.all(), key=lambda o: (o.name_en, o.pk))
        return [organization_ref(o, self.request) for o in partners]

    @label_field(ContactSerializer, null=True)
    def get_contact(self, practice):
        if self.anonymous(practice) or not (
            practice.contact_name or practice.contact_email or practice.contact_phone
        ):
            return None
        return {
            "name": practice.contact_name or None,
            "role": bilingual.text(practice, "contact_role"),
            "email": practice.contact_email or None,
            "phone": practice.contact_phone or None,
        }

    @label_field(NamedSerializer)
    def get_province(self, practice):
        return named(practice.province)

    @label_field(NamedSerializer)
    def get_region(self, practice):
        return named(practice.region)

    @label_field(CommunitySerializer, null=True)
    def get_community(self, practice):
        community = practice.community
        if community is None:
            return None
        return {
            "name": community.name,
            "province": practice.province.code,
            "size_class": bilingual.choice(SizeClass, community.size_class),
        }

    def _tags(self, key, bits):
        return [tag(row) for row in self.context[key] if bits & (1 << row.bit)]

    @label_field(TagSerializer, many=True)
    def get_themes(self, practice):
        return self._tags("themes", practice.theme_bits)

    @label_field(TagSerializer, many=True)
    def get_client_groups(self, practice):
        return self._tags("client_groups", practice.client_group_bits)

    @label_field(many=True)
    def get_principles(self, practice):
        return [bilingual.choice(Principle, p) for p in practice.principles]

    @label_field()
    def get_kind(self, practice):
        return bilingual.choice(Kind, practice.kind)

    @label_field()
    def get_delivery_mode(self, practice):
        return bilingual.choice(DeliveryMode, practice.delivery_mode)

    @label_field()
    def get_origin(self, practice):
        return bilingual.choice(Origin, practice.origin)

    @label_field()
    def get_evidence_level(self, practice):
        return bilingual.choice(EvidenceLevel, practice.evidence_level)

    @label_field()
    def get_stage(self, practice):
        return bilingual.choice(Stage, practice.stage)


# --- Organizations and reference data -----


class OrganizationSerializer(RecordSerializer):
    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField(help_text=_("This organization in the API."))
    links = serializers.SerializerMethodField(help_text=_("Its page in the directory."))
    name = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    province = serializers.SerializerMethodField()
    region = serializers.SerializerMethodField(help_text=_("IRCC region."))
    communities = serializers.SerializerMethodField(help_text=_("Communities served."))
    staff_size = serializers.SerializerMethodField()
    languages = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text=_("Languages of service (codes).")
    )
    francophone_minority = serializers.BooleanField(read_only=True)
    website = serializers.SerializerMethodField()
    public_email = serializers.SerializerMethodField()
    public_phone = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organization):
        return api_url(self.request, "organization-detail", pk=organization.pk)

    @label_field(BilingualUrlSerializer)
    def get_links(self, organization):
        return bilingual.urls(organization)

    @label_field(BilingualTextSerializer)
    def get_name(self, organization):
        return bilingual.text(organization, "name")

    @label_field(BilingualTextSerializer)
    def get_description(self, organization):
        return bilingual.text(organization, "description")

    @label_field(NamedSerializer)
    def get_province(self, organization):
        return named(organization.province)

    @label_field(NamedSerializer)
    def get_region(self, organization):
        return named(organization.province.region)

    @label_field(CommunitySerializer, many=True)
    def get_communities(self, organization):
        return [
            {
                "name": c.name,
                "province": c.province.code,
                "size_class": bilingual.choice(SizeClass, c.size_class),
            }
            for c in organization.communities.all()
        ]

    @label_field(null=True)
    def get_staff_size(self, organization):
        return bilingual.choice(StaffSizeBand, organization.staff_size)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_website(self, organization):
        return organization.website or None

    @extend_schema_field(serializers.EmailField(allow_null=True))
    def get_public_email(self, organization):
        return organization.public_email or None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_public_phone(self, organization):
        return organization.public_phone or None


class RegionSerializer(RecordSerializer):
    code = serializers.CharField(read_only=True)
    name = serializers.SerializerMethodField()
    provinces = serializers.SerializerMethodField(
        help_text=_("Codes of its provinces/territories.")
    )

    @label_field(BilingualTextSerializer)
    def get_name(self, region):
        return bilingual.text(region, "name")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_provinces(self, region):
        return [p.code for p in region.provinces.all()]


class ProvinceSerializer(RecordSerializer):
    code = serializers.CharField(read_only=True)
    name = serializers.SerializerMethodField()
    region = serializers.CharField(
        source="region.code", read_only=True, help_text=_("Region code.")
    )

    @label_field(BilingualTextSerializer)
    def get_name(self, province):
        return bilingual.text(province, "name")


class TagRecordSerializer(RecordSerializer):
    slug = serializers.CharField(
        read_only=True, help_text=_("Stable identifier; the filter value.")
    )
    name = serializers.SerializerMethodField()

    @label_field(BilingualTextSerializer)
    def get_name(self, row):
        return bilingual.text(row, "name")


# --- Recommendations tracker -----


class CurrentStatusSerializer(serializers.Serializer):
    status = LabelSerializer()
    as_of = serializers.DateField()


class VoicesSerializer(serializers.Serializer):
    ircc = CurrentStatusSerializer(allow_null=True, help_text=_("What IRCC reports."))
    working_group = CurrentStatusSerializer(
        allow_null=True, help_text=_("The working group's assessment.")
    )


class WindowSerializer(serializers.Serializer):
    starts = serializers.DateField()
    ends = serializers.DateField()


class StatusUpdateSerializer(RecordSerializer):
    id = serializers.IntegerField(read_only=True)
    voice = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    effective_date = serializers.DateField(read_only=True)
    posted_at = serializers.DateTimeField(source="created_at", read_only=True)
    author_role = serializers.CharField(read_only=True)
    author_organization = serializers.SerializerMethodField()
    note = serializers.SerializerMethodField()
    evidence_links = serializers.ListField(child=serializers.URLField(), read_only=True)
    corrects = serializers.IntegerField(
        source="corrects_id",
        read_only=True,
        allow_null=True,
        help_text=_("The id of the earlier update this one corrects."),
    )

    @label_field()
    def get_voice(self, update):
        return bilingual.choice(Source, update.source)

    @label_field()
    def get_status(self, update):
        return bilingual.choice(Status, update.status)

    @label_field(OrganizationRefSerializer, null=True)
    def get_author_organization(self, update):
        return organization_ref(update.author_organization, self.request)

    @label_field(BilingualTextSerializer)
    def get_note(self, update):
        return bilingual.text(update, "note")


def current(status, day):
    return {"status": bilingual.choice(Status, status), "as_of": day} if status else None


class FeasibilitySerializer(serializers.Serializer):
    median = serializers.FloatField(allow_null=True)
    consensus = serializers.ChoiceField(choices=["strong", "consensus", "none"])


class PrioritySerializer(serializers.Serializer):
    exercise = serializers.CharField()
    title = BilingualTextSerializer()
    rank = serializers.IntegerField()
    median = serializers.FloatField()
    priority = serializers.ChoiceField(choices=["high", "medium", "low"])
    consensus = serializers.ChoiceField(choices=["strong", "consensus", "none"])
    feasibility = FeasibilitySerializer(
        allow_null=True,
        help_text=_("The group's answer on feasibility, or null when the exercise did not ask it."),
    )


class RecommendationSerializer(RecordSerializer):
    code = serializers.CharField(
        read_only=True, help_text=_("Stable identifier, as in the report.")
    )
    url = serializers.SerializerMethodField(help_text=_("This recommendation in the API."))
    links = serializers.SerializerMethodField(help_text=_("Its page in the tracker."))
    kind = serializers.SerializerMethodField()
    parent = serializers.SerializerMethodField(
        help_text=_("Code of the recommendation it is part of.")
    )
    title = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    horizon = serializers.SerializerMethodField()
    window = serializers.SerializerMethodField(help_text=_("When the horizon asks it to be done."))
    lead_actor = serializers.SerializerMethodField()
    principle = serializers.SerializerMethodField()
    priority_rank = serializers.IntegerField(read_only=True, allow_null=True)
    current_status = serializers.SerializerMethodField(help_text=_("The latest status per voice."))
    overdue = serializers.SerializerMethodField()
    stale = serializers.SerializerMethodField()
    voices_disagree = serializers.SerializerMethodField()
    related_practices = serializers.SerializerMethodField(help_text=_("Published practice ids."))
    priority = serializers.SerializerMethodField(
        help_text=_(
            "The working group's priority for it in the latest published exercise (rank, median "
            "on the 1 to 5 scale, priority and consensus), or null."
        )
    )
    history = serializers.SerializerMethodField(
        help_text=_("Every status update of both voices, oldest first; corrections included.")
    )

    @property
    def today(self):
        return self.context.get("today") or timezone.localdate()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item):
        return api_url(self.request, "recommendation-detail", code=item.code)

    @label_field(BilingualUrlSerializer)
    def get_links(self, item):
        return bilingual.urls(item)

    @label_field()
    def get_kind(self, item):
        return bilingual.choice(RecommendationKind, item.kind)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_parent(self, item):
        return self.context["codes"].get(item.parent_id)

    @label_field(BilingualTextSerializer)
    def get_title(self, item):
        return bilingual.text(item, "title")

    @label_field(BilingualTextSerializer)
    def get_text(self, item):
        return bilingual.text(item, "text")

    @label_field(null=True)
    def get_horizon(self, item):
        return bilingual.choice(Horizon, item.horizon)

    @label_field(WindowSerializer, null=True)
    def get_window(self, item):
        span = schedule.window(item)
        return {"starts": span.starts, "ends": span.ends} if span else None

    @label_field()
    def get_lead_actor(self, item):
        return bilingual.choice(Actor, item.actor)

    @label_field()
    def get_principle(self, item):
        return bilingual.choice(Principle, item.principle)

    @label_field(VoicesSerializer)
    def get_current_status(self, item):
        return {
            "ircc": current(item.ircc_status, item.ircc_status_date),
            "working_group": current(item.wg_status, item.wg_status_date),
        }

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_overdue(self, item):
        return schedule.is_overdue(item, self.today)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_stale(self, item):
        return schedule.is_stale(item, self.today)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_voices_disagree(self, item):
        return schedule.voices_disagree(item)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_related_practices(self, item):
        return [p.pk for p in item.published_practices]

    @label_field(PrioritySerializer, null=True)
    def get_priority(self, item):
        if "priorities" not in self.context:  # once per response, not per item
            self.context["priorities"] = results.latest_data()
        data = self.context["priorities"]
        found = data.get("items", {}).get(item.pk) if data else None
        if not found:
            return None
        rank, median, priority, agreed, feasibility = found
        title = {code: data["titles"].get(code, "") for code in ("en", "fr")}
        return {
            "exercise": data["slug"],
            "title": title,
            "rank": rank,
            "median": median,
            "priority": priority,
            "consensus": agreed,
            "feasibility": feasibility,
        }

    @label_field(StatusUpdateSerializer, many=True)
    def get_history(self, item):
        return StatusUpdateSerializer(item.history, many=True, context=self.context).data
