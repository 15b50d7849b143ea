"""A person's digest choices and the digests sent to them."""

from digests.models import DigestDelivery, DigestPreferences
from lib.exports import rows


def export(user):
    preferences = DigestPreferences.objects.filter(user=user).first()
    chosen = []
    if preferences:
        chosen.append(
            {
                "regions": sorted(preferences.regions.values_list("code", flat=True)),
                "themes": sorted(preferences.themes.values_list("slug", flat=True)),
                "updated_at": preferences.updated_at,
            }
        )
    return {
        "digest_preferences": chosen,
        "digests_sent": rows(
            DigestDelivery.objects.filter(user=user).order_by("created_at"),
            "period",
            "status",
            "sent_at",
            "language",
            "item_count",
        ),
    }
