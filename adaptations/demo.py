"""Demo adaptations and one open out-of-date report, by the made-up organizations of
workinggroup/reference_data.py, on the report's practices (practices.demo).

load() is idempotent: an organization's adaptation of a practice is matched on (practice,
organization, community) and updated. It runs after practices.demo.load(); a practice or an
organization it does not find is skipped.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from adaptations.models import Adaptation, OutOfDateReport, Reason, WouldRecommend, recount
from practices.models import PromisingPractice
from workinggroup.models import Community, Organization

# practice slug (English or French), organization key, community, language, would recommend,
# what they changed, how it went, days ago
ADAPTATIONS = [
    (
        "women-only-swim-night",
        "sm-bulkley-valley",
        "Smithers",
        "en",
        WouldRecommend.YES,
        "We booked the town pool on Sunday mornings: the evening slots belong to the hockey "
        "families. A lifeguard from the women's resource centre staffs it, and we bring a "
        "volunteer interpreter for Arabic and Tigrinya.",
        "Twelve women came to the first session; eight come every week. Two have since joined "
        "the regular **aquafit** class on their own.",
        40,
    ),
    (
        "women-only-swim-night",
        "ka-two-rivers",
        "Kamloops",
        "en",
        WouldRecommend.WITH_CHANGES,
        "Same format as in Yellowknife, in the main leisure centre.",
        "Attendance fell after the first month: the leisure centre is across the river and "
        "there is no evening bus from the neighbourhoods where our clients live. We are now "
        "trying a school pool within walking distance of the main apartment buildings.",
        18,
    ),
    (
        "potluck-movie-nights",
        "ca-carrefour-peninsule",
        "Caraquet",
        "fr",
        WouldRecommend.YES,
        "Nous projetons les films à la bibliothèque municipale, avec sous-titres en français, "
        "et chaque famille apporte un plat de chez elle. Des bénévoles de la paroisse "
        "s'occupent du covoiturage.",
        "Une trentaine de personnes à chaque soirée, dont plusieurs familles acadiennes "
        "du coin : c'est devenu un moment de rencontre, pas seulement un service.",
        25,
    ),
    (
        "lending-devices-and-data-to-clients",
        "yk-accueil-grand-nord",
        "Yellowknife",
        "fr",
        WouldRecommend.WITH_CHANGES,
        "Les forfaits de données coûtent trop cher dans le Nord : nous prêtons plutôt des "
        "tablettes chargées à l'avance des documents utiles, et l'accès au Wi-Fi du centre "
        "est ouvert le soir.",
        "Les prêts fonctionnent bien pour les cours de langue en ligne. Il faut prévoir un "
        "budget pour les tablettes perdues ou brisées : trois sur vingt la première année.",
        9,
    ),
    (
        "pooling-one-person-offices-under-one-agreement",
        "gp-peace-country",
        "Grande Prairie",
        "en",
        WouldRecommend.NO,
        "We tried to join three one-person offices of the Peace region under one agreement.",
        "It did not work for us: the offices answer to different boards, and two funders "
        "would not accept a shared agreement in the middle of a funding cycle. We share a "
        "calendar and a case-conference call instead.",
        3,
    ),
]

# An open report, so that editors see the queue in the demo.
REPORTS = [
    (
        "a-community-table-on-international-students",
        Reason.CONTACT_GONE,
        "The contact's email bounced when I wrote last week.",
    ),
]


def find_practice(slug):
    return PromisingPractice.objects.filter(Q(slug_en=slug) | Q(slug_fr=slug)).first()


@transaction.atomic
def load():
    now = timezone.now()
    touched = set()
    for slug, key, place, language, answer, changes, outcome, days in ADAPTATIONS:
        practice = find_practice(slug)
        organization = Organization.objects.filter(slug=key).first()
        if practice is None or organization is None:
            continue
        community = Community.objects.filter(name=place).first()
        Adaptation.objects.update_or_create(
            practice=practice,
            organization=organization,
            community=community,
            defaults={
                "language": language,
                "would_recommend": answer,
                "changes": changes,
                "outcome": outcome,
                "created_at": now - timedelta(days=days),
            },
        )
        touched.add(practice.pk)
    # Demo rows are written directly, so their practices are counted afresh.
    recount(PromisingPractice.objects.filter(pk__in=touched))
    for slug, reason, note in REPORTS:
        practice = find_practice(slug)
        if practice is not None:
            OutOfDateReport.objects.get_or_create(
                practice=practice, reason=reason, note=note, defaults={"language": "en"}
            )
