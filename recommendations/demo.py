"""Made-up status updates for the quickstart, so the tracker has something to show.

Loaded by `manage.py seed_demo` only (never by a migration): real deployments start empty.
"""

import datetime

from recommendations.models import Follow, Recommendation, Source, Status, StatusUpdate
from workinggroup import roles
from workinggroup.demo import load_accounts
from workinggroup.models import User

IRCC_EMAIL = "ircc@demo.example"
EDITOR_EMAIL = "editor@demo.example"
FOLLOWER_EMAIL = "member@demo.example"

# code, voice, status, effective date, note (en), note (fr), evidence links
DEMO_UPDATES = [
    ("O2", Source.IRCC, Status.IMPLEMENTED, datetime.date(2022, 3, 15),
     "The National Small Centres Working Group met for the first time.",
     "Le Groupe de travail national sur les petits centres s'est réuni pour la première fois.",
     ["https://example.org/demo/working-group-terms"]),
    ("O2", Source.WORKING_GROUP, Status.IMPLEMENTED, datetime.date(2022, 4, 1),
     "Confirmed: every region has a seat.", "Confirmé\u00a0: chaque région y a un siège.",
     ["https://example.org/demo/members"]),
    ("R2.1", Source.IRCC, Status.IMPLEMENTED, datetime.date(2022, 3, 15),
     "Same as O2.", "Voir O2.", ["https://example.org/demo/working-group-terms"]),
    ("R1.1", Source.IRCC, Status.UNDER_WAY, datetime.date(2022, 1, 20),
     "A draft definition was shared with the sector for comment.",
     "Une définition provisoire a été soumise aux commentaires du secteur.", []),
    ("R1.1", Source.WORKING_GROUP, Status.STALLED, datetime.date(2023, 2, 1),
     "No discussion since the comment period closed.",
     "Aucune discussion depuis la fin de la période de commentaires.", []),
    ("R3.1", Source.IRCC, Status.PLANNED, datetime.date(2022, 6, 1),
     "A sector dialogue is planned for the fall.", "", []),
    ("R4.1", Source.IRCC, Status.UNDER_WAY, datetime.date(2024, 5, 10),
     "A survey of technology needs went to small-centre agencies.",
     "Un sondage sur les besoins technologiques a été envoyé aux organismes des petits centres.",
     []),
    ("R2.3", Source.IRCC, Status.UNDER_WAY, datetime.date(2024, 11, 1),
     "CFP 2024 widened some eligibility for temporary residents.",
     "L'appel de propositions 2024 a élargi en partie l'admissibilité des résidents temporaires.",
     []),
]  # fmt: skip


def load():
    if StatusUpdate.objects.exists():
        return
    load_accounts()
    authors = {
        Source.IRCC: (User.objects.get(email=IRCC_EMAIL), roles.IRCC_STAFF),
        Source.WORKING_GROUP: (User.objects.get(email=EDITOR_EMAIL), roles.EDITOR),
    }
    items = Recommendation.objects.in_bulk(field_name="code")
    # The demo member follows the first item updated: its news shows in their notifications.
    member = User.objects.filter(email=FOLLOWER_EMAIL).first()
    if member and DEMO_UPDATES:
        Follow.objects.get_or_create(user=member, recommendation=items[DEMO_UPDATES[0][0]])
    for code, source, status, day, note_en, note_fr, links in DEMO_UPDATES:
        author, role = authors[source]
        StatusUpdate.record(
            items[code],
            source=source,
            status=status,
            effective_date=day,
            note_en=note_en,
            note_fr=note_fr,
            evidence_links=links,
            author=author,
            author_role=role,
            author_organization=author.organization,
            is_demo=True,
        )
