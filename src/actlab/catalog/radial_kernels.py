"""Basis functions of radial-basis-function networks and scattered-data interpolation, applied to
a scalar as phi(|x|): the odd polyharmonic splines (cubic, quintic), Hardy's inverse
multiquadric and Wendland's compactly supported piecewise polynomials, each in the normalization
of its source. The Gaussian, inverse quadratic (cauchy), multiquadric (vreluplus) and Matérn
kernels are entries of other families. The survey of Kunc and Kléma (arXiv:2402.09092) lists none
of these."""

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

DUCHON_1977 = Citation(
    "Splines minimizing rotation-invariant semi-norms in Sobolev spaces",
    "Jean Duchon",
    1977,
    venue="Constructive Theory of Functions of Several Variables, Lecture Notes in "
    "Mathematics 571, 85-100; kernels as in SciPy's RBFInterpolator",
)

HARDY_1971 = Citation(
    "Multiquadric equations of topography and other irregular surfaces",
    "Rolland L. Hardy",
    1971,
    venue="Journal of Geophysical Research 76(8), 1905-1915; kernel as in SciPy's RBFInterpolator",
)

WENDLAND_1995 = Citation(
    "Piecewise polynomial, positive definite and compactly supported radial functions of "
    "minimal degree",
    "Holger Wendland",
    1995,
    venue="Advances in Computational Mathematics 4, 389-396",
)

_R = "abs(x)"

# Wendland's table: (d, k) -> the polynomial p of phi_{d,k}(r) = (1 - r)_+^(floor(d/2) + 2k + 1)
# p(r), as its coefficients in ascending powers of r (the smallest integers).
_WENDLAND_TABLE: dict[tuple[int, int], tuple[int, ...]] = {
    (1, 1): (1, 3),
    (1, 2): (1, 5, 8),
    (1, 3): (1, 7, 19, 21),
    (3, 0): (1,),
    (3, 1): (1, 4),
    (3, 2): (3, 18, 35),
    (3, 3): (1, 8, 25, 32),
    (5, 0): (1,),
    (5, 1): (1, 5),
    (5, 2): (1, 7, 16),
    (5, 3): (5, 45, 159, 231),
}


def _polynomial_text(coefficients: tuple[int, ...], r: str) -> str:
    """c0 + c1 r + c2 r**2 + ... as formula text."""
    terms = [
        str(c) if i == 0 else f"{c} * {r}" if i == 1 else f"{c} * {r}**{i}"
        for i, c in enumerate(coefficients)
    ]
    return " + ".join(reversed(terms))


def _wendland(d: int, k: int) -> Spec:
    """phi_{d,k}(|x|), Wendland's function positive definite on R^d and C^2k there."""
    coefficients = _WENDLAND_TABLE[d, k]
    power = d // 2 + 2 * k + 1
    p = _polynomial_text(coefficients, _R)
    text = f"(1 - r)_+^{power}" + (
        f" ({_polynomial_text(coefficients, 'r').replace('**', '^').replace(' * ', ' ')})"
        if k > 0
        else ""
    )
    if k == 0:
        smoothness, note = "C0", f" In one variable it has a kink at 0 (slopes +-{power})."
    else:
        smoothness = "Cinf"
        note = f" In one variable it is C^{2 * k} (f^({2 * k + 1}) jumps at 0), reported as Cinf."

    def reference(x: torch.Tensor) -> torch.Tensor:
        r = x.abs()
        return torch.relu(1 - r) ** power * sum(c * r**i for i, c in enumerate(coefficients))

    return Spec(
        name=f"wendland_{d}_{k}",
        checked_against="secondary",
        formula=f"where({_R} >= 1, 0, (1 - {_R})**{power} * ({p}))",
        published=f"relu(1 - {_R})**{power} * ({p})",
        family="radial",
        citation=WENDLAND_1995,
        aliases=(f"wendland_c{2 * k}",) if d == 3 else (),
        description=f"Wendland's compactly supported radial function phi_{d},{k}(r) = {text} at "
        f"r = |x|: the piecewise polynomial of minimal degree that is positive definite on "
        f"R^{d} and C^{2 * k} there, zero for |x| >= 1. The functions are defined up to a "
        f"positive factor; this is the usual tabulated form with the smallest integer "
        f"coefficients (peak phi(0) = {coefficients[0]}).{note} Checked against Wendland's "
        f"general formula for phi_(d,k) as implemented in independent RBF libraries.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=float(coefficients[0]),
            smoothness=smoothness,
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference(reference, atol=1e-12, note=f"= {text}"),),
    )


# odd-degree polyharmonic splines |x|^k: even, 0 at 0, unbounded, C^(k-1) (reported as Cinf)
_POLYHARMONIC = Properties(
    monotonic=False,
    lower=0.0,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=False,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="polyharmonic_cubic",
        checked_against="secondary",
        formula="abs(x)**3",
        family="radial",
        citation=DUCHON_1977,
        aliases=("cubic_rbf",),
        description="Cubic polyharmonic spline |x|^3, the RBF kernel r^3 (conditionally "
        "positive definite of order 2). Even, 0 at 0 and growing as |x|^3; C^2 (f''' jumps "
        "at 0), reported as Cinf. Duchon's paper could not be read here; the kernel is "
        "SciPy's, which cites it.",
        properties=_POLYHARMONIC,
        references=(Reference(lambda x: x.abs() ** 3, atol=1e-12, note="= |x|^3"),),
    ),
    Spec(
        name="polyharmonic_quintic",
        checked_against="secondary",
        formula="abs(x)**5",
        family="radial",
        citation=DUCHON_1977,
        aliases=("quintic_rbf",),
        description="Quintic polyharmonic spline |x|^5, the RBF kernel r^5 (conditionally "
        "positive definite of order 3; SciPy's RBFInterpolator uses its negative -r^5, its "
        "older Rbf class r^5 as here). Even, 0 at 0 and growing as |x|^5; C^4, reported as "
        "Cinf. Duchon's paper could not be read here; the kernel is SciPy's.",
        properties=_POLYHARMONIC,
        references=(Reference(lambda x: x.abs() ** 5, atol=1e-5, note="= |x|^5"),),
    ),
    Spec(
        name="inverse_multiquadric",
        checked_against="secondary",
        formula="where(abs(x) < 1, 1 / sqrt(1 + x * x), 1 / (abs(x) * sqrt(1 + 1 / (x * x))))",
        published="1 / sqrt(1 + x**2)",
        family="radial",
        citation=HARDY_1971,
        aliases=("imq", "multiquadratic", "multi_quadratic"),
        description="Inverse multiquadric 1/sqrt(1 + x^2) (shape parameter 1, folded into the "
        "layer's scale), the reciprocal of Hardy's multiquadric sqrt(1 + x^2) (which is "
        "vreluplus at b = 1) and a strictly positive definite RBF kernel: 1 at 0, decaying "
        "as 1/|x|, far more slowly than the Gaussian. Evaluated as 1/(|x| sqrt(1 + x^-2)) for "
        "|x| >= 1, so that x^2 does not overflow float16. Hardy's paper could not be read "
        "here; the kernel is SciPy's. As 1/sqrt(1 + (a x)^2) it is also the multi-quadratic "
        "activation of non-periodic coordinate MLPs (Ramasinghe and Lucey, ECCV 2022, "
        "arXiv:2111.15135), the width a belonging to the preceding layer.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(lambda x: torch.rsqrt(1 + x * x), atol=1e-12, note="= 1/sqrt(1 + x^2)"),
        ),
    ),
    *(_wendland(d, k) for d, k in _WENDLAND_TABLE),
)
