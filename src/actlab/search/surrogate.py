"""The surrogate's view of a candidate, after AQuaSurF (Bingham & Miikkulainen 2023, "Efficient
Activation Function Optimization through Surrogate Modeling", arXiv:2301.05785): the function's
outputs on N(0, 1) inputs and the eigenvalues of the Fisher information of a small network at
initialization; a k-nearest-neighbour regressor on those features predicts the task score.

>>> from actlab.search.space import Candidate
>>> features(Candidate("(x) * (sigmoid(x))")).shape
(48,)
"""

from __future__ import annotations

import math

import numpy as np
import torch
from scipy.special import ndtri
from torch import nn

from actlab.bench.models import mlp
from actlab.catalog import Param, Spec
from actlab.nn import Activation
from actlab.search.space import DEFAULTS, Candidate

OUTPUTS = 32  # f at the quantiles (i + 1/2) / OUTPUTS of N(0, 1)
EIGENVALUES = 16  # the largest eigenvalues of the empirical Fisher information, log10
FISHER_SAMPLES = 32
_QUANTILES = torch.as_tensor(ndtri((np.arange(OUTPUTS) + 0.5) / OUTPUTS), dtype=torch.float32)


def features(candidate: Candidate) -> np.ndarray:
    """``(OUTPUTS + EIGENVALUES,)``: outputs on N(0, 1) quantiles (clipped to +-10), then the
    log10 Fisher eigenvalues at initialization, largest first."""
    act = _module(candidate)
    with torch.no_grad():
        outputs = act(_QUANTILES).clamp(-10, 10).numpy()
    return np.concatenate([np.nan_to_num(outputs), fisher_spectrum(act)])


def _module(candidate: Candidate) -> nn.Module:
    spec = Spec(
        "candidate",
        candidate.formula,
        "user",
        None,
        None,
        tuple(Param(k, v) for k, v in DEFAULTS.items()),
    )
    return Activation(spec, backend="eager")


def fisher_spectrum(act: nn.Module, seed: int = 0) -> np.ndarray:
    """log10 of the ``EIGENVALUES`` largest eigenvalues of the empirical Fisher information of
    a 16-16-16-4 MLP with ``act``, at a fixed initialization, on N(0, 1) inputs with labels
    drawn from the network's own predictions (the true Fisher's sampling); computed from the
    ``(FISHER_SAMPLES, FISHER_SAMPLES)`` Gram matrix of per-sample gradients."""
    generator = torch.Generator().manual_seed(seed)
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        net = mlp([16, 16, 16, 4], lambda: act).double()
    x = torch.randn(FISHER_SAMPLES, 16, generator=generator, dtype=torch.float64)
    rows = []
    for sample in x:
        logits = net(sample[None])
        label = torch.multinomial(
            torch.softmax(logits.detach(), -1).nan_to_num(0.25), 1, generator=generator
        )[0]
        loss = nn.functional.cross_entropy(logits, label)
        grads = torch.autograd.grad(loss, list(net.parameters()), allow_unused=True)
        rows.append(torch.cat([g.flatten() for g in grads if g is not None]))
    gradients = torch.nan_to_num(torch.stack(rows), 0.0, 0.0, 0.0)
    gram = gradients @ gradients.T / FISHER_SAMPLES
    eigenvalues = torch.linalg.eigvalsh(gram).flip(0)[:EIGENVALUES].clamp_min(1e-12)
    return eigenvalues.log10().numpy()


class NearestNeighbours:
    """k-nearest-neighbour regression on standardized features, inverse-distance weighted.

    >>> model = NearestNeighbours(k=2).fit(np.array([[0.0], [1.0], [10.0]]), np.array([0, 1, 5]))
    >>> model.predict(np.array([[0.1]])).round(2)
    array([0.1])
    """

    def __init__(self, k: int = 5):
        self.k = k

    def fit(self, x: np.ndarray, y: np.ndarray) -> NearestNeighbours:
        self.mean, self.scale = x.mean(0), x.std(0) + 1e-9
        self.x, self.y = (x - self.mean) / self.scale, np.asarray(y, dtype=float)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        """``(n,)`` predictions for ``(n, features)`` inputs."""
        z = (x - self.mean) / self.scale
        distance = np.sqrt(((z[:, None, :] - self.x[None]) ** 2).sum(-1))
        k = min(self.k, len(self.y))
        nearest = np.argsort(distance, axis=1)[:, :k]
        weights = 1.0 / (np.take_along_axis(distance, nearest, 1) + 1e-9)
        return (weights * self.y[nearest]).sum(1) / weights.sum(1)


def rank_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation (NaN with fewer than 3 pairs)."""
    if len(a) < 3:
        return math.nan
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)
