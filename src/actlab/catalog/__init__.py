"""The catalog: one Spec per nonlinearity, one module per family."""

from actlab.catalog import (
    adaptive_exponential,
    adaptive_gated,
    classic_units,
    elu_variants,
    exponential,
    fast_approximations,
    fixed_products,
    gated,
    learnable,
    mish_variants,
    oscillating,
    periodic,
    piecewise,
    polynomial,
    radial,
    recent_gated,
    recent_polynomial,
    recent_silu,
    recent_units,
    rectifier_shapes,
    relu_variants,
    sigmoid_variants,
    sigmoidal,
    silu_variants,
    smooth,
    sparse,
    spike_surrogates,
)
from actlab.catalog.identify import Match, RediscoveryWarning
from actlab.catalog.registry import CATALOG, catalog, define, identify, lookup, register
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FAMILIES = (piecewise, exponential, sigmoidal, gated, smooth, sparse, periodic, radial, polynomial,
            learnable, silu_variants, relu_variants, elu_variants, sigmoid_variants,
            oscillating, fixed_products, rectifier_shapes, adaptive_exponential, adaptive_gated,
            recent_units, classic_units, recent_polynomial, spike_surrogates,
            recent_gated, fast_approximations, recent_silu, mish_variants)
for _family in FAMILIES:
    for _spec in _family.SPECS:
        CATALOG.register(_spec, shipped=True)

__all__ = ["CATALOG", "Citation", "Match", "Param", "Properties", "RediscoveryWarning",
           "Reference", "Spec", "catalog", "define", "identify", "lookup", "register"]
