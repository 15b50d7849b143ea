"""Earning the right to speak for an organization: asking to join, approval by its members (or
an administrator), automatic approval by email domain, leaving and removal; and requests for a
new organization in the directory.

Each change is claimed with a conditional UPDATE, so a link used twice, or two approvers at the
same moment, decide once. Everyone concerned is told by email in their own language.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lib.emails import send_templated_email
from workinggroup import roles
from workinggroup.models import (
    AuditEntry,
    Membership,
    MembershipState,
    Organization,
    OrganizationRequest,
    OrganizationRequestState,
    User,
)

MEMBERSHIP = "membership"


class Refused(Exception):
    """A change that cannot be made; its message is for the person who asked."""


def administrators():
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=roles.ADMINISTRATOR))
        .distinct()
        .order_by("pk")
    )


def approvers(organization):
    """Who answers a request to join: its approved members, or the administrators when it has
    none."""
    members = User.objects.filter(
        is_active=True,
        memberships__organization=organization,
        memberships__state=MembershipState.APPROVED,
    ).order_by("pk")
    return list(members) or list(administrators())


def _page(name, language, **kwargs):
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _tell(people, template, context, page=None):
    """One email per person, in their language; `page` (a URL name and kwargs) in theirs too."""
    for person in people:
        language = person.preferred_language
        extra = {"url": _page(page[0], language, **page[1])} if page else {}
        send_templated_email(
            f"workinggroup/emails/{template}",
            [person.email],
            {"person": person, **context, **extra},
            language,
        )


def _email_domain(user):
    return user.email.rpartition("@")[2].lower()


def ask_to_join(user, organization, message="", now=None):
    """Ask to join `organization`; returns the membership (already approved when the person's
    email domain is the organization's and its automatic approval is on). Raises Refused."""
    now = now or timezone.now()
    current = Membership.objects.active().filter(user=user, organization=organization).first()
    if current is not None and current.state == MembershipState.APPROVED:
        raise Refused(_("You are already a member of %(name)s.") % {"name": organization.name})
    if current is not None and not current.is_expired(now):
        raise Refused(
            _("You already asked to join %(name)s; its members have until %(date)s to answer.")
            % {"name": organization.name, "date": current.answer_by().isoformat()}
        )
    try:
        with transaction.atomic():
            if current is not None:  # a request that lapsed: close it, then ask again
                Membership.objects.filter(pk=current.pk, state=MembershipState.PENDING).update(
                    state=MembershipState.EXPIRED, decided_at=now
                )
            membership = Membership.objects.create(
                user=user, organization=organization, message=message.strip(), requested_at=now
            )
            AuditEntry.record(user, organization, MEMBERSHIP, membership, "asked to join")
    except IntegrityError:  # the same request, sent twice at once
        raise Refused(
            _("You already asked to join %(name)s.") % {"name": organization.name}
        ) from None
    if approved_by_domain(user, organization):
        approve(membership, None, now=now)
        membership.refresh_from_db()
    else:
        _tell(
            approvers(organization),
            "membership_request",
            {"membership": membership, "organization": organization, "applicant": user},
            page=("organization_members", {"slug": organization.slug}),
        )
    return membership


def approved_by_domain(user, organization):
    """Automatic approval: switched on for the organization, and the person's (confirmed) email
    address is at its website's domain."""
    domain = organization.website_domain
    return organization.auto_approve_by_domain and bool(domain) and _email_domain(user) == domain


def _claim(membership, source, target, by, now, **fields):
    """Move the membership from `source` to `target` if nobody did first; True if this won."""
    rows = Membership.objects.filter(pk=membership.pk, state=source)
    if source == MembershipState.PENDING:
        rows = rows.pending(now)
    return bool(rows.update(state=target, decided_by=by, **fields))


@transaction.atomic
def approve(membership, by, now=None):
    """Approve a waiting request (`by` None: automatically). False when it was already decided
    or has lapsed."""
    now = now or timezone.now()
    if by is not None and by.pk == membership.user_id:
        raise Refused(_("You cannot answer your own request."))
    if not _claim(membership, MembershipState.PENDING, MembershipState.APPROVED, by, now,
                  decided_at=now):  # fmt: skip
        return False
    _now_a_member(membership, by, "approved" if by is not None else "approved automatically")
    _tell([membership.user], "membership_decision", {"organization": membership.organization,
          "approved": True, "automatic": by is None}, page=("my_organizations", {}))  # fmt: skip
    return True


def _now_a_member(membership, by, action):
    person, organization = membership.user, membership.organization
    if person.organization_id is None:  # the organization shown with their name
        User.objects.filter(pk=person.pk).update(organization=organization)
        person.organization = organization
    roles.forget(person)
    AuditEntry.record(by, organization, MEMBERSHIP, membership, action)


@transaction.atomic
def refuse(membership, by, now=None):
    now = now or timezone.now()
    if by.pk == membership.user_id:
        raise Refused(_("You cannot answer your own request."))
    if not _claim(membership, MembershipState.PENDING, MembershipState.REFUSED, by, now,
                  decided_at=now):  # fmt: skip
        return False
    organization = membership.organization
    AuditEntry.record(by, organization, MEMBERSHIP, membership, "refused")
    _tell([membership.user], "membership_decision", {"organization": organization,
          "approved": False}, page=("my_organizations", {}))  # fmt: skip
    return True


@transaction.atomic
def end(membership, by, now=None):
    """The member leaves (`by` is the member) or is removed by an approver. Their rights end at
    once; the organization's practices and adaptations keep their history. False when it had
    already ended."""
    now = now or timezone.now()
    leaving = by.pk == membership.user_id
    target = MembershipState.LEFT if leaving else MembershipState.REMOVED
    if not _claim(membership, MembershipState.APPROVED, target, by, now, ended_at=now):
        return False
    person, organization = membership.user, membership.organization
    if person.organization_id == organization.pk:
        other = person.memberships.approved().exclude(organization=organization).first()
        person.organization_id = other.organization_id if other else None
        User.objects.filter(pk=person.pk).update(organization=person.organization_id)
    roles.forget(person)
    AuditEntry.record(by, organization, MEMBERSHIP, membership, "left" if leaving else "removed")
    if not leaving:
        _tell([person], "membership_removed", {"organization": organization, "by": by})
    if not organization.memberships.approved().exists():
        _tell(
            administrators(),
            "organization_without_members",
            {"organization": organization, "former": person, "leaving": leaving},
            page=("organization_members", {"slug": organization.slug}),
        )
    return True


# --- A new organization for the directory -----


def ask_for_organization(request_row):
    """Save a request for a new organization and tell the administrators."""
    request_row.save()
    AuditEntry.record(request_row.requester, None, "organization request", request_row, "asked")
    _tell(
        administrators(),
        "organization_request",
        {"request": request_row, "applicant": request_row.requester},
        page=("organization_requests", {}),
    )
    return request_row


def _unique_slug(name):
    base = slugify(name)[:190] or "organization"
    slug, n = base, 1
    # "requests" would be hidden by the administrators' page at organizations/requests/.
    while slug == "requests" or Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def add_requested_organization(request_row, by, now=None):
    """Add the organization to the directory, with the person who asked as its first approved
    member. False when another administrator answered first."""
    now = now or timezone.now()
    claimed = OrganizationRequest.objects.filter(
        pk=request_row.pk, state=OrganizationRequestState.PENDING
    ).update(state=OrganizationRequestState.APPROVED, decided_by=by, decided_at=now)
    if not claimed:
        return False
    organization = Organization.objects.create(
        name=request_row.name,
        name_en=request_row.name,
        name_fr=request_row.name,
        slug=_unique_slug(request_row.name),
        province=request_row.province,
        website=request_row.website,
    )
    OrganizationRequest.objects.filter(pk=request_row.pk).update(organization=organization)
    request_row.organization = organization
    AuditEntry.record(by, organization, "organization", organization, "added to the directory")
    membership = Membership.objects.create(
        user=request_row.requester,
        organization=organization,
        state=MembershipState.APPROVED,
        requested_at=request_row.requested_at,
        decided_at=now,
        decided_by=by,
    )
    _now_a_member(membership, by, "approved")
    _tell([request_row.requester], "organization_request_added", {"organization": organization},
          page=("organization_members", {"slug": organization.slug}))  # fmt: skip
    return True


@transaction.atomic
def refuse_requested_organization(request_row, by, reason, now=None):
    now = now or timezone.now()
    claimed = OrganizationRequest.objects.filter(
        pk=request_row.pk, state=OrganizationRequestState.PENDING
    ).update(state=OrganizationRequestState.REFUSED, decided_by=by, decided_at=now, reason=reason)
    if not claimed:
        return False
    AuditEntry.record(by, None, "organization request", request_row, "refused")
    _tell([request_row.requester], "organization_request_refused",
          {"request": request_row, "reason": reason}, page=("my_organizations", {}))  # fmt: skip
    return True
