"""Modules users put in models."""

from actlab.nn.activation import Activation
from actlab.nn.feedforward import FeedForward
from actlab.nn.learnable import Rational

__all__ = ["Activation", "FeedForward", "Rational"]
