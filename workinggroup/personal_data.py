"""What the working group keeps about a person: the account, its addresses, the member profile
and the invitations they sent (see portal.personal_data)."""

from allauth.account.models import EmailAddress

from lib.exports import rows
from workinggroup import roles
from workinggroup.models import Invitation, MemberProfile, Membership, OrganizationRequest


def export(user):
    account = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "organization": str(user.organization) if user.organization_id else None,
        "roles": sorted(roles.roles_of(user)),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }
    return {
        "account": [account],
        "email_addresses": rows(
            EmailAddress.objects.filter(user=user), "email", "verified", "primary"
        ),
        "member_profile": rows(
            MemberProfile.objects.filter(user=user),
            "affiliation",
            "region__code",
            "wg_role",
            "phone",
            "email_visibility",
            "phone_visibility",
            "themes",
            "digest_frequency",
            "digest_weekday",
            "updated_at",
        ),
        "memberships": rows(
            Membership.objects.filter(user=user),
            "organization__slug",
            "state",
            "message",
            "requested_at",
            "decided_at",
            "ended_at",
        ),
        "organization_requests": rows(
            OrganizationRequest.objects.filter(requester=user),
            "name",
            "website",
            "message",
            "state",
            "requested_at",
        ),
        # Who they invited is the invitee's data: only what the inviter did is theirs.
        "invitations_sent": rows(
            Invitation.objects.filter(inviter=user), "role", "created_at", "accepted_at"
        ),
    }
