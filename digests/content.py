"""What goes in a member's digest: one function of the member, a window of dates and the data.

`build_digest(reader, start, end, sources)` is the rule. It reads nothing from the clock and
nothing from the database: `load_readers()` and `load_sources()` fetch, for a whole batch of
members, everything the rule can need, in a fixed number of queries whatever the batch's size.
The same member, window and data always give the same digest, so a late or repeated run sends
what the first one would have.

A digest is a list of sections in a fixed order. Each section is one small class with `load`
(its rows for the batch's widest window, one query) and `pick` (all of the member's items, in
the order the email lists them; it shows the first MAX_ITEMS).

Discussion sections go to members only and carry what every member sees (discussions.access):
no hidden thread or post, whoever the member is.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from adaptations.models import Adaptation
from digests.models import DigestPreferences
from discussions.access import members, posts_every_member_sees, threads_every_member_sees
from discussions.models import Follow as ThreadFollow
from discussions.models import Post, Thread
from practices.catalogue import as_cards, resources_published_between
from practices.models import PromisingPractice
from recommendations.models import Follow as RecommendationFollow
from recommendations.models import StatusUpdate

# Items shown per section; the rest are counted and linked ("see all").
MAX_ITEMS = 10


@dataclass(frozen=True)
class Reader:
    """A digest's recipient as the rule sees them."""

    user_id: int
    language: str
    region_ids: frozenset = frozenset()  # empty: every region
    theme_mask: int = 0  # bits of practices.Theme; 0: every theme
    is_member: bool = False  # may read the members-only discussions
    followed_threads: frozenset = frozenset()
    followed_recommendations: frozenset = frozenset()


@dataclass
class Section:
    key: str
    items: list  # every matching item; the email shows items[:MAX_ITEMS]

    @property
    def total(self):
        return len(self.items)

    @property
    def shown(self):
        return self.items[:MAX_ITEMS]

    @property
    def more(self):
        return max(0, self.total - MAX_ITEMS)


@dataclass
class Digest:
    start: object
    end: object
    sections: list = field(default_factory=list)

    @property
    def item_count(self):
        return sum(section.total for section in self.sections)

    @property
    def is_empty(self):
        return self.item_count == 0


@dataclass(frozen=True)
class ThreadReplies:
    """New replies in one followed thread: how many, and where the first of them is."""

    thread_id: int
    title: str
    count: int
    first_position: int
    title_lang: str = ""


def _within(moment, start, end):
    return start <= moment < end


class NewPractices:
    """Practices published in the window, in the regions and themes the member follows."""

    key = "practices"
    members_only = False

    def load(self, start, end, readers):
        return list(
            as_cards(
                PromisingPractice.objects.published().filter(
                    published_at__gte=start, published_at__lt=end
                )
            ).order_by("-published_at", "-id")
        )

    def pick(self, reader, start, end, practices):
        return [p for p in practices if _within(p.published_at, start, end) and _follows(reader, p)]


def _follows(reader, practice):
    """The practice is in a region and a theme the member follows (all, when they chose none)."""
    return (not reader.region_ids or practice.region_id in reader.region_ids) and (
        not reader.theme_mask or practice.theme_bits & reader.theme_mask
    )


class NewAdaptations:
    """Adaptations recorded in the window by others, of published practices in the regions and
    themes the member follows, newest first."""

    key = "adaptations"
    members_only = False

    def load(self, start, end, readers):
        return list(
            Adaptation.objects.filter(created_at__gte=start, created_at__lt=end)
            .on_published_practices()
            .select_related("practice", "organization", "community__province")
            .only(
                "id",
                "created_at",
                "author_id",
                "would_recommend",
                "practice__id",
                "practice__slug_en",
                "practice__slug_fr",
                "practice__title_en",
                "practice__title_fr",
                "practice__region_id",
                "practice__theme_bits",
                "organization__id",
                "organization__name_en",
                "organization__name_fr",
                "community__id",
                "community__name",
                "community__province__id",
                "community__province__code",
            )
            .order_by("-created_at", "-id")
        )

    def pick(self, reader, start, end, adaptations):
        return [
            a
            for a in adaptations
            if _within(a.created_at, start, end)
            and a.author_id != reader.user_id
            and _follows(reader, a.practice)
        ]


class NewResources:
    """Files and links added in the window to practices published before it, in the regions and
    themes the member follows (a new practice's own resources come with it)."""

    key = "resources"
    members_only = False

    def load(self, start, end, readers):
        return list(resources_published_between(start, end))

    def pick(self, reader, start, end, resources):
        return [
            r
            for r in resources
            if _within(r.created_at, start, end)
            and not _within(r.practice.published_at, start, end)
            and _follows(reader, r.practice)
        ]


class NewThreads:
    """Threads started in the window by someone else, newest first (members only)."""

    key = "threads"
    members_only = True

    def load(self, start, end, readers):
        return list(
            threads_every_member_sees(Thread.objects.filter(created__gte=start, created__lt=end))
            .only("id", "title", "language", "author_id", "created", "category_id")
            .order_by("-created", "-id")
        )

    def pick(self, reader, start, end, threads):
        return [
            t for t in threads if _within(t.created, start, end) and t.author_id != reader.user_id
        ]


class FollowedReplies:
    """Replies posted in the window, by others, in threads the member follows (members only)."""

    key = "replies"
    members_only = True

    def load(self, start, end, readers):
        followed = set().union(*(r.followed_threads for r in readers)) if readers else set()
        if not followed:
            return []
        posts = Post.objects.filter(
            thread_id__in=sorted(followed), created__gte=start, created__lt=end, position__gt=1
        )
        return list(
            posts_every_member_sees(posts)
            .order_by("thread_id", "position")
            .values_list(
                "thread_id", "thread__title", "author_id", "position", "created", "thread__language"
            )
        )

    def pick(self, reader, start, end, posts):
        counts, first_positions, titles = defaultdict(int), {}, {}
        for thread_id, title, author_id, position, created, title_lang in posts:
            if (
                thread_id in reader.followed_threads
                and author_id != reader.user_id
                and _within(created, start, end)
            ):
                counts[thread_id] += 1
                first_positions.setdefault(thread_id, position)  # rows come in position order
                titles[thread_id] = (title, title_lang)
        # Most active first; ties in thread order, so the same data gives the same digest.
        busiest = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [
            ThreadReplies(
                thread_id,
                titles[thread_id][0],
                count,
                first_positions[thread_id],
                titles[thread_id][1],
            )
            for thread_id, count in busiest
        ]


class StatusChanges:
    """Status updates posted in the window on the recommendations the member follows, or on
    every recommendation when they follow none."""

    key = "statuses"
    members_only = False

    def load(self, start, end, readers):
        return list(
            StatusUpdate.objects.filter(created_at__gte=start, created_at__lt=end)
            .select_related("recommendation")
            .only(
                "id",
                "source",
                "status",
                "effective_date",
                "created_at",
                "recommendation_id",
                "recommendation__code",
                "recommendation__title_en",
                "recommendation__title_fr",
            )
            .order_by("created_at", "id")
        )

    def pick(self, reader, start, end, updates):
        followed = reader.followed_recommendations
        return [
            u
            for u in updates
            if _within(u.created_at, start, end)
            and (not followed or u.recommendation_id in followed)
        ]


SECTIONS = [
    NewPractices(),
    NewResources(),
    NewAdaptations(),
    NewThreads(),
    FollowedReplies(),
    StatusChanges(),
]


def load_sources(readers, start, end):
    """{section key: rows} for every reader's window inside [start, end)."""
    return {section.key: section.load(start, end, readers) for section in SECTIONS}


def build_digest(reader, start, end, sources):
    """The member's digest for news in [start, end): the rule, and the only one."""
    digest = Digest(start, end)
    for section in SECTIONS:
        if section.members_only and not reader.is_member:
            continue
        items = section.pick(reader, start, end, sources[section.key])
        digest.sections.append(Section(section.key, items))
    return digest


def load_readers(users):
    """{user id: Reader} for `users` (with their digest_preferences prefetched or not), in
    six queries whatever their number."""
    ids = [user.pk for user in users]
    preferences = {
        p.user_id: p
        for p in DigestPreferences.objects.filter(user_id__in=ids).prefetch_related(
            "regions", "themes"
        )
    }
    member_ids = set(members().filter(pk__in=ids).values_list("pk", flat=True))
    threads, recommendations = defaultdict(set), defaultdict(set)
    # Hidden threads are followed too; FollowedReplies.load leaves their replies out.
    for user_id, thread_id in ThreadFollow.objects.filter(user_id__in=member_ids).values_list(
        "user_id", "thread_id"
    ):
        threads[user_id].add(thread_id)
    for user_id, item_id in RecommendationFollow.objects.filter(user_id__in=ids).values_list(
        "user_id", "recommendation_id"
    ):
        recommendations[user_id].add(item_id)
    readers = {}
    for user in users:
        prefs = preferences.get(user.pk)
        readers[user.pk] = Reader(
            user_id=user.pk,
            language=user.preferred_language,
            region_ids=frozenset(r.pk for r in prefs.regions.all()) if prefs else frozenset(),
            theme_mask=sum(t.mask for t in prefs.themes.all()) if prefs else 0,
            is_member=user.pk in member_ids,
            followed_threads=frozenset(threads[user.pk]),
            followed_recommendations=frozenset(recommendations[user.pk]),
        )
    return readers
