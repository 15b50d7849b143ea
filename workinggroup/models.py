"""Who is who in the small-centres network: people, regions, communities, organizations."""

import hashlib
import re
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Lower
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lib import cache_versions
from lib.emails import send_templated_email
from lib.text import fold, language_names_in_running_text
from lib.typography import collated
from workinggroup import roles, sessions


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in, identified by email. Roles are Django groups (see roles.py)."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Every email the portal sends you is in this language."),
    )
    organization = models.ForeignKey(
        "workinggroup.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


class Region(models.Model):
    """An IRCC settlement region (Atlantic, Prairies and Northern Territories, ...)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("IRCC region")
        verbose_name_plural = _("IRCC regions")

    def __str__(self):
        return self.name


# The Translation Bureau's French abbreviations of the provinces and territories.
FRENCH_ABBREVIATIONS = {
    "NL": "T.-N.-L.",
    "PE": "Î.-P.-É.",
    "NS": "N.-É.",
    "NB": "N.-B.",
    "QC": "Qc",
    "ON": "Ont.",
    "MB": "Man.",
    "SK": "Sask.",
    "AB": "Alb.",
    "BC": "C.-B.",
    "YT": "Yn",
    "NT": "T.N.-O.",
    "NU": "Nt",
}


def place_name(community_name, province_code, language=None):
    """« Smithers, BC » in English; « Smithers (C.-B.) » in French (docs/french-style.md): a
    community with its province, in `language` (the active one by default)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language.startswith("fr"):
        return f"{community_name} ({FRENCH_ABBREVIATIONS.get(province_code, province_code)})"
    return f"{community_name}, {province_code}"


class ProvinceTerritory(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("e.g. NT, NB"))
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("IRCC region"), on_delete=models.PROTECT, related_name="provinces"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("province or territory")
        verbose_name_plural = _("provinces and territories")

    def __str__(self):
        return self.name


class SizeClass(models.TextChoices):
    REMOTE = "remote", _("Remote")
    RURAL = "rural", _("Rural")
    SMALL_CENTRE = "small_centre", _("Small centre")
    MID_SIZE = "mid_size", _("Mid-size city")
    LARGE_URBAN = "large_urban", _("Large urban centre")


class Community(models.Model):
    name = models.CharField(_("name"), max_length=120)
    province = models.ForeignKey(
        ProvinceTerritory,
        verbose_name=_("province or territory"),
        on_delete=models.PROTECT,
        related_name="communities",
    )
    size_class = models.CharField(
        _("size class"), max_length=20, choices=SizeClass.choices, db_index=True
    )
    # Where the maps put the community's dot; without them it is counted in its province only
    # and listed among the map's gaps (admin: "Communities", filter "on the map").
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(41.0), MaxValueValidator(84.0)],
        help_text=_("In degrees north, e.g. 54.78 (Canada lies between 41 and 84)."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-142.0), MaxValueValidator(-52.0)],
        help_text=_("In degrees east, so negative in Canada, e.g. -127.17."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        constraints = [
            models.UniqueConstraint(fields=["name", "province"], name="unique_community")
        ]

    def __str__(self):
        return place_name(self.name, self.province.code)

    @property
    def on_map(self):
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Give both the latitude and the longitude, or neither: one alone places nothing.")
            )


MAP_VERSION_KEY = "workinggroup:map-version"


def map_version():
    """The version the maps' drawings are cached under (templatetags/canada_map.py): it changes
    when a region, province or community changes (names, coordinates), kept in the shared cache
    so that every process agrees."""
    return cache_versions.current(MAP_VERSION_KEY)


def places_changed():
    cache_versions.bump(MAP_VERSION_KEY)


class StaffSizeBand(models.TextChoices):
    TINY = "1-5", _("1 to 5 staff")
    SMALL = "6-15", _("6 to 15 staff")
    MEDIUM = "16-50", _("16 to 50 staff")
    LARGE = "51+", _("More than 50 staff")


# Languages of service offered as directory filters; an organization may list other codes.
SERVICE_LANGUAGES = {
    "en": _("English"),
    "fr": _("French"),
    "ar": _("Arabic"),
    "zh": _("Chinese"),
    "fa": _("Persian (Farsi, Dari)"),
    "de": _("German"),
    "hi": _("Hindi"),
    "ko": _("Korean"),
    "pa": _("Punjabi"),
    "pt": _("Portuguese"),
    "ru": _("Russian"),
    "so": _("Somali"),
    "es": _("Spanish"),
    "sw": _("Swahili"),
    "tl": _("Tagalog (Filipino)"),
    "ti": _("Tigrinya"),
    "uk": _("Ukrainian"),
    "ur": _("Urdu"),
    "vi": _("Vietnamese"),
}

# The directory filters on bit sets kept on each organization (see `Organization.language_bits`
# and `size_class_bits`): bit i stands for the i-th code below. Append new codes at the end, and
# recompute the bits of existing rows (`Organization.refresh_directory_bits()`) in a migration.
LANGUAGE_BITS = {code: 1 << i for i, code in enumerate(SERVICE_LANGUAGES)}
SIZE_CLASS_BITS = {value: 1 << i for i, value in enumerate(SizeClass.values)}


def language_bits(codes):
    """The bit set of the directory's languages among `codes` (other codes have no bit)."""
    bits = 0
    for code in codes or ():
        bits |= LANGUAGE_BITS.get(code, 0)
    return bits


# Between the two folded names in Organization.search_name: a search never spans both.
NAME_SEPARATOR = " | "


def search_name(name_en, name_fr):
    """What Organization.search_name holds: each name folded once."""
    names = dict.fromkeys(n for n in (fold(name_en), fold(name_fr)) if n)
    return NAME_SEPARATOR.join(names)


_PHONE = re.compile(r"^\+?[\d\s().-]+?(\s*(ext\.?|x|poste)\s*\d{1,6})?$", re.IGNORECASE)
_EXTENSION = re.compile(r"(ext\.?|x|poste)\s*\d{1,6}$", re.IGNORECASE)


def validate_phone(value):
    """A number with its area code (10 to 15 digits), optionally an extension."""
    number = _EXTENSION.sub("", value.strip())
    digits = sum(ch.isdigit() for ch in number)
    if not _PHONE.match(value.strip()) or not 10 <= digits <= 15:
        raise ValidationError(
            _("Enter a phone number with its area code, such as 709-555-0101 or +1 709 555 0101."),
            code="invalid_phone",
        )


class LocalizedText:
    """A translated field's text in the active language or, failing that, in another one."""

    def __init__(self, text, language):
        self.text = text
        self.language = language

    @property
    def is_fallback(self):
        return self.language != _active_language()

    def __str__(self):
        return self.text


def _active_language():
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def localized(obj, field):
    """The text of `field` for the page's language, and the language it is really in."""
    current = _active_language()
    others = [code for code, _name in settings.LANGUAGES if code != current]
    for code in [current, *others]:
        text = getattr(obj, f"{field}_{code}", None) or ""
        if text.strip():
            return LocalizedText(text, code)
    return LocalizedText("", current)


class OrganizationQuerySet(models.QuerySet):
    def in_region(self, region):
        return self.filter(province__region=region)

    def in_province(self, province):
        return self.filter(province=province)

    def serving_size_class(self, size_class):
        served = Organization.communities.through.objects.filter(
            organization_id=OuterRef("pk"), community__size_class=size_class
        )
        return self.filter(Exists(served))

    def offering_language(self, code):
        if connections[self.db].vendor == "postgresql":
            return self.filter(languages__contains=[code])  # jsonb @>, the fast way
        # JSON `contains` is PostgreSQL-only; elsewhere, the list's text holds the quoted code
        # exactly when the list holds the code.
        return self.filter(languages__icontains=f'"{code}"')

    def francophone_minority(self):
        return self.filter(francophone_minority=True)

    def by_name(self, language):
        # modeltranslation does not translate queries: name the language's column. The order
        # matches the (name_xx, id) indexes, so an unfiltered page reads 20 index entries.
        return self.order_by(collated(f"name_{language}"), "pk")

    def named(self, name):
        """Organizations whose name, in either language, or slug is `name` (any case, accents
        or none: "Riviere-la-Paix" finds "Rivière-la-Paix")."""
        folded = fold(name)
        return self.filter(
            Q(search_name=folded) | Q(search_name__startswith=f"{folded}{NAME_SEPARATOR}")
            | Q(search_name__endswith=f"{NAME_SEPARATOR}{folded}") | Q(slug=name.strip())
        )  # fmt: skip

    def matching(self, text):
        """Organizations whose name, in either language, contains `text`, accents or none."""
        folded = fold(text)
        if not folded:
            return self.none()
        return self.filter(search_name__contains=folded)


class Organization(models.Model):
    """A service-provider organization (SPO)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    province = models.ForeignKey(
        ProvinceTerritory,
        verbose_name=_("province or territory"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    communities = models.ManyToManyField(
        Community, verbose_name=_("communities served"), blank=True, related_name="organizations"
    )
    staff_size = models.CharField(
        _("staff size"), max_length=5, choices=StaffSizeBand.choices, blank=True, db_index=True
    )
    languages = models.JSONField(
        _("languages of service"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. en, fr, ar."),
    )
    francophone_minority = models.BooleanField(
        _("francophone minority community"), default=False, db_index=True
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    public_phone = models.CharField(
        _("public phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Made-up data for trying the portal.")
    )
    auto_approve_by_domain = models.BooleanField(
        _("approve people of the website's domain automatically"),
        default=False,
        help_text=_(
            "A person whose email address ends with the website's domain (example.org for "
            "https://www.example.org) joins without waiting for approval."
        ),
    )
    # Copies for the directory's filters and counts, so that they read one row per organization:
    # `languages` as bits (LANGUAGE_BITS), set on save; the size classes of the communities
    # served (SIZE_CLASS_BITS), set when communities are linked or change (the receivers at the
    # end of this module). Paths that skip save() or the m2m signals (bulk_create, update) call
    # `refresh_directory_bits()`.
    language_bits = models.IntegerField(default=0, editable=False)
    size_class_bits = models.SmallIntegerField(default=0, editable=False)
    # Both names folded (lib.text.fold), for the accent-free search of the profile: set on save.
    search_name = models.CharField(max_length=403, blank=True, editable=False)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        # The directory sorts by the name column of the page's language.
        indexes = [
            models.Index(collated("name_en"), "id", name="org_name_en_collated_idx"),
            models.Index(collated("name_fr"), "id", name="org_name_fr_collated_idx"),
            # Everything the directory's counts read: they scan this index, not the table.
            models.Index(
                fields=[
                    "province",
                    "francophone_minority",
                    "size_class_bits",
                    "language_bits",
                    "staff_size",
                ],
                name="org_directory_facets_idx",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.language_bits = language_bits(self.languages)
        self.search_name = search_name(self.name_en, self.name_fr)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "language_bits", "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organization_detail", kwargs={"slug": self.slug})

    @classmethod
    def refresh_directory_bits(cls, ids=None, *, languages=True):
        """Recompute the bit sets of organizations `ids` (all if None) from their languages and
        the communities they serve: two queries (one if `languages` is False)."""
        organizations = cls.objects.all() if ids is None else cls.objects.filter(pk__in=ids)
        if languages:
            changed = []
            for organization in organizations.only("pk", "languages", "language_bits"):
                bits = language_bits(organization.languages)
                if bits != organization.language_bits:
                    organization.language_bits = bits
                    changed.append(organization)
            cls.objects.bulk_update(changed, ["language_bits"], batch_size=1000)
        # SUM of the distinct bits is their OR (SQLite has no bit_or).
        bit = models.Case(
            *[
                models.When(community__size_class=value, then=models.Value(bit))
                for value, bit in SIZE_CLASS_BITS.items()
            ],
            default=models.Value(0),
        )
        served = (
            cls.communities.through.objects.filter(organization_id=models.OuterRef("pk"))
            .order_by()
            .values("organization_id")
            .annotate(bits=models.Sum(bit, distinct=True))
            .values("bits")
        )
        organizations.update(size_class_bits=Coalesce(models.Subquery(served), models.Value(0)))

    def clean(self):
        if not self.languages:
            return
        if not isinstance(self.languages, list) or not all(
            isinstance(code, str) and re.fullmatch(r"[a-z]{2,3}", code) for code in self.languages
        ):
            raise ValidationError(
                {"languages": _('Give a list of language codes, such as ["en", "fr", "ar"].')}
            )

    def localized(self, field):
        return localized(self, field)

    @property
    def website_domain(self):
        """The website's host without "www.", lower case; "" without a website."""
        host = (urlsplit(self.website).hostname or "").lower() if self.website else ""
        return host.removeprefix("www.")

    def language_names(self):
        """For « Langues de service : français, anglais » (lower case in French)."""
        return language_names_in_running_text(
            SERVICE_LANGUAGES.get(code, code) for code in self.languages
        )


class WorkingGroupRole(models.TextChoices):
    CO_CHAIR = roles.CO_CHAIR_SEAT, _("Co-chair")
    SECTOR_REPRESENTATIVE = "sector_rep", _("Sector representative")
    IRCC_REPRESENTATIVE = "ircc_rep", _("IRCC representative")
    OBSERVER = "observer", _("Observer")


WORKING_GROUP_ROLE_ORDER = {role: i for i, role in enumerate(WorkingGroupRole.values)}


class Affiliation(models.TextChoices):
    ORGANIZATION = "organization", _("A service-provider organization")
    IRCC = "ircc", _("IRCC")


class Visibility(models.TextChoices):
    HIDDEN = "hidden", _("Nobody")
    MEMBERS = "members", _("Working-group members, once signed in")
    PUBLIC = "public", _("Everyone, on the public working-group page")


class DigestFrequency(models.TextChoices):
    OFF = "off", _("Off")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class MemberProfileQuerySet(models.QuerySet):
    def on_working_group(self):
        """People who hold a seat (co-chair, representative, observer) and can sign in."""
        return self.exclude(wg_role="").filter(user__is_active=True)

    def in_region(self, region):
        return self.filter(region=region)

    def callable_about(self, theme_slug):
        return self.filter(themes__icontains=f'"{theme_slug}"')

    def with_people(self):
        return self.select_related("user", "user__organization", "region")


class MemberProfile(models.Model):
    """What the working group knows about a person beyond their account (one per user).

    Name, seat, region and affiliation of working-group members are public; email and phone are
    shown only as far as the member chose (`email_visibility`, `phone_visibility`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=12,
        choices=Affiliation.choices,
        default=Affiliation.ORGANIZATION,
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region represented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
    )
    wg_role = models.CharField(
        _("working-group seat"),
        max_length=12,
        choices=WorkingGroupRole.choices,
        blank=True,
        db_index=True,
        help_text=_("Empty for people who do not sit on the working group."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email_visibility = models.CharField(
        _("who sees my email address"),
        max_length=8,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    phone_visibility = models.CharField(
        _("who sees my phone number"),
        max_length=8,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    themes = models.JSONField(
        _("themes I can be called about"),
        default=list,
        blank=True,
        help_text=_("Theme slugs, e.g. housing, employment."),
    )
    digest_frequency = models.CharField(
        _("digest email"),
        max_length=6,
        choices=DigestFrequency.choices,
        default=DigestFrequency.OFF,
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("day of the weekly digest"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        profile, _created = cls.objects.get_or_create(user=user)
        return profile

    def contact_for(self, audience):
        """The email and phone this member lets `audience` (a Visibility) see; others blank."""
        allowed = {Visibility.PUBLIC: {Visibility.PUBLIC}}.get(
            audience, {Visibility.PUBLIC, Visibility.MEMBERS}
        )
        return {
            "email": self.user.email if self.email_visibility in allowed else "",
            "phone": self.phone if self.phone and self.phone_visibility in allowed else "",
        }

    @property
    def affiliation_label(self):
        if self.affiliation == Affiliation.IRCC:
            return Affiliation.IRCC.label
        return self.user.organization.name if self.user.organization else ""


INVITATION_VALID_FOR = timedelta(days=14)


def _hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted (pending or expired)."""
        return self.filter(accepted_at__isnull=True)

    def pending(self, now=None):
        return self.open().filter(expires_at__gt=now or timezone.now())

    def for_email(self, email):
        return self.filter(email__iexact=email.strip())


class Invitation(models.Model):
    """An invitation to join with one role. Only the SHA-256 of its random token is stored."""

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20)  # one of workinggroup.roles.ROLES
    wg_role = models.CharField(
        _("working-group seat"), max_length=12, choices=WorkingGroupRole.choices, blank=True
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region represented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # At most one open invitation per address, even if two administrators click at once.
            models.UniqueConstraint(
                Lower("email"),
                condition=Q(accepted_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self):
        return self.email

    def new_token(self, now=None):
        """Give the invitation a fresh token and expiry; returns the token (never stored)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = _hash_token(token)
        self.expires_at = (now or timezone.now()) + INVITATION_VALID_FOR
        return token

    @classmethod
    def find(cls, token):
        """The invitation this token opens, or None (unknown, tampered or truncated)."""
        if not token or len(token) > 100:
            return None
        return (
            cls.objects.select_related("organization", "region")
            .filter(token_hash=_hash_token(token))
            .first()
        )

    def is_expired(self, now=None):
        return self.expires_at <= (now or timezone.now())

    def accept_url(self, token):
        with translation.override(self.language):
            return settings.SITE_URL + reverse("accept_invitation", kwargs={"token": token})

    def send(self, token):
        """Email the invitation, in its language, once the current transaction commits."""
        context = {
            "invitation": self,
            "inviter_name": str(self.inviter) if self.inviter else "",
            "role_label": self.role_label,
            "wg_role_label": self.get_wg_role_display() if self.wg_role else "",
            "organization": self.organization,
            "region": self.region,
            "accept_url": self.accept_url(token),
            "expires_on": timezone.localdate(self.expires_at),
        }
        send_templated_email("workinggroup/emails/invitation", [self.email], context, self.language)

    @property
    def affiliation(self):
        ircc = self.role == roles.IRCC_STAFF or self.wg_role == WorkingGroupRole.IRCC_REPRESENTATIVE
        return Affiliation.IRCC if ircc else Affiliation.ORGANIZATION

    @property
    def role_label(self):
        return roles.ROLE_LABELS.get(self.role, self.role)

    def accept(self, *, first_name, last_name, password, now=None):
        """Create the account with exactly the invited role and sign-in email confirmed.

        The invitation is claimed with a conditional UPDATE first, so a link used twice at the
        same moment creates one account. Returns the new user, or None if the claim lost.
        """
        now = now or timezone.now()
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=self.pk, accepted_at__isnull=True, expires_at__gt=now
            ).update(accepted_at=now)
            if not claimed:
                return None
            user = User.objects.create_user(
                email=self.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                preferred_language=self.language,
                organization=self.organization,
                is_staff=self.role == roles.ADMINISTRATOR,
                is_superuser=self.role == roles.ADMINISTRATOR,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            roles.grant(user, self.role)
            MemberProfile.objects.create(
                user=user, region=self.region, wg_role=self.wg_role, affiliation=self.affiliation
            )
            if self.organization_id:  # the administrator who invited them vouches for it
                membership = Membership.objects.create(
                    user=user,
                    organization_id=self.organization_id,
                    state=MembershipState.APPROVED,
                    requested_at=now,
                    decided_at=now,
                    decided_by=self.inviter,
                )
                AuditEntry.record(
                    self.inviter, self.organization_id, "membership", membership, "invited"
                )
            Invitation.objects.filter(pk=self.pk).update(user=user)
        self.accepted_at, self.user = now, user
        return user


# How long a request to join waits for an answer before it lapses (and may be made again).
MEMBERSHIP_REQUEST_VALID_FOR = timedelta(days=30)


class MembershipState(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", pgettext_lazy("membership", "Approved")
    REFUSED = "refused", pgettext_lazy("membership", "Refused")
    EXPIRED = "expired", _("Not answered in time")
    LEFT = "left", pgettext_lazy("membership", "Left the organization")
    REMOVED = "removed", pgettext_lazy("membership", "Removed by a member")


# A request waiting, or a membership in force: at most one of them per person and organization.
ACTIVE_MEMBERSHIP_STATES = (MembershipState.PENDING, MembershipState.APPROVED)


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(state=MembershipState.APPROVED)

    def pending(self, now=None):
        """Requests still waiting for an answer (not lapsed)."""
        since = (now or timezone.now()) - MEMBERSHIP_REQUEST_VALID_FOR
        return self.filter(state=MembershipState.PENDING, requested_at__gt=since)

    def active(self):
        return self.filter(state__in=ACTIVE_MEMBERSHIP_STATES)


class Membership(models.Model):
    """A person's place in an organization: asked for, then approved by its members (or an
    administrator). Rights over the organization's practices, adaptations and resources follow
    an approved membership (roles.may_act_for), never the name typed in a profile. The row is
    kept after leaving, as the history of who spoke for whom."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MembershipState.choices, default=MembershipState.PENDING
    )
    message = models.CharField(
        _("message to the approvers"),
        max_length=500,
        blank=True,
        help_text=_("Optional: your role there, so they know who you are."),
    )
    requested_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when approved automatically (email domain) or by the portal."),
    )
    ended_at = models.DateTimeField(_("membership ended on"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(state__in=["pending", "approved"]),
                name="one_active_membership",
            )
        ]
        indexes = [
            models.Index(fields=["organization", "state"], name="membership_org_state"),
            models.Index(fields=["user", "state"], name="membership_user_state"),
        ]

    def __str__(self):
        return f"{self.user} · {self.organization}"

    @property
    def is_pending(self):
        return self.state == MembershipState.PENDING

    def is_expired(self, now=None):
        return self.is_pending and (
            self.requested_at <= (now or timezone.now()) - MEMBERSHIP_REQUEST_VALID_FOR
        )

    def answer_by(self):
        return timezone.localdate(self.requested_at + MEMBERSHIP_REQUEST_VALID_FOR)


class OrganizationRequestState(models.TextChoices):
    PENDING = "pending", _("Waiting for an administrator")
    APPROVED = "approved", _("Added to the directory")
    REFUSED = "refused", pgettext_lazy("organization request", "Refused")


class OrganizationRequest(models.Model):
    """A person asks for their organization to be added to the directory. An administrator adds
    it (the person becomes its first approved member) or refuses, and the person is told."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="organization_requests",
    )
    name = models.CharField(_("name of the organization"), max_length=200)
    province = models.ForeignKey(
        ProvinceTerritory,
        verbose_name=_("province or territory"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    website = models.URLField(_("website (optional)"), blank=True)
    message = models.CharField(
        _("anything the administrators should know"), max_length=500, blank=True
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=OrganizationRequestState.choices,
        default=OrganizationRequestState.PENDING,
    )
    requested_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason given"), max_length=500, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization added"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request for a new organization")
        verbose_name_plural = _("requests for a new organization")
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["state", "requested_at"], name="orgrequest_state")]

    def __str__(self):
        return self.name


# What the audit trail says of each change, in the reader's language.
AUDIT_ACTIONS = {
    "asked to join": pgettext_lazy("audit", "asked to join"),
    "approved": pgettext_lazy("audit", "approved"),
    "approved automatically": pgettext_lazy("audit", "approved automatically"),
    "refused": pgettext_lazy("audit", "refused"),
    "left": pgettext_lazy("audit", "left"),
    "removed": pgettext_lazy("audit", "removed"),
    "invited": pgettext_lazy("audit", "invited, with this organization"),
    "asked": pgettext_lazy("audit", "asked for a new organization"),
    "added to the directory": pgettext_lazy("audit", "added to the directory"),
    "recorded": pgettext_lazy("audit", "recorded"),
    "changed": pgettext_lazy("audit", "changed"),
    "released": pgettext_lazy("audit", "draft released"),
    "draft": pgettext_lazy("audit", "draft"),
    "submitted": pgettext_lazy("audit", "sent for review"),
    "changes_requested": pgettext_lazy("audit", "changes requested"),
    "published": pgettext_lazy("audit", "published"),
    "rejected": pgettext_lazy("audit", "rejected"),
    "archived": pgettext_lazy("audit", "archived"),
}
AUDIT_KINDS = {
    "practice": pgettext_lazy("audit", "practice"),
    "adaptation": pgettext_lazy("audit", "adaptation"),
    "resource": pgettext_lazy("audit", "resource"),
    "membership": pgettext_lazy("audit", "membership"),
    "organization": pgettext_lazy("audit", "organization"),
    "organization request": pgettext_lazy("audit", "request for a new organization"),
}


# What an entry's actor_name holds once its person deleted their account: not a name.
FORMER_MEMBER = "-"


class AuditEntry(models.Model):
    """Who changed what, and for which organization they acted: every change to a practice,
    resource, adaptation or membership. Shown to editors and administrators; never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("person"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What was changed: its kind ("practice", "adaptation", ...), id and a label as it was then.
    subject_kind = models.CharField(_("kind of thing changed"), max_length=30)
    subject_id = models.PositiveBigIntegerField(
        _("number of the thing changed"), null=True, blank=True
    )
    subject_label = models.CharField(_("thing changed"), max_length=300, blank=True)
    action = models.CharField(_("change made"), max_length=60)
    created_at = models.DateTimeField(_("changed on"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "-created_at"], name="audit_by_organization"),
            models.Index(fields=["subject_kind", "subject_id"], name="audit_by_subject"),
        ]

    def __str__(self):
        return f"{self.actor_name}: {self.action} {self.subject_kind} {self.subject_id}"

    @property
    def action_label(self):
        return AUDIT_ACTIONS.get(self.action, self.action)

    @property
    def kind_label(self):
        return AUDIT_KINDS.get(self.subject_kind, self.subject_kind)

    @classmethod
    def record(cls, actor, organization, subject_kind, subject, action):
        """Note that `actor` (a user, or None for the portal itself), acting for `organization`
        (or None), made `action` ("published", "removed", ...) on `subject`, an object of kind
        `subject_kind`. Call it where the change is made, in the same transaction."""
        return cls.objects.create(
            actor=actor if actor is not None and actor.pk else None,
            actor_name=str(actor) if actor is not None else "",
            organization_id=getattr(organization, "pk", organization),
            subject_kind=subject_kind,
            subject_id=getattr(subject, "pk", None),
            subject_label=str(subject)[:300],
            action=action,
        )

    @classmethod
    def forget(cls, user):
        """A deleted account's entries keep what was done, not who did it: the trail then says
        "a former member" (docs/privacy.md)."""
        cls.objects.filter(actor=user).update(actor_name=FORMER_MEMBER)


# --- Receivers: the copies on organizations follow their communities; sign-in dates a session.


@receiver(m2m_changed, sender=Organization.communities.through, dispatch_uid="dir-m2m")
def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Recompute the size classes of the organizations whose links to communities changed, from
    either side (organization.communities or community.organizations)."""
    if action == "pre_clear" and reverse:
        instance._directory_organizations = list(
            instance.organizations.values_list("pk", flat=True)
        )
    if not action.startswith("post_"):
        return
    if not reverse:
        ids = [instance.pk]
    elif action == "post_clear":
        ids = getattr(instance, "_directory_organizations", [])
    else:
        ids = pk_set
    Organization.refresh_directory_bits(ids, languages=False)


@receiver(post_save, sender=Community, dispatch_uid="dir-save-community")
def _community_saved(sender, instance, created, **kwargs):
    if not created:  # its size class may have changed
        Organization.refresh_directory_bits(instance.organizations.values("pk"), languages=False)


@receiver(pre_delete, sender=Community, dispatch_uid="dir-deleting-community")
def _community_deleting(sender, instance, **kwargs):
    instance._directory_organizations = list(instance.organizations.values_list("pk", flat=True))


@receiver(post_delete, sender=Community, dispatch_uid="dir-del-community")
def _community_deleted(sender, instance, **kwargs):
    ids = getattr(instance, "_directory_organizations", None)
    if ids:
        Organization.refresh_directory_bits(ids, languages=False)


# Receivers that keep the maps' cached drawings current (map_version), for changes made in the
# admin. A data migration that changes places with update() calls places_changed() itself.
@receiver([post_save, post_delete], sender=Region, dispatch_uid="map-region")
@receiver([post_save, post_delete], sender=ProvinceTerritory, dispatch_uid="map-province")
@receiver([post_save, post_delete], sender=Community, dispatch_uid="map-community")
def _places_changed(sender, **kwargs):
    places_changed()


@receiver(user_logged_in, dispatch_uid="session-idle-sign-in")
def _signed_in(sender, request, user, **kwargs):
    sessions.date_at_sign_in(request, user)
