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
    # Items that moved over the years, so the timeline and the quarterly history have a story.
    ("R3.2", Source.IRCC, Status.PLANNED, datetime.date(2022, 2, 10),
     "Funding for regional coordinators is in next year's plan.",
     "Le financement de coordonnateurs régionaux figure au plan de l'an prochain.", []),
    ("R1.2", Source.IRCC, Status.UNDER_WAY, datetime.date(2022, 5, 2),
     "Regional tables now invite small-centre agencies.",
     "Les tables régionales invitent maintenant les organismes des petits centres.", []),
    ("R2.2", Source.IRCC, Status.PLANNED, datetime.date(2022, 9, 15),
     "A review of eligibility rules is scheduled.",
     "Un examen des règles d'admissibilité est prévu.", []),
    ("R4.3", Source.IRCC, Status.PLANNED, datetime.date(2022, 11, 30),
     "Included in the department's digital plan.",
     "Inclus dans le plan numérique du ministère.", []),
    ("R3.3", Source.IRCC, Status.UNDER_WAY, datetime.date(2023, 1, 16),
     "A pilot started in two regions.", "Un projet pilote a commencé dans deux régions.", []),
    ("R3.2", Source.IRCC, Status.UNDER_WAY, datetime.date(2023, 4, 3),
     "The first coordinators were hired.", "Les premiers coordonnateurs ont été embauchés.", []),
    ("R1.2", Source.WORKING_GROUP, Status.NOT_STARTED, datetime.date(2023, 6, 1),
     "Members report no invitation in their region yet.",
     "Les membres ne signalent encore aucune invitation dans leur région.", []),
    ("R1.3", Source.WORKING_GROUP, Status.UNDER_WAY, datetime.date(2023, 9, 1),
     "Three agencies share a peer-learning circle.",
     "Trois organismes partagent un cercle d'apprentissage entre pairs.", []),
    ("R4.2", Source.IRCC, Status.WILL_NOT, datetime.date(2023, 10, 2),
     "Replaced by the national data strategy.",
     "Remplacée par la stratégie nationale sur les données.", []),
    ("R2.2", Source.IRCC, Status.STALLED, datetime.date(2024, 2, 20),
     "The review is on hold until the next funding cycle.",
     "L'examen est suspendu jusqu'au prochain cycle de financement.", []),
    ("R2.2", Source.WORKING_GROUP, Status.STALLED, datetime.date(2024, 3, 1),
     "Agreed: nothing has moved since the fall.",
     "D'accord\u00a0: rien n'a bougé depuis l'automne.", []),
    ("R3.5", Source.IRCC, Status.PLANNED, datetime.date(2024, 6, 12),
     "Planned for the next call for proposals.",
     "Prévu pour le prochain appel de propositions.", []),
    ("R3.3", Source.IRCC, Status.IMPLEMENTED, datetime.date(2024, 9, 30),
     "The pilot became a national program.", "Le projet pilote est devenu un programme national.",
     ["https://example.org/demo/national-program"]),
    ("R3.3", Source.WORKING_GROUP, Status.UNDER_WAY, datetime.date(2024, 10, 15),
     "Not yet available in the territories.", "Pas encore offert dans les territoires.", []),
    ("R3.2", Source.IRCC, Status.IMPLEMENTED, datetime.date(2025, 3, 31),
     "Every region has a coordinator.", "Chaque région a un coordonnateur.",
     ["https://example.org/demo/coordinators"]),
    ("R1.6", Source.IRCC, Status.NO_LONGER_APPLICABLE, datetime.date(2025, 6, 20),
     "Overtaken by the 2025 funding model.", "Dépassée par le modèle de financement de 2025.", []),
    ("R3.5", Source.IRCC, Status.UNDER_WAY, datetime.date(2025, 10, 1),
     "The call for proposals includes it.", "L'appel de propositions l'inclut.", []),
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
