"""Lists of adaptations other pages show."""

from adaptations.models import Adaptation


def adaptations_by_organization(organization, limit=50):
    """What the organization adapted, newest first, on published practices only (one query).

    At most `limit`: an organization page stays light however much it adapted."""
    adaptations = (
        Adaptation.objects.by(organization)
        .on_published_practices()
        .newest_first()
        .select_related("practice", "community__province")
        .only(
            "id",
            "created_at",
            "would_recommend",
            "community__name",
            "community__province__code",
            "practice__id",
            "practice__slug_en",
            "practice__slug_fr",
            "practice__title_en",
            "practice__title_fr",
        )
    )
    return list(adaptations[:limit])
