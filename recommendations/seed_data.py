"""The Settlement 3.0 report's recommendations (PeaceGeeks, August 2021), in the portal's own words.
Horizon and lead actor exactly as the report assigns them."""

# Values: horizon in {"now", "next", "later", None}; actor in {"ircc", "sector", "both"};
# principle in {"client_centric", "outcomes_driven", "efficient_resources", "responsive"}
#
# Horizons are counted from the report's date (August 2021): "now" = start within 6 months,
# "next" = 6 months to 2 years, "later" = 2 years up to IRCC's next national call for proposals.
#
# priority_rank comes from the report's validation survey (abridged Delphi), which ranked the two
# overarching and the four main recommendations: 1 = newcomer empowerment (O1), 2 = flexible,
# innovation-focused funding (R3), 3 = technology as an operating cost (R4), 4 = customization and
# localization (R2). The report gives no rank for O2 or R1, nor for any sub-recommendation.
RECOMMENDATIONS = [
    {
        "code": "O1",
        "kind": "overarching",
        "horizon": None,
        "actor": "both",
        "principle": "client_centric",
        "priority_rank": 1,
        "title_en": "Put newcomers at the centre of innovation and in charge of their own settlement",
        "title_fr": "Placer les nouveaux arrivants au cœur de l'innovation et aux commandes de leur propre établissement",
        "text_en": (
            "Treat newcomers not as clients but as experts on their own needs and strengths, and as a "
            "source of new solutions to meet those needs, whether or not they use formal settlement "
            "services. This echoes PeaceGeeks' Settlement 2.0 report and the report of the Settlement "
            "Sector and Technology Task Group."
        ),
        "text_fr": (
            "Voir les nouveaux arrivants non pas comme des clients, mais comme des experts de leurs "
            "propres besoins et atouts, et comme une source de solutions nouvelles pour y répondre, "
            "qu'ils utilisent ou non les services d'établissement officiels. Cette recommandation fait "
            "écho au rapport Établissement 2.0 de PeaceGeeks et au rapport du Groupe de travail sur le "
            "secteur de l'établissement et la technologie."
        ),
        "children": [],
    },
    {
        "code": "O2",
        "kind": "overarching",
        "horizon": None,
        "actor": "ircc",
        "principle": "responsive",
        "priority_rank": None,
        "title_en": "Create a National Small Centres Working Group",
        "title_fr": "Créer un Groupe de travail national sur les petits centres",
        "text_en": (
            "IRCC must set up a national working group, within the National Settlement and Integration "
            "Council (NSIC), that brings together sector and IRCC representatives from every region. Small "
            "centres across the country share many traits, strengths and resourceful practices that larger "
            "centres could learn from. The group gives them a seat at the national table and makes sure "
            "their perspective is heard."
        ),
        "text_fr": (
            "IRCC doit mettre sur pied un groupe de travail national, rattaché au Conseil national de "
            "l'établissement et de l'intégration (NSIC), qui réunit des représentants du secteur et d'IRCC "
            "de toutes les régions. Les petits centres du pays ont beaucoup en commun, notamment des atouts "
            "et des façons ingénieuses de faire dont les grands centres pourraient s'inspirer. Le groupe "
            "leur donne une place à la table nationale et fait entendre leur point de vue."
        ),
        "children": [],
    },
    {
        "code": "R1",
        "kind": "recommendation",
        "horizon": None,
        "actor": "both",
        "principle": "outcomes_driven",
        "priority_rank": None,
        "title_en": "Agree on clear, shared working definitions of innovation and outcomes",
        "title_fr": "S'entendre sur des définitions de travail claires et communes de l'innovation et des résultats",
        "text_en": (
            "The sector and IRCC need a common understanding of what counts as innovation and what counts "
            "as a good result for clients. Shared definitions make it possible to support, share and measure "
            "innovative work across the sector."
        ),
        "text_fr": (
            "Le secteur et IRCC ont besoin d'une compréhension commune de ce qu'est l'innovation et de ce "
            "qu'est un bon résultat pour les clients. Des définitions partagées permettent de soutenir, de "
            "partager et de mesurer le travail novateur dans tout le secteur."
        ),
        "children": [
            {
                "code": "R1.1",
                "kind": "sub",
                "horizon": "now",
                "actor": "both",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Co-create a practical definition of innovation",
                "title_fr": "Élaborer ensemble une définition pratique de l'innovation",
                "text_en": (
                    "The sector and IRCC should jointly settle on a clear working definition of innovation "
                    "that everyone accepts. The report offers starting definitions that project participants "
                    "broadly agreed with, so a short sector-wide discussion could be enough to confirm them."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient convenir ensemble d'une définition de travail claire de "
                    "l'innovation, acceptée de tous. Le rapport propose des définitions de départ qui ont "
                    "fait largement consensus chez les participants; une brève discussion dans l'ensemble du "
                    "secteur pourrait suffire à les confirmer."
                ),
                "children": [],
            },
            {
                "code": "R1.2",
                "kind": "sub",
                "horizon": "now",
                "actor": "both",
                "principle": "outcomes_driven",
                "priority_rank": None,
                "title_en": "Co-create a practical definition of client outcomes",
                "title_fr": "Élaborer ensemble une définition pratique des résultats pour les clients",
                "text_en": (
                    'The sector and IRCC should jointly define what "client outcomes" mean in practice. '
                    "Existing projects and promising practices, including some in the Prairies and Northern "
                    "Territories region, already need an evaluation framework and a sector discussion to "
                    "build on; this work can start right away, in the open."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient définir ensemble ce que signifient concrètement les "
                    "« résultats pour les clients ». Des projets et des pratiques prometteuses, dont certains "
                    "dans la région des Prairies et des Territoires du Nord, ont déjà besoin d'un cadre "
                    "d'évaluation et d'une discussion sectorielle sur lesquels s'appuyer; ce travail peut "
                    "commencer tout de suite, en toute transparence."
                ),
                "children": [],
            },
            {
                "code": "R1.3",
                "kind": "sub",
                "horizon": "next",
                "actor": "sector",
                "principle": "client_centric",
                "priority_rank": None,
                "title_en": "Promote the shared idea of innovation and support collaboration by building on existing innovation efforts",
                "title_fr": "Faire connaître la notion commune d'innovation et soutenir la collaboration en misant sur les efforts d'innovation existants",
                "text_en": (
                    "The sector should spread the agreed definition and understanding of innovation, and "
                    "support collaboration by building on innovation efforts already under way."
                ),
                "text_fr": (
                    "Le secteur devrait faire connaître la définition et la notion d'innovation retenues, et "
                    "soutenir la collaboration en misant sur les efforts d'innovation déjà en cours."
                ),
                "children": [],
            },
            {
                "code": "R1.4",
                "kind": "sub",
                "horizon": "next",
                "actor": "sector",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Look to other sectors for promising practices to replicate",
                "title_fr": "Chercher dans d'autres secteurs des pratiques prometteuses à reproduire",
                "text_en": (
                    "The sector should seek out promising innovative practices from outside settlement that "
                    "fit its definition of innovation, with a view to replicating them in settlement work."
                ),
                "text_fr": (
                    "Le secteur devrait repérer, hors du domaine de l'établissement, des pratiques novatrices "
                    "prometteuses qui correspondent à sa définition de l'innovation, afin de les reproduire "
                    "dans son propre travail."
                ),
                "children": [],
            },
            {
                "code": "R1.5",
                "kind": "sub",
                "horizon": "next",
                "actor": "both",
                "principle": "outcomes_driven",
                "priority_rank": None,
                "title_en": "Build a sector-wide strategy to share and mobilize knowledge",
                "title_fr": "Bâtir une stratégie sectorielle de partage et de mobilisation des connaissances",
                "text_en": (
                    "The sector and IRCC should together design a sector-wide strategy for sharing and "
                    "mobilizing knowledge, so that pilot projects aimed at outcomes-driven services are "
                    "shared widely."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient concevoir ensemble une stratégie de partage et de "
                    "mobilisation des connaissances pour tout le secteur, afin que les projets pilotes visant "
                    "des services axés sur les résultats soient largement diffusés."
                ),
                "children": [],
            },
            {
                "code": "R1.6",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "outcomes_driven",
                "priority_rank": None,
                "title_en": "Build innovation and outcomes into how IRCC funds and assesses programs",
                "title_fr": "Intégrer l'innovation et les résultats au financement et à l'évaluation des programmes d'IRCC",
                "text_en": (
                    "IRCC should put into practice how innovation and outcomes will be formally supported and "
                    "assessed in its funding and program approaches."
                ),
                "text_fr": (
                    "IRCC devrait préciser et mettre en pratique la façon dont l'innovation et les résultats "
                    "seront officiellement soutenus et évalués dans ses approches de financement et de "
                    "programmes."
                ),
                "children": [],
            },
        ],
    },
    {
        "code": "R2",
        "kind": "recommendation",
        "horizon": None,
        "actor": "ircc",
        "principle": "responsive",
        "priority_rank": 4,
        "title_en": "Support tailoring program delivery to different regions and populations",
        "title_fr": "Soutenir l'adaptation de la prestation des programmes aux régions et aux populations",
        "text_en": (
            "What works in one community does not always work in another. Service providers should be "
            "encouraged and supported to customize and localize their delivery models for their region and "
            "the people they serve."
        ),
        "text_fr": (
            "Ce qui fonctionne dans une communauté ne fonctionne pas toujours ailleurs. Les fournisseurs de "
            "services devraient être encouragés et soutenus pour adapter et localiser leurs modèles de "
            "prestation selon leur région et les personnes qu'ils servent."
        ),
        "children": [
            {
                "code": "R2.1",
                "kind": "sub",
                "horizon": "now",
                "actor": "ircc",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Create the National Small Centres Working Group",
                "title_fr": "Créer le Groupe de travail national sur les petits centres",
                "text_en": (
                    "As the immediate step, IRCC should set up the National Small Centres Working Group "
                    "within NSIC, with sector and IRCC representatives from all regions (see overarching "
                    "recommendation O2)."
                ),
                "text_fr": (
                    "Comme première étape, IRCC devrait mettre sur pied le Groupe de travail national sur les "
                    "petits centres au sein du NSIC, avec des représentants du secteur et d'IRCC de toutes "
                    "les régions (voir la recommandation d'ensemble O2)."
                ),
                "children": [],
            },
            {
                "code": "R2.2",
                "kind": "sub",
                "horizon": "next",
                "actor": "ircc",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Fund the time small centres need to adapt promising practices",
                "title_fr": "Financer le temps dont les petits centres ont besoin pour adapter les pratiques prometteuses",
                "text_en": (
                    "IRCC should recognize that replicating a promising practice in a small centre or another "
                    "region means customizing it, and that this takes investment. Small-centre providers need "
                    "time and space to take in shared information, reflect on and learn from their own work, "
                    "and share their own promising practices with the rest of the sector."
                ),
                "text_fr": (
                    "IRCC devrait reconnaître que reproduire une pratique prometteuse dans un petit centre ou "
                    "une autre région exige de l'adapter, et que cela demande des investissements. Les "
                    "fournisseurs de services des petits centres ont besoin de temps et d'espace pour "
                    "assimiler l'information reçue, réfléchir à leur propre travail et en tirer des leçons, "
                    "puis faire connaître leurs pratiques prometteuses au reste du secteur."
                ),
                "children": [],
            },
            {
                "code": "R2.3",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Widen eligibility so providers can formally serve temporary residents",
                "title_fr": "Élargir l'admissibilité pour que les fournisseurs puissent servir officiellement les résidents temporaires",
                "text_en": (
                    "IRCC must broaden service eligibility so that providers can officially serve more "
                    "clients, including international students and temporary foreign workers. In small "
                    "centres these newcomers are key members of the community, and many choose to stay in "
                    "Canada."
                ),
                "text_fr": (
                    "IRCC doit élargir l'admissibilité aux services afin que les fournisseurs puissent "
                    "servir officiellement d'autres clients, notamment les étudiants internationaux et les "
                    "travailleurs étrangers temporaires. Dans les petits centres, ces nouveaux arrivants "
                    "jouent un rôle clé dans la communauté, et beaucoup choisissent de rester au Canada."
                ),
                "children": [],
            },
        ],
    },
    {
        "code": "R3",
        "kind": "recommendation",
        "horizon": None,
        "actor": "both",
        "principle": "efficient_resources",
        "priority_rank": 2,
        "title_en": "Make funding more flexible and open to innovation, testing and adaptive programs",
        "title_fr": "Rendre le financement plus souple et ouvert à l'innovation, à l'expérimentation et aux programmes adaptatifs",
        "text_en": (
            "Today's funding model leaves little room for trial and error. More flexible, innovation-friendly "
            "funding mechanisms should let providers test ideas and run programs that adapt as needs change."
        ),
        "text_fr": (
            "Le modèle de financement actuel laisse peu de place à l'essai et à l'erreur. Des mécanismes de "
            "financement plus souples et favorables à l'innovation devraient permettre aux fournisseurs de "
            "mettre des idées à l'essai et d'offrir des programmes qui s'adaptent à l'évolution des besoins."
        ),
        "children": [
            {
                "code": "R3.1",
                "kind": "sub",
                "horizon": "now",
                "actor": "both",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Open a formal sector-wide dialogue on funding and innovation",
                "title_fr": "Lancer un dialogue formel à l'échelle du secteur sur le financement et l'innovation",
                "text_en": (
                    "The sector and IRCC should together hold a formal sector-level discussion on how to "
                    "better encourage, support and reward innovative, collaborative practices while keeping "
                    "resource use efficient. It should also bring pain points to light and build more trust "
                    "between funders and funded agencies."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient tenir ensemble une discussion formelle à l'échelle du "
                    "secteur sur les moyens de mieux encourager, soutenir et récompenser les pratiques "
                    "novatrices et collaboratives, tout en continuant d'utiliser les ressources avec "
                    "efficacité. Elle devrait aussi faire ressortir les points sensibles et renforcer la "
                    "confiance entre bailleurs de fonds et organismes financés."
                ),
                "children": [],
            },
            {
                "code": "R3.2",
                "kind": "sub",
                "horizon": "now",
                "actor": "ircc",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Explain how IRCC's foundational principles and the program reset shape funding",
                "title_fr": "Expliquer comment les principes fondamentaux d'IRCC et la réinitialisation du programme orientent le financement",
                "text_en": (
                    "IRCC should work out, and tell the sector, how its foundational principles and the "
                    "program reset are being applied, both inside IRCC and in the sector, and how they affect "
                    "funding approaches and agreements."
                ),
                "text_fr": (
                    "IRCC devrait déterminer, puis faire savoir au secteur, comment ses principes "
                    "fondamentaux et la réinitialisation du programme sont appliqués, à l'interne comme dans "
                    "le secteur, et quel effet ils ont sur les approches et les accords de financement."
                ),
                "children": [],
            },
            {
                "code": "R3.3",
                "kind": "sub",
                "horizon": "next",
                "actor": "ircc",
                "principle": "outcomes_driven",
                "priority_rank": None,
                "title_en": "Invest in knowledge mobilization and professional development",
                "title_fr": "Investir dans la mobilisation des connaissances et le perfectionnement professionnel",
                "text_en": (
                    "IRCC should fund knowledge mobilization and professional development for service "
                    "providers. That means giving the sector's communities of practice enough resources to "
                    "run discussions, curate content and work with one another, each drawing on its own "
                    "strengths."
                ),
                "text_fr": (
                    "IRCC devrait financer la mobilisation des connaissances et le perfectionnement "
                    "professionnel des fournisseurs de services. Il s'agit de donner aux communautés de "
                    "pratique du secteur des ressources suffisantes pour animer les échanges, organiser le "
                    "contenu et collaborer entre elles, chacune mettant à profit ses forces propres."
                ),
                "children": [],
            },
            {
                "code": "R3.4",
                "kind": "sub",
                "horizon": "next",
                "actor": "ircc",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Learn from proven innovation funding models in other sectors",
                "title_fr": "S'inspirer de modèles de financement de l'innovation éprouvés dans d'autres secteurs",
                "text_en": (
                    "IRCC should study innovation-focused funding approaches that have worked elsewhere, for "
                    "example in international development (such as the Fund for Innovation and "
                    "Transformation), and try them out with the settlement sector."
                ),
                "text_fr": (
                    "IRCC devrait étudier des approches de financement axées sur l'innovation qui ont fait "
                    "leurs preuves ailleurs, par exemple en développement international (comme le Fonds pour "
                    "l'innovation et la transformation), et les mettre à l'essai avec le secteur de "
                    "l'établissement."
                ),
                "children": [],
            },
            {
                "code": "R3.5",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Give every provider access to evaluations, promising practices and room to adapt them",
                "title_fr": "Donner à chaque fournisseur accès aux évaluations, aux pratiques prometteuses et à un espace pour les adapter",
                "text_en": (
                    "IRCC should create ways for all service providers to reach evidence-based program "
                    "evaluations and promising practices, with the space they need to judge how these could "
                    "be carried over to their own community."
                ),
                "text_fr": (
                    "IRCC devrait créer des moyens pour que tous les fournisseurs de services aient accès aux "
                    "évaluations de programmes fondées sur des données probantes et aux pratiques "
                    "prometteuses, avec l'espace voulu pour juger de leur transposition dans leur propre "
                    "milieu."
                ),
                "children": [],
            },
            {
                "code": "R3.6",
                "kind": "sub",
                "horizon": "later",
                "actor": "both",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Have communities of practice share information in a common, interoperable format",
                "title_fr": "Faire partager l'information des communautés de pratique dans un format commun et interopérable",
                "text_en": (
                    "The sector and IRCC should ask the funded communities of practice to gather and share "
                    "information in a common, easy-to-share and technically interoperable format, so that it "
                    "can be reached from anywhere."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient charger les communautés de pratique financées de rassembler "
                    "et de partager l'information dans un format commun, facile à diffuser et techniquement "
                    "interopérable, pour qu'elle soit accessible de partout."
                ),
                "children": [],
            },
            {
                "code": "R3.7",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "outcomes_driven",
                "priority_rank": None,
                "title_en": "Fund formal, consistent evaluation in every IRCC-funded project",
                "title_fr": "Financer une évaluation formelle et cohérente dans chaque projet financé par IRCC",
                "text_en": (
                    "IRCC should make sure every project it funds has a funded, formal evaluation process "
                    "using similar tools. Findings should flow quickly within IRCC and back to the sector, so "
                    "that every provider can easily see promising trends and where programs need to change "
                    "course."
                ),
                "text_fr": (
                    "IRCC devrait veiller à ce que chaque projet qu'il finance comporte un processus "
                    "d'évaluation formel et financé, fondé sur des outils semblables. Les constats devraient "
                    "circuler rapidement au sein d'IRCC et revenir vers le secteur, afin que tous les "
                    "fournisseurs repèrent facilement les tendances prometteuses et les programmes à "
                    "réorienter."
                ),
                "children": [],
            },
        ],
    },
    {
        "code": "R4",
        "kind": "recommendation",
        "horizon": None,
        "actor": "both",
        "principle": "efficient_resources",
        "priority_rank": 3,
        "title_en": "Treat technology as an operating cost, not an administrative one",
        "title_fr": "Traiter la technologie comme un coût de fonctionnement plutôt qu'administratif",
        "text_en": (
            "Technology is a core part of delivering services, not overhead. These recommendations line up "
            "with the findings of the Settlement Sector and Technology Task Group and should be carried out "
            "in collaboration with that national initiative."
        ),
        "text_fr": (
            "La technologie est un élément central de la prestation des services, et non des frais généraux. "
            "Ces recommandations rejoignent les conclusions du Groupe de travail sur le secteur de "
            "l'établissement et la technologie et devraient être menées en collaboration avec cette "
            "initiative nationale."
        ),
        "children": [
            {
                "code": "R4.1",
                "kind": "sub",
                "horizon": "now",
                "actor": "both",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Map small centres' technology needs in full",
                "title_fr": "Dresser un inventaire complet des besoins technologiques des petits centres",
                "text_en": (
                    "The sector and IRCC should identify and catalogue the varied technology infrastructure "
                    "needs of small centres, for newcomers and for settlement organizations alike. A small "
                    "agency with no tech staff, or a community with poor connectivity, faces a very different "
                    "reality from a large urban one, and this baseline is needed so that support and "
                    "investment are shared out fairly. It matches Recommendation 6 (taking sector nuances "
                    "into account) of the Settlement Sector and Technology Task Group report."
                ),
                "text_fr": (
                    "Le secteur et IRCC devraient recenser et cataloguer de façon exhaustive les besoins "
                    "variés des petits centres en infrastructure technologique, tant pour les nouveaux "
                    "arrivants que pour les organismes d'établissement. Un petit organisme sans personnel "
                    "technique, ou une communauté mal branchée, vit une réalité très différente de celle "
                    "d'un grand centre urbain, et ce portrait de base est nécessaire pour répartir "
                    "équitablement le soutien et les investissements. Il rejoint la recommandation 6 (tenir "
                    "compte des nuances du secteur) du rapport du Groupe de travail sur le secteur de "
                    "l'établissement et la technologie."
                ),
                "children": [],
            },
            {
                "code": "R4.2",
                "kind": "sub",
                "horizon": "next",
                "actor": "ircc",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Fund better technology capacity for service providers",
                "title_fr": "Financer le renforcement des capacités technologiques des fournisseurs de services",
                "text_en": (
                    "IRCC should fund improvements in technology capacity so that providers can do more, and "
                    "can modernize and diversify the way they deliver programs to clients."
                ),
                "text_fr": (
                    "IRCC devrait financer l'amélioration des capacités technologiques afin que les "
                    "fournisseurs puissent en faire davantage, et moderniser et diversifier leur façon "
                    "d'offrir les programmes aux clients."
                ),
                "children": [],
            },
            {
                "code": "R4.3",
                "kind": "sub",
                "horizon": "next",
                "actor": "ircc",
                "principle": "responsive",
                "priority_rank": None,
                "title_en": "Invest in technology access, digital literacy and infrastructure as client use evolves",
                "title_fr": "Investir dans l'accès à la technologie, la littératie numérique et l'infrastructure au fil des usages",
                "text_en": (
                    "IRCC should invest in the sector's access to technology, in digital literacy and in "
                    "infrastructure, keeping pace as technology changes and as clients use it differently."
                ),
                "text_fr": (
                    "IRCC devrait investir dans l'accès du secteur à la technologie, dans la littératie "
                    "numérique et dans l'infrastructure, au rythme de l'évolution des outils et de la façon "
                    "dont les clients s'en servent."
                ),
                "children": [],
            },
            {
                "code": "R4.4",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Create dedicated funds for organizations' digital strategies",
                "title_fr": "Créer des fonds réservés aux stratégies numériques des organismes",
                "text_en": (
                    "IRCC should set up funds set aside specifically for organizations to strengthen their "
                    "digital strategies."
                ),
                "text_fr": (
                    "IRCC devrait créer des fonds consacrés expressément au renforcement des stratégies "
                    "numériques des organismes."
                ),
                "children": [],
            },
            {
                "code": "R4.5",
                "kind": "sub",
                "horizon": "later",
                "actor": "ircc",
                "principle": "efficient_resources",
                "priority_rank": None,
                "title_en": "Create dedicated funds for organizations' digital maturity",
                "title_fr": "Créer des fonds réservés à la maturité numérique des organismes",
                "text_en": (
                    "IRCC should set up funds set aside specifically to help organizations grow their "
                    "digital maturity."
                ),
                "text_fr": (
                    "IRCC devrait créer des fonds consacrés expressément au développement de la maturité "
                    "numérique des organismes."
                ),
                "children": [],
            },
        ],
    },
]


def iter_flat(items=RECOMMENDATIONS, parent=None):
    """Yield (parent_code, item_without_children) for every item, depth first, in report order."""
    for item in items:
        yield parent, {key: value for key, value in item.items() if key != "children"}
        yield from iter_flat(item.get("children", []), item["code"])
