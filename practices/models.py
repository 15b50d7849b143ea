"""Promising practices: what small centres tried, where, with whom, and who to call.

What filters need is copied onto the practice row when it is saved (region, community size class,
the languages it exists in, and its themes, client groups and principles as bit sets), so every
filter and every facet count reads one table.

The receivers at the end keep the catalogue's cache versions (versions.py) in step with the rows
they watch: any save or deletion of a practice, a change to its themes or client groups, a change
to the filters' reference tables.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import GreaterThan
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lib.text import language_names_in_running_text
from practices import search
from practices.search import normalize
from practices.versions import publication_changed, reference_changed
from uploads.models import Scan
from workinggroup.models import (
    LANGUAGE_BITS,
    SERVICE_LANGUAGES,
    ProvinceTerritory,
    Region,
    SizeClass,
    language_bits,
)

# Bits 0..62 of a signed 64-bit integer: a theme or client group table of at most 63 rows.
MAX_BITS = 63


# The slug of a practice whose titles give none: the URL holds its id anyway.
FALLBACK_SLUGS = {"en": "practice", "fr": "pratique"}


def slug_of(title):
    """The ASCII slug of a title, "" when nothing in it has a Latin form (the URL's <slug:>
    takes ASCII only). Never "-": a slug of dashes alone is no slug."""
    return slugify(title or "")[:200].strip("-_")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class Principle(models.TextChoices):
    """IRCC's foundational principles for settlement programming."""

    CLIENT_CENTRIC = "client_centric", _("Client-centric")
    OUTCOMES_DRIVEN = "outcomes_driven", _("Outcomes-driven")
    EFFICIENT_RESOURCES = "efficient_resources", _("Efficient use of resources")
    RESPONSIVE = "responsive", _("Responsive to needs")

    @classmethod
    def bit(cls, code):
        return list(cls.values).index(code)


class Kind(models.TextChoices):
    INNOVATION = "innovation", _("Innovation")
    ITERATION = "iteration", _("Iteration of what works")


class DeliveryMode(models.TextChoices):
    DIGITAL = "digital", _("Digital")
    NON_DIGITAL = "non_digital", _("Non-digital")
    HYBRID = "hybrid", _("Hybrid")


class Origin(models.TextChoices):
    NEWCOMER_IDEA = "newcomer_idea", _("Idea from a newcomer")
    STAFF = "staff", _("Idea from staff")
    PARTNERSHIP = "partnership", _("Came out of a partnership")
    FUNDER = "funder", _("Suggested by a funder")
    OTHER = "other", _("Other")


class EvidenceLevel(models.TextChoices):
    ANECDOTAL = "anecdotal", _("Anecdotal")
    MONITORED = "monitored", _("Monitored")
    EVALUATED = "evaluated", _("Formally evaluated")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    ESTABLISHED = "established", _("Established")
    SCALED = "scaled", _("Scaled up")
    DISCONTINUED = "discontinued", _("Discontinued")


class BitTag(models.Model):
    """A bilingual reference row that practices also carry as one bit of an integer."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    bit = models.PositiveSmallIntegerField(
        _("bit"),
        unique=True,
        help_text=_("Position in the practice's bit set (0 to 62); never reuse one."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]
        constraints = [
            models.CheckConstraint(condition=Q(bit__lt=MAX_BITS), name="%(class)s_bit_range")
        ]

    def __str__(self):
        return self.name

    @property
    def mask(self):
        return 1 << self.bit


class Theme(BitTag):
    class Meta(BitTag.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class ClientGroup(BitTag):
    class Meta(BitTag.Meta):
        verbose_name = _("client group")
        verbose_name_plural = _("client groups")


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def newest_first(self):
        # Matches the partial indexes (published_at DESC): published rows always have a date.
        return self.order_by("-published_at", "-id")

    def in_region(self, region):
        return self.filter(region=region)

    def in_province(self, province):
        return self.filter(province=province)

    def of_size(self, size_class):
        return self.filter(size_class=size_class)

    def with_theme(self, theme):
        return self.with_bit("theme_bits", theme.bit)

    def for_client_group(self, group):
        return self.with_bit("client_group_bits", group.bit)

    def serving_principle(self, code):
        return self.with_bit("principle_bits", Principle.bit(code))

    def with_bit(self, field, bit):
        return self.filter(has_bit(field, bit))

    def available_in(self, language):
        return self.filter(**{f"has_{language}": True})

    def led_or_partnered_by(self, organization):
        return self.filter(
            Q(lead_organization=organization) | Q(partner_organizations=organization)
        ).distinct()

    def matching(self, text):
        return search.matching(self, text)

    def for_cards(self):
        """What a result card shows, in one query."""
        return self.select_related("lead_organization", "community", "province", "region").only(
            *CARD_FIELDS
        )


def has_bit(field, bit):
    """A condition: bit `bit` of integer column `field` is set (portable: & works on SQLite)."""
    return Q(GreaterThan(F(field).bitand(1 << bit), 0))


class PromisingPractice(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, blank=True, db_index=False)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    description = models.TextField(_("description"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    lessons = models.TextField(
        _("what did not work"),
        blank=True,
        help_text=_("Lessons learned: what you would do differently."),
    )
    lessons_anonymous = models.BooleanField(
        _("publish lessons anonymously"),
        default=False,
        help_text=_("Show what did not work without naming the organization or the contact."),
    )

    lead_organization = models.ForeignKey(
        "workinggroup.Organization",
        verbose_name=_("lead organization"),
        on_delete=models.PROTECT,
        related_name="led_practices",
    )
    partner_organizations = models.ManyToManyField(
        "workinggroup.Organization",
        verbose_name=_("partner organizations"),
        blank=True,
        related_name="partner_practices",
    )
    province = models.ForeignKey(
        "workinggroup.ProvinceTerritory",
        verbose_name=_("province or territory"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    community = models.ForeignKey(
        "workinggroup.Community",
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="practices")
    client_groups = models.ManyToManyField(
        ClientGroup, verbose_name=_("client groups"), blank=True, related_name="practices"
    )
    principle_bits = models.PositiveSmallIntegerField(
        _("IRCC foundational principles"), default=0, help_text=_("A bit set of Principle.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices
    )
    origin = models.CharField(_("origin of the idea"), max_length=20, choices=Origin.choices)
    evidence_level = models.CharField(
        _("evidence level"), max_length=20, choices=EvidenceLevel.choices
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)

    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Kept by the adaptations app: the count sorts "most adapted", the date tells readers the
    # practice was last confirmed current (publication, or an editor closing an out-of-date report).
    adaptation_count = models.PositiveIntegerField(_("adaptations"), default=0, editable=False)
    confirmed_at = models.DateTimeField(_("last confirmed current"), null=True, blank=True)

    # Copied from related rows and text on save, so filters and facets read one table.
    region = models.ForeignKey(
        "workinggroup.Region",
        verbose_name=_("IRCC region"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="practices",
    )
    size_class = models.CharField(
        _("community size"), max_length=20, choices=SizeClass.choices, blank=True, editable=False
    )
    theme_bits = models.BigIntegerField(default=0, editable=False)
    client_group_bits = models.BigIntegerField(default=0, editable=False)
    has_en = models.BooleanField(_("available in English"), default=False, editable=False)
    has_fr = models.BooleanField(_("available in French"), default=False, editable=False)
    # SQLite fallback search: title and all text, both languages, accents removed, lower case.
    # (PostgreSQL searches generated tsvector columns added by migration 0002 instead.)
    search_title = models.TextField(blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    # Copied from the practice's resources when they change (Resource.refresh_practice): the
    # languages they exist in (LANGUAGE_BITS, the "has resources in" filter), and their titles
    # and descriptions per language, searched with the practice's own text.
    resource_language_bits = models.IntegerField(default=0, editable=False)
    resource_text_en = models.TextField(blank=True, editable=False)
    resource_text_fr = models.TextField(blank=True, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("promising practice")
        verbose_name_plural = _("promising practices")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                F("published_at").desc(),
                F("id").desc(),
                name="practice_pub_newest",
                condition=Q(status="published"),
            ),
            models.Index(
                F("adaptation_count").desc(),
                F("published_at").desc(),
                name="practice_pub_most_adapted",
                condition=Q(status="published"),
            ),
            *[
                models.Index(
                    field,
                    F("published_at").desc(),
                    name=f"practice_pub_{field}",
                    condition=Q(status="published"),
                )
                for field in (
                    "region",
                    "province",
                    "size_class",
                    "kind",
                    "delivery_mode",
                    "origin",
                    "evidence_level",
                    "stage",
                    "lead_organization",
                )
            ],
            # "Has resources in" (facets.ResourceLanguageChoice): the few practices with
            # resources, in the list's two orders.
            models.Index(
                F("published_at").desc(),
                F("id").desc(),
                name="practice_pub_resources_newest",
                condition=Q(status="published", resource_language_bits__gt=0),
            ),
            models.Index(
                F("adaptation_count").desc(),
                F("published_at").desc(),
                name="practice_pub_resources_adapted",
                condition=Q(status="published", resource_language_bits__gt=0),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | set(DERIVED_FIELDS)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("practice_detail", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def principles(self):
        return [p for p in Principle if self.principle_bits & (1 << Principle.bit(p))]

    @principles.setter
    def principles(self, codes):
        self.principle_bits = sum(1 << Principle.bit(code) for code in set(codes))

    def languages(self):
        return [code for code in ("en", "fr") if getattr(self, f"has_{code}")]

    def missing_texts(self, lang):
        """The texts (TEXT_FIELDS names) this practice lacks in `lang`: see missing_texts()."""
        return missing_texts(lambda name, code: getattr(self, f"{name}_{code}"), lang)

    def fill_derived_fields(self):
        self.region_id = self.province.region_id
        self.size_class = self.community.size_class if self.community_id else ""
        self.has_en = not self.missing_texts("en")
        self.has_fr = not self.missing_texts("fr")
        # Both slugs always filled: a one-language practice uses its slug in both URLs, and a
        # title with nothing to transliterate (Arabic, syllabics, emoji) a word of the language.
        self.slug_en = self.slug_en or slug_of(self.title_en or self.title_fr)
        self.slug_fr = self.slug_fr or slug_of(self.title_fr or self.title_en)
        self.slug_en = self.slug_en or self.slug_fr or FALLBACK_SLUGS["en"]
        self.slug_fr = self.slug_fr or self.slug_en or FALLBACK_SLUGS["fr"]
        self.search_title = normalize(f"{self.title_en or ''} {self.title_fr or ''}")
        texts = (
            getattr(self, f"{name}_{lang}")
            for name in (*TEXT_FIELDS, "resource_text")
            for lang in LANGS
        )
        self.search_text = normalize(" ".join(t for t in texts if t))

    def refresh_bits(self):
        """Copy the themes and client groups (many-to-many) onto the row's bit sets."""
        theme_bits = sum(1 << b for b in self.themes.values_list("bit", flat=True))
        group_bits = sum(1 << b for b in self.client_groups.values_list("bit", flat=True))
        PromisingPractice.objects.filter(pk=self.pk).update(
            theme_bits=theme_bits, client_group_bits=group_bits
        )
        self.theme_bits, self.client_group_bits = theme_bits, group_bits
        publication_changed()


LANGS = ("en", "fr")
TEXT_FIELDS = ("title", "summary", "description", "outcomes", "lessons")


def missing_texts(text_of, lang):
    """The texts a practice lacks in `lang`, in TEXT_FIELDS order; `text_of(name, lang)` reads one.

    A practice is available in a language only when it has its title, its summary and every
    other text it has in the other language in that language too: a French-only "How it works"
    under an English title is not an English practice (issue 16).
    """
    other = "fr" if lang == "en" else "en"
    return [
        name
        for name in TEXT_FIELDS
        if not text_of(name, lang) and (name in ("title", "summary") or text_of(name, other))
    ]


DERIVED_FIELDS = (
    "region",
    "size_class",
    "has_en",
    "has_fr",
    "slug_en",
    "slug_fr",
    "search_title",
    "search_text",
)
CARD_FIELDS = (
    "id",
    "slug_en",
    "slug_fr",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "kind",
    "delivery_mode",
    "evidence_level",
    "stage",
    "origin",
    "published_at",
    "adaptation_count",
    "theme_bits",
    "client_group_bits",
    "has_en",
    "has_fr",
    "lead_organization__id",
    "lead_organization__slug",
    "lead_organization__name_en",
    "lead_organization__name_fr",
    "community__id",
    "community__name",
    "province__id",
    "province__code",
    "province__name_en",
    "province__name_fr",
    "region__id",
    "region__code",
    "region__name_en",
    "region__name_fr",
)


class ResourceKind(models.TextChoices):
    FORM = "form", _("Form or template")
    HANDOUT = "handout", _("Handout for clients")
    GUIDE = "guide", _("Guide or toolkit")
    REPORT = "report", _("Evaluation or report")
    PRESENTATION = "presentation", _("Presentation")
    IMAGE = "image", _("Image")
    MEDIA = "media", _("Audio or video")


# The languages a resource can be in: the directory's (workinggroup.SERVICE_LANGUAGES).
RESOURCE_LANGUAGES = SERVICE_LANGUAGES


class ResourceQuerySet(models.QuerySet):
    def shown_to(self, user, may_review=False):
        """The resources a person sees: every external link and every scanned-clean file; a file
        still waiting for its scan only to its uploader and to editors (`may_review`)."""
        if may_review:
            return self
        visible = Q(upload__isnull=True) | Q(upload__scan=Scan.CLEAN)
        if user is not None and user.is_authenticated:
            visible |= Q(upload__uploader=user) & ~Q(upload__scan=Scan.INFECTED)
        return self.filter(visible)

    def with_kind(self, kind):
        return self.filter(kind=kind)

    def in_language(self, code):
        return self.filter(has_bit("language_bits", LANGUAGE_BITS[code].bit_length() - 1))


class Resource(models.Model):
    """A file or a link behind a practice: a form, a handout in clients' languages, a toolkit.

    Written by publication only (submissions.content.apply), from the content of the reviewed
    version: `key` is the resource's identity across versions, so an edit keeps its row."""

    practice = models.ForeignKey(
        PromisingPractice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="resources",
    )
    key = models.CharField(max_length=32, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    language_bits = models.IntegerField(_("languages"), default=0)
    upload = models.ForeignKey(
        "uploads.Upload",
        verbose_name=_("file"),
        null=True,
        blank=True,
        # A published file is removed through a reviewed version, never under the practice.
        on_delete=models.PROTECT,
        related_name="resources",
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # When it was published: rows are only written by publication (digests list new ones).
    created_at = models.DateTimeField(_("published"), default=timezone.now, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["practice", "position", "id"]
        indexes = [
            models.Index(fields=["practice", "position"], name="resource_practice_position"),
            # The open-data list filters by kind, newest practices first.
            models.Index(fields=["kind", "practice"], name="resource_kind"),
            # Digests read the resources published in a window.
            models.Index(fields=["created_at"], name="resource_created"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["practice", "key"], name="resource_unique_key"),
            models.CheckConstraint(
                condition=(Q(upload__isnull=False) & Q(url=""))
                | (Q(upload__isnull=True) & ~Q(url="")),
                name="resource_file_or_link",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def languages(self):
        return languages_of_bits(self.language_bits)

    @languages.setter
    def languages(self, codes):
        self.language_bits = language_bits(codes)

    @property
    def title_language(self):
        """The language the title shows in (modeltranslation falls back to the other)."""
        return shown_language(self, "title")

    @property
    def description_language(self):
        return shown_language(self, "description")

    def language_names(self):
        """The resource's languages, named in the active language: in running text, so in lower
        case in French (« arabe, tigrigna »; docs/french-style.md)."""
        return language_names_in_running_text(RESOURCE_LANGUAGES[code] for code in self.languages)

    @property
    def is_link(self):
        return self.upload_id is None

    @classmethod
    def refresh_practice(cls, practice):
        """Copy the practice's resources' languages and texts onto its row (filter, search)."""
        rows = list(
            cls.objects.filter(practice=practice).values_list(
                "language_bits", "title_en", "title_fr", "description_en", "description_fr"
            )
        )
        bits = 0
        for row in rows:
            bits |= row[0]
        practice.resource_language_bits = bits
        practice.resource_text_en = " ".join(t for r in rows for t in (r[1], r[3]) if t)
        practice.resource_text_fr = " ".join(t for r in rows for t in (r[2], r[4]) if t)
        practice.save(
            update_fields=["resource_language_bits", "resource_text_en", "resource_text_fr"]
        )


def shown_language(row, name):
    """The language a translated field of `row` shows in: the active one if it has text."""
    mine = "fr" if (get_language() or "").startswith("fr") else "en"
    other = "en" if mine == "fr" else "fr"
    return mine if getattr(row, f"{name}_{mine}") or not getattr(row, f"{name}_{other}") else other


def languages_of_bits(bits):
    """The language codes of a LANGUAGE_BITS bit set, in the directory's order."""
    return [code for code, bit in LANGUAGE_BITS.items() if bits & bit]


class GlossaryEntry(models.Model):
    """A settlement term in English and in French: a search for one also finds practices that
    use the other (practices/glossary.py), so a query in one language finds practices written
    only in the other. Kept by editors in the admin; listed on the search help page."""

    phrase_en = models.CharField(_("English phrase"), max_length=100)
    phrase_fr = models.CharField(_("French phrase"), max_length=100)

    class Meta:
        ordering = ["phrase_en"]
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary entries")
        constraints = [
            models.UniqueConstraint(fields=["phrase_en", "phrase_fr"], name="glossary_unique_pair")
        ]

    def __str__(self):
        return f"{self.phrase_en} / {self.phrase_fr}"

    def clean(self):
        self.phrase_en = " ".join((self.phrase_en or "").split())
        self.phrase_fr = " ".join((self.phrase_fr or "").split())
        errors = {}
        for field in ("phrase_en", "phrase_fr"):
            if not search.words(getattr(self, field)):
                errors[field] = _("Write a phrase with at least one word.")
        if not errors and normalize(self.phrase_en) == normalize(self.phrase_fr):
            errors["phrase_fr"] = _(
                "The French phrase is the same as the English one: an entry pairs a phrase "
                "with its translation."
            )
        if errors:
            raise ValidationError(errors)


@receiver(m2m_changed, sender=PromisingPractice.themes.through)
@receiver(m2m_changed, sender=PromisingPractice.client_groups.through)
def _refresh_bits(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        instance.refresh_bits()


# Any change to a practice may change what is published. (Bulk changes send no signal: their
# callers call catalogue.publication_changed, as the demo loader and generate_practices do.)
@receiver(post_save, sender=PromisingPractice)
@receiver(post_delete, sender=PromisingPractice)
def _practice_changed(sender, **kwargs):
    publication_changed()


# The glossary changes what a search finds.
@receiver([post_save, post_delete], sender=GlossaryEntry)
def _glossary_changed(sender, **kwargs):
    publication_changed()


# The filters' choices come from these tables: a new theme or a renamed region shows at once.
@receiver([post_save, post_delete], sender=Region)
@receiver([post_save, post_delete], sender=ProvinceTerritory)
@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=ClientGroup)
def _reference_changed(sender, **kwargs):
    reference_changed()


class MatchBitmap(models.Model):
    """PostgreSQL: the published practices that hold `key` (a filter term, "published", or a
    common word), bit n set for practice n. Written only by the database's triggers and
    practice_bitmaps_rebuild (migration 0016); read by practices/bitmaps.py."""

    key = models.CharField(max_length=300, primary_key=True)
    bits = models.BinaryField(default=b"")

    def __str__(self):
        return self.key
