"""Attention normalizers: softmax and its alternatives, each declared once in a registry, run
by a memory-efficient chunked implementation with a dense reference beside it.

>>> import torch
>>> from actlab.attention import attend, normalizers
>>> len(normalizers()) >= 12
True
>>> q = k = v = torch.randn(1, 9, 8)
>>> attend(q, k, v, "relu_l", causal=True).shape
torch.Size([1, 9, 8])
"""

from __future__ import annotations

from actlab.attention.functional import attend, attention_weights
from actlab.attention.normalizer import NORMALIZERS, Normalizer
from actlab.attention.registry import lookup


def normalizers() -> list[Normalizer]:
    """Every registered normalizer, in declaration order."""
    return list(NORMALIZERS)


__all__ = ["NORMALIZERS", "Normalizer", "attend", "attention_weights", "lookup", "normalizers"]
