"""Statistics over seeds: Student-t intervals, paired tests against a baseline with Holm's
correction and the smallest difference they could detect, and rank aggregation across tasks.

The interval of a mean is Student's t interval, which widens correctly at the few seeds a
benchmark affords (a percentile bootstrap of two seeds is just their minimum and maximum). Below
:data:`MIN_SEEDS` seeds there is no interval, no verdict and no rank interval: with two, the
t distribution has one degree of freedom and two runs that differ by the same single test example
(accuracies are discrete) look highly significant.

The paired test is Student's paired t-test on per-seed differences. Wilcoxon's signed-rank test
cannot reach p < 0.05 at all below six pairs (its smallest two-sided p with five pairs is
0.0625), so it would never find a difference; the t-test can, at the price of assuming roughly
normal differences. Beside every verdict stands the minimum detectable effect: the true mean
difference the test would find with 80% probability, so "no significant difference" is not read
as "equal". Rank intervals come from a bootstrap with a fixed generator, so a report is
reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import optimize, stats

MIN_SEEDS = 3  # below this: no interval, no verdict, no rank interval (df = 1 agrees too easily)
POWER = 0.8  # the power at which the detectable difference is quoted
Verdict = Literal["better", "worse", "no significant difference", "untested"]


@dataclass(frozen=True)
class Summary:
    """Mean, sample standard deviation and a 95% interval; the bounds are NaN where there is no
    interval, and ``no_interval`` then says why."""

    n: int
    mean: float
    std: float
    low: float
    high: float
    no_interval: str = "no interval"

    @property
    def has_interval(self) -> bool:
        return not (math.isnan(self.low) or math.isnan(self.high))

    def interval_text(self, digits: int = 4) -> str:
        """The interval as ``[low, high]`` to ``digits`` significant digits, or in words why
        there is none.

        >>> summarize([0.81, 0.84, 0.86]).interval_text(2)
        '[0.77, 0.9]'
        >>> summarize([0.81, 0.86]).interval_text()
        'n = 2: too few seeds for an interval'
        """
        if not self.has_interval:
            return self.no_interval
        return f"[{self.low:.{digits}g}, {self.high:.{digits}g}]"


def summarize(values: Sequence[float], level: float = 0.95) -> Summary:
    """Summary of ``values`` with the Student-t interval of the mean (none below
    :data:`MIN_SEEDS` values; no standard deviation for a single value).

    >>> s = summarize([1.0, 2.0, 3.0, 4.0])
    >>> s.mean, round(s.std, 3), s.interval_text(3)
    (2.5, 1.291, '[0.446, 4.55]')
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        raise ValueError("summarize() needs at least one value")
    n, mean = int(x.size), float(x.mean())
    std = float(x.std(ddof=1)) if n > 1 else math.nan
    if n < MIN_SEEDS:
        return Summary(n, mean, std, math.nan, math.nan,
                       f"n = {n}: too few seeds for an interval")
    half = float(stats.t.ppf(0.5 + level / 2, n - 1)) * std / math.sqrt(n)
    return Summary(n, mean, std, mean - half, mean + half)


def _differences(values: Mapping[int, float], baseline: Mapping[int, float]) -> np.ndarray:
    """``values - baseline`` over the seeds both have, in seed order."""
    return np.array([values[s] - baseline[s] for s in sorted(set(values) & set(baseline))])


def _t_test(diff: np.ndarray) -> tuple[int, float, float]:
    if diff.size < MIN_SEEDS:
        return diff.size, float(diff.mean()) if diff.size else math.nan, math.nan
    if np.all(diff == diff[0]):
        return diff.size, float(diff[0]), 1.0 if diff[0] == 0 else 0.0
    return diff.size, float(diff.mean()), float(stats.ttest_1samp(diff, 0.0).pvalue)


def paired_test(values: Mapping[int, float], baseline: Mapping[int, float]
                ) -> tuple[int, float, float]:
    """``(pairs, mean difference, two-sided p)`` of a paired t-test over the seeds both have.

    p is NaN with fewer than :data:`MIN_SEEDS` pairs; identical differences give p = 1 when they
    are all zero and p = 0 otherwise (no variation to doubt them).

    >>> n, diff, p = paired_test({0: 2.0, 1: 3.0, 2: 4.0, 3: 5.0}, {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0})
    >>> n, diff, round(p, 4)
    (4, 2.5, 0.0305)
    """
    return _t_test(_differences(values, baseline))


def _power(noncentrality: float, df: int, critical: float) -> float:
    """Probability that a two-sided t-test with critical value ``critical`` rejects (the lower
    tail as the upper tail of the mirrored distribution: ``nct.cdf`` far out in it can be NaN)."""
    return float(stats.nct.sf(critical, df, noncentrality)
                 + stats.nct.sf(critical, df, -noncentrality))


def detectable_difference(pairs: int, std: float, alpha: float, power: float = POWER) -> float:
    """The smallest true mean difference that a two-sided paired t-test over ``pairs`` pairs
    (``pairs`` >= 2) whose differences have standard deviation ``std`` detects with probability
    ``power`` at level ``alpha``: exact, from the noncentral t distribution.

    >>> round(detectable_difference(5, 0.01, 0.05), 4)  # the normal approximation says 0.0125
    0.0168
    """
    df = pairs - 1
    critical = float(stats.t.ppf(1 - alpha / 2, df))

    def shortfall(noncentrality: float) -> float:
        return _power(noncentrality, df, critical) - power

    high = critical + float(stats.norm.ppf(power)) + 1.0
    while shortfall(high) < 0:
        high *= 2
    noncentrality = optimize.brentq(shortfall, 0.0, high, xtol=1e-12)
    return noncentrality * std / math.sqrt(pairs)


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
    detectable: float  # smallest true |difference| found with 80% power; NaN when untested


def _verdict(difference: float, p_adjusted: float, alpha: float, higher_is_better: bool
             ) -> Verdict:
    if math.isnan(p_adjusted):
        return "untested"
    if p_adjusted >= alpha:
        return "no significant difference"
    return "better" if (difference > 0) == higher_is_better else "worse"


def compare(values: Mapping[str, Mapping[int, float]], baseline: str, higher_is_better: bool,
            alpha: float = 0.05) -> list[Comparison]:
    """Paired tests of every act against ``baseline`` over seeds, Holm-corrected together.

    ``values[act][seed]`` is the metric; a verdict other than "no significant difference" needs
    an adjusted p below ``alpha``. The detectable difference of each tested act is taken at
    80% power and the level Holm's procedure demands of the first rejection, ``alpha`` over the
    number of tested acts.
    """
    others = [act for act in values if act != baseline]
    if baseline not in values:
        return [Comparison(a, baseline, 0, math.nan, math.nan, math.nan, "untested", math.nan)
                for a in others]
    diffs = [_differences(values[act], values[baseline]) for act in others]
    tests = [_t_test(d) for d in diffs]
    adjusted = holm([p for _, _, p in tests])
    level = alpha / max(1, sum(not math.isnan(p) for _, _, p in tests))
    result = []
    for act, d, (pairs, diff, p), p_adj in zip(others, diffs, tests, adjusted):
        detectable = (math.nan if math.isnan(p)
                      else detectable_difference(pairs, float(d.std(ddof=1)), level))
        result.append(Comparison(act, baseline, pairs, diff, p, p_adj,
                                 _verdict(diff, p_adj, alpha, higher_is_better), detectable))
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


Board = tuple[Mapping[str, Sequence[float]], bool]  # per-seed values of each act, higher better?
NO_RANK_INTERVAL = f"too few seeds for an interval (fewer than {MIN_SEEDS} on some board)"


def mean_ranks(boards: Sequence[Board], level: float = 0.95, resamples: int = 2000,
               seed: int = 0) -> dict[str, Summary]:
    """Mean rank of each act over boards (task/model pairs) of per-seed values.

    The point estimate ranks the seed means on each board and averages over boards. The
    interval comes from a two-level bootstrap: resample the boards, and within each board the
    seeds of every act, so it reflects both task-to-task and seed-to-seed variation. There is
    no interval unless every act has at least :data:`MIN_SEEDS` seeds on every board. Only acts
    present on every board are ranked.

    >>> result = mean_ranks([({"a": [1.0, 0.9, 0.8], "b": [0.5, 0.4, 0.3]}, True),
    ...                      ({"a": [0.2, 0.3, 0.4], "b": [0.1, 0.0, 0.1]}, True)])
    >>> result["a"].mean, result["b"].mean, result["a"].interval_text()
    (1.0, 2.0, '[1, 1]')
    >>> mean_ranks([({"a": [1.0, 0.9], "b": [0.5, 0.4]}, True)])["a"].interval_text()
    'too few seeds for an interval (fewer than 3 on some board)'
    """
    if not boards:
        return {}
    acts = sorted(set.intersection(*(set(values) for values, _ in boards)))
    if not acts:
        return {}
    table = np.array([[ranks({a: float(np.mean(values[a])) for a in acts}, higher)[a]
                       for a in acts] for values, higher in boards])  # (boards, acts)
    std = table.std(ddof=1, axis=0) if len(boards) > 1 else np.full(len(acts), math.nan)
    if all(len(values[a]) >= MIN_SEEDS for values, _ in boards for a in acts):
        low, high = _rank_interval(boards, acts, level, resamples, seed)
    else:
        low = high = np.full(len(acts), math.nan)
    return {act: Summary(len(boards), float(table[:, j].mean()), float(std[j]), float(low[j]),
                         float(high[j]), NO_RANK_INTERVAL) for j, act in enumerate(acts)}


def _rank_interval(boards: Sequence[Board], acts: list[str], level: float, resamples: int,
                   seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each act's mean rank from the two-level bootstrap."""
    rng = np.random.default_rng(seed)
    replicates = []
    for values, higher in boards:
        means = np.stack([rng.choice(np.asarray(values[a], dtype=float),
                                     size=(resamples, len(values[a]))).mean(axis=1)
                          for a in acts], axis=1)  # (resamples, acts)
        sign = -1.0 if higher else 1.0
        replicates.append(stats.rankdata(sign * means, axis=1, method="average"))
    stacked = np.stack(replicates)  # (boards, resamples, acts)
    picks = rng.integers(0, len(boards), size=(resamples, len(boards)))
    boot = stacked[picks, np.arange(resamples)[:, None], :].mean(axis=1)  # (resamples, acts)
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(boot, [tail, 100 - tail], axis=0)
    return low, high
