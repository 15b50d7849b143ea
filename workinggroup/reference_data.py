"""Reference and demo data for the Small Centres Portal (pure Python, no Django imports).

REGIONS, PROVINCES and SIZE_CLASSES are real reference data. COMMUNITIES are real places,
classed by population (2021 census, rounded), with their latitude and longitude (degrees,
two decimals: about a kilometre, where the map puts their dot): remote = fly-in or otherwise isolated;
rural = under 10,000; small_centre = 10,000 to 50,000; mid_size = 50,000 to 250,000;
large_urban = over 250,000.

ORGANIZATIONS are DEMO data: the names are fictional, and every website, email address and
phone number is invented (reserved example.org domain, 555-01xx fictional phone range with
the right area code). The portal flags them as demo data itself.
"""

REGIONS = [  # IRCC settlement regions
    {"code": "atlantic", "name_en": "Atlantic", "name_fr": "Atlantique"},
    {"code": "quebec", "name_en": "Quebec", "name_fr": "Québec"},
    {"code": "ontario", "name_en": "Ontario", "name_fr": "Ontario"},
    {
        "code": "prairies_north",
        "name_en": "Prairies and Northern Territories",
        "name_fr": "Prairies et territoires du Nord",
    },
    {
        "code": "bc_yukon",
        "name_en": "British Columbia and Yukon",
        "name_fr": "Colombie-Britannique et Yukon",
    },
]

PROVINCES = [  # all 13 provinces and territories, official two-letter codes
    {
        "code": "NL",
        "region": "atlantic",
        "name_en": "Newfoundland and Labrador",
        "name_fr": "Terre-Neuve-et-Labrador",
    },
    {
        "code": "PE",
        "region": "atlantic",
        "name_en": "Prince Edward Island",
        "name_fr": "Île-du-Prince-Édouard",
    },
    {"code": "NS", "region": "atlantic", "name_en": "Nova Scotia", "name_fr": "Nouvelle-Écosse"},
    {
        "code": "NB",
        "region": "atlantic",
        "name_en": "New Brunswick",
        "name_fr": "Nouveau-Brunswick",
    },
    {"code": "QC", "region": "quebec", "name_en": "Quebec", "name_fr": "Québec"},
    {"code": "ON", "region": "ontario", "name_en": "Ontario", "name_fr": "Ontario"},
    {"code": "MB", "region": "prairies_north", "name_en": "Manitoba", "name_fr": "Manitoba"},
    {
        "code": "SK",
        "region": "prairies_north",
        "name_en": "Saskatchewan",
        "name_fr": "Saskatchewan",
    },
    {"code": "AB", "region": "prairies_north", "name_en": "Alberta", "name_fr": "Alberta"},
    {
        "code": "BC",
        "region": "bc_yukon",
        "name_en": "British Columbia",
        "name_fr": "Colombie-Britannique",
    },
    {"code": "YT", "region": "bc_yukon", "name_en": "Yukon", "name_fr": "Yukon"},
    {
        "code": "NT",
        "region": "prairies_north",
        "name_en": "Northwest Territories",
        "name_fr": "Territoires du Nord-Ouest",
    },
    {"code": "NU", "region": "prairies_north", "name_en": "Nunavut", "name_fr": "Nunavut"},
]

SIZE_CLASSES = ["remote", "rural", "small_centre", "mid_size", "large_urban"]

COMMUNITIES = [
    # Atlantic
    {"name": "Corner Brook", "province": "NL", "size": "small_centre", "lat": 48.95, "lon": -57.95},
    {
        "name": "Happy Valley-Goose Bay",
        "province": "NL",
        "size": "rural",
        "lat": 53.3,
        "lon": -60.42,
    },
    {"name": "Nain", "province": "NL", "size": "remote", "lat": 56.54, "lon": -61.69},
    {
        "name": "Charlottetown",
        "province": "PE",
        "size": "small_centre",
        "lat": 46.24,
        "lon": -63.13,
    },
    {"name": "Summerside", "province": "PE", "size": "small_centre", "lat": 46.39, "lon": -63.79},
    {"name": "Truro", "province": "NS", "size": "small_centre", "lat": 45.36, "lon": -63.28},
    {"name": "Antigonish", "province": "NS", "size": "rural", "lat": 45.62, "lon": -61.99},
    {"name": "Chéticamp", "province": "NS", "size": "rural", "lat": 46.64, "lon": -60.95},
    {"name": "Moncton", "province": "NB", "size": "mid_size", "lat": 46.09, "lon": -64.78},
    {"name": "Fredericton", "province": "NB", "size": "mid_size", "lat": 45.96, "lon": -66.64},
    {"name": "Woodstock", "province": "NB", "size": "rural", "lat": 46.15, "lon": -67.6},
    {"name": "Caraquet", "province": "NB", "size": "rural", "lat": 47.79, "lon": -64.96},
    {"name": "Shippagan", "province": "NB", "size": "rural", "lat": 47.74, "lon": -64.71},
    {"name": "Saint-Léonard", "province": "NB", "size": "rural", "lat": 47.16, "lon": -67.93},
    {"name": "Edmundston", "province": "NB", "size": "small_centre", "lat": 47.37, "lon": -68.33},
    # Quebec
    {
        "name": "Rouyn-Noranda",
        "province": "QC",
        "size": "small_centre",
        "lat": 48.24,
        "lon": -79.02,
    },
    {"name": "Gaspé", "province": "QC", "size": "small_centre", "lat": 48.83, "lon": -64.48},
    {"name": "Kuujjuaq", "province": "QC", "size": "remote", "lat": 58.1, "lon": -68.4},
    {"name": "Montréal", "province": "QC", "size": "large_urban", "lat": 45.5, "lon": -73.57},
    # Ontario
    {"name": "Timmins", "province": "ON", "size": "small_centre", "lat": 48.48, "lon": -81.33},
    {"name": "Hearst", "province": "ON", "size": "rural", "lat": 49.69, "lon": -83.67},
    {"name": "Kapuskasing", "province": "ON", "size": "rural", "lat": 49.42, "lon": -82.43},
    {"name": "Thunder Bay", "province": "ON", "size": "mid_size", "lat": 48.38, "lon": -89.25},
    {"name": "Kenora", "province": "ON", "size": "small_centre", "lat": 49.77, "lon": -94.49},
    {"name": "Toronto", "province": "ON", "size": "large_urban", "lat": 43.65, "lon": -79.38},
    # Prairies
    {"name": "Brandon", "province": "MB", "size": "mid_size", "lat": 49.85, "lon": -99.95},
    {"name": "Dauphin", "province": "MB", "size": "rural", "lat": 51.15, "lon": -100.05},
    {"name": "Steinbach", "province": "MB", "size": "small_centre", "lat": 49.53, "lon": -96.68},
    {"name": "Saint-Pierre-Jolys", "province": "MB", "size": "rural", "lat": 49.44, "lon": -96.98},
    {"name": "Thompson", "province": "MB", "size": "small_centre", "lat": 55.74, "lon": -97.86},
    {"name": "Winnipeg", "province": "MB", "size": "large_urban", "lat": 49.9, "lon": -97.14},
    {
        "name": "Swift Current",
        "province": "SK",
        "size": "small_centre",
        "lat": 50.29,
        "lon": -107.79,
    },
    {
        "name": "Prince Albert",
        "province": "SK",
        "size": "small_centre",
        "lat": 53.2,
        "lon": -105.75,
    },
    {"name": "Grande Prairie", "province": "AB", "size": "mid_size", "lat": 55.17, "lon": -118.8},
    {"name": "Falher", "province": "AB", "size": "rural", "lat": 55.74, "lon": -117.2},
    {"name": "Brooks", "province": "AB", "size": "small_centre", "lat": 50.56, "lon": -111.9},
    {"name": "Calgary", "province": "AB", "size": "large_urban", "lat": 51.05, "lon": -114.07},
    {"name": "Edmonton", "province": "AB", "size": "large_urban", "lat": 53.55, "lon": -113.49},
    # British Columbia and Yukon
    {"name": "Smithers", "province": "BC", "size": "rural", "lat": 54.78, "lon": -127.17},
    {"name": "Terrace", "province": "BC", "size": "small_centre", "lat": 54.52, "lon": -128.6},
    {"name": "Kamloops", "province": "BC", "size": "mid_size", "lat": 50.67, "lon": -120.33},
    {"name": "Cranbrook", "province": "BC", "size": "small_centre", "lat": 49.51, "lon": -115.77},
    {"name": "Prince George", "province": "BC", "size": "mid_size", "lat": 53.92, "lon": -122.75},
    {"name": "Vancouver", "province": "BC", "size": "large_urban", "lat": 49.28, "lon": -123.12},
    {"name": "Whitehorse", "province": "YT", "size": "small_centre", "lat": 60.72, "lon": -135.06},
    {"name": "Watson Lake", "province": "YT", "size": "rural", "lat": 60.06, "lon": -128.71},
    {"name": "Old Crow", "province": "YT", "size": "remote", "lat": 67.57, "lon": -139.83},
    # Northern Territories
    {"name": "Yellowknife", "province": "NT", "size": "small_centre", "lat": 62.45, "lon": -114.37},
    {"name": "Hay River", "province": "NT", "size": "rural", "lat": 60.82, "lon": -115.8},
    {"name": "Fort Smith", "province": "NT", "size": "rural", "lat": 60.01, "lon": -111.89},
    {"name": "Norman Wells", "province": "NT", "size": "remote", "lat": 65.28, "lon": -126.83},
    {"name": "Iqaluit", "province": "NU", "size": "remote", "lat": 63.75, "lon": -68.52},
    {"name": "Rankin Inlet", "province": "NU", "size": "remote", "lat": 62.81, "lon": -92.09},
]

STAFF_SIZE_BANDS = ["1-5", "6-15", "16-50", "51+"]

ORGANIZATIONS = [  # DEMO: fictional organizations, invented contact details
    # ---------------------------------------------------------------- Atlantic
    {
        "key": "cb-west-coast-newcomers",
        "name_en": "West Coast Newcomer Connections",
        "name_fr": "Connexions nouveaux arrivants de la Côte-Ouest",
        "description_en": (
            "A small settlement agency on Newfoundland's west coast that welcomes newcomers to "
            "Corner Brook and the surrounding towns. It works closely with the city, local "
            "employers and the school district so that families who arrive for a job decide to stay."
        ),
        "description_fr": (
            "Petit organisme d'établissement de la côte ouest de Terre-Neuve qui accueille les "
            "nouveaux arrivants à Corner Brook et dans les localités voisines. Il collabore "
            "étroitement avec la ville, les employeurs et le district scolaire pour que les "
            "familles venues pour un emploi choisissent de rester."
        ),
        "province": "NL",
        "communities": ["Corner Brook"],
        "staff_band": "6-15",
        "languages": ["en", "ar", "tl"],
        "francophone_minority": False,
        "website": "https://example.org/cb-west-coast-newcomers",
        "email": "cb-west-coast-newcomers@example.org",
        "phone": "+1 709 555 0101",
    },
    {
        "key": "sp-island-west-welcome",
        "name_en": "Island West Welcome Centre",
        "name_fr": "Centre d'accueil de l'Ouest de l'Île",
        "description_en": (
            "A three-person welcome centre serving newcomers in Summerside and western Prince "
            "Edward Island. Staff do a bit of everything, from first-week orientation to job "
            "search help and conversation circles."
        ),
        "description_fr": (
            "Centre d'accueil de trois personnes qui sert les nouveaux arrivants de Summerside et "
            "de l'ouest de l'Île-du-Prince-Édouard. L'équipe touche à tout : orientation de la "
            "première semaine, recherche d'emploi, cercles de conversation."
        ),
        "province": "PE",
        "communities": ["Summerside"],
        "staff_band": "1-5",
        "languages": ["en", "fr", "zh", "tl"],
        "francophone_minority": False,
        "website": "https://example.org/sp-island-west-welcome",
        "email": "sp-island-west-welcome@example.org",
        "phone": "+1 902 555 0110",
    },
    {
        "key": "tr-colchester-newcomers",
        "name_en": "Colchester Newcomer Hub",
        "name_fr": "Carrefour des nouveaux arrivants de Colchester",
        "description_en": (
            "A settlement hub in Truro that also runs outreach days in Antigonish. It offers "
            "orientation, language referrals and employment support, and keeps in touch with the "
            "informal networks newcomers build for themselves."
        ),
        "description_fr": (
            "Carrefour d'établissement situé à Truro qui tient aussi des journées de services à "
            "Antigonish. Il offre de l'orientation, de l'aiguillage vers les cours de langue et du "
            "soutien à l'emploi, et reste en lien avec les réseaux informels que les nouveaux "
            "arrivants créent eux-mêmes."
        ),
        "province": "NS",
        "communities": ["Truro", "Antigonish"],
        "staff_band": "6-15",
        "languages": ["en", "ar", "uk", "es"],
        "francophone_minority": False,
        "website": "https://example.org/tr-colchester-newcomers",
        "email": "tr-colchester-newcomers@example.org",
        "phone": "+1 902 555 0120",
    },
    {
        "key": "ch-accueil-acadien",
        "name_en": "Chéticamp Acadian Welcome Centre",
        "name_fr": "Centre d'accueil acadien de Chéticamp",
        "description_en": (
            "A francophone welcome centre in an Acadian community of Cape Breton. It helps "
            "French-speaking newcomers settle, find work and take part in community life in French."
        ),
        "description_fr": (
            "Centre d'accueil francophone situé dans une communauté acadienne du Cap-Breton. Il "
            "aide les nouveaux arrivants d'expression française à s'installer, à trouver un emploi "
            "et à prendre part à la vie communautaire en français."
        ),
        "province": "NS",
        "communities": ["Chéticamp"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/ch-accueil-acadien",
        "email": "ch-accueil-acadien@example.org",
        "phone": "+1 902 555 0125",
    },
    {
        "key": "wo-carleton-valley",
        "name_en": "Carleton Valley Newcomer Services",
        "name_fr": "Services aux nouveaux arrivants de la vallée de Carleton",
        "description_en": (
            "A two-person agency serving newcomers in Woodstock and the farming communities of the "
            "upper Saint John River valley. Many of its clients are temporary farm and food "
            "processing workers and their families."
        ),
        "description_fr": (
            "Organisme de deux personnes qui sert les nouveaux arrivants de Woodstock et des "
            "communautés agricoles du haut de la vallée du fleuve Saint-Jean. Une bonne partie de "
            "sa clientèle est formée de travailleurs temporaires des fermes et de la "
            "transformation alimentaire, ainsi que de leurs familles."
        ),
        "province": "NB",
        "communities": ["Woodstock"],
        "staff_band": "1-5",
        "languages": ["en", "fr", "tl"],
        "francophone_minority": False,
        "website": "https://example.org/wo-carleton-valley",
        "email": "wo-carleton-valley@example.org",
        "phone": "+1 506 555 0130",
    },
    {
        "key": "mo-tidewater-settlement",
        "name_en": "Tidewater Settlement Agency",
        "name_fr": "Agence d'établissement des Marées",
        "description_en": (
            "A bilingual, well-established agency in Moncton with specialized staff in employment, "
            "language assessment and family services. It regularly lends its experience to smaller "
            "and newer agencies elsewhere in the province."
        ),
        "description_fr": (
            "Organisme bilingue bien établi à Moncton, doté de personnel spécialisé en emploi, en "
            "évaluation linguistique et en services aux familles. Il met régulièrement son "
            "expérience au service d'organismes plus petits ou plus récents ailleurs dans la province."
        ),
        "province": "NB",
        "communities": ["Moncton"],
        "staff_band": "16-50",
        "languages": ["en", "fr", "ar", "es", "zh", "uk"],
        "francophone_minority": False,
        "website": "https://example.org/mo-tidewater-settlement",
        "email": "mo-tidewater-settlement@example.org",
        "phone": "+1 506 555 0135",
    },
    {
        "key": "ca-carrefour-peninsule",
        "name_en": "Peninsula Newcomer Crossroads",
        "name_fr": "Carrefour nouveaux arrivants de la Péninsule",
        "description_en": (
            "A francophone organization on the Acadian Peninsula that welcomes newcomers to "
            "Caraquet, Shippagan and nearby fishing villages. It links seasonal workers, students "
            "and families with local employers and Acadian community groups."
        ),
        "description_fr": (
            "Organisme francophone de la Péninsule acadienne qui accueille les nouveaux arrivants "
            "à Caraquet, à Shippagan et dans les villages de pêche voisins. Il met en relation "
            "travailleurs saisonniers, étudiants et familles avec les employeurs et les "
            "organismes acadiens du milieu."
        ),
        "province": "NB",
        "communities": ["Caraquet", "Shippagan"],
        "staff_band": "1-5",
        "languages": ["fr", "en", "es"],
        "francophone_minority": True,
        "website": "https://example.org/ca-carrefour-peninsule",
        "email": "ca-carrefour-peninsule@example.org",
        "phone": "+1 506 555 0140",
    },
    {
        "key": "sl-accueil-haut-vallee",
        "name_en": "Upper Valley Welcome Network",
        "name_fr": "Réseau d'accueil du Haut-de-la-Vallée",
        "description_en": (
            "A young francophone organization in northwestern New Brunswick, founded to welcome "
            "newcomers to Saint-Léonard and the Edmundston area. Its small team relies on "
            "volunteers and on partnerships with municipalities and schools."
        ),
        "description_fr": (
            "Jeune organisme francophone du nord-ouest du Nouveau-Brunswick, fondé pour accueillir "
            "les nouveaux arrivants à Saint-Léonard et dans la région d'Edmundston. Sa petite "
            "équipe s'appuie sur des bénévoles et sur des partenariats avec les municipalités et "
            "les écoles."
        ),
        "province": "NB",
        "communities": ["Saint-Léonard", "Edmundston"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/sl-accueil-haut-vallee",
        "email": "sl-accueil-haut-vallee@example.org",
        "phone": "+1 506 555 0145",
    },
    # ---------------------------------------------------------------- Quebec
    {
        "key": "rn-passerelle-abitibi",
        "name_en": "Passerelle Abitibi Newcomer Services",
        "name_fr": "Passerelle Abitibi, services aux personnes immigrantes",
        "description_en": (
            "A regional organization in Rouyn-Noranda that helps immigrants settle and find work "
            "in Abitibi-Témiscamingue. It produces plain-language French learning materials and "
            "shares them with francophone organizations outside Quebec."
        ),
        "description_fr": (
            "Organisme régional de Rouyn-Noranda qui aide les personnes immigrantes à s'installer "
            "et à trouver un emploi en Abitibi-Témiscamingue. Il produit du matériel "
            "d'apprentissage en français clair et le partage avec des organismes francophones "
            "de l'extérieur du Québec."
        ),
        "province": "QC",
        "communities": ["Rouyn-Noranda"],
        "staff_band": "6-15",
        "languages": ["fr", "en", "es"],
        "francophone_minority": False,
        "website": "https://example.org/rn-passerelle-abitibi",
        "email": "rn-passerelle-abitibi@example.org",
        "phone": "+1 819 555 0150",
    },
    {
        "key": "ga-accueil-gaspesie",
        "name_en": "Gaspé Peninsula Welcome Office",
        "name_fr": "Bureau d'accueil de la Gaspésie",
        "description_en": (
            "A small office in Gaspé that helps newcomers and their families settle on the "
            "Gaspé Peninsula. It works with employers in fisheries, tourism and health care, "
            "and with the local CEGEP, to support workers and students alike."
        ),
        "description_fr": (
            "Petit bureau de Gaspé qui aide les nouveaux arrivants et leurs familles à s'établir "
            "en Gaspésie. Il travaille avec les employeurs des pêches, du tourisme et de la santé, "
            "ainsi qu'avec le cégep, pour soutenir autant les travailleurs que les étudiants."
        ),
        "province": "QC",
        "communities": ["Gaspé"],
        "staff_band": "1-5",
        "languages": ["fr", "en", "es"],
        "francophone_minority": False,
        "website": "https://example.org/ga-accueil-gaspesie",
        "email": "ga-accueil-gaspesie@example.org",
        "phone": "+1 418 555 0155",
    },
    # ---------------------------------------------------------------- Ontario
    {
        "key": "ti-porcupine-newcomers",
        "name_en": "Porcupine Newcomer Centre",
        "name_fr": "Centre des nouveaux arrivants de Porcupine",
        "description_en": (
            "A settlement and language-training provider in Timmins serving newcomers across "
            "northeastern Ontario. Since 2020 it has run most of its classes online so that "
            "learners from distant towns can join."
        ),
        "description_fr": (
            "Fournisseur de services d'établissement et de formation linguistique établi à "
            "Timmins, qui dessert les nouveaux arrivants de tout le nord-est de l'Ontario. Depuis "
            "2020, la plupart de ses cours se donnent en ligne afin que les apprenants des "
            "localités éloignées puissent y participer."
        ),
        "province": "ON",
        "communities": ["Timmins"],
        "staff_band": "6-15",
        "languages": ["en", "fr", "tl", "pa"],
        "francophone_minority": False,
        "website": "https://example.org/ti-porcupine-newcomers",
        "email": "ti-porcupine-newcomers@example.org",
        "phone": "+1 705 555 0160",
    },
    {
        "key": "he-accueil-nord",
        "name_en": "Hearst Northern Welcome Centre",
        "name_fr": "Centre d'accueil du Nord de Hearst",
        "description_en": (
            "A francophone welcome centre serving Hearst and Kapuskasing, two mostly "
            "French-speaking towns in northern Ontario. It helps newcomers settle, meet "
            "neighbours and access services in French."
        ),
        "description_fr": (
            "Centre d'accueil francophone qui dessert Hearst et Kapuskasing, deux villes "
            "majoritairement francophones du nord de l'Ontario. Il aide les nouveaux arrivants à "
            "s'installer, à rencontrer leurs voisins et à obtenir des services en français."
        ),
        "province": "ON",
        "communities": ["Hearst", "Kapuskasing"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/he-accueil-nord",
        "email": "he-accueil-nord@example.org",
        "phone": "+1 705 555 0165",
    },
    {
        "key": "tb-superior-north",
        "name_en": "Superior North Settlement Services",
        "name_fr": "Services d'établissement Supérieur-Nord",
        "description_en": (
            "A mid-sized agency in Thunder Bay with an outreach office in Kenora. It resettles "
            "government-assisted refugees and offers employment, youth and mental-health "
            "support across northwestern Ontario."
        ),
        "description_fr": (
            "Organisme de taille moyenne établi à Thunder Bay, avec un point de service à Kenora. "
            "Il accueille des réfugiés pris en charge par le gouvernement et offre du soutien à "
            "l'emploi, aux jeunes et en santé mentale dans tout le nord-ouest de l'Ontario."
        ),
        "province": "ON",
        "communities": ["Thunder Bay", "Kenora"],
        "staff_band": "16-50",
        "languages": ["en", "fr", "ar", "ti", "sw"],
        "francophone_minority": False,
        "website": "https://example.org/tb-superior-north",
        "email": "tb-superior-north@example.org",
        "phone": "+1 807 555 0170",
    },
    # ---------------------------------------------------------------- Prairies
    {
        "key": "br-westman-settlement",
        "name_en": "Westman Settlement Partners",
        "name_fr": "Partenaires en établissement de Westman",
        "description_en": (
            "The largest settlement agency in southwestern Manitoba, based in Brandon. It holds a "
            "shared funding agreement on behalf of several one-person offices in smaller towns and "
            "takes care of their administration."
        ),
        "description_fr": (
            "Le plus important organisme d'établissement du sud-ouest du Manitoba, établi à "
            "Brandon. Il détient une entente de financement commune au nom de plusieurs bureaux "
            "d'une seule personne situés dans de plus petites villes et se charge de leur "
            "administration."
        ),
        "province": "MB",
        "communities": ["Brandon"],
        "staff_band": "16-50",
        "languages": ["en", "es", "tl", "uk", "ar"],
        "francophone_minority": False,
        "website": "https://example.org/br-westman-settlement",
        "email": "br-westman-settlement@example.org",
        "phone": "+1 204 555 0180",
    },
    {
        "key": "da-parkland-newcomers",
        "name_en": "Parkland Newcomer Office",
        "name_fr": "Bureau des nouveaux arrivants de Parkland",
        "description_en": (
            "A one-person settlement office in Dauphin serving newcomers across the Parkland "
            "region. Its worker spends most of the week with clients while back-office tasks are "
            "shared with a larger partner agency."
        ),
        "description_fr": (
            "Bureau d'établissement d'une seule personne, à Dauphin, qui sert les nouveaux "
            "arrivants de la région de Parkland. L'intervenante passe l'essentiel de sa semaine "
            "avec les clients; les tâches administratives sont partagées avec un organisme "
            "partenaire plus grand."
        ),
        "province": "MB",
        "communities": ["Dauphin"],
        "staff_band": "1-5",
        "languages": ["en", "uk", "tl"],
        "francophone_minority": False,
        "website": "https://example.org/da-parkland-newcomers",
        "email": "da-parkland-newcomers@example.org",
        "phone": "+1 204 555 0182",
    },
    {
        "key": "sp-accueil-riviere-aux-rats",
        "name_en": "Rat River Francophone Welcome Centre",
        "name_fr": "Accueil francophone de la Rivière-aux-Rats",
        "description_en": (
            "A francophone welcome office in Saint-Pierre-Jolys serving French-speaking newcomers "
            "in southeastern Manitoba, including Steinbach. It connects families with francophone "
            "schools, employers and community life."
        ),
        "description_fr": (
            "Bureau d'accueil francophone situé à Saint-Pierre-Jolys, au service des nouveaux "
            "arrivants d'expression française du sud-est du Manitoba, y compris à Steinbach. Il "
            "met les familles en lien avec les écoles francophones, les employeurs et la vie "
            "communautaire."
        ),
        "province": "MB",
        "communities": ["Saint-Pierre-Jolys", "Steinbach"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/sp-accueil-riviere-aux-rats",
        "email": "sp-accueil-riviere-aux-rats@example.org",
        "phone": "+1 204 555 0184",
    },
    {
        "key": "sc-southwest-newcomers",
        "name_en": "Southwest Newcomer Place",
        "name_fr": "Maison des nouveaux arrivants du Sud-Ouest",
        "description_en": (
            "A drop-in settlement centre in Swift Current that doubles as a community living "
            "room for newcomer families. Staff offer appointments, referrals and social evenings "
            "under one roof."
        ),
        "description_fr": (
            "Centre d'établissement sans rendez-vous, à Swift Current, qui sert aussi de salon "
            "communautaire aux familles nouvellement arrivées. L'équipe y offre rendez-vous, "
            "aiguillage et soirées sociales sous un même toit."
        ),
        "province": "SK",
        "communities": ["Swift Current"],
        "staff_band": "1-5",
        "languages": ["en", "tl", "uk", "zh"],
        "francophone_minority": False,
        "website": "https://example.org/sc-southwest-newcomers",
        "email": "sc-southwest-newcomers@example.org",
        "phone": "+1 306 555 0186",
    },
    {
        "key": "gp-peace-country",
        "name_en": "Peace Country Newcomer Network",
        "name_fr": "Réseau des nouveaux arrivants de la région de la Paix",
        "description_en": (
            "A settlement agency in Grande Prairie serving northwestern Alberta. It leads the "
            "region's shared needs-assessment and referral work with other providers and "
            "community partners."
        ),
        "description_fr": (
            "Organisme d'établissement de Grande Prairie qui dessert le nord-ouest de l'Alberta. "
            "Il pilote le travail régional commun d'évaluation des besoins et d'aiguillage avec "
            "les autres fournisseurs et les partenaires communautaires."
        ),
        "province": "AB",
        "communities": ["Grande Prairie"],
        "staff_band": "6-15",
        "languages": ["en", "fr", "tl", "ar", "es"],
        "francophone_minority": False,
        "website": "https://example.org/gp-peace-country",
        "email": "gp-peace-country@example.org",
        "phone": "+1 780 555 0188",
    },
    {
        "key": "fa-carrefour-riviere-la-paix",
        "name_en": "Smoky River Francophone Crossroads",
        "name_fr": "Carrefour francophone de Rivière-la-Paix",
        "description_en": (
            "A francophone community organization in Falher that welcomes French-speaking "
            "newcomers to the Smoky River region. It offers settlement help, digital skills "
            "workshops and a place to meet in French."
        ),
        "description_fr": (
            "Organisme communautaire francophone de Falher qui accueille les nouveaux arrivants "
            "d'expression française dans la région de Rivière-la-Paix. Il offre de l'aide à "
            "l'établissement, des ateliers de compétences numériques et un lieu de rencontre en "
            "français."
        ),
        "province": "AB",
        "communities": ["Falher"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/fa-carrefour-riviere-la-paix",
        "email": "fa-carrefour-riviere-la-paix@example.org",
        "phone": "+1 780 555 0190",
    },
    {
        "key": "cg-bow-pathways",
        "name_en": "Bow Pathways Newcomer Services",
        "name_fr": "Sentiers de la Bow, services aux nouveaux arrivants",
        "description_en": (
            "A large Calgary organization that now concentrates on needs assessment, triage and "
            "case management. It refers clients to other providers for direct services rather "
            "than to its own programs."
        ),
        "description_fr": (
            "Grand organisme de Calgary qui se consacre désormais à l'évaluation des besoins, au "
            "triage et à la gestion de cas. Il oriente les clients vers d'autres fournisseurs pour "
            "les services directs plutôt que vers ses propres programmes."
        ),
        "province": "AB",
        "communities": ["Calgary"],
        "staff_band": "51+",
        "languages": ["en", "fr", "ar", "es", "tl", "zh", "uk", "pa"],
        "francophone_minority": False,
        "website": "https://example.org/cg-bow-pathways",
        "email": "cg-bow-pathways@example.org",
        "phone": "+1 403 555 0192",
    },
    {
        "key": "cg-accueil-rocheuses",
        "name_en": "Rockies Francophone Welcome Centre",
        "name_fr": "Centre d'accueil francophone des Rocheuses",
        "description_en": (
            "A francophone settlement provider in Calgary serving French-speaking newcomers from "
            "Africa, Europe and the Caribbean. It offers orientation, employment help and "
            "family services in French."
        ),
        "description_fr": (
            "Fournisseur de services d'établissement francophone à Calgary, au service des "
            "nouveaux arrivants d'expression française venus d'Afrique, d'Europe et des Antilles. "
            "Il offre de l'orientation, de l'aide à l'emploi et des services aux familles en "
            "français."
        ),
        "province": "AB",
        "communities": ["Calgary"],
        "staff_band": "6-15",
        "languages": ["fr", "en", "ar"],
        "francophone_minority": True,
        "website": "https://example.org/cg-accueil-rocheuses",
        "email": "cg-accueil-rocheuses@example.org",
        "phone": "+1 403 555 0194",
    },
    # ---------------------------------------------------------------- North
    {
        "key": "yk-multicultural",
        "name_en": "Great Slave Multicultural Centre",
        "name_fr": "Centre multiculturel du Grand lac des Esclaves",
        "description_en": (
            "A small multicultural centre in Yellowknife offering settlement services, mentoring "
            "and community activities. Several of its best-known programs began as suggestions "
            "from newcomers themselves."
        ),
        "description_fr": (
            "Petit centre multiculturel de Yellowknife qui offre des services d'établissement, du "
            "mentorat et des activités communautaires. Plusieurs de ses programmes les plus "
            "connus sont nés de suggestions des nouveaux arrivants eux-mêmes."
        ),
        "province": "NT",
        "communities": ["Yellowknife", "Hay River"],
        "staff_band": "1-5",
        "languages": ["en", "fr", "tl", "ur"],
        "francophone_minority": False,
        "website": "https://example.org/yk-multicultural",
        "email": "yk-multicultural@example.org",
        "phone": "+1 867 555 0100",
    },
    {
        "key": "yk-accueil-grand-nord",
        "name_en": "Far North Francophone Welcome",
        "name_fr": "Accueil francophone du Grand Nord",
        "description_en": (
            "A francophone welcome service in Yellowknife for French-speaking newcomers to the "
            "Northwest Territories. It helps with settling in, finding work and joining the "
            "territory's francophone community."
        ),
        "description_fr": (
            "Service d'accueil francophone de Yellowknife destiné aux nouveaux arrivants "
            "d'expression française des Territoires du Nord-Ouest. Il aide à l'installation, à la "
            "recherche d'emploi et à l'intégration dans la communauté francophone du territoire."
        ),
        "province": "NT",
        "communities": ["Yellowknife"],
        "staff_band": "1-5",
        "languages": ["fr", "en"],
        "francophone_minority": True,
        "website": "https://example.org/yk-accueil-grand-nord",
        "email": "yk-accueil-grand-nord@example.org",
        "phone": "+1 867 555 0105",
    },
    {
        "key": "wh-riverside-newcomers",
        "name_en": "Riverside Newcomer House",
        "name_fr": "Maison des nouveaux arrivants Riverside",
        "description_en": (
            "A settlement agency in Whitehorse that also serves newcomers in Watson Lake and "
            "other Yukon communities by phone and occasional visits. Its building is a gathering "
            "place as much as an office."
        ),
        "description_fr": (
            "Organisme d'établissement de Whitehorse qui sert aussi les nouveaux arrivants de "
            "Watson Lake et d'autres communautés du Yukon, par téléphone et lors de visites "
            "ponctuelles. Ses locaux sont autant un lieu de rassemblement qu'un bureau."
        ),
        "province": "YT",
        "communities": ["Whitehorse", "Watson Lake"],
        "staff_band": "6-15",
        "languages": ["en", "fr", "tl", "de"],
        "francophone_minority": False,
        "website": "https://example.org/wh-riverside-newcomers",
        "email": "wh-riverside-newcomers@example.org",
        "phone": "+1 867 555 0196",
    },
    {
        "key": "iq-arctic-welcome",
        "name_en": "Arctic Welcome Centre",
        "name_fr": "Centre d'accueil de l'Arctique",
        "description_en": (
            "A two-person welcome centre in Iqaluit serving newcomers across Nunavut, where most "
            "communities are reachable only by air. Much of its work happens by phone and video call."
        ),
        "description_fr": (
            "Centre d'accueil de deux personnes à Iqaluit, au service des nouveaux arrivants de "
            "tout le Nunavut, où la plupart des communautés ne sont accessibles que par avion. Une "
            "grande partie du travail se fait par téléphone et par vidéoconférence."
        ),
        "province": "NU",
        "communities": ["Iqaluit", "Rankin Inlet"],
        "staff_band": "1-5",
        "languages": ["en", "fr", "tl"],
        "francophone_minority": False,
        "website": "https://example.org/iq-arctic-welcome",
        "email": "iq-arctic-welcome@example.org",
        "phone": "+1 867 555 0198",
    },
    # ---------------------------------------------------------------- British Columbia
    {
        "key": "sm-bulkley-valley",
        "name_en": "Bulkley Valley Newcomer Centre",
        "name_fr": "Centre des nouveaux arrivants de la vallée de la Bulkley",
        "description_en": (
            "A small centre in Smithers serving newcomers across the Bulkley Valley, including "
            "many temporary foreign workers and international students. Its staff work closely "
            "with local employers and landlords."
        ),
        "description_fr": (
            "Petit centre de Smithers qui sert les nouveaux arrivants de la vallée de la Bulkley, "
            "dont de nombreux travailleurs étrangers temporaires et étudiants étrangers. Son "
            "équipe travaille de près avec les employeurs et les propriétaires de logements."
        ),
        "province": "BC",
        "communities": ["Smithers", "Terrace"],
        "staff_band": "1-5",
        "languages": ["en", "tl", "es", "pa"],
        "francophone_minority": False,
        "website": "https://example.org/sm-bulkley-valley",
        "email": "sm-bulkley-valley@example.org",
        "phone": "+1 250 555 0197",
    },
    {
        "key": "ka-two-rivers",
        "name_en": "Two Rivers Newcomer Society",
        "name_fr": "Société des nouveaux arrivants des Deux-Rivières",
        "description_en": (
            "A mid-sized settlement society in Kamloops with programs in settlement, employment, "
            "language and youth. It hosts peer exchanges for smaller agencies in the BC Interior "
            "and the North."
        ),
        "description_fr": (
            "Société d'établissement de taille moyenne à Kamloops qui offre des programmes "
            "d'établissement, d'emploi, de langue et pour les jeunes. Elle organise des échanges "
            "entre pairs pour les plus petits organismes de l'intérieur et du nord de la "
            "Colombie-Britannique."
        ),
        "province": "BC",
        "communities": ["Kamloops"],
        "staff_band": "16-50",
        "languages": ["en", "fr", "ar", "zh", "pa", "es"],
        "francophone_minority": False,
        "website": "https://example.org/ka-two-rivers",
        "email": "ka-two-rivers@example.org",
        "phone": "+1 250 555 0191",
    },
    {
        "key": "cr-key-city",
        "name_en": "Key City Newcomer Services",
        "name_fr": "Services aux nouveaux arrivants Key City",
        "description_en": (
            "A settlement agency in Cranbrook serving the East Kootenay region. Its clients "
            "include a fast-growing number of international students at the local college and "
            "temporary workers in tourism and forestry."
        ),
        "description_fr": (
            "Organisme d'établissement de Cranbrook qui dessert la région d'East Kootenay. Sa "
            "clientèle comprend un nombre croissant d'étudiants étrangers inscrits au collège local "
            "et de travailleurs temporaires du tourisme et de la foresterie."
        ),
        "province": "BC",
        "communities": ["Cranbrook"],
        "staff_band": "6-15",
        "languages": ["en", "tl", "zh", "hi", "es"],
        "francophone_minority": False,
        "website": "https://example.org/cr-key-city",
        "email": "cr-key-city@example.org",
        "phone": "+1 250 555 0199",
    },
]
