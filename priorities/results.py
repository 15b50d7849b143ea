"""The priorities app's one public module: the published results, as other apps may show them.

Results are read from the figures stored when each round closed (ItemResult), so a results page
reads a fixed number of rows whatever the number of participants. Figures of a round with fewer
than consensus.MIN_PARTICIPANTS participants are withheld.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from priorities import consensus
from priorities.models import Exercise, ExerciseState, ItemResult, Round, RoundState
from recommendations.models import Recommendation

MIN_PARTICIPANTS = consensus.MIN_PARTICIPANTS

PRIORITY_LABELS = {
    consensus.HIGH: _("High priority"),
    consensus.MEDIUM: _("Medium priority"),
    consensus.LOW: _("Low priority"),
}
FEASIBILITY_LEVEL_LABELS = {
    consensus.HIGH: _("Feasible"),
    consensus.MEDIUM: _("Feasible with effort"),
    consensus.LOW: _("Hardly feasible"),
}
CONSENSUS_LABELS = {
    consensus.STRONG: _("strong consensus"),
    consensus.CONSENSUS: _("consensus"),
    consensus.NONE: _("no consensus"),
}
CACHE_KEY = "priorities:latest:v3"  # v3: with feasibility


@dataclass
class Standing:
    """A recommendation's place in the latest published exercise (for the tracker)."""

    exercise_title: str
    url: str
    rank: int
    median: float
    level: str
    consensus: str

    heading = _("Working group's priority")

    @property
    def level_label(self):
        return PRIORITY_LABELS[self.level]

    @property
    def consensus_label(self):
        return CONSENSUS_LABELS[self.consensus]

    @property
    def summary(self):
        """ "High priority, strong consensus (Priorities 2026, rank 1)"."""
        return gettext("%(level)s, %(consensus)s (%(exercise)s, rank %(rank)s)") % {
            "level": self.level_label,
            "consensus": self.consensus_label,
            "exercise": self.exercise_title,
            "rank": self.rank,
        }


@dataclass
class ItemRow:
    item: object
    recommendation: object
    final: object
    by_round: list = field(default_factory=list)
    report_rank: int | None = None
    previous_rank: int | None = None

    @property
    def level(self):
        return consensus.priority_level(self.final.median)

    @property
    def level_label(self):
        return PRIORITY_LABELS.get(self.level, "")

    @property
    def consensus(self):
        return consensus.consensus_level(self.final.consensus, self.final.stable)

    @property
    def consensus_label(self):
        return CONSENSUS_LABELS[self.consensus]

    rank_among_report: int | None = None

    @property
    def feasibility_level_label(self):
        level = consensus.priority_level(self.final.feasibility_median)
        return FEASIBILITY_LEVEL_LABELS.get(level, "")

    @property
    def feasibility_consensus(self):
        return consensus.consensus_level(
            self.final.feasibility_consensus, self.final.feasibility_stable
        )

    @property
    def feasibility_consensus_label(self):
        return CONSENSUS_LABELS[self.feasibility_consensus]

    @property
    def change_from_report(self):
        """How the item moved against the report's 2021 order (among the items it ranked)."""
        if self.report_rank is None or self.rank_among_report is None:
            return ""
        return change_text(self.report_rank - self.rank_among_report)

    @property
    def change_from_previous(self):
        if self.previous_rank is None or self.final.rank is None:
            return _("new")
        return change_text(self.previous_rank - self.final.rank)


def change_text(places):
    if places > 0:
        return ngettext("up %(n)d place", "up %(n)d places", places) % {"n": places}
    if places < 0:
        return ngettext("down %(n)d place", "down %(n)d places", -places) % {"n": -places}
    return gettext("unchanged")


def figure(value):
    """A median or quartile for people: 3, 3.5, 3.25; in French with a decimal comma."""
    if value is None:
        return "–"
    return f"{round(value, 2):g}".replace(".", get_format("DECIMAL_SEPARATOR"))


def percent(share):
    if share is None:
        return "–"
    return gettext("%(share)s%%") % {"share": round(share * 100)}


def latest_published():
    return Exercise.objects.filter(state=ExerciseState.PUBLISHED).order_by("-published_at").first()


def final_round(exercise):
    return exercise.rounds.filter(state=RoundState.CLOSED).order_by("-number").first()


def latest_data():
    """The latest published exercise whose final round had enough participants, as plain data:
    {"slug", "titles": {language: title}, "items": {recommendation id: (rank, median, priority,
    consensus, feasibility)}}, or {} (for the open-data API); feasibility is None unless the
    exercise asked it, else {"median", "consensus"}. Cached until the next publication."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = _standings_data()
        cache.set(CACHE_KEY, cached, 24 * 3600)
    return cached


def latest_standings():
    """{recommendation id: Standing} from latest_data(), in the page's language: the tracker
    reads no table for them."""
    cached = latest_data()
    if not cached:
        return {}
    title = cached["titles"].get(get_language()) or cached["titles"]["en"]
    url = reverse("priorities:results", kwargs={"slug": cached["slug"]})
    return {
        rec_id: Standing(title, url, rank, median, level, agreed)
        for rec_id, (rank, median, level, agreed, _feasibility) in cached["items"].items()
    }


def _standings_data():
    exercise = latest_published()
    last = final_round(exercise) if exercise else None
    if not last or last.participant_count < MIN_PARTICIPANTS:
        return {}
    items = {}
    for (
        rec_id,
        rank,
        median,
        agreed,
        stable,
        f_median,
        f_agreed,
        f_stable,
    ) in ItemResult.objects.filter(round=last, median__isnull=False).values_list(
        "item__recommendation_id",
        "rank",
        "median",
        "consensus",
        "stable",
        "feasibility_median",
        "feasibility_consensus",
        "feasibility_stable",
    ):
        level = consensus.priority_level(median)
        feasibility = None
        if exercise.ask_feasibility:
            feasibility = {
                "median": f_median,
                "consensus": consensus.consensus_level(f_agreed, f_stable),
            }
        items[rec_id] = (
            rank,
            median,
            level,
            consensus.consensus_level(agreed, stable),
            feasibility,
        )
    titles = {code: getattr(exercise, f"title_{code}") for code, _name in settings.LANGUAGES}
    return {
        "slug": exercise.slug,
        "titles": titles,
        "items": items,
        "published_at": exercise.published_at,
    }


@dataclass
class FeedEntry:
    """One entry of the tracker's Atom feed (recommendations.feeds reads these attributes)."""

    title: str
    description: str
    link: str
    date: object
    code: str


def feed_entries():
    """The latest published priorities as entries of the tracker's Atom feed, in the current
    language: one per recommendation rated, with its priority and consensus. Wired into the
    feed by apps.PrioritiesConfig.ready (recommendations sits below this app). Cached data and
    one small query for the recommendations' codes."""
    cached = latest_data()
    standings = latest_standings()
    if not standings:
        return []
    codes = dict(
        Recommendation.objects.filter(pk__in=standings).values_list("pk", "code").order_by()
    )
    return [
        FeedEntry(
            title=gettext("%(code)s · %(voice)s: %(status)s")
            % {"code": codes[rec_id], "voice": standing.heading, "status": standing.summary},
            description=standing.summary,
            link=standing.url,
            date=cached["published_at"],
            code=codes[rec_id],
        )
        for rec_id, standing in sorted(standings.items(), key=lambda pair: pair[1].rank)
    ]


def forget_cache():
    cache.delete(CACHE_KEY)


def exercise_results(exercise):
    """Rows ranked by final median (ItemRow), rounds with their participant counts, and whether
    the figures are withheld. A fixed number of queries."""
    rounds = list(exercise.rounds.order_by("number"))
    closed = [r for r in rounds if r.state == RoundState.CLOSED]
    last = closed[-1] if closed else None
    if last is None or last.participant_count < MIN_PARTICIPANTS:
        return {"rounds": rounds, "rows": [], "withheld": True, "final_round": last}
    results = list(
        ItemResult.objects.filter(round__in=closed).select_related("item__recommendation")
    )
    by_item = {}
    for result in results:
        by_item.setdefault(result.item_id, {})[result.round_id] = result
    previous_ranks = {}
    if exercise.previous_id:
        previous_last = (
            Round.objects.filter(exercise_id=exercise.previous_id, state=RoundState.CLOSED)
            .order_by("-number")
            .first()
        )
        if previous_last and previous_last.participant_count >= MIN_PARTICIPANTS:
            previous_ranks = dict(
                ItemResult.objects.filter(round=previous_last).values_list(
                    "item__recommendation_id", "rank"
                )
            )
    rows = []
    for per_round in by_item.values():
        final = per_round.get(last.pk)
        if final is None:
            continue
        recommendation = final.item.recommendation
        rows.append(
            ItemRow(
                item=final.item,
                recommendation=recommendation,
                final=final,
                by_round=[(r, per_round.get(r.pk)) for r in closed],
                report_rank=recommendation.priority_rank,
                previous_rank=previous_ranks.get(recommendation.pk),
            )
        )
    rows.sort(key=lambda row: (row.final.rank or 10_000, row.item.order))
    ranked_by_report = [row for row in rows if row.report_rank is not None]
    for position, row in enumerate(ranked_by_report, 1):
        row.rank_among_report = position
    return {"rounds": rounds, "rows": rows, "withheld": False, "final_round": last}


CSV_COLUMNS = [
    "exercise",
    "round",
    "participants",
    "code",
    "title_en",
    "title_fr",
    "answers",
    "no_opinion",
    "answers_1",
    "answers_2",
    "answers_3",
    "answers_4",
    "answers_5",
    "median",
    "q1",
    "q3",
    "share_top_two",
    "share_bottom_two",
    "consensus",
    "stable",
    "rank",
    "report_2021_rank",
    # Empty unless the exercise asked about feasibility.
    "feasibility_answers",
    "feasibility_median",
    "feasibility_q1",
    "feasibility_q3",
    "feasibility_consensus",
    "feasibility_stable",
]


def csv_records(exercise):
    """Every item's figures in every closed round of a published exercise, rounds with fewer
    than MIN_PARTICIPANTS participants left out. Two queries."""
    if exercise.state != ExerciseState.PUBLISHED:
        return []
    shown = ItemResult.objects.filter(
        round__exercise=exercise,
        round__state=RoundState.CLOSED,
        round__participant_count__gte=MIN_PARTICIPANTS,
    ).select_related("round", "item__recommendation")
    records = []
    for r in shown.order_by("round__number", "rank"):
        recommendation = r.item.recommendation
        records.append(
            dict(
                zip(
                    CSV_COLUMNS,
                    [
                        exercise.slug,
                        r.round.number,
                        r.round.participant_count,
                        recommendation.code,
                        recommendation.title_en,
                        recommendation.title_fr,
                        r.answers,
                        r.no_opinion,
                        *(list(r.distribution) or [0] * 5),
                        r.median,
                        r.q1,
                        r.q3,
                        None if r.share_top is None else round(r.share_top, 3),
                        None if r.share_bottom is None else round(r.share_bottom, 3),
                        r.consensus,
                        r.stable,
                        r.rank,
                        recommendation.priority_rank,
                        *_feasibility_figures(exercise, r),
                    ],
                    strict=True,
                )
            )
        )
    return records


def _feasibility_figures(exercise, r):
    if not exercise.ask_feasibility:
        return [None] * 6
    return [
        r.feasibility_answers,
        r.feasibility_median,
        r.feasibility_q1,
        r.feasibility_q3,
        r.feasibility_consensus,
        r.feasibility_stable,
    ]
