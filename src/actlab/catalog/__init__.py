"""The catalog: one Spec per nonlinearity, one module per family."""

from actlab.catalog import (
    exponential,
    gated,
    learnable,
    periodic,
    piecewise,
    polynomial,
    radial,
    sigmoidal,
    silu_variants,
    smooth,
    sparse,
)
from actlab.catalog.registry import catalog, define, lookup, register
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FAMILIES = (piecewise, exponential, sigmoidal, gated, smooth, sparse, periodic, radial, polynomial,
            learnable, silu_variants)
for _family in FAMILIES:
    for _spec in _family.SPECS:
        register(_spec)

__all__ = ["Citation", "Param", "Properties", "Reference", "Spec", "catalog", "define", "lookup",
           "register"]
