"""Modules users put in models."""

from actlab.nn.activation import Activation
from actlab.nn.feedforward import FeedForward
from actlab.nn.kan import KANLinear
from actlab.nn.learnable import Rational

__all__ = ["Activation", "FeedForward", "KANLinear", "Rational"]
