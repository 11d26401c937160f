"""The catalog: one Spec per nonlinearity, one module per family."""

from actlab.catalog import (
    adaptive_exponential,
    adaptive_gated,
    adaptive_shapes,
    classic_shapes,
    classic_units,
    elu_family,
    elu_variants,
    exponential,
    fast_approximations,
    fixed_products,
    gated,
    hardware_approximations,
    learnable,
    mish_variants,
    oscillating,
    parametric_elu,
    parametric_gates,
    parametric_relu,
    periodic,
    piecewise,
    polynomial,
    radial,
    recent_gated,
    recent_polynomial,
    recent_silu,
    recent_units,
    rectifier_family,
    rectifier_shapes,
    relu_variants,
    repository_units,
    representation_units,
    searched_units,
    sigmoid_family,
    sigmoid_variants,
    sigmoidal,
    silu_variants,
    smooth,
    smooth_approximations,
    sparse,
    spike_surrogates,
    square_family,
    swish_family,
    trig_family,
    unbounded,
)
from actlab.catalog.identify import Match, RediscoveryWarning
from actlab.catalog.registry import CATALOG, catalog, define, identify, lookup, register
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FAMILIES = (piecewise, exponential, sigmoidal, gated, smooth, sparse, periodic, radial,
            polynomial, learnable, silu_variants, relu_variants, elu_variants, sigmoid_variants,
            oscillating, fixed_products, rectifier_shapes, adaptive_exponential, adaptive_gated,
            adaptive_shapes, classic_shapes, classic_units, elu_family, fast_approximations,
            hardware_approximations, mish_variants, parametric_elu, parametric_gates,
            parametric_relu, recent_gated, recent_polynomial, recent_silu, recent_units,
            rectifier_family, repository_units, representation_units, searched_units,
            sigmoid_family, smooth_approximations, spike_surrogates, square_family, swish_family,
            trig_family, unbounded)
for _family in FAMILIES:
    for _spec in _family.SPECS:
        CATALOG.register(_spec, shipped=True)

__all__ = ["CATALOG", "Citation", "Match", "Param", "Properties", "RediscoveryWarning",
           "Reference", "Spec", "catalog", "define", "identify", "lookup", "register"]
