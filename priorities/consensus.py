"""The consensus and ranking rules: pure functions of the answers, no database, no Django.

Stated to everyone on the results and answer pages (docs/priorities.md):

- Answers are on a 1 to 5 scale; "no opinion" is counted apart and left out of every figure.
- Median and quartiles by linear interpolation between the sorted answers (the "inclusive"
  method of spreadsheets, QUARTILE.INC); the interquartile range (IQR) is Q3 − Q1, the middle
  half of the answers lies between Q1 and Q3.
- **Consensus** on an item: IQR ≤ 1 and at least 70 % of the answers in the two top points (4, 5)
  or in the two bottom points (1, 2).
- **Stable** from one round to the next: the median moved by at most 0.5 and the IQR by at most
  0.5. A consensus that is also stable is a **strong consensus**.
- **Ranking**: by median, highest first; ties by the share in the two top points, then by the
  mean, then in the report's order. Items nobody rated come last.
- Figures are shown only when at least five people took part in the round.
"""

from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)
MIN_PARTICIPANTS = 5
CONSENSUS_MAX_IQR = 1.0
CONSENSUS_MIN_SHARE = 0.70
STABLE_MAX_CHANGE = 0.5

HIGH, MEDIUM, LOW = "high", "medium", "low"
STRONG, CONSENSUS, NONE = "strong", "consensus", "none"


def quantile(ordered, fraction):
    """The `fraction` quantile of sorted values, by linear interpolation (QUARTILE.INC)."""
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


@dataclass(frozen=True)
class Summary:
    answers: int = 0
    no_opinion: int = 0
    distribution: tuple = (0, 0, 0, 0, 0)
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    mean: float | None = None
    share_top: float | None = None
    share_bottom: float | None = None
    consensus: bool = False

    @property
    def iqr(self):
        return None if self.q1 is None else self.q3 - self.q1


def summarize(values):
    """The figures of one item from its answers (1 to 5, or None for "no opinion")."""
    rated = sorted(v for v in values if v is not None)
    no_opinion = sum(1 for v in values if v is None)
    if not rated:
        return Summary(no_opinion=no_opinion)
    distribution = tuple(rated.count(point) for point in SCALE)
    n = len(rated)
    q1, median, q3 = (quantile(rated, f) for f in (0.25, 0.5, 0.75))
    share_top = sum(distribution[3:]) / n
    share_bottom = sum(distribution[:2]) / n
    return Summary(
        answers=n,
        no_opinion=no_opinion,
        distribution=distribution,
        median=median,
        q1=q1,
        q3=q3,
        mean=sum(rated) / n,
        share_top=share_top,
        share_bottom=share_bottom,
        consensus=is_consensus(q1, q3, share_top, share_bottom),
    )


def is_consensus(q1, q3, share_top, share_bottom):
    if q1 is None:
        return False
    return (q3 - q1) <= CONSENSUS_MAX_IQR and max(share_top, share_bottom) >= CONSENSUS_MIN_SHARE


def is_stable(before, now):
    """Did the group's answer hold between two rounds? None when either round has no figures."""
    if before is None or before.median is None or now.median is None:
        return None
    return (
        abs(now.median - before.median) <= STABLE_MAX_CHANGE
        and abs(now.iqr - before.iqr) <= STABLE_MAX_CHANGE
    )


def outside_middle_half(value, q1, q3):
    """True when an answer lies outside the middle half of the group's answers."""
    return value is not None and q1 is not None and (value < q1 or value > q3)


def rank(summaries):
    """Ranks (1 = most important) of {key: Summary}, keys given in the report's order."""
    order = {key: position for position, key in enumerate(summaries)}

    def sort_key(key):
        s = summaries[key]
        if s.median is None:
            return (1, 0, 0, 0, order[key])
        return (0, -s.median, -s.share_top, -s.mean, order[key])

    return {key: position for position, key in enumerate(sorted(summaries, key=sort_key), 1)}


def priority_level(median):
    if median is None:
        return None
    if median >= 4:
        return HIGH
    if median >= 3:
        return MEDIUM
    return LOW


def consensus_level(consensus, stable):
    if consensus and stable:
        return STRONG
    return CONSENSUS if consensus else NONE
