"""Learnable nonlinear units: rational (PAU), PolyCom, orthogonal-basis and adaptive units."""

from actlab.nn.learnable.adaptive import AdaptiveActivation
from actlab.nn.learnable.basis import Fourier, Hermite, Tropical
from actlab.nn.learnable.polycom import PolyNorm, PolyReLU
from actlab.nn.learnable.rational import Rational, rational

__all__ = ["AdaptiveActivation", "Fourier", "Hermite", "PolyNorm", "PolyReLU", "Rational",
           "Tropical", "rational"]
