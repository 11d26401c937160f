"""Learnable nonlinear units: rational (PAU), PolyCom, orthogonal-basis and adaptive units."""

from actlab.nn.learnable.rational import Rational, rational

__all__ = ["Rational", "rational"]
