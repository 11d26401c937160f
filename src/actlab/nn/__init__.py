"""Modules users put in models."""

from actlab.nn.activation import Activation
from actlab.nn.attention import Attention
from actlab.nn.feedforward import FeedForward
from actlab.nn.kan import KANLinear
from actlab.nn.learnable import (
    AdaptiveActivation,
    Fourier,
    Hermite,
    PolyNorm,
    PolyReLU,
    Rational,
    Tropical,
)

__all__ = ["Activation", "AdaptiveActivation", "Attention", "FeedForward", "Fourier", "Hermite",
           "KANLinear", "PolyNorm", "PolyReLU", "Rational", "Tropical"]
