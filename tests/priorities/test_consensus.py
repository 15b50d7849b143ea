"""The consensus and ranking rules on examples computed by hand (priorities/consensus.py)."""

import pytest

from priorities import consensus
from priorities.consensus import summarize


def test_an_even_spread_has_no_consensus():
    s = summarize([5, 3, 1, 4, 2])
    assert (s.q1, s.median, s.q3) == (2, 3, 4)
    assert s.iqr == 2
    assert s.distribution == (1, 1, 1, 1, 1)
    assert s.share_top == pytest.approx(0.4)
    assert s.share_bottom == pytest.approx(0.4)
    assert s.consensus is False


def test_quartiles_interpolate_between_answers():
    s = summarize([1, 2, 4, 5])
    # positions 0.75, 1.5 and 2.25 of the sorted answers 1, 2, 4, 5
    assert (s.q1, s.median, s.q3) == (1.75, 3, 4.25)


def test_ten_answers_mostly_at_the_top_reach_consensus():
    s = summarize([4, 4, 5, 5, 5, 4, 3, 5, 4, 5])
    # sorted: 3 4 4 4 4 5 5 5 5 5; Q1 at 2.25 → 4, median at 4.5 → 4.5, Q3 at 6.75 → 5
    assert (s.q1, s.median, s.q3) == (4, 4.5, 5)
    assert s.share_top == pytest.approx(0.9)
    assert s.mean == pytest.approx(4.4)
    assert s.consensus is True


def test_seventy_percent_in_the_two_top_points_is_enough_and_sixty_is_not():
    seventy = summarize([4] * 7 + [3] * 3)
    assert (seventy.q1, seventy.q3) == (3.25, 4)
    assert seventy.consensus is True
    sixty = summarize([4] * 6 + [3] * 4)
    assert sixty.iqr == 1
    assert sixty.consensus is False


def test_agreement_at_the_bottom_is_a_consensus_too():
    s = summarize([1, 1, 2, 2, 2, 1, 3])
    assert s.share_bottom == pytest.approx(6 / 7)
    assert s.consensus is True


def test_no_opinion_is_counted_apart_and_left_out():
    s = summarize([None, 5, 5, None, 4, 5, 5])
    assert s.answers == 5
    assert s.no_opinion == 2
    assert s.distribution == (0, 0, 0, 1, 4)
    assert s.median == 5


def test_an_item_nobody_rated_has_no_figures():
    s = summarize([None, None])
    assert s.median is None and s.iqr is None and s.consensus is False


def test_stability_allows_half_a_point_of_movement():
    before = summarize([3, 4, 4, 5, 5])  # median 4, IQR 5 − 4 = 1
    assert consensus.is_stable(before, summarize([4, 4, 4, 5, 5, 5])) is True  # 4.5, IQR 1
    assert consensus.is_stable(before, summarize([4, 4, 5, 5, 5])) is False  # median 5
    assert consensus.is_stable(before, summarize([4, 4, 4, 4, 4])) is False  # IQR 0 → moved 1
    assert consensus.is_stable(None, before) is None


def test_outside_the_middle_half():
    assert consensus.outside_middle_half(5, 3, 4)
    assert consensus.outside_middle_half(2, 3, 4)
    assert not consensus.outside_middle_half(4, 3, 4)
    assert not consensus.outside_middle_half(None, 3, 4)


def test_ranking_by_median_then_top_share_then_mean_then_report_order():
    summaries = {
        "a": summarize([4, 4, 4, 4, 3]),  # median 4, top 0.8
        "b": summarize([4, 4, 4, 4, 4]),  # median 4, top 1.0
        "c": summarize([5, 5, 5, 4, 4]),  # median 5
        "d": summarize([None]),  # nobody rated it
        "e": summarize([4, 4, 4, 4, 4]),  # same as b: report order decides
    }
    assert consensus.rank(summaries) == {"c": 1, "b": 2, "e": 3, "a": 4, "d": 5}


def test_priority_and_consensus_levels():
    assert consensus.priority_level(4.5) == consensus.HIGH
    assert consensus.priority_level(3) == consensus.MEDIUM
    assert consensus.priority_level(2.5) == consensus.LOW
    assert consensus.consensus_level(True, True) == consensus.STRONG
    assert consensus.consensus_level(True, None) == consensus.CONSENSUS
    assert consensus.consensus_level(False, True) == consensus.NONE
