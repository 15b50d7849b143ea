"""The French of the emails the tests make the portal send, checked against the style guide.

A French message (Content-Language: fr) is read as a francophone reader meets it: its subject,
and the French text of its HTML part (a thread title marked lang="en" is English) or, without
one, its text part.
"""

from html.parser import HTMLParser

from lib.typography import french_problems


class _FrenchText(HTMLParser):
    VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}

    def __init__(self, language):
        super().__init__()
        self.languages = [language]  # the language of each open element, innermost last
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.languages.append(dict(attrs).get("lang") or self.languages[-1])

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self.languages) > 1:
            self.languages.pop()

    def handle_data(self, data):
        if self.languages[-1].startswith("fr") and data.strip():
            self.texts.append(data)


def french_texts(message):
    texts = [message.subject]
    html = [body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"]
    if html:
        parser = _FrenchText("fr")
        parser.feed(html[0])
        texts += parser.texts
    else:
        texts.append(message.body)
    return texts


def email_problems(messages):
    """ "subject: problem" for each French message that breaks the style guide."""
    return [
        f"{message.subject!r}: {problem}"
        for message in messages
        if message.extra_headers.get("Content-Language") == "fr"
        for text in french_texts(message)
        for problem in french_problems(text)
    ]
