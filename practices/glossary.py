"""The bilingual glossary at query time: a keyword that holds a phrase of the glossary is also
searched with that phrase in the other language ("newcomers housing" also as "nouvel arrivant
housing"), on either database.

A phrase is recognized word by word through its stems, in its own language (Snowball, as the
quickstart's search does), so "newcomers" finds the entry "newcomer". A keyword with an
excluded word or a quoted phrase is searched as typed (its operators have no counterpart).
The entries are kept in the shared cache under the publication version (a change to the
glossary changes the version: models._glossary_changed): no query a search.
"""

from django.core.cache import cache

from practices import search
from practices.facets import CACHE_SECONDS
from practices.models import GlossaryEntry
from practices.versions import publication_version


def entries():
    """[(English phrase, French phrase)] of the glossary."""
    key = f"practices:glossary:{publication_version()}"
    found = cache.get(key)
    if found is None:
        found = list(GlossaryEntry.objects.values_list("phrase_en", "phrase_fr"))
        cache.set(key, found, CACHE_SECONDS)
    return found


def stemmed(words, language):
    stemmer = search.STEMMERS[language]
    return [stemmer.stemWord(w) for w in words]


def translated(text):
    """The keyword with every glossary phrase it holds put in the other language, as plain
    words; None when it holds none (or has operators)."""
    if any(w.startswith("-") for w in text.split()) or '"' in text:
        return None
    words = search.words(text)
    if not words:
        return None
    rules = []
    for en, fr in entries():
        for source, target, lang in ((en, fr, "en"), (fr, en, "fr")):
            phrase = stemmed(search.words(source), lang)
            if phrase:
                rules.append((phrase, lang, search.words(target)))
    # Longest phrases first: "temporary foreign worker" before "worker".
    rules.sort(key=lambda rule: -len(rule[0]))
    stems = {lang: stemmed(words, lang) for lang in search.STEMMERS}
    out, i, changed = [], 0, False
    while i < len(words):
        for phrase, lang, target in rules:
            if stems[lang][i : i + len(phrase)] == phrase:
                out.extend(target)
                i += len(phrase)
                changed = True
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out) if changed else None


def keyword(text):
    """The keyword as the search functions take it: with its translation, if any."""
    return search.Keyword(text, translated(text))
