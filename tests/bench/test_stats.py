"""Statistics on inputs whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as scipy_stats

from actlab.bench.stats import compare, holm, mean_ranks, paired_test, ranks, summarize


def test_summary_of_a_constant_has_a_zero_width_interval():
    s = summarize([0.5, 0.5, 0.5])
    assert (s.n, s.mean, s.std, s.low, s.high) == (3, 0.5, 0.0, 0.5, 0.5)


def test_a_single_seed_has_no_interval():
    s = summarize([0.9])
    assert s.mean == 0.9 and all(math.isnan(v) for v in (s.std, s.low, s.high))


def test_bootstrap_interval_brackets_the_mean_and_narrows_with_more_seeds():
    rng = np.random.default_rng(1)
    few, many = summarize(rng.normal(5, 1, 5)), summarize(rng.normal(5, 1, 200))
    assert few.low < few.mean < few.high
    assert many.low < 5 < many.high
    assert many.high - many.low < few.high - few.low
    assert many.high - many.low == pytest.approx(2 * 1.96 / math.sqrt(200), rel=0.2)


def test_paired_test_matches_the_textbook_value():
    pairs, diff, p = paired_test({s: v for s, v in enumerate([5.1, 4.9, 5.6, 5.8, 6.0])},
                                 {s: v for s, v in enumerate([4.8, 4.9, 5.0, 5.2, 5.1])})
    expected = scipy_stats.ttest_rel([5.1, 4.9, 5.6, 5.8, 6.0], [4.8, 4.9, 5.0, 5.2, 5.1])
    assert pairs == 5 and diff == pytest.approx(0.48)
    assert p == pytest.approx(expected.pvalue)


def test_paired_test_uses_only_shared_seeds_and_needs_three():
    assert paired_test({0: 1.0, 1: 2.0, 2: 3.0, 7: 9.0}, {0: 0.5, 1: 1.0, 2: 1.0})[0] == 3
    n, diff, p = paired_test({0: 0.9, 1: 0.8}, {0: 0.5, 1: 0.45})
    assert (n, diff) == (2, pytest.approx(0.375)) and math.isnan(p)


def test_holm_is_monotone_capped_and_skips_missing_tests():
    adjusted = holm([0.01, 0.04, 0.03, math.nan, 0.5])
    assert adjusted[:3] == pytest.approx([0.04, 0.09, 0.09])
    assert math.isnan(adjusted[3]) and adjusted[4] == 0.5
    assert holm([0.6, 0.7]) == [1.0, 1.0]


def test_compare_calls_only_significant_differences():
    seeds = range(6)
    noise = [0.01, -0.02, 0.015, -0.01, 0.02, -0.005]
    values = {
        "relu": {s: 0.80 + noise[s] for s in seeds},
        "clearly_better": {s: 0.90 + noise[s] + 0.001 * s for s in seeds},
        "clearly_worse": {s: 0.70 + noise[s] - 0.001 * s for s in seeds},
        "same": {s: 0.80 + noise[::-1][s] for s in seeds},
    }
    verdicts = {c.act: c.verdict for c in compare(values, "relu", higher_is_better=True)}
    assert verdicts == {"clearly_better": "better", "clearly_worse": "worse",
                        "same": "no significant difference"}
    flipped = {c.act: c.verdict for c in compare(values, "relu", higher_is_better=False)}
    assert flipped["clearly_better"] == "worse"


def test_no_verdict_without_paired_seeds_or_baseline():
    two_seeds = compare({"relu": {0: 0.5, 1: 0.6}, "gelu": {0: 0.9, 1: 1.0}}, "relu", True)
    assert two_seeds[0].verdict == "untested"
    no_baseline = compare({"gelu": {0: 0.9, 1: 0.8}}, "relu", True)
    assert no_baseline[0].verdict == "untested"


def test_ranks_follow_the_direction():
    assert ranks({"a": 1.0, "b": 2.0}, higher_is_better=False) == {"a": 1.0, "b": 2.0}
    assert ranks({"a": 1.0, "b": 2.0}, higher_is_better=True) == {"a": 2.0, "b": 1.0}


def test_mean_ranks_over_boards_with_known_order():
    boards = [({"a": [0.9, 0.91], "b": [0.8, 0.81], "c": [0.1, 0.11]}, True),
              ({"a": [0.1, 0.11], "b": [0.2, 0.21], "c": [0.9, 0.91]}, False),
              ({"a": [0.5, 0.6], "b": [0.55, 0.56], "c": [0.0, 0.1], "d": [1.0, 1.0]}, True)]
    result = mean_ranks(boards)
    assert set(result) == {"a", "b", "c"}  # d is not on every board
    assert result["a"].mean == pytest.approx(4 / 3) and result["c"].mean == 3.0
    assert result["c"].low == result["c"].high == 3.0
    assert result["a"].low >= 1.0 and result["a"].high <= 2.0
