"""Demo submissions, so the review queue, My submissions and the history have something to show:
one practice waiting for an editor, one sent back with a request for changes, one draft, and one
published after a request for changes whose "How it works" is in French only (the translation
queue lists it, field by field; My submissions shows no stale message under it).

Made-up content; fixed tokens keep `seed_demo` idempotent.
"""

import uuid

from practices.models import Status, Theme
from submissions import lifecycle
from submissions.models import Kind, Submission
from workinggroup.models import Community, Organization, User


def _content(community_name, themes, **fields):
    community = Community.objects.get(name=community_name)
    return {
        "province": community.province_id,
        "community": community.pk,
        "themes": sorted(Theme.objects.filter(slug__in=themes).values_list("pk", flat=True)),
        "principles": ["client_centric"],
        "kind": "innovation",
        "stage": "pilot",
        "origin": "staff",
        "delivery_mode": "non_digital",
        "evidence_level": "anecdotal",
        **fields,
    }


DEMO = [
    {
        "token": uuid.UUID("5d3c2b1a-0000-4000-8000-000000000001"),
        "author": "sector@demo.example",
        "organization": "sm-bulkley-valley",
        "steps": [Status.SUBMITTED],
        "content": lambda org: _content(
            "Smithers",
            ["employment"],
            lead_organization=org.pk,
            title_en="Winter driving clinic with the local garage",
            summary_en=(
                "A Saturday morning at the garage: newcomers learn to fit winter tires, check "
                "their car and drive on snow with a volunteer instructor."
            ),
            description_en="Four sessions between **November and January**, six drivers each.",
            outcomes_en="Thirty-one drivers in the first winter; no one skipped a shift for snow.",
            lessons_en="Evening sessions did not work: the roads were too dark to practise on.",
            contact_name="Demo Contact",
            contact_email="contact@demo.example",
        ),
    },
    {
        "token": uuid.UUID("5d3c2b1a-0000-4000-8000-000000000002"),
        "author": "member@demo.example",
        "organization": "ca-carrefour-peninsule",
        "steps": [Status.SUBMITTED, Status.CHANGES_REQUESTED],
        "message": (
            "Merci! Pourriez-vous préciser combien de familles ont participé et ce que "
            "l’activité a coûté?"
        ),
        "content": lambda org: _content(
            "Caraquet",
            ["recreation-belonging"],
            lead_organization=org.pk,
            title_fr="Jumelage avec des familles de pêcheurs",
            summary_fr=(
                "Des familles de la péninsule accueillent des familles nouvellement arrivées "
                "pour une sortie en mer et un repas, au début de la saison de pêche."
            ),
            lessons_fr="Les sorties en semaine ont peu attiré : les parents travaillaient.",
        ),
    },
    {
        "token": uuid.UUID("5d3c2b1a-0000-4000-8000-000000000003"),
        "author": "sector@demo.example",
        "organization": "sm-bulkley-valley",
        "steps": [],
        "content": lambda org: {
            "lead_organization": org.pk,
            "title_en": "Library card sign-up on arrival day",
        },
    },
]


DEMO.append(
    {
        "token": uuid.UUID("5d3c2b1a-0000-4000-8000-000000000004"),
        "author": "member@demo.example",
        "organization": "ca-carrefour-peninsule",
        "steps": [Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.SUBMITTED, Status.PUBLISHED],
        "message": "Pourriez-vous ajouter le nombre de trajets par mois?",
        "content": lambda org: _content(
            "Caraquet",
            ["holistic-community"],
            lead_organization=org.pk,
            title_en="Volunteer rides to the regional clinic",
            title_fr="Transport bénévole vers la clinique régionale",
            summary_en="Volunteers drive newcomer families to medical appointments in Bathurst.",
            summary_fr=(
                "Des bénévoles conduisent les familles nouvellement arrivées à leurs rendez-vous "
                "médicaux à Bathurst."
            ),
            description_fr=(
                "Les familles réservent un trajet par téléphone au moins deux jours d’avance; "
                "une coordonnatrice jumelle chaque demande avec une ou un bénévole."
            ),
            outcomes_en="About forty rides a month in the first year.",
            outcomes_fr="Environ quarante trajets par mois la première année.",
        ),
    }
)


def load():
    editor = User.objects.filter(email="editor@demo.example").first()
    for row in DEMO:
        author = User.objects.filter(email=row["author"]).first()
        organization = Organization.objects.filter(slug=row["organization"]).first()
        if author is None or organization is None or editor is None:
            continue
        if Submission.objects.filter(token=row["token"]).exists():
            continue
        submission = Submission.objects.create(
            token=row["token"],
            author=author,
            organization=organization,
            kind=Kind.NEW,
            content=row["content"](organization),
        )
        for target in row["steps"]:
            actor = author if target == Status.SUBMITTED else editor
            message = row.get("message", "") if target == Status.CHANGES_REQUESTED else ""
            lifecycle.move(submission, target, actor, message, notify=False)
