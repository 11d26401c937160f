"""Search for nonlinearities: a grammar of core units over the formula language with
deduplication and rejection (:mod:`~actlab.search.space`), three seeded strategies (random,
regularized evolution, a surrogate on AQuaSurF features; :mod:`~actlab.search.strategies`), and
evaluation through the benchmark's results database (:func:`run`).

>>> from actlab.search import Candidate
>>> Candidate("(x) * (sigmoid(x))").fingerprint == Candidate("x / (1 + exp(-x))").fingerprint
True
"""

from actlab.search.driver import Finalist, SearchResult, run
from actlab.search.space import (
    Candidate,
    Enumeration,
    Grammar,
    SearchError,
    Unit,
    enumerate_units,
)
from actlab.search.strategies import STRATEGIES, Evaluation, strategy

__all__ = [
    "STRATEGIES",
    "Candidate",
    "Enumeration",
    "Evaluation",
    "Finalist",
    "Grammar",
    "SearchError",
    "SearchResult",
    "Unit",
    "enumerate_units",
    "run",
    "strategy",
]
