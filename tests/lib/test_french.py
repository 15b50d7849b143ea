"""The French of the portal keeps to docs/french-style.md: every entry of every project catalogue
passes the typography and glossary check, and the project's own translation is the one served
(never Django's, the admin's or allauth's, whatever the order of INSTALLED_APPS)."""

import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from lib.typography import catalogue_problems, collation_key, french_problems

CATALOGUES = sorted(
    {po for path in settings.LOCALE_PATHS for po in Path(path).glob("fr/LC_MESSAGES/django.po")}
)


def test_every_project_catalogue_is_checked():
    # locale/, each app's, and locale_libraries/ (the libraries' strings, in our French).
    assert len(CATALOGUES) == 2 + len(settings.PROJECT_CATALOGUE_APPS)


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: str(po.parent.parent.parent.parent.name))
def test_catalogue_follows_the_style_guide(po):
    assert catalogue_problems(po) == []


@pytest.mark.parametrize(
    "text",
    [
        "Statut : publié",  # ordinary space before the colon
        "Statut: publié",  # none
        "Erreur :",  # at the end
        "%(label)s : %(error)s",  # after a placeholder
        "Mot de passe oublié ?",  # space before ?
        "Connectez-vous ; puis",
        "« Maintenant »",  # ordinary spaces inside guillemets
        "«Maintenant»",
        "du 1 août 2021",
        "du 1\u00a0février 2022",
        "Adresse e-mail",
        "Adresse électronique",
        "Rôle : Éditeur".replace(" :", "\u00a0:"),
        "Mes soumissions",
        "En attente de révision",
        "Vous êtes connecté(e).",
        "Votre message compte 20001 caractères",
        "Comment ça fonctionne",
        "Taille de la collectivité",
    ],
)
def test_the_check_catches_each_mistake(text):
    assert french_problems(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Statut\u00a0: publié",
        "Statut\u202f: publié",
        "%(label)s\u00a0: %(error)s",
        "Mot de passe oublié?",
        "«\u00a0Maintenant\u00a0»",
        "du 1er août 2021 au 14 novembre 2023",
        "Adresse courriel",
        'Voir <a href="https://example.org/a:b">le site</a>, 14:30, mailto:x',
        "Marie-Ève · Représentant ou représentante du secteur",
        "20\u00a0001 caractères; 2021",
    ],
)
def test_the_check_accepts_correct_french(text):
    assert french_problems(text) == []


def _served_and_own(po):
    for entry in polib.pofile(str(po)).translated_entries():
        if entry.msgid_plural:
            for n, index in ((1, "0"), (2, "1")):
                own = entry.msgstr_plural[int(index)]
                if entry.msgctxt:
                    got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                else:
                    got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                yield entry, own, got
        elif entry.msgctxt:
            yield entry, entry.msgstr, translation.pgettext(entry.msgctxt, entry.msgid)
        else:
            yield entry, entry.msgstr, translation.gettext(entry.msgid)


def test_the_project_translation_is_the_one_served():
    """A msgid that Django, the admin, allauth or another app also translate is served with this
    catalogue's msgstr: two apps that need different French for one msgid use a context."""
    wrong = []
    with translation.override("fr"):
        for po in CATALOGUES:
            for entry, own, got in _served_and_own(po):
                if got != own:
                    wrong.append(
                        f"{po}:{entry.linenum} {entry.msgid!r}: {got!r} instead of {own!r}"
                    )
    assert wrong == []


def test_library_strings_the_project_overrides_are_served_from_the_project():
    with translation.override("fr"):
        assert translation.gettext("None") == "Aucun"  # the admin says « Aucun(e) »
        assert translation.gettext("email address") == "adresse courriel"  # auth: électronique


def test_french_sorting_puts_accented_names_among_their_letter():
    provinces = ["Ontario", "Île-du-Prince-Édouard", "Manitoba", "Alberta", "Québec", "Nunavut"]
    assert sorted(provinces, key=collation_key) == [
        "Alberta",
        "Île-du-Prince-Édouard",
        "Manitoba",
        "Nunavut",
        "Ontario",
        "Québec",
    ]
    assert sorted(["Éco", "eco", "Ecole", "Édifice"], key=collation_key) == [
        "eco",
        "Éco",
        "Ecole",
        "Édifice",
    ]


def test_french_dates_write_the_first_of_a_month_as_an_ordinal():
    first, eleventh = datetime.date(2021, 8, 1), datetime.date(2021, 8, 11)
    template = Template("{{ first|date }} · {{ first|date:'j F Y' }} · {{ eleventh|date }}")
    with translation.override("fr"):
        assert date_format(first) == "1er août 2021"
        rendered = template.render(Context({"first": first, "eleventh": eleventh}))
        assert rendered == "1er août 2021 · 1er août 2021 · 11 août 2021"
    with translation.override("en"):
        assert date_format(first) == "August 1, 2021"


def test_cut_summaries_keep_their_non_breaking_spaces():
    from lib.templatetags.words import truncate_words

    text = "Nord\u00a0: un organisme évalue les besoins et gère les cas complexes"
    assert truncate_words(text, 4) == "Nord\u00a0: un organisme évalue…"
    assert truncate_words("Deux  mots", 5) == "Deux mots"
