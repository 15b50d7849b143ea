"""A practice's content as plain data: read from a published practice, written onto one when a
submission is published, and compared between two versions for the editor."""

import difflib
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from practices.models import (
    RESOURCE_LANGUAGES,
    ClientGroup,
    DeliveryMode,
    EvidenceLevel,
    Kind,
    Origin,
    Principle,
    PromisingPractice,
    Resource,
    ResourceKind,
    Stage,
    Status,
    Theme,
    missing_texts,
)
from uploads.models import Upload
from workinggroup.models import Community, Organization, ProvinceTerritory

LANGS = ("en", "fr")
# Texts written in each language, in the order of the form.
TRANSLATED = ("title", "summary", "description", "outcomes", "lessons", "contact_role")
PLAIN = (
    "kind",
    "stage",
    "origin",
    "delivery_mode",
    "evidence_level",
    "contact_name",
    "contact_email",
    "contact_phone",
    "lessons_anonymous",
)
RELATED = {
    "lead_organization": Organization,
    "province": ProvinceTerritory,
    "community": Community,
}
MANY = {"themes": Theme, "client_groups": ClientGroup}
CHOICES = {
    "kind": Kind,
    "stage": Stage,
    "origin": Origin,
    "delivery_mode": DeliveryMode,
    "evidence_level": EvidenceLevel,
}

LABELS = {
    "title": _("Title"),
    "summary": _("Summary"),
    "description": _("How it works"),
    "outcomes": _("Results"),
    "lessons": _("What did not work"),
    "contact_role": _("Contact's role"),
    "kind": _("Kind"),
    "stage": _("Stage"),
    "origin": _("Origin of the idea"),
    "delivery_mode": _("Delivery"),
    "evidence_level": _("Evidence"),
    "contact_name": _("Contact name"),
    "contact_email": _("Contact email"),
    "contact_phone": _("Contact phone"),
    "lessons_anonymous": _("Lessons published without naming the organization"),
    "lead_organization": _("Lead organization"),
    "province": _("Province or territory"),
    "community": _("Community"),
    "themes": _("Themes"),
    "client_groups": _("Client groups"),
    "principles": _("IRCC foundational principles"),
    "resources": _("Resources"),
}
IN_LANGUAGE = {"en": _("in English"), "fr": _("in French")}


def label_of(key):
    """What people call a content key: "description_fr" is "How it works (in French)"."""
    name, _sep, lang = key.rpartition("_")
    if lang in LANGS and name in TRANSLATED:
        return f"{LABELS[name]} ({IN_LANGUAGE[lang]})"
    return str(LABELS.get(key, key))


def text_keys():
    return [f"{name}_{lang}" for name in TRANSLATED for lang in LANGS]


def content_of(practice):
    """The published practice as submission content."""
    data = {key: getattr(practice, key) or "" for key in text_keys()}
    data.update({name: getattr(practice, name) for name in PLAIN})
    data.update({f"{name}": getattr(practice, f"{name}_id") for name in RELATED})
    data.update(
        {name: sorted(getattr(practice, name).values_list("pk", flat=True)) for name in MANY}
    )
    data["principles"] = [p.value for p in practice.principles]
    data["resources"] = resource_entries(practice)
    return data


def resource_entries(practice):
    """The published practice's resources as content entries (none for a new practice)."""
    if practice is None:
        return []
    return [resource_entry(r) for r in practice.resources.order_by("position", "id")]


# --- Resources: content["resources"] is a list of entries, in the order shown -----
# {"key": identity across versions, "title_en", "title_fr", "description_en", "description_fr",
#  "kind": a ResourceKind, "languages": [codes], "upload": an Upload's id or None, "url": ""}

RESOURCE_TEXTS = ("title", "description")
RESOURCE_LABELS = {"title": _("Title"), "description": _("Description")}


def resource_entry(resource):
    entry = {"key": resource.key}
    entry.update(
        {
            f"{n}_{lang}": getattr(resource, f"{n}_{lang}") or ""
            for n in RESOURCE_TEXTS
            for lang in LANGS
        }
    )
    entry.update(
        kind=resource.kind,
        languages=resource.languages,
        upload=resource.upload_id,
        url=resource.url,
    )
    return entry


def apply_resources(practice, entries):
    """Make the practice's resources those of `entries`: an entry's key finds its row again,
    rows no entry names are deleted (their files: lifecycle discards what nothing uses)."""
    existing = {r.key: r for r in Resource.objects.filter(practice=practice)}
    for position, entry in enumerate(entries or []):
        resource = existing.pop(entry["key"], None) or Resource(practice=practice, key=entry["key"])
        for name in RESOURCE_TEXTS:
            for lang in LANGS:
                setattr(resource, f"{name}_{lang}", entry.get(f"{name}_{lang}") or None)
        resource.kind = entry.get("kind") or ResourceKind.GUIDE
        resource.languages = entry.get("languages") or []
        resource.upload_id = entry.get("upload") or None
        resource.url = "" if resource.upload_id else entry.get("url") or ""
        resource.position = position
        resource.save()
    for resource in existing.values():
        resource.delete()
    Resource.refresh_practice(practice)


def resource_uploads(*contents):
    """{id: Upload} of the files the contents' resources name: one query."""
    ids = {
        entry.get("upload")
        for content in contents
        for entry in (content or {}).get("resources") or []
        if isinstance(entry.get("upload"), int)
    }
    return Upload.objects.in_bulk(ids) if ids else {}


def resource_title(entry):
    """The entry's title in the active language, else in the other."""
    mine = "fr" if (get_language() or "").startswith("fr") else "en"
    other = "en" if mine == "fr" else "fr"
    return entry.get(f"title_{mine}") or entry.get(f"title_{other}") or ""


def resource_facts(entry, uploads):
    """What a reader checks of a resource: its kind, its languages, its file or its link."""
    kind = entry.get("kind")
    kind = str(ResourceKind(kind).label) if kind in ResourceKind.values else ""
    languages = ", ".join(
        str(RESOURCE_LANGUAGES[c]) for c in entry.get("languages") or [] if c in RESOURCE_LANGUAGES
    )
    upload = uploads.get(entry.get("upload"))
    where = f"{upload.name} ({upload.label})" if upload else entry.get("url") or ""
    if entry.get("upload") and not upload:
        where = str(_("file removed"))
    return [fact for fact in (kind, languages, where) if fact]


def _described(entry, uploads):
    if not entry:
        return ""
    texts = [
        _("%(label)s: %(text)s")
        % {
            "label": f"{RESOURCE_LABELS[name]} ({IN_LANGUAGE[lang]})",
            "text": entry.get(f"{name}_{lang}"),
        }
        for name in RESOURCE_TEXTS
        for lang in LANGS
        if entry.get(f"{name}_{lang}")
    ]
    return "\n".join([*texts, " · ".join(resource_facts(entry, uploads))])


def resource_changes(before, after, uploads):
    """A Change for each resource added, removed or changed between two contents."""
    old = {e["key"]: e for e in before.get("resources") or [] if e.get("key")}
    new = {e["key"]: e for e in after.get("resources") or [] if e.get("key")}
    result = []
    for key in [*old, *(k for k in new if k not in old)]:
        was, now = _described(old.get(key), uploads), _described(new.get(key), uploads)
        if was != now:
            title = resource_title(new.get(key) or old.get(key))
            label = _("Resource: %(title)s") % {"title": title}
            result.append(Change(str(label), was, now, word_diff(was, now)))
    return result


def apply(content, practice=None):
    """Write `content` onto `practice` (a new one when None), published. Returns the practice."""
    if practice is None:
        practice = PromisingPractice()
    else:
        # Fresh and locked: the row's own counters (adaptations) may have moved since it was
        # read, and the whole row is saved below.
        practice = PromisingPractice.objects.select_for_update().get(pk=practice.pk)
    for key in text_keys():
        setattr(practice, key, content.get(key) or None)
    for name in PLAIN:
        default = False if name == "lessons_anonymous" else ""
        setattr(practice, name, content.get(name) or default)
    for name in RELATED:
        setattr(practice, f"{name}_id", content.get(name) or None)
    practice.principles = content.get("principles") or []
    now = timezone.now()
    practice.status = Status.PUBLISHED
    practice.published_at = practice.published_at or now
    practice.confirmed_at = now
    practice.save()
    for name in MANY:
        getattr(practice, name).set(content.get(name) or [])
    apply_resources(practice, content.get("resources"))
    return practice


def languages_of(content):
    """The languages the content is complete in (practices.models.missing_texts)."""
    return [
        lang
        for lang in LANGS
        if not missing_texts(lambda name, code: content.get(f"{name}_{code}"), lang)
    ]


def missing_language(practice):
    """The language a published practice lacks texts in (the one it lacks most), or None."""
    missing = {lang: practice.missing_texts(lang) for lang in LANGS}
    if not missing["en"] and not missing["fr"]:
        return None
    return max(LANGS, key=lambda lang: len(missing[lang]))


def missing_labels(practice):
    """[(language, [labels of the missing texts])] for the translation queue."""
    return [
        (lang, [LABELS[name] for name in practice.missing_texts(lang)])
        for lang in LANGS
        if practice.missing_texts(lang)
    ]


@dataclass
class Change:
    label: str
    before: str
    after: str
    diff: str  # safe HTML: the words removed in <del>, the words added in <ins>


def changes(before, after):
    """What differs between two contents, field by field, for people to read."""
    before, after = before or {}, after or {}
    names = _display_names(before, after)
    result = []
    for name in TRANSLATED:
        for lang in LANGS:
            key = f"{name}_{lang}"
            old, new = before.get(key) or "", after.get(key) or ""
            if old != new:
                result.append(Change(label_of(key), old, new, word_diff(old, new)))
    for name in (*PLAIN, *RELATED, *MANY, "principles"):
        old, new = _shown(name, before.get(name), names), _shown(name, after.get(name), names)
        if old != new:
            result.append(Change(str(LABELS[name]), old, new, word_diff(old, new)))
    result += resource_changes(before, after, resource_uploads(before, after))
    return result


def _shown(name, value, names):
    if name in CHOICES:
        return str(CHOICES[name](value).label) if value in CHOICES[name].values else ""
    if name == "lessons_anonymous":
        return str(_("Yes")) if value else str(_("No"))
    if name == "principles":
        return ", ".join(str(Principle(v).label) for v in value or [] if v in Principle.values)
    if name in RELATED:
        return names[name].get(value, "")
    if name in MANY:
        return ", ".join(sorted(names[name].get(v, "") for v in value or []))
    return str(value or "")


def _display_names(*contents):
    """Names of every related row the contents mention, one query per kind of row."""
    names = {}
    for name, model in {**RELATED, **MANY}.items():
        ids = set()
        for content in contents:
            value = content.get(name)
            ids.update(value if isinstance(value, list) else [value] if value else [])
        ids = {i for i in ids if isinstance(i, int)}
        rows = model.objects.filter(pk__in=ids)
        if model is Community:
            rows = rows.select_related("province")  # its name shows the province code
        names[name] = {row.pk: str(row) for row in rows} if ids else {}
    return names


WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    a, b = WORDS.findall(old), WORDS.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def display(content):
    """The content ready for a preview: texts by field and language, related rows by name."""
    content = content or {}
    names = _display_names(content)
    facts = []
    for name in ("lead_organization", "province", "community", "themes", "client_groups"):
        facts.append((LABELS[name], _shown(name, content.get(name), names)))
    for name in ("principles", *CHOICES):
        facts.append((LABELS[name], _shown(name, content.get(name), names)))
    texts = [
        (
            LABELS[name],
            [
                (lang, content.get(f"{name}_{lang}"))
                for lang in LANGS
                if content.get(f"{name}_{lang}")
            ],
        )
        for name in TRANSLATED
        if name not in ("title", "contact_role")
    ]
    contact = [
        content.get("contact_name"),
        content.get("contact_role_en") or content.get("contact_role_fr"),
        content.get("contact_email"),
        content.get("contact_phone"),
    ]
    return {
        "titles": [
            (lang, content.get(f"title_{lang}")) for lang in LANGS if content.get(f"title_{lang}")
        ],
        "facts": [(label, value) for label, value in facts if value],
        "texts": [(label, parts) for label, parts in texts if parts],
        "contact": [value for value in contact if value],
        "lessons_anonymous": bool(content.get("lessons_anonymous")),
        "languages": languages_of(content),
        "resources": shown_resources(content),
    }


def shown_resources(content):
    """The content's resources for a preview: title and facts, in the active language."""
    uploads = resource_uploads(content)
    return [
        {"title": resource_title(entry), "facts": resource_facts(entry, uploads)}
        for entry in content.get("resources") or []
    ]
