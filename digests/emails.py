"""A member's digest as an email: subject, text and HTML in their language, with RFC 8058 headers.

Everything the templates show is turned into plain strings here, inside
`translation.override(language)`, so templates run no queries. Each item's block and each
section (text and HTML) are rendered once per language for a whole batch (`ItemBlocks`), since
members with the same regions and themes see the same sections; each email then assembles them
with its own links (unsubscribe, web copy) and is rendered through lib.emails.
"""

import re
from datetime import timedelta

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
from workinggroup.models import localized, place_name

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


class ItemBlocks:
    """What a batch renders once and reuses, per language: each item's (text, HTML) block, each
    section (the same items for members whose regions and themes match give the same section),
    and the links that are the same for everyone. The greeting-free parts only: each email's own
    links (unsubscribe, its web copy) and its body are rendered per member.

    Measured with bench_digests --members 10000: item blocks took a run from 59-63 s to 26.5 s
    (issue 22); sections too, 1.85 to 1.46 ms of CPU per digest with one worker (issue 21,
    docs/performance.md)."""

    def __init__(self):
        self._blocks = {}
        self._sections = {}
        self._links = {}

    def get(self, kind, item, language):
        """(text, html) of one item in `language` (call inside translation.override)."""
        key = (kind, _item_key(item), language)
        if key not in self._blocks:
            context = {"p": ITEM_DATA[kind](item, language)}
            self._blocks[key] = (
                render_to_string(f"digests/emails/items/{kind}.txt", context).strip("\n"),
                # Escaped by its template, like any template's output.
                mark_safe(render_to_string(f"digests/emails/items/{kind}.html", context)),  # noqa: S308
            )
        return self._blocks[key]

    def section(self, section, language):
        """(text, html) of a digest section in `language` (call inside translation.override).
        A section is its kind, its shown items and how many more there are: nothing of the
        member's own."""
        key = (section.key, language, section.total, tuple(_item_key(i) for i in section.shown))
        if key not in self._sections:
            self._sections[key] = _section(section, self, self.links(language)[section.key])
        return self._sections[key]

    def links(self, language):
        """The links every member's email has, in `language` (call inside translation.override)."""
        if language not in self._links:
            self._links[language] = {
                **see_all_links(),
                "settings_url": absolute(reverse("digests:settings")),
                "profile_url": absolute(reverse("profile")),
            }
        return self._links[language]


def _item_key(item):
    return getattr(item, "pk", None) or item


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
        "place": place_name(community.name, practice.province.code, language) if community else "",
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
        "place": place_name(community.name, community.province.code, language) if community else "",
        "recommend": str(adaptation.get_would_recommend_display()),
        "url": absolute(adaptation.get_absolute_url()),
    }


def resource_data(resource, language):
    title = localized(resource, "title")
    practice_title = localized(resource.practice, "title")
    upload = resource.upload
    return {
        "title": str(title),
        "title_lang": title.language,
        "practice": str(practice_title),
        "practice_lang": practice_title.language,
        "kind": str(resource.get_kind_display()),
        "languages": ", ".join(resource.language_names()),
        "file": upload.label if upload else "",
        "url": absolute(resource.practice.get_absolute_url()) + "#resources-heading",
    }


def thread_data(thread, language):
    return {
        "title": thread.title,
        "title_lang": thread.language,
        # A thread is written in one language: the email says which, if not the reader's.
        "other_language": thread.language if thread.language not in ("", language) else "",
        "url": absolute(thread.get_absolute_url()),
    }


def replies_data(replies, language):
    url = Thread(pk=replies.thread_id).url_of_position(replies.first_position)
    return {
        "title": replies.title,
        "title_lang": replies.title_lang,
        "count": replies.count,
        "url": absolute(url),
    }


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
    "resources": resource_data,
    "threads": thread_data,
    "replies": replies_data,
    "statuses": status_data,
}


def see_all_links():
    """Where each section's "see all" link goes, in the active language."""
    practices, discussions = reverse("practice_list"), reverse("discussions:category_list")
    return {
        "practices": absolute(practices) + "?sort=newest",
        "adaptations": absolute(practices) + "?sort=adapted",
        "resources": absolute(practices) + "?sort=newest",
        "threads": absolute(discussions),
        "replies": absolute(discussions),
        "statuses": absolute(reverse("recommendation_list")),
    }


def _section(section, blocks, see_all_url):
    """(text, html) of a digest section in the active language (blocks: the batch's ItemBlocks)."""
    language = translation.get_language()
    shown = [blocks.get(section.key, item, language) for item in section.shown]
    context = {"total": section.total, "more": section.more, "see_all_url": see_all_url}
    name = f"digests/emails/sections/{section.key}"
    text = render_to_string(f"{name}.txt", {**context, "blocks": [t for t, _h in shown]})
    html = render_to_string(f"{name}.html", {**context, "blocks": [h for _t, h in shown]})
    return text.strip("\n"), mark_safe(html)  # noqa: S308 (escaped by its template)


def digest_context(delivery, digest, blocks, language):
    """The templates' context for `delivery`'s member (call inside translation.override)."""
    token = unsubscribe_token(delivery.user_id)
    links = blocks.links(language)
    sections = [blocks.section(s, language) for s in digest.sections if s.total]
    return {
        "period": delivery.period,
        "first_day": timezone.localdate(digest.start),
        "last_day": timezone.localdate(digest.end - timedelta(microseconds=1)),
        "sent_on": timezone.localdate(digest.end),
        "sections_text": [text for text, _html in sections],
        "sections_html": [html for _text, html in sections],
        "settings_url": links["settings_url"],
        "profile_url": links["profile_url"],
        # The member's own: signed for them, and their digest's web copy.
        "unsubscribe_url": absolute(reverse("digests:unsubscribe", args=[token])),
        "web_url": absolute(reverse("digests:detail", args=[delivery.pk])),
        "one_click_url": absolute(reverse("digests:one_click", args=[token])),
    }


STYLE_ATTRIBUTE = re.compile(r'\sstyle="[^"]*"')


def web_copy(delivery, digest, language):
    """The digest as the portal's page shows it, in `language`: the email's context, its sections
    without their inline styles (the site's stylesheet applies; its CSP refuses inline styles)."""
    with translation.override(language):
        context = digest_context(delivery, digest, ItemBlocks(), language)
    sections = [STYLE_ATTRIBUTE.sub("", html) for html in context["sections_html"]]
    # Our own templates' output, escaped by them; only style attributes were taken out.
    return {**context, "sections_html": [mark_safe(html) for html in sections]}  # noqa: S308


def digest_message(delivery, digest, blocks, connection=None):
    """The email for `delivery`, ready to hand to a backend (`blocks`: the batch's ItemBlocks)."""
    language = delivery.user.preferred_language
    with translation.override(language):
        context = digest_context(delivery, digest, blocks, language)
    subject, text, html = render_email("digests/emails/digest", context, language)
    headers = {
        "List-Unsubscribe": f"<{context['one_click_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": delivery.message_id,
    }
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [delivery.user.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message
