"""Statistics over seeds: bootstrap confidence intervals, paired tests against a baseline with
Holm's correction, and rank aggregation across tasks.

The paired test is Student's paired t-test on per-seed differences. With the handful of seeds a
benchmark affords, Wilcoxon's signed-rank test cannot reach p < 0.05 at all below six pairs (its
smallest two-sided p with five pairs is 0.0625), so it would never find a difference; the t-test
can, at the price of assuming roughly normal differences. No verdict is given below three paired
seeds: with two, a t-test has one degree of freedom and two runs that differ by the same single
test example (accuracies are discrete) look highly significant. Bootstrap intervals use the
percentile method with a fixed generator, so a report is reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats

RESAMPLES = 10_000
MIN_PAIRS = 3  # below this no verdict: two seeds agree by chance too easily (df = 1)
Verdict = Literal["better", "worse", "no significant difference", "untested"]


@dataclass(frozen=True)
class Summary:
    """Mean, sample standard deviation and a bootstrap confidence interval of the mean."""

    n: int
    mean: float
    std: float
    low: float
    high: float


def summarize(values: Sequence[float], level: float = 0.95, resamples: int = RESAMPLES,
              seed: int = 0) -> Summary:
    """Summary of ``values`` with a percentile-bootstrap interval of the mean (NaN for a single
    value, whose spread is unknown).

    >>> s = summarize([1.0, 2.0, 3.0, 4.0])
    >>> s.mean, round(s.std, 3), s.low >= 1.0, s.high <= 4.0
    (2.5, 1.291, True, True)
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        raise ValueError("summarize() needs at least one value")
    if x.size == 1:
        return Summary(1, float(x[0]), math.nan, math.nan, math.nan)
    low, high = bootstrap_interval(x, level, resamples, seed)
    return Summary(int(x.size), float(x.mean()), float(x.std(ddof=1)), low, high)


def bootstrap_interval(values: np.ndarray, level: float = 0.95, resamples: int = RESAMPLES,
                       seed: int = 0) -> tuple[float, float]:
    """Percentile-bootstrap interval of the mean of ``values``."""
    rng = np.random.default_rng(seed)
    means = rng.choice(values, size=(resamples, values.size), replace=True).mean(axis=1)
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def paired_test(values: Mapping[int, float], baseline: Mapping[int, float]
                ) -> tuple[int, float, float]:
    """``(pairs, mean difference, two-sided p)`` of a paired t-test over the seeds both have.

    p is NaN with fewer than :data:`MIN_PAIRS` pairs; identical differences give p = 1 when they
    are all zero and p = 0 otherwise (no variation to doubt them).

    >>> n, diff, p = paired_test({0: 2.0, 1: 3.0, 2: 4.0, 3: 5.0}, {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0})
    >>> n, diff, round(p, 4)
    (4, 2.5, 0.0305)
    """
    seeds = sorted(set(values) & set(baseline))
    diff = np.array([values[s] - baseline[s] for s in seeds])
    if diff.size < MIN_PAIRS:
        return diff.size, float(diff.mean()) if diff.size else math.nan, math.nan
    if np.all(diff == diff[0]):
        return diff.size, float(diff[0]), 1.0 if diff[0] == 0 else 0.0
    return diff.size, float(diff.mean()), float(stats.ttest_1samp(diff, 0.0).pvalue)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values (NaN entries stay NaN and do not count).

    >>> [round(p, 3) for p in holm([0.01, 0.04, 0.03])]
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    valid = np.flatnonzero(~np.isnan(p))
    adjusted = np.full(p.shape, math.nan)
    order = valid[np.argsort(p[valid], kind="stable")]
    running = 0.0
    for i, index in enumerate(order):
        running = max(running, min(1.0, (len(order) - i) * p[index]))
        adjusted[index] = running
    return adjusted.tolist()


@dataclass(frozen=True)
class Comparison:
    """One nonlinearity against the baseline on one task and model."""

    act: str
    baseline: str
    pairs: int
    difference: float  # mean of (act - baseline) over paired seeds
    p_value: float
    p_adjusted: float
    verdict: Verdict


def compare(values: Mapping[str, Mapping[int, float]], baseline: str, higher_is_better: bool,
            alpha: float = 0.05) -> list[Comparison]:
    """Paired tests of every act against ``baseline`` over seeds, Holm-corrected together.

    ``values[act][seed]`` is the metric; a verdict other than "no significant difference" needs
    an adjusted p below ``alpha``.
    """
    others = [act for act in values if act != baseline]
    if baseline not in values:
        return [Comparison(a, baseline, 0, math.nan, math.nan, math.nan, "untested")
                for a in others]
    tests = [paired_test(values[act], values[baseline]) for act in others]
    adjusted = holm([p for _, _, p in tests])
    result = []
    for act, (pairs, diff, p), p_adj in zip(others, tests, adjusted):
        if math.isnan(p_adj):
            verdict: Verdict = "untested"
        elif p_adj >= alpha:
            verdict = "no significant difference"
        else:
            verdict = "better" if (diff > 0) == higher_is_better else "worse"
        result.append(Comparison(act, baseline, pairs, diff, p, p_adj, verdict))
    return result


def ranks(means: Mapping[str, float], higher_is_better: bool) -> dict[str, float]:
    """Rank 1 = best; ties share the average rank.

    >>> ranks({"a": 0.9, "b": 0.7, "c": 0.9}, higher_is_better=True)
    {'a': 1.5, 'b': 3.0, 'c': 1.5}
    """
    acts = list(means)
    sign = -1.0 if higher_is_better else 1.0
    order = stats.rankdata([sign * means[a] for a in acts], method="average")
    return {a: float(r) for a, r in zip(acts, order)}


def mean_ranks(boards: Sequence[tuple[Mapping[str, Sequence[float]], bool]],
               level: float = 0.95, resamples: int = 2000, seed: int = 0) -> dict[str, Summary]:
    """Mean rank of each act over boards (task/model pairs) of per-seed values.

    The point estimate ranks the seed means on each board and averages over boards. The
    interval comes from a two-level bootstrap: resample the boards, and within each board the
    seeds of every act, so it reflects both task-to-task and seed-to-seed variation. Only acts
    present on every board are ranked.

    >>> result = mean_ranks([({"a": [1.0, 0.9], "b": [0.5, 0.4]}, True),
    ...                      ({"a": [0.2, 0.3], "b": [0.1, 0.0]}, True)])
    >>> result["a"].mean, result["b"].mean, result["a"].high
    (1.0, 2.0, 1.0)
    """
    if not boards:
        return {}
    acts = sorted(set.intersection(*(set(values) for values, _ in boards)))
    if not acts:
        return {}
    rng = np.random.default_rng(seed)
    table, replicates = [], []
    for values, higher in boards:
        table.append([ranks({a: float(np.mean(values[a])) for a in acts}, higher)[a]
                      for a in acts])
        means = np.stack([rng.choice(np.asarray(values[a], dtype=float),
                                     size=(resamples, len(values[a]))).mean(axis=1)
                          for a in acts], axis=1)  # (resamples, acts)
        sign = -1.0 if higher else 1.0
        replicates.append(stats.rankdata(sign * means, axis=1, method="average"))
    stacked = np.stack(replicates)  # (boards, resamples, acts)
    picks = rng.integers(0, len(boards), size=(resamples, len(boards)))
    boot = stacked[picks, np.arange(resamples)[:, None], :].mean(axis=1)  # (resamples, acts)
    tail = 100 * (1 - level) / 2
    result = {}
    for j, act in enumerate(acts):
        low, high = np.percentile(boot[:, j], [tail, 100 - tail])
        column = np.array([row[j] for row in table])
        std = float(column.std(ddof=1)) if column.size > 1 else math.nan
        result[act] = Summary(len(boards), float(column.mean()), std, float(low), float(high))
    return result
