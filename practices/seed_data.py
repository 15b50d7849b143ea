"""Seed data for promising practices (pure Python, no Django imports).

Every practice below is drawn from a practice, example or idea described in the Settlement 3.0
final report (PeaceGeeks, August 2021), rewritten in the portal's own words. The lead and partner
organizations, contact people and operational details are DEMO data: fictional, with contact
details in reserved ranges (example.org, 555-01xx). Organization keys and community names refer
to workinggroup/reference_data.py.

`languages` says which languages the text exists in. Two practices are French-only (their *_en
fields are empty) and one is English-only (its *_fr fields are empty), so that the translation
fallback and the "needs translation" queue have something to show.
"""

THEMES = [
    {
        "slug": "partnerships",
        "name_en": "Partnerships and collaboration",
        "name_fr": "Partenariats et collaboration",
    },
    {
        "slug": "systemic-barriers",
        "name_en": "Systemic barriers",
        "name_fr": "Obstacles systémiques",
    },
    {
        "slug": "holistic-community",
        "name_en": "Holistic, community-rooted work",
        "name_fr": "Approche holistique ancrée dans la communauté",
    },
    {
        "slug": "technology-access",
        "name_en": "Technology for access",
        "name_fr": "Technologie au service de l'accès",
    },
    {"slug": "employment", "name_en": "Employment", "name_fr": "Emploi"},
    {"slug": "housing", "name_en": "Housing", "name_fr": "Logement"},
    {"slug": "language", "name_en": "Language learning", "name_fr": "Apprentissage des langues"},
    {
        "slug": "mental-health",
        "name_en": "Mental health and well-being",
        "name_fr": "Santé mentale et bien-être",
    },
    {"slug": "women", "name_en": "Women", "name_fr": "Femmes"},
    {"slug": "youth", "name_en": "Youth and children", "name_fr": "Jeunes et enfants"},
    {
        "slug": "recreation-belonging",
        "name_en": "Recreation and belonging",
        "name_fr": "Loisirs et sentiment d'appartenance",
    },
    {
        "slug": "rural-networks",
        "name_en": "Rural settlement networks",
        "name_fr": "Réseaux d'établissement en milieu rural",
    },
    {
        "slug": "needs-assessment",
        "name_en": "Needs assessment",
        "name_fr": "Évaluation des besoins",
    },
    {
        "slug": "case-management",
        "name_en": "Case management and referral",
        "name_fr": "Gestion de cas et aiguillage",
    },
    {"slug": "digital-literacy", "name_en": "Digital literacy", "name_fr": "Littératie numérique"},
    {
        "slug": "knowledge-sharing",
        "name_en": "Knowledge sharing",
        "name_fr": "Partage des connaissances",
    },
    {
        "slug": "retention",
        "name_en": "Newcomer retention",
        "name_fr": "Rétention des nouveaux arrivants",
    },
    {
        "slug": "newcomer-leadership",
        "name_en": "Newcomer-led ideas",
        "name_fr": "Idées portées par les nouveaux arrivants",
    },
    {"slug": "families", "name_en": "Families and parenting", "name_fr": "Familles et parentalité"},
]

CLIENT_GROUPS = [
    {"slug": "all-newcomers", "name_en": "All newcomers", "name_fr": "Tous les nouveaux arrivants"},
    {
        "slug": "permanent-residents",
        "name_en": "Permanent residents",
        "name_fr": "Résidents permanents",
    },
    {"slug": "refugees", "name_en": "Refugees", "name_fr": "Réfugiés"},
    {
        "slug": "international-students",
        "name_en": "International students",
        "name_fr": "Étudiants étrangers",
    },
    {
        "slug": "temporary-foreign-workers",
        "name_en": "Temporary foreign workers",
        "name_fr": "Travailleurs étrangers temporaires",
    },
    {"slug": "women", "name_en": "Women", "name_fr": "Femmes"},
    {"slug": "youth", "name_en": "Youth", "name_fr": "Jeunes"},
    {"slug": "seniors", "name_en": "Seniors", "name_fr": "Aînés"},
    {"slug": "families", "name_en": "Families with children", "name_fr": "Familles avec enfants"},
    {
        "slug": "francophone-newcomers",
        "name_en": "French-speaking newcomers",
        "name_fr": "Nouveaux arrivants d'expression française",
    },
    {
        "slug": "low-literacy",
        "name_en": "Newcomers with limited literacy or language skills",
        "name_fr": "Nouveaux arrivants peu alphabétisés ou peu à l'aise dans la langue",
    },
    {
        "slug": "skilled-professionals",
        "name_en": "Internationally trained professionals",
        "name_fr": "Professionnels formés à l'étranger",
    },
]

PRINCIPLES = ["client_centric", "outcomes_driven", "efficient_resources", "responsive"]
KINDS = ["innovation", "iteration"]
DELIVERY_MODES = ["digital", "non_digital", "hybrid"]
ORIGINS = ["newcomer_idea", "staff", "partnership", "funder", "other"]
EVIDENCE_LEVELS = ["anecdotal", "monitored", "evaluated"]
STAGES = ["idea", "pilot", "established", "scaled", "discontinued"]

PRACTICES = [
    # ------------------------------------------------------------------ 1
    {
        "key": "yk-swim-night",
        "title_en": "Women-only swim night",
        "title_fr": "Soirée de natation réservée aux femmes",
        "summary_en": (
            "A newcomer who mentored other newcomers suggested a women-only evening at "
            "Yellowknife's public pool. The swim night gives women who do not use mixed "
            "facilities a place to swim, learn water safety and make friends."
        ),
        "summary_fr": (
            "Une nouvelle arrivante, mentore auprès d'autres nouveaux arrivants, a proposé une "
            "soirée réservée aux femmes à la piscine publique de Yellowknife. La soirée de "
            "natation offre aux femmes qui ne fréquentent pas les installations mixtes un endroit "
            "pour nager, apprendre la sécurité aquatique et se faire des amies."
        ),
        "description_en": (
            "The idea did not come from a work plan. A client originally from Pakistan, who was "
            "volunteering as a mentor, had taken part in women-only sessions at a public pool "
            "while living in England, and asked whether Yellowknife could do the same.\n\n"
            "In some cultures women cannot comfortably use a public facility unless it is reserved "
            "for them. The centre booked the city pool one evening a week, with women staff on deck, "
            "and the swim night quickly became a place where women met, talked and built an "
            "informal support network.\n\n"
            "Yellowknife is surrounded by hundreds of lakes, so the evening also works as a "
            "water-safety course: women gain confidence around water and in their new natural "
            "surroundings."
        ),
        "description_fr": (
            "L'idée n'est pas sortie d'un plan de travail. Une cliente originaire du Pakistan, "
            "bénévole comme mentore, avait participé à des séances réservées aux femmes dans une "
            "piscine publique lorsqu'elle vivait en Angleterre, et elle a demandé si Yellowknife "
            "pouvait faire de même.\n\n"
            "Dans certaines cultures, les femmes ne peuvent pas utiliser aisément une installation "
            "publique si elle ne leur est pas réservée. Le centre a loué la piscine municipale un "
            "soir par semaine, avec du personnel féminin au bord du bassin, et la soirée de "
            "natation est vite devenue un lieu où les femmes se rencontrent, échangent et tissent "
            "un réseau de soutien informel.\n\n"
            "Yellowknife est entourée de centaines de lacs : la soirée sert donc aussi de cours de "
            "sécurité aquatique, qui aide les femmes à se sentir à l'aise près de l'eau et dans "
            "leur nouvel environnement naturel."
        ),
        "outcomes_en": (
            "Popular with clients from the first season and counted as a success under IRCC's "
            "current standards. The organizer received a local innovation award, women from "
            "several countries now support one another outside the program, and the swim night "
            "led directly to summer canoe outings."
        ),
        "outcomes_fr": (
            "Populaire auprès des clientes dès la première saison et considérée comme une réussite "
            "selon les normes actuelles d'IRCC. L'organisatrice a reçu un prix local d'innovation, "
            "des femmes de plusieurs pays s'entraident désormais en dehors du programme, et la "
            "soirée de natation a directement donné naissance aux sorties en canot de l'été."
        ),
        "lessons_en": (
            "Listen to clients: the best idea came from a newcomer, not from staff. Booking a "
            "public facility takes lead time and a contact at the city. Childcare was the first "
            "barrier women raised; we had not planned for it, and the later canoe outings were "
            "designed so that children could come along."
        ),
        "lessons_fr": (
            "Écouter les clientes : la meilleure idée est venue d'une nouvelle arrivante, pas du "
            "personnel. Réserver une installation publique demande du temps et une personne-"
            "ressource à la ville. La garde des enfants a été le premier obstacle soulevé par les "
            "femmes; nous ne l'avions pas prévu, et les sorties en canot ont ensuite été conçues "
            "pour que les enfants puissent venir."
        ),
        "lead": "yk-multicultural",
        "partners": ["yk-accueil-grand-nord"],
        "province": "NT",
        "community": "Yellowknife",
        "themes": ["women", "recreation-belonging", "newcomer-leadership", "holistic-community"],
        "client_groups": ["women", "refugees", "permanent-residents"],
        "principles": ["client_centric", "responsive"],
        "kind": "innovation",
        "delivery": "non_digital",
        "origin": "newcomer_idea",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Marisol Pineda",
        "contact_role_en": "Newcomer programs coordinator",
        "contact_role_fr": "Coordonnatrice des programmes pour nouveaux arrivants",
        "contact_email": "marisol.pineda@example.org",
        "contact_phone": "+1 867 555 0101",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 2
    {
        "key": "yk-canoe-outings",
        "title_en": "Family canoe outings on the lake",
        "title_fr": "Sorties familiales en canot sur le lac",
        "summary_en": (
            "An extension of Yellowknife's women-only swim night: summer canoe outings on a "
            "nearby lake, where mothers bring their children and share a picnic."
        ),
        "summary_fr": (
            "Le prolongement de la soirée de natation pour femmes de Yellowknife : des sorties "
            "estivales en canot sur un lac voisin, où les mères emmènent leurs enfants et "
            "partagent un pique-nique."
        ),
        "description_en": (
            "Once women felt at ease in the pool, the next step was open water. The centre added "
            "introductory canoe outings on a lake close to town, with a certified instructor and "
            "life jackets for every size.\n\n"
            "Unlike the swim night, the outings are open to children. Families paddle, picnic on "
            "the shore and spend an afternoon outdoors together, which many had not yet dared to "
            "do on their own in the North."
        ),
        "description_fr": (
            "Une fois les femmes à l'aise dans la piscine, l'étape suivante était l'eau libre. Le "
            "centre a ajouté des initiations au canot sur un lac proche de la ville, avec un "
            "moniteur certifié et des gilets de sauvetage de toutes les tailles.\n\n"
            "Contrairement à la soirée de natation, les sorties sont ouvertes aux enfants. Les "
            "familles pagaient, pique-niquent sur la rive et passent un après-midi en plein air "
            "ensemble, ce que beaucoup n'avaient pas encore osé faire seules dans le Nord."
        ),
        "outcomes_en": (
            "Outings fill every summer, and several families now go out on the land on their "
            "own. Mothers who met at the pool bring friends and neighbours, widening the circle "
            "of support."
        ),
        "outcomes_fr": (
            "Les sorties affichent complet chaque été, et plusieurs familles partent maintenant "
            "en plein air par elles-mêmes. Les mères qui se sont connues à la piscine invitent "
            "amies et voisines, ce qui élargit le cercle d'entraide."
        ),
        "lessons_en": (
            "The season is short and the weather decides: keep a rain date and an indoor plan. "
            "Renting canoes every time is expensive; borrowing from a local paddling club worked "
            "better than buying equipment we would have to store."
        ),
        "lessons_fr": (
            "La saison est courte et la météo a le dernier mot : prévoir une date de remplacement "
            "et une activité intérieure. Louer des canots à chaque sortie coûte cher; les "
            "emprunter à un club de canot local a mieux fonctionné que d'acheter du matériel à "
            "entreposer."
        ),
        "lead": "yk-multicultural",
        "partners": ["yk-accueil-grand-nord"],
        "province": "NT",
        "community": "Yellowknife",
        "themes": ["recreation-belonging", "women", "families", "youth"],
        "client_groups": ["women", "families"],
        "principles": ["client_centric", "responsive"],
        "kind": "iteration",
        "delivery": "non_digital",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Daniel Beaulieu",
        "contact_role_en": "Community connections worker",
        "contact_role_fr": "Intervenant en liens communautaires",
        "contact_email": "daniel.beaulieu@example.org",
        "contact_phone": "+1 867 555 0102",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 3
    {
        "key": "nb-rural-settlement-network",
        "title_en": "New Brunswick rural settlement network",
        "title_fr": "Réseau d'établissement rural du Nouveau-Brunswick",
        "summary_en": (
            "Agencies of one to five staff across rural New Brunswick meet regularly to share "
            "practices and resources, and are paired with larger, longer-established agencies "
            "so that each learns from the other."
        ),
        "summary_fr": (
            "Des organismes de un à cinq employés des régions rurales du Nouveau-Brunswick se "
            "réunissent régulièrement pour mettre en commun pratiques et ressources, et sont "
            "jumelés à des organismes plus grands et plus anciens afin d'apprendre les uns des "
            "autres."
        ),
        "description_en": (
            "Very small agencies rarely have anyone to ask. The network gives them a standing "
            "meeting, alternating between online calls and gatherings in a host town, where they "
            "compare intake forms, referral lists, workshop outlines and funding reports.\n\n"
            "Each small or new agency is paired with a larger or older one. The pairing runs both "
            "ways: the larger agency shares tools and experience, and learns how services work "
            "where there is no specialist down the hall.\n\n"
            "Because members do not see each other as competitors for the same funding, they share "
            "openly, and a common way of working is starting to take shape across the province."
        ),
        "description_fr": (
            "Les très petits organismes ont rarement quelqu'un à qui poser leurs questions. Le "
            "réseau leur offre une rencontre régulière, tantôt en ligne, tantôt dans une localité "
            "hôte, où l'on compare formulaires d'accueil, listes d'aiguillage, plans d'ateliers "
            "et rapports de financement.\n\n"
            "Chaque organisme petit ou récent est jumelé à un organisme plus grand ou plus ancien. "
            "L'échange va dans les deux sens : le grand organisme partage outils et expérience, et "
            "découvre comment on travaille quand aucun spécialiste n'est au bout du couloir.\n\n"
            "Comme les membres ne se voient pas comme des concurrents pour le même financement, "
            "ils partagent ouvertement, et une façon commune de travailler commence à se dessiner "
            "dans toute la province."
        ),
        "outcomes_en": (
            "At the end of its first year, members describe a real sense of collaboration and the "
            "beginnings of shared standards across the province. Several tools (an intake "
            "checklist, a bilingual referral directory) are now used by most members. Members "
            "hope the network will become a permanent fixture."
        ),
        "outcomes_fr": (
            "Au terme de sa première année, les membres décrivent un véritable esprit de "
            "collaboration et l'amorce de normes communes dans la province. Plusieurs outils "
            "(une liste de contrôle d'accueil, un répertoire d'aiguillage bilingue) sont "
            "maintenant utilisés par la plupart des membres, qui souhaitent que le réseau devienne "
            "permanent."
        ),
        "lessons_en": (
            "Collaboration does not happen by itself: someone has to listen actively and look for "
            "openings, meeting after meeting. Early meetings that were only updates lost people; "
            "working on a concrete shared tool kept them coming. Coordination time must be funded, "
            "or it falls on the busiest person in the room."
        ),
        "lessons_fr": (
            "La collaboration ne va pas de soi : il faut écouter activement et chercher les "
            "occasions, rencontre après rencontre. Les premières réunions, faites seulement de "
            "comptes rendus, ont fait fuir des participants; travailler à un outil commun concret "
            "les a fait revenir. Le temps de coordination doit être financé, sinon il retombe sur "
            "la personne la plus occupée."
        ),
        "lead": "wo-carleton-valley",
        "partners": ["mo-tidewater-settlement", "ca-carrefour-peninsule", "sl-accueil-haut-vallee"],
        "province": "NB",
        "community": "Woodstock",
        "themes": ["rural-networks", "partnerships", "knowledge-sharing"],
        "client_groups": ["all-newcomers", "francophone-newcomers"],
        "principles": ["efficient_resources", "outcomes_driven"],
        "kind": "innovation",
        "delivery": "hybrid",
        "origin": "partnership",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Sarah MacKinnon",
        "contact_role_en": "Network coordinator",
        "contact_role_fr": "Coordonnatrice du réseau",
        "contact_email": "sarah.mackinnon@example.org",
        "contact_phone": "+1 506 555 0131",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 4
    {
        "key": "mb-pooled-small-offices",
        "title_en": "Pooling one-person offices under one agreement",
        "title_fr": "Regrouper les bureaux d'une seule personne sous une même entente",
        "summary_en": (
            "In Manitoba, one-person settlement offices joined a larger agency under a single "
            "contribution agreement. Front-line workers stay in their towns with clients while "
            "the larger partner handles the paperwork."
        ),
        "summary_fr": (
            "Au Manitoba, des bureaux d'établissement d'une seule personne se sont joints à un "
            "organisme plus grand sous un seul accord de contribution. Les intervenants restent "
            "dans leur localité auprès des clients, pendant que le partenaire principal s'occupe "
            "de la paperasse."
        ),
        "description_en": (
            "During the 2019 call for proposals, Manitoba providers and IRCC agreed that the "
            "system was not serving clients well in small centres. Some one-person offices could "
            "not even show how many clients they served: there was no time to enter them in the "
            "reporting system.\n\n"
            "IRCC encouraged these offices to team up with each other or with a larger agency. "
            "Several small offices are now funded through one agreement held by a regional agency, "
            "which takes on finance, reporting and data entry. The workers in each town keep "
            "their local knowledge and spend their time with clients."
        ),
        "description_fr": (
            "Lors de l'appel de propositions de 2019, les fournisseurs du Manitoba et IRCC ont "
            "convenu que le système servait mal les clients des petits centres. Certains bureaux "
            "d'une seule personne ne pouvaient même pas démontrer combien de clients ils "
            "servaient : ils n'avaient pas le temps de les inscrire dans le système de "
            "déclaration.\n\n"
            "IRCC a incité ces bureaux à s'associer entre eux ou avec un organisme plus grand. "
            "Plusieurs petits bureaux sont aujourd'hui financés par une seule entente détenue par "
            "un organisme régional, qui se charge des finances, des rapports et de la saisie des "
            "données. Les intervenants de chaque localité conservent leur connaissance du milieu "
            "et consacrent leur temps aux clients."
        ),
        "outcomes_en": (
            "Client counts from the small offices are now recorded completely, which makes their "
            "work visible to the funder. Administrative barriers went down for IRCC and the "
            "agencies alike, and the partners share skills across offices."
        ),
        "outcomes_fr": (
            "Les clients des petits bureaux sont désormais tous inscrits, ce qui rend leur travail "
            "visible aux yeux du bailleur de fonds. Les obstacles administratifs ont diminué autant "
            "pour IRCC que pour les organismes, et les partenaires mettent leurs compétences en "
            "commun d'un bureau à l'autre."
        ),
        "lessons_en": (
            "Small offices worried about losing their identity and their say; a written agreement "
            "on local decision-making settled this early. Data entry must still start with the "
            "local worker, so simple intake forms matter more than software."
        ),
        "lessons_fr": (
            "Les petits bureaux craignaient de perdre leur identité et leur voix; une entente "
            "écrite sur la prise de décision locale a réglé la question dès le départ. La saisie "
            "des données commence toujours par l'intervenant local : des formulaires d'accueil "
            "simples comptent davantage que le logiciel."
        ),
        "lead": "br-westman-settlement",
        "partners": ["da-parkland-newcomers", "sp-accueil-riviere-aux-rats"],
        "province": "MB",
        "community": "Brandon",
        "themes": ["partnerships", "rural-networks", "systemic-barriers"],
        "client_groups": ["all-newcomers"],
        "principles": ["efficient_resources", "client_centric"],
        "kind": "innovation",
        "delivery": "non_digital",
        "origin": "funder",
        "evidence": "monitored",
        "stage": "established",
        "contact_name": "Olena Kovalenko",
        "contact_role_en": "Executive director",
        "contact_role_fr": "Directrice générale",
        "contact_email": "olena.kovalenko@example.org",
        "contact_phone": "+1 204 555 0181",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 5
    {
        "key": "ab-complete-not-compete",
        "title_en": "'Complete, not compete': a shared needs assessment",
        "title_fr": "« Compléter plutôt que compétitionner » : une évaluation des besoins commune",
        "summary_en": (
            "Providers in northern Alberta and the Northwest Territories built a local needs "
            "assessment and case-management model together with community partners, agreeing "
            "to complete each other's work rather than compete for clients."
        ),
        "summary_fr": (
            "Des fournisseurs du nord de l'Alberta et des Territoires du Nord-Ouest ont bâti, avec "
            "des partenaires communautaires, un modèle local d'évaluation des besoins et de "
            "gestion de cas, en convenant de compléter le travail des autres plutôt que de se "
            "disputer les clients."
        ),
        "description_en": (
            "The work started with a frank conversation. Some providers said outright that they "
            "could not work together and that competition in the region would never change. The "
            "convener thanked them for saying so, then asked: since we are all here to get "
            "settlement done, how can we work together?\n\n"
            "After long dialogue, the providers agreed on one shared needs assessment and a "
            "referral map of who does what best. In the Northwest Territories, the idea came from "
            "local providers rather than from IRCC. The approach rests on trust and on building "
            "from each partner's strengths, not from scarcity."
        ),
        "description_fr": (
            "Tout a commencé par une conversation franche. Certains fournisseurs ont déclaré "
            "qu'ils ne pouvaient pas travailler ensemble et que la concurrence dans la région ne "
            "changerait jamais. La personne qui animait les a remerciés de leur franchise, puis a "
            "demandé : puisque nous sommes tous ici pour réussir l'établissement, comment "
            "travailler ensemble?\n\n"
            "Après un long dialogue, les fournisseurs se sont entendus sur une évaluation des "
            "besoins commune et une carte d'aiguillage indiquant qui fait quoi le mieux. Aux "
            "Territoires du Nord-Ouest, l'idée est venue des fournisseurs locaux plutôt que "
            "d'IRCC. L'approche repose sur la confiance et sur les forces de chaque partenaire, "
            "et non sur la pénurie."
        ),
        "outcomes_en": (
            "All participating providers signed on to the shared assessment and agreed that "
            "working together gives the best results for clients and for the region. Duplicate "
            "intakes dropped, and clients tell their story once."
        ),
        "outcomes_fr": (
            "Tous les fournisseurs participants ont adhéré à l'évaluation commune et convenu que "
            "la collaboration donne les meilleurs résultats pour les clients et pour la région. "
            "Les accueils en double ont diminué, et les clients ne racontent leur histoire qu'une "
            "fois."
        ),
        "lessons_en": (
            "It does not matter who starts the conversation, IRCC or providers, as long as someone "
            "does. Resistance is real and needs to be heard, not argued away. Trust took many "
            "meetings; a deadline imposed from outside would have broken it."
        ),
        "lessons_fr": (
            "Peu importe qui lance la conversation, IRCC ou les fournisseurs, pourvu que quelqu'un "
            "le fasse. La résistance est réelle : il faut l'entendre, pas la réfuter. La confiance "
            "a demandé de nombreuses rencontres; une échéance imposée de l'extérieur l'aurait "
            "brisée."
        ),
        "lead": "gp-peace-country",
        "partners": ["fa-carrefour-riviere-la-paix", "yk-multicultural", "yk-accueil-grand-nord"],
        "province": "AB",
        "community": "Grande Prairie",
        "themes": ["partnerships", "needs-assessment", "case-management", "systemic-barriers"],
        "client_groups": ["all-newcomers"],
        "principles": ["outcomes_driven", "efficient_resources", "client_centric"],
        "kind": "innovation",
        "delivery": "non_digital",
        "origin": "partnership",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Joseph Mensah",
        "contact_role_en": "Manager, needs assessment and referral",
        "contact_role_fr": "Gestionnaire, évaluation des besoins et aiguillage",
        "contact_email": "joseph.mensah@example.org",
        "contact_phone": "+1 780 555 0189",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 6
    {
        "key": "pnt-case-management-triage",
        "title_en": "Independent triage and case management by service zone",
        "title_fr": "Triage indépendant et gestion de cas par zone de services",
        "summary_en": (
            "An IRCC-funded pilot in the Prairies and Northern Territories region: one agency "
            "assesses needs and manages complex cases without delivering direct services itself, "
            "then refers clients to the providers of each service zone."
        ),
        "summary_fr": (
            "Projet pilote financé par IRCC dans la région des Prairies et des territoires du "
            "Nord : un organisme évalue les besoins et gère les cas complexes sans offrir lui-même "
            "de services directs, puis oriente les clients vers les fournisseurs de chaque zone "
            "de services."
        ),
        "description_en": (
            "When the agency that assesses a client also runs programs, it is tempted to refer to "
            "itself. The pilot borrows from language assessment, where assessors do not teach: an "
            "independent, trained agency does the triage and refers according to the level of "
            "need.\n\n"
            "The city is divided into service zones. In each zone, providers work with a wide "
            "range of partners to find newcomers, link them with mainstream institutions, and stay "
            "in touch throughout their settlement. Providers build centres of expertise for "
            "vulnerable clients, and services are offered when and where clients say they want "
            "them."
        ),
        "description_fr": (
            "Quand l'organisme qui évalue un client offre aussi des programmes, il est tenté de "
            "l'orienter vers ses propres services. Le projet s'inspire de l'évaluation "
            "linguistique, où les évaluateurs n'enseignent pas : un organisme indépendant et "
            "formé fait le triage, puis oriente selon le niveau de besoin.\n\n"
            "La ville est divisée en zones de services. Dans chaque zone, les fournisseurs "
            "travaillent avec un large éventail de partenaires pour joindre les nouveaux "
            "arrivants, les relier aux institutions générales et rester en contact tout au long de "
            "leur établissement. Les fournisseurs développent des pôles d'expertise pour les "
            "clients vulnérables, et les services sont offerts au moment et à l'endroit choisis "
            "par les clients."
        ),
        "outcomes_en": (
            "Still early: implementation runs from 2021 to 2023. Much structural work is done, "
            "including a clear division of labour between providers and a case-management system "
            "designed for collaboration rather than competition. Referral volumes and wait times "
            "are tracked by zone."
        ),
        "outcomes_fr": (
            "Il est encore tôt : la mise en œuvre s'étend de 2021 à 2023. Un important travail de "
            "structure est fait, dont une répartition claire des tâches entre fournisseurs et un "
            "système de gestion de cas conçu pour la collaboration plutôt que la concurrence. Le "
            "volume d'aiguillages et les délais d'attente sont suivis par zone."
        ),
        "lessons_en": (
            "Giving up direct services is a hard step for an agency and needs stable funding for "
            "the triage role. Zone boundaries drawn on a map did not always match where newcomers "
            "actually live and shop; they were redrawn after the first year."
        ),
        "lessons_fr": (
            "Renoncer aux services directs est un pas difficile pour un organisme et exige un "
            "financement stable du rôle de triage. Les limites de zones tracées sur une carte ne "
            "correspondaient pas toujours aux lieux où les nouveaux arrivants vivent et font leurs "
            "courses; elles ont été redessinées après la première année."
        ),
        "lead": "cg-bow-pathways",
        "partners": ["cg-accueil-rocheuses"],
        "province": "AB",
        "community": "Calgary",
        "themes": ["case-management", "needs-assessment", "partnerships", "systemic-barriers"],
        "client_groups": ["all-newcomers", "refugees"],
        "principles": ["efficient_resources", "client_centric"],
        "kind": "innovation",
        "delivery": "hybrid",
        "origin": "funder",
        "evidence": "monitored",
        "stage": "pilot",
        "contact_name": "Priya Raman",
        "contact_role_en": "Case management lead",
        "contact_role_fr": "Responsable de la gestion de cas",
        "contact_email": "priya.raman@example.org",
        "contact_phone": "+1 403 555 0193",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 7
    {
        "key": "yt-community-movie-nights",
        "title_en": "Potluck movie nights",
        "title_fr": "Soirées cinéma-partage",
        "summary_en": (
            "A settlement centre in Whitehorse screens a film once a month, with a potluck meal. "
            "The evening is social, but informal chats often turn into requests for formal help."
        ),
        "summary_fr": (
            "Un centre d'établissement de Whitehorse projette un film une fois par mois, autour "
            "d'un repas-partage. La soirée est sociale, mais les conversations informelles "
            "débouchent souvent sur des demandes d'aide formelle."
        ),
        "description_en": (
            "In a small centre, the settlement office is also a community centre. Once a month, "
            "families bring a dish, children sit on cushions at the front, and the film comes "
            "from the centre's streaming subscription.\n\n"
            "Staff are there as hosts, not case workers. Over dinner people mention a landlord "
            "problem or a job offer, and a follow-up appointment is booked for the week after. "
            "For newcomers who would never walk in for an appointment, the movie night is the "
            "first door."
        ),
        "description_fr": (
            "Dans un petit centre, le bureau d'établissement est aussi un centre communautaire. "
            "Une fois par mois, les familles apportent un plat, les enfants s'installent sur des "
            "coussins à l'avant, et le film vient de l'abonnement de diffusion en continu du "
            "centre.\n\n"
            "Le personnel est là pour accueillir, pas pour ouvrir des dossiers. Au repas, on parle "
            "d'un problème avec un propriétaire ou d'une offre d'emploi, et un rendez-vous de suivi "
            "est pris pour la semaine suivante. Pour les nouveaux arrivants qui ne viendraient "
            "jamais à un rendez-vous, la soirée cinéma est la première porte d'entrée."
        ),
        "outcomes_en": (
            "Regular attendance of 30 to 50 people in winter, when isolation is hardest. Staff "
            "note that a good share of new clients each year first came to a movie night."
        ),
        "outcomes_fr": (
            "De 30 à 50 personnes y assistent régulièrement en hiver, quand l'isolement pèse le "
            "plus. Le personnel constate qu'une bonne part des nouveaux clients de l'année sont "
            "d'abord venus à une soirée cinéma."
        ),
        "lessons_en": (
            "A streaming subscription was first refused as an administrative cost; it had to be "
            "explained as part of program delivery. Public screening rights vary by service and "
            "by film, so check them. Choose films with subtitles in several languages."
        ),
        "lessons_fr": (
            "L'abonnement de diffusion en continu a d'abord été refusé comme frais administratif; "
            "il a fallu le présenter comme une partie de la prestation du programme. Les droits "
            "de projection publique varient selon le service et le film : il faut les vérifier. "
            "Choisir des films sous-titrés en plusieurs langues."
        ),
        "lead": "wh-riverside-newcomers",
        "partners": [],
        "province": "YT",
        "community": "Whitehorse",
        "themes": [
            "recreation-belonging",
            "holistic-community",
            "technology-access",
            "mental-health",
        ],
        "client_groups": ["families", "all-newcomers", "seniors"],
        "principles": ["client_centric", "responsive"],
        "kind": "iteration",
        "delivery": "hybrid",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Kelsey Johns",
        "contact_role_en": "Settlement worker",
        "contact_role_fr": "Intervenante en établissement",
        "contact_email": "kelsey.johns@example.org",
        "contact_phone": "+1 867 555 0195",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 8 (English only)
    {
        "key": "sk-kids-streaming-corner",
        "title_en": "A kids' corner with a shared streaming account",
        "title_fr": "",
        "summary_en": (
            "Parents with no access to childcare can focus on their appointment while their "
            "young children watch a half-hour show in a corner of the office."
        ),
        "summary_fr": "",
        "description_en": (
            "Many parents arriving in Swift Current have no family nearby and no daycare space. "
            "They came to appointments with toddlers, and the meeting was spent keeping the "
            "children busy.\n\n"
            "The centre set up a corner with a rug, a tablet on a stand and headphones, using a "
            "shared family-friendly streaming account. A child watches one episode, about half an "
            "hour, while the parent fills in forms or talks through a problem at the next desk, "
            "within sight."
        ),
        "description_fr": "",
        "outcomes_en": (
            "Appointments with young children are shorter and more productive, and parents say "
            "they feel less rushed. The cost is a monthly subscription and one tablet."
        ),
        "outcomes_fr": "",
        "lessons_en": (
            "Funders first read the subscription as an administrative expense. It is a service "
            "delivery cost and should be budgeted that way. Keep a parental-control profile and "
            "never leave a child unattended."
        ),
        "lessons_fr": "",
        "lead": "sc-southwest-newcomers",
        "partners": [],
        "province": "SK",
        "community": "Swift Current",
        "themes": ["families", "technology-access", "systemic-barriers"],
        "client_groups": ["families", "women"],
        "principles": ["client_centric", "efficient_resources"],
        "kind": "iteration",
        "delivery": "hybrid",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Grace Dela Cruz",
        "contact_role_en": "Program coordinator",
        "contact_role_fr": "",
        "contact_email": "grace.delacruz@example.org",
        "contact_phone": "+1 306 555 0187",
        "lessons_anonymous": False,
        "languages": ["en"],
    },
    # ------------------------------------------------------------------ 9
    {
        "key": "bc-intl-students-community-table",
        "title_en": "A community table on international students",
        "title_fr": "Une table de concertation sur les étudiants étrangers",
        "summary_en": (
            "When the local college went from a handful of international students to several "
            "hundred, nobody in town was talking to each other. The settlement agency brought "
            "the college, the city and landlords to one table."
        ),
        "summary_fr": (
            "Quand le collège local est passé d'une poignée d'étudiants étrangers à plusieurs "
            "centaines, personne en ville ne se parlait. L'organisme d'établissement a réuni le "
            "collège, la ville et les propriétaires autour d'une même table."
        ),
        "description_en": (
            "In a few years the campus went from a few international students to about fifty, "
            "then to three hundred. Housing was already tight and rents were rising, yet the city "
            "had not planned for it and the college was managing on its own.\n\n"
            "The agency started with simple information sharing: enrolment forecasts from the "
            "college, housing data from the city, and what settlement staff were hearing from "
            "students. The table now meets each term before intake to plan housing, orientation "
            "and part-time work information. International students are not eligible for most "
            "IRCC-funded services, so the agency serves them through partnerships and other "
            "funding."
        ),
        "description_fr": (
            "En quelques années, le campus est passé de quelques étudiants étrangers à une "
            "cinquantaine, puis à trois cents. Le logement était déjà rare et les loyers "
            "grimpaient, mais la ville n'avait rien prévu et le collège se débrouillait seul.\n\n"
            "L'organisme a commencé par un simple partage d'information : prévisions "
            "d'inscription du collège, données sur le logement de la ville, et ce que le personnel "
            "d'établissement entendait de la part des étudiants. La table se réunit maintenant "
            "chaque session, avant la rentrée, pour planifier le logement, l'accueil et "
            "l'information sur le travail à temps partiel. Les étudiants étrangers n'ont pas droit "
            "à la plupart des services financés par IRCC; l'organisme les sert donc grâce à des "
            "partenariats et à d'autres sources de financement."
        ),
        "outcomes_en": (
            "Housing is now discussed before students arrive, not after. Homestay and shared "
            "rental listings were set up with local landlords, and more graduates are staying in "
            "the community to work."
        ),
        "outcomes_fr": (
            "On parle désormais du logement avant l'arrivée des étudiants, et non après. Des "
            "listes de familles d'accueil et de colocations ont été créées avec des propriétaires "
            "locaux, et davantage de diplômés restent travailler dans la communauté."
        ),
        "lessons_en": (
            "Start small: a shared spreadsheet did more than a formal committee would have. The "
            "table depends on goodwill while international students remain outside the funded "
            "client base; wider eligibility would make it sustainable."
        ),
        "lessons_fr": (
            "Commencer petit : un tableur partagé a fait davantage qu'un comité officiel. La "
            "table repose sur la bonne volonté tant que les étudiants étrangers restent exclus de "
            "la clientèle financée; un élargissement de l'admissibilité la rendrait durable."
        ),
        "lead": "cr-key-city",
        "partners": ["ka-two-rivers"],
        "province": "BC",
        "community": "Cranbrook",
        "themes": ["housing", "partnerships", "retention", "youth"],
        "client_groups": ["international-students", "youth"],
        "principles": ["responsive", "outcomes_driven"],
        "kind": "innovation",
        "delivery": "non_digital",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Ravi Sandhu",
        "contact_role_en": "Settlement services manager",
        "contact_role_fr": "Gestionnaire des services d'établissement",
        "contact_email": "ravi.sandhu@example.org",
        "contact_phone": "+1 250 555 0171",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 10
    {
        "key": "bc-smithers-tfw-employers",
        "title_en": "Working with employers to welcome temporary foreign workers",
        "title_fr": "Accueillir les travailleurs étrangers temporaires avec les employeurs",
        "summary_en": (
            "In Smithers, one generalist employment worker partners with local employers to "
            "help temporary foreign workers and their families with housing, transport and a "
            "path to permanent residence."
        ),
        "summary_fr": (
            "À Smithers, une intervenante généraliste en emploi s'associe aux employeurs locaux "
            "pour aider les travailleurs étrangers temporaires et leurs familles à se loger, à se "
            "déplacer et à cheminer vers la résidence permanente."
        ),
        "description_en": (
            "In a small centre, the employment specialist handles everything: licensing bodies, "
            "resumes, unskilled jobs, temporary foreign workers and international students. "
            "BC's small centres have long served temporary residents, whatever their formal "
            "eligibility.\n\n"
            "The centre meets employers before workers arrive. Together they arrange a first "
            "month of housing, carpools to work sites, and an evening orientation that covers "
            "workers' rights, winter driving and health care. Workers who want to stay get help "
            "planning their move to permanent residence."
        ),
        "description_fr": (
            "Dans un petit centre, la spécialiste en emploi s'occupe de tout : ordres "
            "professionnels, curriculum vitæ, emplois peu spécialisés, travailleurs étrangers "
            "temporaires et étudiants étrangers. Les petits centres de la Colombie-Britannique "
            "servent depuis longtemps les résidents temporaires, peu importe leur admissibilité "
            "officielle.\n\n"
            "Le centre rencontre les employeurs avant l'arrivée des travailleurs. Ensemble, ils "
            "prévoient un premier mois de logement, du covoiturage vers les lieux de travail et "
            "une séance d'accueil en soirée sur les droits des travailleurs, la conduite "
            "hivernale et les soins de santé. Ceux qui veulent rester reçoivent de l'aide pour "
            "planifier leur passage à la résidence permanente."
        ),
        "outcomes_en": (
            "Employers report fewer early departures, and several workers have become permanent "
            "residents and brought their families to the valley."
        ),
        "outcomes_fr": (
            "Les employeurs signalent moins de départs prématurés, et plusieurs travailleurs sont "
            "devenus résidents permanents et ont fait venir leur famille dans la vallée."
        ),
        "lessons_en": (
            "Employers are partners, but the centre must stay on the worker's side when problems "
            "arise; say so from the start. Much of this work is not counted in funded service "
            "statistics because the clients are temporary residents."
        ),
        "lessons_fr": (
            "Les employeurs sont des partenaires, mais le centre doit rester du côté du "
            "travailleur en cas de problème : il faut le dire dès le départ. Une grande partie de "
            "ce travail n'apparaît pas dans les statistiques de services financés, puisque les "
            "clients sont des résidents temporaires."
        ),
        "lead": "sm-bulkley-valley",
        "partners": [],
        "province": "BC",
        "community": "Smithers",
        "themes": ["employment", "housing", "partnerships", "retention"],
        "client_groups": [
            "temporary-foreign-workers",
            "international-students",
            "skilled-professionals",
        ],
        "principles": ["client_centric", "responsive"],
        "kind": "iteration",
        "delivery": "non_digital",
        "origin": "partnership",
        "evidence": "anecdotal",
        "stage": "established",
        "contact_name": "Lea Hoffmann",
        "contact_role_en": "Employment and settlement worker",
        "contact_role_fr": "Intervenante en emploi et en établissement",
        "contact_email": "lea.hoffmann@example.org",
        "contact_phone": "+1 250 555 0173",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 11
    {
        "key": "bc-small-centre-exchange",
        "title_en": "Small-centre idea exchange: what works where",
        "title_fr": "Échange d'idées entre petits centres : ce qui marche, et où",
        "summary_en": (
            "A proposed series of brainstorming sessions where BC small-centre agencies compare "
            "practices by community type, so each can judge whether something that works in "
            "Smithers would also work in Kamloops."
        ),
        "summary_fr": (
            "Une série proposée de séances de remue-méninges où les organismes des petits centres "
            "de la Colombie-Britannique comparent leurs pratiques selon le type de communauté, "
            "afin que chacun puisse juger si ce qui fonctionne à Smithers fonctionnerait aussi à "
            "Kamloops."
        ),
        "description_en": (
            "Small agencies are flooded with information and have little time to sort out what "
            "applies to them. What they find most useful is talking to someone who has already "
            "tried something in a similar place.\n\n"
            "The idea is a quarterly online session, organized by community size, where two or "
            "three agencies each present one practice and what they would change. Staff leave "
            "with a short list of things worth trying at home, and a name to call."
        ),
        "description_fr": (
            "Les petits organismes sont inondés d'information et ont peu de temps pour trier ce "
            "qui s'applique à eux. Ce qui les aide le plus, c'est de parler à quelqu'un qui a déjà "
            "essayé quelque chose dans un milieu semblable.\n\n"
            "L'idée : une séance trimestrielle en ligne, organisée selon la taille des "
            "communautés, où deux ou trois organismes présentent chacun une pratique et ce qu'ils "
            "y changeraient. Le personnel repart avec une courte liste de choses à essayer chez "
            "lui, et un nom à qui téléphoner."
        ),
        "outcomes_en": (
            "Not yet run. Intended outcomes: less time lost on ideas that do not fit, and more "
            "practices adapted from one small centre to another."
        ),
        "outcomes_fr": (
            "Pas encore tenue. Résultats visés : moins de temps perdu sur des idées mal adaptées, "
            "et davantage de pratiques transposées d'un petit centre à l'autre."
        ),
        "lessons_en": (
            "Small agencies need protected time to take part; without funding for that time, "
            "sessions like this are the first thing dropped in a busy week."
        ),
        "lessons_fr": (
            "Les petits organismes ont besoin de temps protégé pour participer; sans financement "
            "pour ce temps, ce genre de séance est la première chose abandonnée lors d'une "
            "semaine chargée."
        ),
        "lead": "ka-two-rivers",
        "partners": ["sm-bulkley-valley", "cr-key-city"],
        "province": "BC",
        "community": "Kamloops",
        "themes": ["knowledge-sharing", "rural-networks", "partnerships"],
        "client_groups": ["all-newcomers"],
        "principles": ["efficient_resources", "outcomes_driven"],
        "kind": "innovation",
        "delivery": "digital",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "idea",
        "contact_name": "Samuel Osei",
        "contact_role_en": "Director of programs",
        "contact_role_fr": "Directeur des programmes",
        "contact_email": "samuel.osei@example.org",
        "contact_phone": "+1 250 555 0175",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 12
    {
        "key": "on-virtual-pooled-classes",
        "title_en": "Virtual classes that pool wait-listed learners across towns",
        "title_fr": "Des cours virtuels qui regroupent les apprenants en attente de plusieurs villes",
        "summary_en": (
            "Learners on waiting lists in several northern towns were moved into shared online "
            "classes, where location no longer matters. The groups grew into an online support "
            "network for parents."
        ),
        "summary_fr": (
            "Des apprenants inscrits sur des listes d'attente dans plusieurs villes du Nord ont "
            "été regroupés dans des cours en ligne communs, où le lieu de résidence ne compte "
            "plus. Les groupes sont devenus un réseau de soutien en ligne pour les parents."
        ),
        "description_en": (
            "No single town had enough learners at one level to open a class, so people waited. "
            "Online, everyone is in the same room: a learner in one town now studies with people "
            "who live in two or three others.\n\n"
            "The classes soon went beyond language. Parents used the group to talk about positive "
            "parenting, child development and their worries during the pandemic, and to discuss "
            "local news, since many get their news only from their country of origin. Keeping "
            "everyone in constant contact was what made the change work."
        ),
        "description_fr": (
            "Aucune ville n'avait assez d'apprenants d'un même niveau pour ouvrir un cours : les "
            "gens attendaient. En ligne, tout le monde est dans la même salle : une apprenante "
            "d'une ville étudie désormais avec des personnes qui vivent dans deux ou trois "
            "autres.\n\n"
            "Les cours ont vite dépassé la langue. Les parents se sont servis du groupe pour "
            "parler d'éducation positive, de développement de l'enfant et de leurs inquiétudes "
            "pendant la pandémie, ainsi que de l'actualité locale, puisque beaucoup ne s'informent "
            "qu'auprès des médias de leur pays d'origine. Garder tout le monde en contact constant "
            "a été la clé du changement."
        ),
        "outcomes_en": (
            "Waiting lists shrank within one term, and learners from towns that had never had a "
            "class of their level could enrol. Attendance is tracked weekly and has stayed steady."
        ),
        "outcomes_fr": (
            "Les listes d'attente ont fondu en un trimestre, et des apprenants de villes qui "
            "n'avaient jamais eu de cours de leur niveau ont pu s'inscrire. La présence est suivie "
            "chaque semaine et demeure stable."
        ),
        "lessons_en": (
            "An earlier self-paced online course failed: only one learner finished it. Live "
            "classes with a teacher and a group worked; recorded modules alone did not. Weak "
            "connectivity in rural areas and low digital skills remain real barriers, so the first "
            "two sessions are spent learning the tools, and phone dial-in is always offered."
        ),
        "lessons_fr": (
            "Un premier cours en ligne à son rythme a échoué : une seule personne l'a terminé. "
            "Les cours en direct, avec une enseignante et un groupe, ont fonctionné; les modules "
            "enregistrés seuls, non. La faible connectivité en milieu rural et le manque de "
            "compétences numériques demeurent de vrais obstacles : les deux premières séances "
            "servent donc à apprivoiser les outils, et la connexion par téléphone est toujours "
            "offerte."
        ),
        "lead": "ti-porcupine-newcomers",
        "partners": ["he-accueil-nord", "tb-superior-north"],
        "province": "ON",
        "community": "Timmins",
        "themes": ["language", "technology-access", "families", "mental-health"],
        "client_groups": ["permanent-residents", "refugees", "families"],
        "principles": ["efficient_resources", "responsive"],
        "kind": "innovation",
        "delivery": "digital",
        "origin": "staff",
        "evidence": "monitored",
        "stage": "established",
        "contact_name": "Nathalie Gagnon",
        "contact_role_en": "Language programs coordinator",
        "contact_role_fr": "Coordonnatrice des programmes linguistiques",
        "contact_email": "nathalie.gagnon@example.org",
        "contact_phone": "+1 705 555 0161",
        "lessons_anonymous": True,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 13 (French only)
    {
        "key": "ab-fr-digital-literacy",
        "title_en": "",
        "title_fr": "Ateliers de littératie numérique pour aînés et apprenants débutants",
        "summary_en": "",
        "summary_fr": (
            "Des ateliers en petits groupes, en français, pour les nouveaux arrivants qui cumulent "
            "une faible maîtrise de la langue et peu d'habitude du numérique : téléphone, courriel, "
            "formulaires en ligne et appels vidéo."
        ),
        "description_en": "",
        "description_fr": (
            "Quand les services sont passés en ligne, une partie de la clientèle a tout "
            "simplement décroché. Les personnes âgées et celles qui maîtrisent mal la langue font "
            "face à un double obstacle : elles doivent apprendre l'outil et la langue en même "
            "temps.\n\n"
            "Le carrefour offre des ateliers de six semaines, en groupes de cinq personnes au "
            "plus, avec du matériel en français clair adapté d'un organisme québécois partenaire. "
            "On part du téléphone de chaque participant, et non d'un ordinateur de démonstration : "
            "prendre un rendez-vous, ouvrir un courriel, remplir un formulaire, se joindre à un "
            "appel vidéo."
        ),
        "outcomes_en": "",
        "outcomes_fr": (
            "La plupart des participants rejoignent ensuite seuls leurs cours ou rendez-vous en "
            "ligne. Les ateliers ont aussi créé un petit groupe d'entraide entre aînés."
        ),
        "lessons_en": "",
        "lessons_fr": (
            "Beaucoup d'outils en ligne ne sont pas adaptés aux téléphones intelligents, même "
            "quand les clients en ont un : il faut tester chaque démarche sur un téléphone avant "
            "l'atelier. Le personnel a lui-même dû se former, sans soutien formel au départ."
        ),
        "lead": "fa-carrefour-riviere-la-paix",
        "partners": ["rn-passerelle-abitibi", "gp-peace-country"],
        "province": "AB",
        "community": "Falher",
        "themes": ["digital-literacy", "technology-access", "language", "systemic-barriers"],
        "client_groups": ["seniors", "low-literacy", "francophone-newcomers"],
        "principles": ["client_centric", "responsive"],
        "kind": "iteration",
        "delivery": "hybrid",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Chantal Lavoie",
        "contact_role_en": "",
        "contact_role_fr": "Agente de littératie numérique",
        "contact_email": "chantal.lavoie@example.org",
        "contact_phone": "+1 780 555 0191",
        "lessons_anonymous": False,
        "languages": ["fr"],
    },
    # ------------------------------------------------------------------ 14 (French only)
    {
        "key": "mb-fr-lessons-forum",
        "title_en": "",
        "title_fr": "Forum annuel « Ce qui n'a pas marché »",
        "summary_en": "",
        "summary_fr": (
            "Inspiré des « Fail Fest » du développement international, un forum annuel où "
            "fournisseurs de services et bailleurs de fonds racontent un projet qui a échoué et ce "
            "qu'ils en ont appris, avec la possibilité de témoigner de façon anonyme."
        ),
        "description_en": "",
        "description_fr": (
            "Dans le secteur de l'établissement, on rapporte les réussites et l'on tait les "
            "échecs, de peur de perdre son financement. Le milieu de la coopération "
            "internationale a développé une autre approche : des forums où l'on examine "
            "ouvertement ce qui n'a pas fonctionné pour ne pas le répéter.\n\n"
            "Le forum réunit chaque année les petits bureaux du sud du Manitoba et leurs "
            "partenaires. Règle de base : chaque participant, bailleur de fonds compris, apporte "
            "un échec. Les témoignages peuvent être anonymes, et les notes publiées ne nomment "
            "aucun organisme."
        ),
        "outcomes_en": "",
        "outcomes_fr": (
            "Deux éditions pilotes ont été tenues. Plusieurs organismes ont abandonné ou modifié "
            "une activité après avoir entendu qu'un autre l'avait déjà essayée sans succès."
        ),
        "lessons_en": "",
        "lessons_fr": (
            "La présence du bailleur de fonds change le ton de la salle : la première édition est "
            "restée prudente. La seconde a mieux fonctionné quand le représentant du bailleur a "
            "raconté lui-même un échec en ouverture."
        ),
        "lead": "sp-accueil-riviere-aux-rats",
        "partners": ["br-westman-settlement", "da-parkland-newcomers"],
        "province": "MB",
        "community": "Saint-Pierre-Jolys",
        "themes": ["knowledge-sharing", "partnerships"],
        "client_groups": ["all-newcomers"],
        "principles": ["outcomes_driven", "efficient_resources"],
        "kind": "innovation",
        "delivery": "hybrid",
        "origin": "other",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Marc-André Fillion",
        "contact_role_en": "",
        "contact_role_fr": "Directeur général",
        "contact_email": "marc-andre.fillion@example.org",
        "contact_phone": "+1 204 555 0185",
        "lessons_anonymous": False,
        "languages": ["fr"],
    },
    # ------------------------------------------------------------------ 15
    {
        "key": "ns-newcomer-chat-groups",
        "title_en": "Meeting newcomers in the chat groups they run",
        "title_fr": "Rejoindre les nouveaux arrivants dans leurs propres groupes de discussion",
        "summary_en": (
            "Instead of competing with the WhatsApp and Facebook groups newcomers create for each "
            "other, settlement staff accepted invitations from group administrators to answer "
            "questions there at set times."
        ),
        "summary_fr": (
            "Plutôt que de faire concurrence aux groupes WhatsApp et Facebook que les nouveaux "
            "arrivants créent entre eux, le personnel d'établissement a accepté l'invitation des "
            "administrateurs de ces groupes pour y répondre aux questions à des heures fixes."
        ),
        "description_en": (
            "Newcomer-run social media groups can be huge, and the sector has long been puzzled "
            "by them: they seem to run parallel to settlement services without ever meeting "
            "them. In Truro, the administrator of a regional group, herself a newcomer, suggested "
            "a monthly 'ask a settlement worker' hour inside the group.\n\n"
            "Staff join as guests under the administrator's rules. They answer general questions, "
            "post corrections when rumours spread, and invite people with personal situations to "
            "book a private appointment. A francophone partner does the same in French-language "
            "groups."
        ),
        "description_fr": (
            "Les groupes de médias sociaux animés par des nouveaux arrivants peuvent être "
            "immenses, et le secteur s'en étonne depuis longtemps : ils semblent fonctionner en "
            "parallèle des services d'établissement, sans jamais les croiser. À Truro, "
            "l'administratrice d'un groupe régional, elle-même nouvelle arrivante, a proposé une "
            "heure mensuelle « Posez vos questions à une intervenante » dans le groupe.\n\n"
            "Le personnel y participe en invité, selon les règles de l'administratrice. Il répond "
            "aux questions générales, corrige les rumeurs qui circulent et invite les personnes "
            "aux prises avec une situation personnelle à prendre un rendez-vous privé. Un "
            "partenaire francophone fait de même dans les groupes de langue française."
        ),
        "outcomes_en": (
            "Many people who had never contacted a settlement agency booked an appointment after "
            "a session. Group administrators now pass on recurring questions, which shape the "
            "agency's workshops."
        ),
        "outcomes_fr": (
            "Bien des personnes qui n'avaient jamais contacté un organisme d'établissement ont "
            "pris rendez-vous après une séance. Les administrateurs des groupes transmettent "
            "maintenant les questions récurrentes, qui orientent les ateliers de l'organisme."
        ),
        "lessons_en": (
            "These are the newcomers' spaces, not ours: staff who posted promotions were asked to "
            "leave. Never handle personal information in a group thread. Answering in the evening "
            "adds to staff workload and needs to be counted as work time."
        ),
        "lessons_fr": (
            "Ces espaces appartiennent aux nouveaux arrivants, pas à nous : du personnel qui "
            "publiait de la promotion s'est fait montrer la porte. Ne jamais traiter de "
            "renseignements personnels dans un fil de groupe. Répondre en soirée alourdit la "
            "charge de travail et doit être compté comme du temps de travail."
        ),
        "lead": "tr-colchester-newcomers",
        "partners": ["ch-accueil-acadien", "sp-island-west-welcome"],
        "province": "NS",
        "community": "Truro",
        "themes": ["technology-access", "newcomer-leadership", "holistic-community"],
        "client_groups": ["all-newcomers", "francophone-newcomers"],
        "principles": ["client_centric", "responsive"],
        "kind": "innovation",
        "delivery": "digital",
        "origin": "newcomer_idea",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Yasmin Haddad",
        "contact_role_en": "Outreach worker",
        "contact_role_fr": "Intervenante de proximité",
        "contact_email": "yasmin.haddad@example.org",
        "contact_phone": "+1 902 555 0121",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 16
    {
        "key": "nl-municipal-welcome-table",
        "title_en": "A municipal welcome table for newcomer retention",
        "title_fr": "Une table municipale d'accueil pour retenir les nouveaux arrivants",
        "summary_en": (
            "Building on the Atlantic Immigration Pilot, the city, employers, schools and the "
            "settlement agency plan together so that newcomers who arrive for a job settle in "
            "for good."
        ),
        "summary_fr": (
            "Dans le sillage du Projet pilote en matière d'immigration au Canada atlantique, la "
            "ville, les employeurs, les écoles et l'organisme d'établissement planifient ensemble "
            "pour que les nouveaux arrivants venus pour un emploi s'installent pour de bon."
        ),
        "description_en": (
            "Small centres cannot keep newcomers without the whole community. The table puts "
            "immigration at the centre of local planning: the city brings housing and transit, "
            "employers bring hiring plans, schools bring enrolment, and the agency brings what "
            "newcomers say they need.\n\n"
            "Each new arrival is offered a welcome visit, a local contact and an introduction to "
            "a club, a congregation or a neighbourhood group, because belonging is what makes "
            "people stay."
        ),
        "description_fr": (
            "Les petits centres ne peuvent pas retenir les nouveaux arrivants sans toute la "
            "communauté. La table place l'immigration au cœur de la planification locale : la "
            "ville apporte le logement et le transport, les employeurs leurs plans d'embauche, "
            "les écoles leurs inscriptions, et l'organisme ce dont les nouveaux arrivants disent "
            "avoir besoin.\n\n"
            "Chaque nouvelle personne se voit offrir une visite d'accueil, une personne-ressource "
            "locale et une présentation à un club, à une communauté religieuse ou à un groupe de "
            "quartier, car c'est le sentiment d'appartenance qui fait rester."
        ),
        "outcomes_en": (
            "Interventions tailored to small centres such as the Atlantic pilot have shown "
            "stronger retention in evaluations. Locally, the model has been taken up by two "
            "neighbouring towns."
        ),
        "outcomes_fr": (
            "Les interventions adaptées aux petits centres, comme le projet pilote de "
            "l'Atlantique, ont montré une meilleure rétention lors des évaluations. À l'échelle "
            "locale, deux villes voisines ont adopté le modèle."
        ),
        "lessons_en": (
            "The table lost momentum when the city staff member who championed it left; "
            "municipal support must be written into a role, not a person. Employers engage more "
            "when the discussion starts from their vacancies."
        ),
        "lessons_fr": (
            "La table s'est essoufflée au départ de l'employée municipale qui la portait : "
            "l'appui de la ville doit être rattaché à un poste, non à une personne. Les "
            "employeurs s'engagent davantage quand la discussion part de leurs postes à pourvoir."
        ),
        "lead": "cb-west-coast-newcomers",
        "partners": [],
        "province": "NL",
        "community": "Corner Brook",
        "themes": ["retention", "partnerships", "employment", "housing", "holistic-community"],
        "client_groups": ["permanent-residents", "temporary-foreign-workers", "families"],
        "principles": ["outcomes_driven", "responsive"],
        "kind": "iteration",
        "delivery": "non_digital",
        "origin": "partnership",
        "evidence": "evaluated",
        "stage": "scaled",
        "contact_name": "Colleen Walsh",
        "contact_role_en": "Community partnerships manager",
        "contact_role_fr": "Gestionnaire des partenariats communautaires",
        "contact_email": "colleen.walsh@example.org",
        "contact_phone": "+1 709 555 0102",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 17
    {
        "key": "pe-device-lending",
        "title_en": "Lending devices and data to clients",
        "title_fr": "Prêt d'appareils et de forfaits de données aux clients",
        "summary_en": (
            "During the pandemic, temporary funding flexibility let a small centre lend "
            "tablets and data plans to clients who had no way to join online services. The "
            "program ended with that flexibility."
        ),
        "summary_fr": (
            "Pendant la pandémie, la souplesse de financement accordée à l'époque a permis à un "
            "petit centre de prêter des tablettes et des forfaits de données aux clients qui "
            "n'avaient aucun moyen d'accéder aux services en ligne. Le programme a pris fin avec "
            "cette souplesse."
        ),
        "description_en": (
            "When services moved online, some clients had a single phone shared by the whole "
            "family, or no data plan at all. The centre used one-time funding to buy tablets and "
            "prepaid data, and lent them for the length of a course or a job search.\n\n"
            "Each loan came with a short session on the basics, because a device alone does not "
            "make someone able to use it."
        ),
        "description_fr": (
            "Quand les services sont passés en ligne, certains clients n'avaient qu'un téléphone "
            "pour toute la famille, ou aucun forfait de données. Le centre a utilisé un "
            "financement ponctuel pour acheter des tablettes et des données prépayées, et les a "
            "prêtées pour la durée d'un cours ou d'une recherche d'emploi.\n\n"
            "Chaque prêt s'accompagnait d'une courte séance sur les notions de base, car un "
            "appareil ne suffit pas à lui seul pour savoir s'en servir."
        ),
        "outcomes_en": (
            "Loans were logged: most borrowers completed the course or process they borrowed for. "
            "Part of this funding flexibility ended on March 31, 2021, and the program stopped "
            "when the data plans could no longer be paid."
        ),
        "outcomes_fr": (
            "Les prêts étaient consignés : la plupart des emprunteurs ont terminé le cours ou la "
            "démarche pour lesquels ils avaient emprunté. Une partie de cette souplesse de "
            "financement a pris fin le 31 mars 2021, et le programme s'est arrêté faute de pouvoir "
            "payer les forfaits."
        ),
        "lessons_en": (
            "Technology for clients is a program cost, not an administrative one, and needs "
            "ongoing funding: devices outlived the budget for data. A short loan with training "
            "worked better than a long loan without it."
        ),
        "lessons_fr": (
            "La technologie pour les clients est un coût de programme, pas un coût administratif, "
            "et exige un financement continu : les appareils ont survécu au budget des données. "
            "Un prêt court accompagné de formation a mieux fonctionné qu'un long prêt sans "
            "accompagnement."
        ),
        "lead": "sp-island-west-welcome",
        "partners": [],
        "province": "PE",
        "community": "Summerside",
        "themes": ["technology-access", "digital-literacy", "systemic-barriers"],
        "client_groups": ["families", "seniors", "low-literacy"],
        "principles": ["client_centric", "responsive"],
        "kind": "innovation",
        "delivery": "digital",
        "origin": "staff",
        "evidence": "monitored",
        "stage": "discontinued",
        "contact_name": "Wei Chen",
        "contact_role_en": "Settlement counsellor",
        "contact_role_fr": "Conseiller en établissement",
        "contact_email": "wei.chen@example.org",
        "contact_phone": "+1 902 555 0111",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
    # ------------------------------------------------------------------ 18
    {
        "key": "nu-north-peer-circle",
        "title_en": "A peer circle and contact list for northern settlement workers",
        "title_fr": "Un cercle de pairs et une liste de contacts pour le personnel d'établissement du Nord",
        "summary_en": (
            "Settlement workers in the three territories keep a shared contact list and meet "
            "online every month, so that anyone starting a new program in the North has someone "
            "to call."
        ),
        "summary_fr": (
            "Le personnel d'établissement des trois territoires tient une liste de contacts "
            "commune et se réunit en ligne chaque mois, pour que quiconque lance un nouveau "
            "programme dans le Nord ait quelqu'un à qui téléphoner."
        ),
        "description_en": (
            "Northern workers often have no model to follow: programs designed in the South must "
            "be taken apart and rebuilt for vast distances and tiny teams. Many workers also say "
            "they feel isolated, overwhelmed and unsupported.\n\n"
            "The circle keeps a short, up-to-date list of who does what in each territory, and "
            "holds a one-hour monthly call. Each call starts with a check-in on how people are "
            "doing, then one member brings a question or a program they are adapting."
        ),
        "description_fr": (
            "Le personnel du Nord n'a souvent aucun modèle à suivre : les programmes conçus dans "
            "le Sud doivent être démontés et rebâtis pour de très grandes distances et de toutes "
            "petites équipes. Beaucoup disent aussi se sentir isolés, débordés et sans soutien.\n\n"
            "Le cercle tient une courte liste à jour de qui fait quoi dans chaque territoire et "
            "organise un appel mensuel d'une heure. Chaque appel commence par un tour de table sur "
            "le bien-être de chacun, puis un membre apporte une question ou un programme qu'il "
            "est en train d'adapter."
        ),
        "outcomes_en": (
            "Members say they feel less alone and spend less time reinventing tools. Two programs "
            "have been adapted from one territory to another with help from the circle."
        ),
        "outcomes_fr": (
            "Les membres disent se sentir moins seuls et perdre moins de temps à réinventer des "
            "outils. Deux programmes ont été transposés d'un territoire à l'autre avec l'aide du "
            "cercle."
        ),
        "lessons_en": (
            "Three time zones and unreliable bandwidth: keep video optional and share notes "
            "afterwards. The contact list goes stale quickly with high staff turnover; one member "
            "is responsible for updating it every quarter."
        ),
        "lessons_fr": (
            "Trois fuseaux horaires et une bande passante capricieuse : la vidéo reste "
            "facultative et les notes sont partagées ensuite. Avec le roulement de personnel, la "
            "liste de contacts vieillit vite; un membre est chargé de la mettre à jour chaque "
            "trimestre."
        ),
        "lead": "iq-arctic-welcome",
        "partners": ["wh-riverside-newcomers", "yk-multicultural", "yk-accueil-grand-nord"],
        "province": "NU",
        "community": "Iqaluit",
        "themes": ["knowledge-sharing", "rural-networks", "mental-health", "partnerships"],
        "client_groups": ["all-newcomers"],
        "principles": ["efficient_resources", "responsive"],
        "kind": "iteration",
        "delivery": "digital",
        "origin": "staff",
        "evidence": "anecdotal",
        "stage": "pilot",
        "contact_name": "Fatima Diallo",
        "contact_role_en": "Executive director",
        "contact_role_fr": "Directrice générale",
        "contact_email": "fatima.diallo@example.org",
        "contact_phone": "+1 867 555 0199",
        "lessons_anonymous": False,
        "languages": ["en", "fr"],
    },
]


# The search glossary (models.GlossaryEntry): settlement terms as the sector writes them in
# each language. A search for one also finds practices written with the other.
GLOSSARY = [
    ("settlement", "établissement"),
    ("newcomer", "nouvel arrivant"),
    ("newcomers", "nouveaux arrivants"),
    ("temporary foreign worker", "travailleur étranger temporaire"),
    ("international student", "étudiant étranger"),
    ("refugee", "réfugié"),
    ("permanent resident", "résident permanent"),
    ("language training", "formation linguistique"),
    ("employment", "emploi"),
    ("housing", "logement"),
    ("youth", "jeunes"),
    ("mental health", "santé mentale"),
    ("childcare", "garde d'enfants"),
    ("welcoming community", "communauté accueillante"),
    ("francophone minority community", "communauté francophone en situation minoritaire"),
]
