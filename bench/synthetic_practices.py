"""Realistic synthetic practices, in both languages, for benchmarks (generate_practices).

Text is assembled from bilingual phrase pairs so both vectors hold real English and French words
at realistic frequencies: common ones ("community", "collectivité") in most practices, rare ones
("natation", "swim") in a few.

Every synthetic practice is led by one reserved organization (LEAD_SLUG), made for them: that is
how `--replace` finds them again, with no column on the production model. Their partners,
places and everything the catalogue filters on are spread as in real data.
"""

import random
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from practices import catalogue
from practices.models import (
    ClientGroup,
    DeliveryMode,
    EvidenceLevel,
    Kind,
    Origin,
    Principle,
    PromisingPractice,
    Stage,
    Status,
    Theme,
    normalize,
)
from workinggroup.models import Community, Organization

ACTIVITIES = [
    ("Conversation circle", "Cercle de conversation"),
    ("Rural job fair", "Salon de l'emploi rural"),
    ("Peer mentoring program", "Programme de mentorat entre pairs"),
    ("Winter orientation", "Orientation hivernale"),
    ("Virtual language class", "Cours de langue virtuel"),
    ("Housing help desk", "Comptoir d'aide au logement"),
    ("Peer support group", "Groupe de soutien entre pairs"),
    ("Library newcomer hour", "Heure des nouveaux arrivants à la bibliothèque"),
    ("Rideshare network", "Réseau de covoiturage"),
    ("Employer round table", "Table ronde des employeurs"),
    ("Youth soccer league", "Ligue de soccer jeunesse"),
    ("Community garden", "Jardin communautaire"),
    ("Mental health workshop", "Atelier de santé mentale"),
    ("Driving lessons", "Cours de conduite"),
    ("Childcare co-op", "Coopérative de garde d'enfants"),
    ("Welcome kit", "Trousse d'accueil"),
    ("Movie night", "Soirée cinéma"),
    ("Shared needs assessment", "Évaluation commune des besoins"),
    ("Case-management triage", "Triage en gestion de cas"),
    ("Device lending library", "Prêt d'appareils numériques"),
    ("Municipal welcome table", "Table d'accueil municipale"),
    ("Pooled online classes", "Cours en ligne regroupés"),
    ("Family canoe outing", "Sortie familiale en canot"),
    ("Women-only swim night", "Soirée de natation réservée aux femmes"),
]
# Zipf-like: the first activities are common, the last ones (swim night) rare.
ACTIVITY_WEIGHTS = [1 / (rank + 1) ** 1.6 for rank in range(len(ACTIVITIES))]

SENTENCES = [
    (
        "The {activity} brings newcomers and long-time residents of {community} together.",
        "L'activité « {activity} » réunit les nouveaux arrivants et les gens de {community}.",
    ),
    (
        "Staff noticed that clients in {community} had nowhere to meet after work.",
        "Le personnel a remarqué que les clients de {community} n'avaient aucun lieu où se "
        "retrouver après le travail.",
    ),
    (
        "A small team of two people runs it with volunteers from the community.",
        "Une petite équipe de deux personnes l'anime avec des bénévoles de la collectivité.",
    ),
    (
        "Partners include the library, the school district and local employers.",
        "Les partenaires comprennent la bibliothèque, le district scolaire et des employeurs.",
    ),
    (
        "Sessions take place every week, in English and in French.",
        "Les séances ont lieu chaque semaine, en français et en anglais.",
    ),
    (
        "Transportation is the main barrier in a rural region; a shared van helps.",
        "Le transport est le principal obstacle en région rurale; une fourgonnette partagée aide.",
    ),
    (
        "International students and temporary foreign workers are welcome too.",
        "Les étudiants étrangers et les travailleurs étrangers temporaires sont aussi les "
        "bienvenus.",
    ),
    (
        "Women asked for a space of their own, and the program made room for it.",
        "Des femmes ont demandé un espace à elles, et le programme leur en a fait une place.",
    ),
    (
        "The idea came from a newcomer who had seen something similar elsewhere.",
        "L'idée vient d'une personne nouvellement arrivée qui avait vu une initiative semblable "
        "ailleurs.",
    ),
    (
        "Funding is short-term, so the organization keeps costs low.",
        "Le financement est à court terme : l'organisme limite donc les coûts.",
    ),
    (
        "Clients say they feel less isolated and more at home in {community}.",
        "Les clients disent se sentir moins isolés et plus chez eux à {community}.",
    ),
    (
        "Attendance doubled in the second year, and several families decided to stay.",
        "La participation a doublé la deuxième année, et plusieurs familles ont décidé de rester.",
    ),
    (
        "Referrals to health, housing and employment services are faster.",
        "Les aiguillages vers les services de santé, de logement et d'emploi sont plus rapides.",
    ),
    (
        "Winter weather cancelled sessions; an online option now fills the gap.",
        "L'hiver a fait annuler des séances; une option en ligne comble maintenant le manque.",
    ),
    (
        "Childcare was the barrier nobody planned for at first.",
        "La garde des enfants est l'obstacle que personne n'avait prévu au départ.",
    ),
    (
        "Measuring outcomes took more time than the small staff had.",
        "Mesurer les résultats a demandé plus de temps que n'en avait la petite équipe.",
    ),
    (
        "Sharing the work with a neighbouring agency avoided competing for the same clients.",
        "Partager le travail avec un organisme voisin a évité de se disputer les mêmes clients.",
    ),
]
SENTENCE_WEIGHTS = [1 / (rank + 1) for rank in range(len(SENTENCES))]
# Each added to a practice's description with this probability: rare words for search tests.
RARE_SENTENCES = [
    (
        0.004,
        "Swimming and water safety matter in a town surrounded by lakes.",
        "La natation et la sécurité aquatique comptent dans une ville entourée de lacs.",
    ),
    (
        0.002,
        "A paddling club lends canoes for summer outings.",
        "Un club de pagaie prête des canots pour les sorties d'été.",
    ),
]

LEAD_SLUG = "bench-synthetic-practices"
PHONE_AREA = {"NL": 709, "PE": 902, "NS": 902, "NB": 506, "QC": 819, "ON": 705, "MB": 204}
FIRST = ["Amina", "Jean", "Priya", "Luc", "Fatima", "Marc", "Olena", "Sophie", "Ahmed", "Maria"]
LAST = ["Nguyen", "Tremblay", "Singh", "Gagnon", "Haddad", "Roy", "Kowalski", "Martin"]


BULK = 5000


def generate(count, seed=42, batch_size=2000, status=Status.PUBLISHED, stdout=None):
    rnd = random.Random(seed)
    communities = list(Community.objects.select_related("province"))
    organizations = list(Organization.objects.exclude(slug=LEAD_SLUG))  # partners
    themes = list(Theme.objects.all())
    groups = list(ClientGroup.objects.all())
    if not (communities and organizations and themes):
        raise ValueError("Load the reference data and organizations first (seed_demo).")
    lead = synthetic_lead(communities[0].province)
    now = timezone.now()
    created = 0
    # A large load on PostgreSQL: the bitmaps' triggers would rewrite every bitmap for each
    # batch (some 2,000 bitmaps of 12 KB per batch at 100,000); they are made once at the end
    # instead (25 s). A small one (the tests, inside a transaction where ALTER TABLE is
    # refused) keeps the triggers.
    postgres = connection.vendor == "postgresql"
    bulk = postgres and count >= BULK
    if bulk:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE practices_promisingpractice DISABLE TRIGGER USER")
    try:
        while created < count:
            size = min(batch_size, count - created)
            rows = [
                make_practice(rnd, communities, organizations, lead, themes, groups, now, status)
                for _ in range(size)
            ]
            with transaction.atomic():
                save_batch(rows)
            created += size
            if stdout:
                stdout.write(f"{created} / {count}")
    finally:
        if bulk:
            with connection.cursor() as cursor:
                cursor.execute("ALTER TABLE practices_promisingpractice ENABLE TRIGGER USER")
    if bulk:
        if stdout:
            stdout.write("Bitmaps of the filters and common words…")
        catalogue.rebuild_match_bitmaps()
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE practices_promisingpractice")
    catalogue.publication_changed()
    return created


def synthetic_lead(province):
    """The reserved organization that leads every synthetic practice (made up, flagged demo)."""
    lead, _created = Organization.objects.get_or_create(
        slug=LEAD_SLUG,
        defaults={
            "name": "Synthetic practices (benchmarks)",
            "name_en": "Synthetic practices (benchmarks)",
            "name_fr": "Pratiques synthétiques (bancs d'essai)",
            "province": province,
            "is_demo": True,
        },
    )
    return lead


def make_practice(rnd, communities, organizations, lead, themes, groups, now, status):
    community = rnd.choice(communities)
    province = community.province
    activity_en, activity_fr = rnd.choices(ACTIVITIES, ACTIVITY_WEIGHTS)[0]
    group = rnd.choice(groups)
    title_en = f"{activity_en} for {group.name_en.lower()} in {community.name}"
    title_fr = f"{activity_fr} pour {group.name_fr.lower()} à {community.name}"
    picks = [
        list(dict.fromkeys(rnd.choices(SENTENCES, SENTENCE_WEIGHTS, k=k))) for k in (2, 6, 2, 2)
    ]
    picks[1] += [(en, fr) for p, en, fr in RARE_SENTENCES if rnd.random() < p]
    fill = {"community": community.name}
    text = {
        name: (
            " ".join(en.format(activity=activity_en.lower(), **fill) for en, _fr in pick),
            " ".join(fr.format(activity=activity_fr.lower(), **fill) for _en, fr in pick),
        )
        for name, pick in zip(("summary", "description", "outcomes", "lessons"), picks, strict=True)
    }
    languages = rnd.choices([("en", "fr"), ("fr",), ("en",)], weights=[90, 6, 4])[0]
    published = now - timedelta(minutes=rnd.randint(0, 4 * 365 * 24 * 60))
    practice = PromisingPractice(
        title_en=title_en if "en" in languages else None,
        title_fr=title_fr if "fr" in languages else None,
        **{
            f"{name}_{lang}": pair[i] if lang in languages else None
            for name, pair in text.items()
            for i, lang in enumerate(("en", "fr"))
        },
        lead_organization=lead,
        province=province,
        region_id=province.region_id,
        community=community,
        size_class=community.size_class,
        kind=rnd.choice(Kind.values),
        delivery_mode=rnd.choice(DeliveryMode.values),
        origin=rnd.choices(Origin.values, weights=[15, 45, 25, 10, 5])[0],
        evidence_level=rnd.choices(EvidenceLevel.values, weights=[55, 35, 10])[0],
        stage=rnd.choices(Stage.values, weights=[10, 30, 40, 12, 8])[0],
        contact_name=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
        contact_email=f"contact{rnd.randint(1000, 9999)}@example.org",
        contact_phone=f"+1 {PHONE_AREA.get(province.code, 867)} 555 01{rnd.randint(0, 99):02d}",
        status=status,
        published_at=published if status == Status.PUBLISHED else None,
        created_at=published,
        has_en="en" in languages,
        has_fr="fr" in languages,
    )
    practice.slug_en = slugify(practice.title_en or practice.title_fr)[:200]
    practice.slug_fr = slugify(practice.title_fr or practice.title_en)[:200]
    practice.title = practice.title_en or practice.title_fr
    practice.summary = practice.summary_en or practice.summary_fr
    practice.search_title = normalize(f"{practice.title_en or ''} {practice.title_fr or ''}")
    if connection.vendor != "postgresql":  # PostgreSQL searches its tsvector columns instead
        texts = [getattr(practice, f"{n}_{lang}") for n in text for lang in ("en", "fr")]
        practice.search_text = normalize(" ".join(t for t in [practice.search_title, *texts] if t))
    practice.principles = rnd.sample(Principle.values, rnd.randint(1, 3))
    practice._themes = rnd.sample(themes, rnd.randint(1, 4))
    practice._groups = [group, *rnd.sample(groups, rnd.randint(0, 2))]
    practice._partners = rnd.sample(organizations, rnd.choice((0, 0, 1, 1, 2)))
    practice.theme_bits = sum(1 << t.bit for t in practice._themes)
    practice.client_group_bits = sum(1 << g.bit for g in set(practice._groups))
    return practice


def save_batch(practices):
    PromisingPractice.objects.bulk_create(practices)
    through = PromisingPractice.themes.through
    through.objects.bulk_create(
        [through(promisingpractice=p, theme=t) for p in practices for t in p._themes]
    )
    through = PromisingPractice.client_groups.through
    through.objects.bulk_create(
        [through(promisingpractice=p, clientgroup=g) for p in practices for g in set(p._groups)]
    )
    through = PromisingPractice.partner_organizations.through
    through.objects.bulk_create(
        [
            through(promisingpractice=p, organization=o)
            for p in practices
            for o in p._partners
            if o != p.lead_organization
        ]
    )


def delete_synthetic():
    synthetic = PromisingPractice.objects.filter(lead_organization__slug=LEAD_SLUG)
    for field in ("themes", "client_groups", "partner_organizations"):
        through = getattr(PromisingPractice, field).through
        mine = through.objects.filter(promisingpractice__lead_organization__slug=LEAD_SLUG)
        mine._raw_delete(synthetic.db)
    deleted = synthetic._raw_delete(synthetic.db)
    catalogue.publication_changed()
    return deleted
