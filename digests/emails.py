"""A member's digest as an email: subject, text and HTML in their language, with RFC 8058 headers.

Everything the templates show is turned into plain strings here, inside
`translation.override(language)`, so templates run no queries. Each item's block (text and HTML)
is rendered once per item and language for a whole batch (`BatchRenderer`), since most members
see the same practices; each email then only assembles blocks, headings and its own links.
"""

import functools
import uuid
from datetime import timedelta
from email.header import Header

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from discussions.models import Thread
from lib.emails import render_email
from workinggroup.models import localized

UNSUBSCRIBE_SALT = "digests.unsubscribe"
# Old digests keep a working link for months (CASL asks for at least 60 days).
UNSUBSCRIBE_LINK_VALID_FOR = timedelta(days=365)
SUMMARY_CHARS = 200


def unsubscribe_token(user_id):
    return signing.dumps(user_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The user id in `token`. Raises signing.SignatureExpired for an old link and
    signing.BadSignature for anything else that is not ours."""
    if not token or len(token) > 200:
        raise signing.BadSignature("no token")
    user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_LINK_VALID_FOR)
    if not isinstance(user_id, int):
        raise signing.BadSignature("not a user id")
    return user_id


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def one_line(text):
    return Truncator(" ".join(str(text).split())).chars(SUMMARY_CHARS)


class BatchRenderer:
    """Renders one batch's digests. Whatever members share is rendered once per batch and
    language: each item, each section with the same items, each whole email with the same news
    (the member's unsubscribe token is put in afterwards)."""

    def __init__(self):
        self._emails = {}
        self._sections = {}
        self._blocks = {}
        self._links = {}

    def email(self, period, digest, language):
        """(subject, text, html, one-click URL) with SLOT for the member's token: members with
        the same news in the same language share one rendering."""
        key = (period, language, digest.start, digest.end, *map(self._section_key, digest.sections))
        if key not in self._emails:
            with translation.override(language):
                context = digest_context(period, digest, self, language)
            rendered = render_email("digests/email/digest", context, language)
            self._emails[key] = (*rendered, context["one_click_url"])
        return self._emails[key]

    @staticmethod
    def _section_key(section):
        return (section.key, tuple(map(_item_key, section.shown)), section.total)

    def section(self, section, language):
        """(text, html) of a digest section in `language`: the same items, the same output."""
        key = (language, self._section_key(section))
        if key not in self._sections:
            blocks = [self.blocks(section.key, item, language) for item in section.shown]
            context = {
                "total": section.total,
                "more": section.more,
                "see_all_url": self.links(language)["see_all"][section.key],
            }
            name = f"digests/email/sections/{section.key}"
            texts, htmls = [b[0] for b in blocks], [b[1] for b in blocks]
            text = render_to_string(f"{name}.txt", {**context, "blocks": texts}).strip("\n")
            html = render_to_string(f"{name}.html", {**context, "blocks": htmls})
            self._sections[key] = (text, mark_safe(html))  # noqa: S308 (escaped by its template)
        return self._sections[key]

    def blocks(self, kind, item, language):
        """(text, html) of one item in `language` (call inside translation.override)."""
        key = (kind, _item_key(item), language)
        if key not in self._blocks:
            context = {"p": ITEM_DATA[kind](item, language)}
            self._blocks[key] = (
                render_to_string(f"digests/email/items/{kind}.txt", context).strip("\n"),
                # Escaped by its template, like any template's output.
                mark_safe(render_to_string(f"digests/email/items/{kind}.html", context)),  # noqa: S308
            )
        return self._blocks[key]

    def links(self, language):
        """The site's links in `language`; unsubscribe links with SLOT where the token goes."""
        if language not in self._links:
            self._links[language] = {
                "settings_url": absolute(reverse("digests:settings")),
                "profile_url": absolute(reverse("profile")),
                "unsubscribe_url": absolute(reverse("digests:unsubscribe", args=[SLOT])),
                "one_click_url": absolute(reverse("digests:one_click", args=[SLOT])),
                "see_all": {
                    "practices": absolute(reverse("practice_list")) + "?sort=newest",
                    "adaptations": absolute(reverse("practice_list")) + "?sort=adapted",
                    "threads": absolute(reverse("discussions:category_list")),
                    "replies": absolute(reverse("discussions:category_list")),
                    "statuses": absolute(reverse("recommendation_list")),
                },
            }
        return self._links[language]


def _item_key(item):
    return getattr(item, "pk", None) or item


# Stands for the member's token in emails rendered once for several members; random, so no
# practice or thread title can contain it.
SLOT = f"slot-{uuid.uuid4().hex}"


def practice_data(practice, language):
    title = localized(practice, "title")
    summary = localized(practice, "summary")
    community = practice.community
    return {
        "title": str(title),
        "title_lang": title.language,
        "summary": one_line(summary),
        "summary_lang": summary.language,
        # Shown in the other language: the email says so, next to the title.
        "other_language": title.language if title.language != language else "",
        # Lessons shared anonymously: the email names no organization, like the site.
        "organization": ""
        if practice.organization_hidden
        else str(localized(practice.lead_organization, "name")),
        "place": f"{community.name}, {practice.province.code}" if community else "",
        "province": str(localized(practice.province, "name")),
        "region": str(localized(practice.region, "name")),
        "url": absolute(practice.get_absolute_url()),
    }


def adaptation_data(adaptation, language):
    title = localized(adaptation.practice, "title")
    community = adaptation.community
    return {
        "title": str(title),
        "title_lang": title.language,
        "organization": str(localized(adaptation.organization, "name")),
        "place": f"{community.name}, {community.province.code}" if community else "",
        "recommend": str(adaptation.get_would_recommend_display()),
        "url": absolute(adaptation.get_absolute_url()),
    }


def thread_data(thread, language):
    return {"title": thread.title, "url": absolute(thread.get_absolute_url())}


def replies_data(replies, language):
    url = Thread(pk=replies.thread_id).url_of_position(replies.first_position)
    return {"title": replies.title, "count": replies.count, "url": absolute(url)}


def status_data(update, language):
    title = localized(update.recommendation, "title")
    return {
        "code": update.recommendation.code,
        "title": str(title),
        "title_lang": title.language,
        "voice": str(update.get_source_display()),
        "status": str(update.get_status_display()),
        "effective_date": update.effective_date,
        "url": absolute(update.get_absolute_url()),
    }


ITEM_DATA = {
    "practices": practice_data,
    "adaptations": adaptation_data,
    "threads": thread_data,
    "replies": replies_data,
    "statuses": status_data,
}


@functools.lru_cache(maxsize=64)
def encoded_header(value):
    """`value` as RFC 2047 encoded words on one line (ASCII values unchanged)."""
    if value.isascii():
        return value
    return Header(value, "utf-8").encode().replace("\n ", " ")


class DigestEmail(EmailMultiAlternatives):
    """A digest email. The standard library's RFC 2047 encoding of a non-ASCII subject costs
    more than the rest of the message; all of a day's French digests share one subject, so it is
    encoded once."""

    def message(self):
        subject, self.subject = self.subject, encoded_header(self.subject)
        try:
            return super().message()
        finally:
            self.subject = subject


def digest_context(period, digest, renderer, language):
    """The templates' context, with SLOT where the member's token goes (inside override)."""
    links = renderer.links(language)
    sections = [renderer.section(s, language) for s in digest.sections if s.total]
    return {
        "period": period,
        "first_day": timezone.localdate(digest.start),
        "last_day": timezone.localdate(digest.end - timedelta(microseconds=1)),
        "sent_on": timezone.localdate(digest.end),
        "sections_text": [text for text, _html in sections],
        "sections_html": [html for _text, html in sections],
        "settings_url": links["settings_url"],
        "profile_url": links["profile_url"],
        "unsubscribe_url": links["unsubscribe_url"],
        "one_click_url": links["one_click_url"],
    }


def digest_message(delivery, digest, renderer, connection=None):
    """The email for `delivery`, ready to hand to a backend."""
    language = delivery.user.preferred_language
    subject, text, html, one_click_url = renderer.email(delivery.period, digest, language)
    token = unsubscribe_token(delivery.user_id)
    headers = {
        "List-Unsubscribe": f"<{one_click_url.replace(SLOT, token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": delivery.message_id,
    }
    message = DigestEmail(
        subject,
        text.replace(SLOT, token),
        settings.DEFAULT_FROM_EMAIL,
        [delivery.user.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(html.replace(SLOT, token), "text/html")
    return message
