"""The gated feed-forward blocks by name, and a catalog lookup that points their names to
:class:`~actlab.nn.feedforward.FeedForward`."""

from __future__ import annotations

from actlab.catalog.registry import lookup, normalize
from actlab.catalog.spec import Spec
from actlab.errors import GatedBlockError, UnknownNameError

# block -> (gate nonlinearity, nonlinearity on the up projection); None is the identity.
BLOCKS: dict[str, tuple[str | None, str | None]] = {
    "glu": ("sigmoid", None),
    "bilinear": (None, None),
    "reglu": ("relu", None),
    "geglu": ("gelu", None),
    "swiglu": ("silu", None),
    "drelu": ("relu", "relu"),  # Song et al. 2024, "Turbo Sparse", arXiv:2406.05955
    "xglu": ("xsigmoid", None),  # expanded gates: Huang 2024, arXiv:2405.20768
    "xgeglu": ("xgelu", None),
    "xswiglu": ("xsilu", None),
}


def lookup_nonlinearity(name: str | Spec) -> Spec:
    """The catalog entry ``name``, as :func:`~actlab.catalog.registry.lookup`; the name of a
    gated block (not in the catalog) raises GatedBlockError with the FeedForward line to write."""
    try:
        return lookup(name)
    except UnknownNameError:
        block = normalize(name)
        if block in BLOCKS:
            raise GatedBlockError(name, block, BLOCKS[block][0]) from None
        raise
