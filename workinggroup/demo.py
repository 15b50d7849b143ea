"""Demo data for the quickstart: the made-up organizations of reference_data.ORGANIZATIONS,
made-up working-group members, and one account per role, all with the same printed password.

Everything here is flagged as demo data (Organization.is_demo, MemberProfile.is_demo) and uses
reserved contact details (example.org, 555-01xx numbers).
"""

from allauth.account.models import EmailAddress

from workinggroup import roles
from workinggroup.models import (
    Affiliation,
    Community,
    DigestFrequency,
    MemberProfile,
    Membership,
    MembershipState,
    Organization,
    ProvinceTerritory,
    Region,
    User,
    Visibility,
    WorkingGroupRole,
)
from workinggroup.reference_data import ORGANIZATIONS

DEMO_PASSWORD = "small-centres-demo"  # noqa: S105 - printed on purpose, local demo only

DEMO_ACCOUNTS = [
    # email, role, first name, last name, language
    ("sector@demo.example", roles.SECTOR_USER, "Samira", "Haddad", "en"),
    ("member@demo.example", roles.MEMBER, "Marie-Ève", "Cormier", "fr"),
    ("ircc@demo.example", roles.IRCC_STAFF, "Ian", "Chen", "en"),
    ("editor@demo.example", roles.EDITOR, "Élodie", "Tremblay", "fr"),
    ("admin@demo.example", roles.ADMINISTRATOR, "Alex", "Morin", "en"),
]

SEAT = WorkingGroupRole
PUBLIC, MEMBERS, HIDDEN = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.HIDDEN

# email: organization key (None: IRCC), region, seat, themes, phone, email and phone visibility
DEMO_PROFILES = {
    "sector@demo.example": ("sm-bulkley-valley", "bc_yukon", "", [], "", HIDDEN, HIDDEN),
    "member@demo.example": (
        "ca-carrefour-peninsule",
        "atlantic",
        SEAT.SECTOR_REPRESENTATIVE,
        ["partnerships", "rural-networks", "employment"],
        "+1 506 555 0142",
        MEMBERS,
        MEMBERS,
    ),
    "ircc@demo.example": (
        None,
        "prairies_north",
        SEAT.IRCC_REPRESENTATIVE,
        ["needs-assessment", "case-management"],
        "+1 204 555 0177",
        PUBLIC,
        MEMBERS,
    ),
    "editor@demo.example": ("he-accueil-nord", "ontario", SEAT.OBSERVER, [], "", HIDDEN, HIDDEN),
    "admin@demo.example": (
        "yk-multicultural",
        "prairies_north",
        SEAT.CO_CHAIR,
        ["holistic-community", "housing", "recreation-belonging"],
        "+1 867 555 0123",
        PUBLIC,
        PUBLIC,
    ),
}

# Members without a demo sign-in, so the working-group page shows every region.
DEMO_MEMBERS = [
    # email, first, last, language, organization key, region, seat, themes, phone, visibility
    ("grace.okafor@example.org", "Grace", "Okafor", "en", "tr-colchester-newcomers", "atlantic",
     SEAT.CO_CHAIR, ["partnerships", "women"], "+1 902 555 0131", PUBLIC, PUBLIC),
    ("patrick.walsh@example.org", "Patrick", "Walsh", "en", None, "atlantic",
     SEAT.IRCC_REPRESENTATIVE, ["retention"], "+1 902 555 0186", MEMBERS, MEMBERS),
    ("annie.gagnon@example.org", "Annie", "Gagnon", "fr", "rn-passerelle-abitibi", "quebec",
     SEAT.OBSERVER, ["employment", "retention"], "+1 819 555 0119", PUBLIC, HIDDEN),
    ("nadia.levesque@example.org", "Nadia", "Lévesque", "fr", "ti-porcupine-newcomers", "ontario",
     SEAT.SECTOR_REPRESENTATIVE, ["language", "youth"], "+1 705 555 0164", MEMBERS, MEMBERS),
    ("tom.nakamura@example.org", "Tom", "Nakamura", "en", None, "ontario",
     SEAT.IRCC_REPRESENTATIVE, ["knowledge-sharing"], "", MEMBERS, HIDDEN),
    ("olu.adeyemi@example.org", "Olu", "Adeyemi", "en", "br-westman-settlement", "prairies_north",
     SEAT.SECTOR_REPRESENTATIVE, ["employment", "housing"], "+1 204 555 0108", PUBLIC, MEMBERS),
    ("aputi.kilabuk@example.org", "Aputi", "Kilabuk", "en", "iq-arctic-welcome", "prairies_north",
     SEAT.SECTOR_REPRESENTATIVE, ["mental-health", "holistic-community"], "+1 867 555 0151",
     MEMBERS, MEMBERS),
    ("harpreet.sandhu@example.org", "Harpreet", "Sandhu", "en", "ka-two-rivers", "bc_yukon",
     SEAT.CO_CHAIR, ["technology-access", "digital-literacy"], "+1 250 555 0127", PUBLIC, PUBLIC),
    ("claire.dubois@example.org", "Claire", "Dubois", "fr", "wh-riverside-newcomers", "bc_yukon",
     SEAT.SECTOR_REPRESENTATIVE, ["families", "language"], "+1 867 555 0190", MEMBERS, HIDDEN),
    ("mark.ellis@example.org", "Mark", "Ellis", "en", None, "bc_yukon",
     SEAT.IRCC_REPRESENTATIVE, [], "", PUBLIC, HIDDEN),
]  # fmt: skip


# Membership shown by the demo: an organization whose people join by email domain, and a request
# waiting for the members of the administrator's organization.
AUTO_APPROVED_ORGANIZATION = "sm-bulkley-valley"
PENDING_REQUEST = ("jordan.lee@example.org", "Jordan", "Lee", "en", "yk-multicultural",
                   "Settlement counsellor since May; I run the Tuesday drop-in.")  # fmt: skip


def load():
    """Create or refresh the demo organizations, the demo working-group members, and a request
    to join waiting for an answer."""
    load_organizations()
    Organization.objects.filter(slug=AUTO_APPROVED_ORGANIZATION).update(auto_approve_by_domain=True)
    email, first, last, language, org_key, message = PENDING_REQUEST
    person, _ = User.objects.update_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "preferred_language": language},
    )
    roles.grant(person, roles.SECTOR_USER)
    organization = Organization.objects.get(slug=org_key)
    if not person.memberships.active().filter(organization=organization).exists():
        Membership.objects.create(user=person, organization=organization, message=message)
    for row in DEMO_MEMBERS:
        email, first, last, language, *profile = row
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "preferred_language": language},
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        roles.grant(user, roles.MEMBER)
        _set_profile(user, *profile)


def load_organizations():
    provinces = {p.code: p for p in ProvinceTerritory.objects.all()}
    communities = {(c.name, c.province_id): c for c in Community.objects.all()}
    for row in ORGANIZATIONS:
        province = provinces[row["province"]]
        organization, _ = Organization.objects.update_or_create(
            slug=row["key"],
            defaults={
                "name": row["name_en"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "description": row["description_en"],
                "description_en": row["description_en"],
                "description_fr": row["description_fr"],
                "province": province,
                "staff_size": row["staff_band"],
                "languages": row["languages"],
                "francophone_minority": row["francophone_minority"],
                "website": row["website"],
                "public_email": row["email"],
                "public_phone": row["phone"],
                "is_demo": True,
            },
        )
        organization.communities.set(
            [communities[(name, province.pk)] for name in row["communities"]]
        )


def load_accounts():
    """Create (or reset) the demo accounts; returns [(email, role)]."""
    created = []
    for email, role, first, last, language in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "preferred_language": language},
        )
        user.set_password(DEMO_PASSWORD)
        user.is_staff = role == roles.ADMINISTRATOR
        user.is_superuser = role == roles.ADMINISTRATOR
        user.save()
        roles.grant(user, role)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        _set_profile(user, *DEMO_PROFILES[email])
        created.append((email, role))
    return created


def _set_profile(user, org_key, region_code, seat, themes, phone, email_seen, phone_seen):
    organization = Organization.objects.filter(slug=org_key).first() if org_key else None
    active = user.memberships.active().filter(organization=organization)
    if organization is not None and not active.exists():  # demo people are approved members
        Membership.objects.create(
            user=user, organization=organization, state=MembershipState.APPROVED
        )
    if user.organization_id != getattr(organization, "pk", None):
        user.organization = organization
        user.save(update_fields=["organization"])
    MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "affiliation": Affiliation.ORGANIZATION if org_key else Affiliation.IRCC,
            "region": Region.objects.filter(code=region_code).first(),
            "wg_role": seat,
            "themes": themes,
            "phone": phone,
            "email_visibility": email_seen,
            "phone_visibility": phone_seen,
            "digest_frequency": DigestFrequency.WEEKLY if seat else DigestFrequency.OFF,
            "is_demo": True,
        },
    )
