"""Lists of practices other pages show: an organization's, the newest, a practice's neighbours.

A practice whose lessons were shared anonymously names no organization to the public: cards carry
`organization_hidden` (see as_cards), and an organization's page does not list it.
"""

from django.db.models import F, Q
from django.db.models.lookups import GreaterThan

from practices.models import PromisingPractice


def as_cards(practices):
    """for_cards(), and on each card `organization_hidden`: true when its lessons were shared
    anonymously, so the card must not name its organization."""
    return practices.for_cards().annotate(organization_hidden=F("lessons_anonymous"))


def practices_for_organization(organization, limit=50):
    """Published practices the organization leads or partners in, newest first (one query);
    not those shared anonymously, which would name it.

    At most `limit` (None: all): an organization page stays light whatever the catalogue size.
    """
    practices = (
        PromisingPractice.objects.published()
        .filter(
            Q(lead_organization=organization)
            | Q(pk__in=organization.partner_practices.values("pk"))
        )
        .filter(lessons_anonymous=False)
        .for_cards()
        .newest_first()
    )
    return list(practices[:limit] if limit else practices)


def latest_practices(count=3):
    return list(as_cards(PromisingPractice.objects.published()).newest_first()[:count])


def related_practices(practice, count=4):
    """Newest published practices in the same region or sharing a theme: one indexed query that
    walks the newest-first index and stops after `count` hits."""
    near = Q(region_id=practice.region_id)
    if practice.theme_bits:
        near |= Q(GreaterThan(F("theme_bits").bitand(practice.theme_bits), 0))
    return list(
        as_cards(
            PromisingPractice.objects.published().filter(near).exclude(pk=practice.pk)
        ).newest_first()[:count]
    )
