"""Demo discussions: a few categories and threads in both languages, by the demo accounts, and
what moderators did to them (a pinned and a locked thread, a post edited by a moderator).

load() runs after the accounts, practices and recommendations demo data, and is idempotent:
categories are matched on their English slug, and threads are only added to an empty forum.
"""

import re

from django.contrib.auth import get_user_model
from django.db import transaction

from discussions import attachments, notices
from discussions.mentions import mentioned_members
from discussions.models import Category, ModerationAction, Thread
from workinggroup.demo import DEMO_ACCOUNTS, load_accounts

CATEGORIES = [
    # slug_en, slug_fr, name_en, name_fr, description_en, description_fr
    (
        "practices",
        "pratiques",
        "Promising practices",
        "Pratiques prometteuses",
        "Trying, adapting and questioning the practices in the catalogue.",
        "Essayer, adapter et questionner les pratiques du catalogue.",
    ),
    (
        "recommendations",
        "recommandations",
        "Recommendations",
        "Recommandations",
        "Where the Now, Next and Later recommendations stand, and what would move them.",
        "Où en sont les recommandations Maintenant, Ensuite et Plus tard, "
        "et ce qui les ferait avancer.",
    ),
    (
        "regions",
        "regions",
        "News from the regions",
        "Nouvelles des régions",
        "What is happening in small centres, region by region.",
        "Ce qui se passe dans les petits centres, région par région.",
    ),
    (
        "working-group",
        "groupe-de-travail",
        "Working-group business",
        "Affaires du groupe de travail",
        "Meetings, agendas and decisions of the working group.",
        "Réunions, ordres du jour et décisions du groupe de travail.",
    ),
]

# Threads started from a practice or a recommendation page go to these categories at first.
DEFAULT_FOR = {"practices": "practice", "recommendations": "recommendation"}

THREADS = [
    # category slug, author email, title, opening post, [(author email, reply)]
    (
        "regions",
        "member@demo.example",
        "Logement pour les nouveaux arrivants à Bathurst",
        "Nous cherchons des idées pour loger des familles **avant** leur arrivée. "
        "Quelqu’un a-t-il une entente avec des propriétaires locaux?",
        [
            (
                "ircc@demo.example",
                "In Smithers, the agency keeps a short list of landlords who agreed to hold a unit "
                "for two weeks. @member might find it useful.",
            ),
            ("editor@demo.example", "Merci! On pourrait en faire une pratique prometteuse."),
        ],
    ),
    (
        "working-group",
        "editor@demo.example",
        "Agenda for the next meeting",
        "Proposed items:\n\n1. Digest frequency\n2. Francophone minority communities\n3. Other",
        [("member@demo.example", "J’ajouterais le transport rural au point 3.")],
    ),
    (
        "practices",
        "ircc@demo.example",
        "Has anyone adapted the women-only swim night?",
        "We would like to try it in a town without an indoor pool. Ideas welcome.",
        [],
    ),
    (
        "recommendations",
        "member@demo.example",
        "Les recommandations « Maintenant » : où en sommes-nous?",
        "Six mois ont passé. Lesquelles sont commencées dans votre région?",
        [],
    ),
]


@transaction.atomic
def load():
    categories = {}
    for order, (slug_en, slug_fr, name_en, name_fr, text_en, text_fr) in enumerate(CATEGORIES):
        categories[slug_en], _ = Category.objects.update_or_create(
            slug_en=slug_en,
            defaults={
                "slug_fr": slug_fr,
                "name_en": name_en,
                "name_fr": name_fr,
                "description_en": text_en,
                "description_fr": text_fr,
                "order": order,
                "default_for": DEFAULT_FOR.get(slug_en, ""),
            },
        )
    if Thread.objects.exists():
        return
    people = _demo_people()
    threads = {}
    for slug, author, title, body, replies in THREADS:
        thread, _post = Thread.start(
            categories[slug],
            people[author],
            title,
            body,
            language=_written_in(title),
            **_attachment_for(slug),
        )
        for replier, text in replies:
            post = thread.add_reply(people[replier], text, language=_written_in(text))
            # In the notification centres of the demo accounts, as a reply posted on the site.
            mentioned = mentioned_members(text, exclude=people[replier])
            notices.to_inbox(post, [user.pk for user in mentioned])
        threads[title] = thread
    _moderate(threads, people, categories)


def _moderate(threads, people, categories):
    """What moderators did, as the log shows it: a pinned and a locked thread, a moderator edit."""
    editor = people["editor@demo.example"]
    agenda = threads["Agenda for the next meeting"]
    Thread.objects.filter(pk=agenda.pk).update(pinned=True)
    ModerationAction.objects.create(
        moderator=editor,
        kind=ModerationAction.Kind.PIN,
        thread=agenda,
        reason="Every member should see the agenda before the meeting.",
    )
    rules, _post = Thread.start(
        categories["working-group"],
        editor,
        "Meeting of November 4: decisions (closed)",
        "The minutes are approved. Please open a new thread for follow-ups.",
        language="en",
    )
    Thread.objects.filter(pk=rules.pk).update(locked=True)
    ModerationAction.objects.create(
        moderator=editor,
        kind=ModerationAction.Kind.LOCK,
        thread=rules,
        reason="The minutes are final; follow-ups go in new threads.",
    )
    housing = threads["Logement pour les nouveaux arrivants à Bathurst"]
    post = housing.add_reply(
        people["member@demo.example"],
        "Appelez Josée directement au 506-555-0142, elle a trois logements.",
        language="fr",
    )
    post.edit(
        "Appelez le bureau d’accueil de l’organisme : Josée a trois logements.",
        editor,
        by_moderator=True,
    )
    ModerationAction.objects.create(
        moderator=editor,
        kind=ModerationAction.Kind.EDIT_POST,
        thread=housing,
        post=post,
        reason="A personal phone number removed; the agency's front desk is the contact.",
    )


_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|des|une|est|pour|nous|dans|avec|sur)\b", re.I)


def _written_in(text):
    """The language of a demo text (on the site, the writer's interface language says it)."""
    return "fr" if _FRENCH_WORDS.search(text) else "en"


def _demo_people():
    """The demo accounts by email; seed_demo creates them after the apps' data, so make sure."""
    emails = {email for email, *_rest in DEMO_ACCOUNTS}
    people = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    if len(people) < len(emails):
        load_accounts()
        people = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    return people


def _attachment_for(slug):
    """The practice thread is about the swim night, the recommendations one about a Now item."""
    available = attachments.available()
    if slug == "practices" and "practice" in available:
        practice = available["practice"].objects.filter(slug_en="women-only-swim-night").first()
        return {"practice": practice} if practice else {}
    if slug == "recommendations" and "recommendation" in available:
        item = available["recommendation"].objects.filter(horizon="now").order_by("order").first()
        return {"recommendation": item} if item else {}
    return {}
