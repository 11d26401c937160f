"""Statistics on inputs whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as scipy_stats

from actlab.bench.stats import (
    compare,
    detectable_difference,
    holm,
    mean_ranks,
    paired_test,
    ranks,
    summarize,
)


def test_summary_of_a_constant_has_a_zero_width_interval():
    s = summarize([0.5, 0.5, 0.5])
    assert (s.n, s.mean, s.std, s.low, s.high) == (3, 0.5, 0.0, 0.5, 0.5)


def test_a_single_seed_has_no_interval():
    s = summarize([0.9])
    assert s.mean == 0.9 and all(math.isnan(v) for v in (s.std, s.low, s.high))
    assert s.interval_text() == "n = 1: too few seeds for an interval"


def test_two_seeds_have_a_spread_but_no_interval():
    s = summarize([0.81, 0.86])
    assert s.std == pytest.approx(0.05 / math.sqrt(2))
    assert math.isnan(s.low) and math.isnan(s.high) and not s.has_interval
    assert s.interval_text(2) == "n = 2: too few seeds for an interval"


@pytest.mark.parametrize("values", [[0.81, 0.84, 0.86], [5.1, 4.9, 5.6, 5.8, 6.0, 4.2, 5.5]])
def test_interval_is_students_t(values):
    s = summarize(values)
    low, high = scipy_stats.t.interval(0.95, len(values) - 1, loc=np.mean(values),
                                       scale=scipy_stats.sem(values))
    assert (s.low, s.high) == (pytest.approx(low), pytest.approx(high))
    assert s.interval_text(3) == f"[{low:.3g}, {high:.3g}]"


def test_three_seeds_widen_the_interval_beyond_the_normal_one():
    s = summarize([0.81, 0.84, 0.86])
    assert s.high - s.mean == pytest.approx(4.303 * s.std / math.sqrt(3), rel=1e-3)


def test_interval_narrows_with_more_seeds():
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
    assert two_seeds[0].verdict == "untested" and math.isnan(two_seeds[0].detectable)
    no_baseline = compare({"gelu": {0: 0.9, 1: 0.8}}, "relu", True)
    assert no_baseline[0].verdict == "untested" and math.isnan(no_baseline[0].detectable)


def noncentral_power(difference: float, pairs: int, std: float, alpha: float) -> float:
    """Power of the two-sided paired t-test, straight from the noncentral t distribution."""
    df, noncentrality = pairs - 1, difference * math.sqrt(pairs) / std
    critical = scipy_stats.t.ppf(1 - alpha / 2, df)
    return (scipy_stats.nct.sf(critical, df, noncentrality)
            + scipy_stats.nct.cdf(-critical, df, noncentrality))


@pytest.mark.parametrize(("pairs", "std", "alpha"),
                         [(3, 0.02, 0.05), (4, 0.02, 0.05 / 3), (5, 0.01, 0.05), (10, 1.5, 0.01)])
def test_detectable_difference_has_80_percent_power(pairs, std, alpha):
    mde = detectable_difference(pairs, std, alpha)
    assert noncentral_power(mde, pairs, std, alpha) == pytest.approx(0.8, abs=1e-6)
    assert noncentral_power(0.9 * mde, pairs, std, alpha) < 0.8


def test_detectable_difference_approaches_the_normal_approximation():
    alpha, std, pairs = 0.05 / 4, 0.03, 2000
    normal = (scipy_stats.norm.ppf(1 - alpha / 2) + scipy_stats.norm.ppf(0.8)) * std / math.sqrt(
        pairs)
    assert detectable_difference(pairs, std, alpha) == pytest.approx(normal, rel=2e-3)
    few = detectable_difference(3, std, alpha)
    assert few > 3 * (scipy_stats.norm.ppf(1 - alpha / 2) + scipy_stats.norm.ppf(0.8)) * std / (
        math.sqrt(3))  # two degrees of freedom: far more than the normal approximation says


def test_detectable_difference_is_at_holms_first_level():
    seeds = range(4)
    values = {"relu": {s: 0.8 for s in seeds},
              "a": {s: 0.8 + d for s, d in zip(seeds, [0.01, -0.02, 0.015, 0.0])},
              "b": {s: 0.9 + d for s, d in zip(seeds, [0.01, -0.01, 0.0, 0.005])},
              "c": {0: 0.7, 1: 0.72}}  # too few pairs: untested, not counted in m
    result = {c.act: c for c in compare(values, "relu", higher_is_better=True)}
    for act in ("a", "b"):
        sd = np.std([values[act][s] - 0.8 for s in seeds], ddof=1)
        assert result[act].detectable == pytest.approx(detectable_difference(4, sd, 0.05 / 2))
    assert result["a"].verdict == "no significant difference" and math.isnan(result["c"].detectable)


def test_ranks_follow_the_direction():
    assert ranks({"a": 1.0, "b": 2.0}, higher_is_better=False) == {"a": 1.0, "b": 2.0}
    assert ranks({"a": 1.0, "b": 2.0}, higher_is_better=True) == {"a": 2.0, "b": 1.0}


BOARDS = [({"a": [0.9, 0.91, 0.92], "b": [0.8, 0.81, 0.82], "c": [0.1, 0.11, 0.12]}, True),
          ({"a": [0.1, 0.11, 0.12], "b": [0.2, 0.21, 0.22], "c": [0.9, 0.91, 0.92]}, False),
          ({"a": [0.5, 0.6, 0.55], "b": [0.55, 0.56, 0.57], "c": [0.0, 0.1, 0.05],
            "d": [1.0, 1.0]}, True)]


def test_mean_ranks_over_boards_with_known_order():
    result = mean_ranks(BOARDS)
    assert set(result) == {"a", "b", "c"}  # d is not on every board (its 2 seeds do not count)
    assert result["a"].mean == pytest.approx(4 / 3) and result["c"].mean == 3.0
    assert result["c"].low == result["c"].high == 3.0
    assert result["a"].low >= 1.0 and result["a"].high <= 2.0


def test_no_rank_intervals_below_three_seeds_on_any_board():
    boards = [BOARDS[0], ({act: v[:2] for act, v in BOARDS[1][0].items()}, False), BOARDS[2]]
    result = mean_ranks(boards)
    assert result["a"].mean == pytest.approx(4 / 3)
    assert all(not s.has_interval and math.isnan(s.low) for s in result.values())
    assert result["a"].interval_text() == (
        "too few seeds for an interval (fewer than 3 on some board)")
