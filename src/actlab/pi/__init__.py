"""Private inference: count and cost nonlinearities, replace them with polynomials, linearize
models to a ReLU budget and watch polynomial sites for escaping activations.

>>> import torch
>>> from torch import nn
>>> from actlab import pi
>>> model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
>>> pi.count(model, torch.randn(1, 8)).relus
16
>>> relu2 = pi.least_squares("relu", (-4.0, 4.0), degree=2, samples=torch.randn(4096))
>>> poly = pi.polynomialize(model, relu2.module)     # every ReLU -> the fitted quadratic
>>> counted = pi.count(poly, torch.randn(1, 8))
>>> counted.polynomial, pi.CKKS().costs(counted)["depth"]   # linear 1 + quadratic 2 + linear 1
(True, 4.0)
"""

from actlab.pi.approx import (
    Approximation,
    ApproximationError,
    chebyshev,
    composite_relu,
    composite_sign,
    least_squares,
    remez,
)
from actlab.pi.ckks import EncryptedRun, encrypted_inference
from actlab.pi.count import CKKS, MPC, TFHE, Count, Site, cost_table, count
from actlab.pi.linearize import BudgetError, linearize
from actlab.pi.monitor import Escape, RangeMonitor
from actlab.pi.polynomial import Composite, Polynomial
from actlab.pi.sites import MaskedReLU, NoReluError, polynomialize

__all__ = [
    "CKKS",
    "MPC",
    "TFHE",
    "Approximation",
    "ApproximationError",
    "BudgetError",
    "Composite",
    "Count",
    "EncryptedRun",
    "Escape",
    "MaskedReLU",
    "NoReluError",
    "Polynomial",
    "RangeMonitor",
    "Site",
    "chebyshev",
    "composite_relu",
    "composite_sign",
    "cost_table",
    "count",
    "encrypted_inference",
    "least_squares",
    "linearize",
    "polynomialize",
    "remez",
]
