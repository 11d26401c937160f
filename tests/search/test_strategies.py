"""Strategies: seeded and reproducible, evolution keeps candidates valid, the surrogate learns."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from actlab.errors import UnknownNameError
from actlab.search import Candidate, Evaluation, Grammar, strategy
from actlab.search.strategies import SurrogateSearch
from actlab.search.surrogate import NearestNeighbours, features

GRAMMAR = Grammar.swish()
Z = torch.linspace(-3, 3, 61, dtype=torch.float64)
TARGET = (Z * torch.sigmoid(Z)).numpy()


def synthetic_score(candidate) -> float:
    """Closeness to swish on [-3, 3]: a stand-in for a task score, cheap and deterministic."""
    (y,) = candidate.function(Z, beta=1.0)
    return -float(np.mean(np.abs(y.detach().numpy() - TARGET)))


def search(name: str, seed: int, budget: int = 24, batch: int = 6) -> list[Evaluation]:
    searcher, history = strategy(name, GRAMMAR, seed), []
    while len(history) < budget:
        for unit in searcher.propose(history, batch):
            candidate = Candidate(unit.formula(GRAMMAR))
            history.append(Evaluation(unit, candidate, synthetic_score(candidate)))
    return history


@pytest.mark.parametrize("name", ["random", "evolution", "surrogate"])
def test_a_seed_replays_the_same_search_and_another_seed_differs(name):
    one = [e.candidate.formula for e in search(name, 1, budget=12)]
    assert one == [e.candidate.formula for e in search(name, 1, budget=12)]
    assert one != [e.candidate.formula for e in search(name, 2, budget=12)]


def test_evolution_keeps_every_child_valid_new_and_within_size():
    history = search("evolution", 0, budget=40)
    assert len({e.candidate.canonical for e in history}) == len(history)
    assert all(e.candidate.rejection() is None for e in history)
    assert all(e.unit.size <= 2 for e in history)
    assert max(e.score for e in history[20:]) >= max(e.score for e in history[:20])


def test_the_surrogate_beats_a_constant_predictor_on_a_synthetic_target():
    searcher = SurrogateSearch(GRAMMAR, seed=3)
    pool = [c for _, c in searcher.fresh_random(60)]
    x = np.stack([features(c) for c in pool])
    y = np.array([synthetic_score(c) for c in pool])
    train, test = slice(0, 40), slice(40, 60)
    predicted = NearestNeighbours().fit(x[train], y[train]).predict(x[test])
    constant = np.full_like(y[test], y[train].mean())
    assert np.mean((predicted - y[test]) ** 2) < 0.8 * np.mean((constant - y[test]) ** 2)


def test_an_unknown_strategy_lists_the_known_ones():
    with pytest.raises(UnknownNameError, match="Did you mean: evolution"):
        strategy("evolutoin", GRAMMAR)
