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
from actlab.catalog.identify import Match, RediscoveryWarning
from actlab.catalog.registry import catalog, define, identify, lookup, register
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FAMILIES = (piecewise, exponential, sigmoidal, gated, smooth, sparse, periodic, radial, polynomial,
            learnable)
for _family in FAMILIES:
    for _spec in _family.SPECS:
        register(_spec)
BUILTIN: frozenset[Spec] = frozenset(catalog())  # what every process has after `import actlab`

__all__ = ["Citation", "Match", "Param", "Properties", "RediscoveryWarning", "Reference", "Spec",
           "catalog", "define", "identify", "lookup",
           "register"]
