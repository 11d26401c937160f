"""Modules users put in models."""

from actlab.nn.activation import Activation
from actlab.nn.learnable import Rational

__all__ = ["Activation", "Rational"]
