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
    smooth,
    sparse,
)
from actlab.catalog.registry import CATALOG, catalog, define, lookup, register
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FAMILIES = (piecewise, exponential, sigmoidal, gated, smooth, sparse, periodic, radial, polynomial,
            learnable)
for _family in FAMILIES:
    for _spec in _family.SPECS:
        CATALOG.register(_spec, shipped=True)

__all__ = ["Citation", "Param", "Properties", "Reference", "Spec", "catalog", "define", "lookup",
           "register"]
