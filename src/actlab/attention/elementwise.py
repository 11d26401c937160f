"""Any elementwise catalog entry as an attention normalizer: ``w_ij = f(x_ij)`` with the entry's
formula and its symbolic derivative (``normalizer="gelu"``)."""

from __future__ import annotations

from functools import cache

import torch

from actlab.attention.normalizer import Normalizer, Values
from actlab.catalog.registry import lookup as lookup_entry
from actlab.ops.eager import kernel


@cache
def from_catalog(name: str) -> Normalizer:
    """The catalog entry ``name`` as an elementwise normalizer (UnknownNameError if none).

    >>> from_catalog("relu").rule
    'f(x) = relu(x), elementwise (catalog entry relu)'
    """
    spec = lookup_entry(name)
    compiled = kernel(spec)

    def weight(y: torch.Tensor, _m, _n, params: Values) -> torch.Tensor:
        return compiled.guards(y, lambda z: compiled.forward(z, **params)[0])

    def slope(y: torch.Tensor, _m, _n, params: Values) -> torch.Tensor:
        return compiled.gradients(y, **params)[0]

    return Normalizer(
        spec.name,
        "elementwise",
        f"f(x) = {spec.formula}, elementwise (catalog entry {spec.name})",
        spec.citation,
        spec.params,
        sparse=bool(spec.properties and spec.properties.sparse),
        description=spec.description,
        num=weight,
        dnum=slope,
    )
