"""How a search picks the next candidates from what it measured so far.

Every strategy proposes valid, new functions (rejection rules passed, not equal to anything
proposed before) and draws all its randomness from one seeded generator, so a search replays
exactly: rerun with the same seed, it proposes the same candidates in the same order.

- ``random``: core-unit trees drawn uniformly (the control).
- ``evolution``: regularized evolution (Real et al. 2019, "Regularized Evolution for Image
  Classifier Architecture Search", arXiv:1802.01548): tournament selection in a population of the
  most recent evaluations, children by mutation (a function or a subtree replaced) or crossover
  (a subtree of one parent grafted into the other); the oldest member leaves.
- ``surrogate``: after a random start, a k-NN regressor on AQuaSurF features predicts the score
  of a pool of fresh random candidates and the best predicted are proposed.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import numpy as np

from actlab.errors import UnknownNameError
from actlab.search.space import Candidate, Deduplicator, Grammar, Unit, random_unit
from actlab.search.surrogate import NearestNeighbours, features

STRATEGIES = ("random", "evolution", "surrogate")


@dataclass(frozen=True)
class Evaluation:
    """A measured candidate: ``score`` is the task's primary metric oriented so that higher is
    better (None when its run failed)."""

    unit: Unit
    candidate: Candidate
    score: float | None


@dataclass
class Strategy(ABC):
    """The shared part: a seeded generator, the grammar, the tree size and the record of every
    function proposed so far."""

    grammar: Grammar
    seed: int = 0
    max_units: int = 2
    rng: random.Random = field(init=False)
    seen: Deduplicator = field(init=False, default_factory=Deduplicator)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    @abstractmethod
    def propose(self, history: list[Evaluation], n: int) -> list[Unit]:
        """Up to ``n`` new valid trees, given the evaluations so far (oldest first)."""

    def accept(self, unit: Unit) -> Candidate | None:
        """The unit's candidate if it is new and passes the rejection rules."""
        candidate = Candidate(unit.formula(self.grammar))
        try:
            fresh = self.seen.first(candidate)
        except (ArithmeticError, ValueError):  # a tree the formula language refuses (too deep)
            return None
        return candidate if fresh and candidate.rejection() is None else None

    def fresh_random(self, n: int, attempts: int = 200) -> list[tuple[Unit, Candidate]]:
        """Up to ``n`` new valid random trees."""
        found = []
        for _ in range(n * attempts):
            if len(found) == n:
                break
            unit = random_unit(self.grammar, self.rng, self.max_units)
            candidate = self.accept(unit)
            if candidate is not None:
                found.append((unit, candidate))
        return found


class RandomSearch(Strategy):
    def propose(self, history: list[Evaluation], n: int) -> list[Unit]:
        return [unit for unit, _ in self.fresh_random(n)]


@dataclass
class RegularizedEvolution(Strategy):
    population: int = 20
    sample: int = 5
    crossover: float = 0.3

    def propose(self, history: list[Evaluation], n: int) -> list[Unit]:
        alive = history[-self.population :]  # aging: the oldest leave first
        if len(alive) < self.population // 2:
            return [unit for unit, _ in self.fresh_random(n)]
        children: list[Unit] = []
        for _ in range(n * 200):
            if len(children) == n:
                break
            parent = self._tournament(alive)
            if self.rng.random() < self.crossover:
                child = self._crossover(parent, self._tournament(alive))
            else:
                child = self._mutate(parent)
            if isinstance(child, Unit) and child.size <= self.max_units and self.accept(child):
                children.append(child)
        return children or [unit for unit, _ in self.fresh_random(n)]

    def _tournament(self, alive: list[Evaluation]) -> Unit:
        contestants = self.rng.sample(alive, min(self.sample, len(alive)))
        return max(contestants, key=lambda e: -np.inf if e.score is None else e.score).unit

    def _mutate(self, parent: Unit) -> Unit | str:
        path, unit = self.rng.choice(list(parent.subtrees()))
        what = self.rng.choice(("binary", "u1", "u2", "subtree"))
        if what == "subtree":
            replacement: Unit | str = random_unit(
                self.grammar, self.rng, max(1, self.max_units - parent.size + 1)
            )
        else:
            options = sorted(self.grammar.binary if what == "binary" else self.grammar.unary)
            values = {"binary": unit.binary, "u1": unit.u1, "u2": unit.u2}
            values[what] = self.rng.choice(options)
            replacement = Unit(values["binary"], values["u1"], values["u2"], unit.left, unit.right)
        return parent.replace_at(path, replacement)

    def _crossover(self, mother: Unit, father: Unit) -> Unit | str:
        path, _ = self.rng.choice(list(mother.subtrees()))
        _, graft = self.rng.choice(list(father.subtrees()))
        return mother.replace_at(path, graft)


@dataclass
class SurrogateSearch(Strategy):
    initial: int = 8
    pool: int = 200
    k: int = 5
    _features: dict[str, np.ndarray] = field(default_factory=dict, init=False)

    def propose(self, history: list[Evaluation], n: int) -> list[Unit]:
        measured = [e for e in history if e.score is not None]
        if len(measured) < self.initial:
            return [unit for unit, _ in self.fresh_random(n)]
        model = self.model(history)
        pool = self.fresh_random(self.pool)
        predicted = model.predict(np.stack([self.features(c) for _, c in pool]))
        best = np.argsort(-predicted, kind="stable")[:n]
        return [pool[i][0] for i in best]

    def model(self, history: list[Evaluation]) -> NearestNeighbours:
        """The regressor fitted on every measured candidate of ``history`` (failed runs count
        as the worst score measured)."""
        scores = [e.score for e in history if e.score is not None]
        worst = min(scores)
        x = np.stack([self.features(e.candidate) for e in history])
        y = np.array([worst if e.score is None else e.score for e in history])
        return NearestNeighbours(self.k).fit(x, y)

    def features(self, candidate: Candidate) -> np.ndarray:
        if candidate.formula not in self._features:
            self._features[candidate.formula] = features(candidate)
        return self._features[candidate.formula]


def strategy(name: str, grammar: Grammar, seed: int = 0, max_units: int = 2) -> Strategy:
    """The strategy ``name`` (one of :data:`STRATEGIES`), seeded.

    >>> s = strategy("random", Grammar.swish(), seed=1)
    >>> [u.formula(s.grammar) for u in s.propose([], 2)] == [
    ...     u.formula(s.grammar) for u in strategy("random", Grammar.swish(), 1).propose([], 2)]
    True
    """
    kinds = {
        "random": RandomSearch,
        "evolution": RegularizedEvolution,
        "surrogate": SurrogateSearch,
    }
    if name not in kinds:
        raise UnknownNameError("search strategy", name, kinds)
    return kinds[name](grammar, seed, max_units)
