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


def _wendland(
    name: str,
    d: int,
    k: int,
    power: int,
    polynomial: str,
    torch_polynomial,
    peak: float = 1.0,
    smoothness: str = "Cinf",
    aliases: tuple[str, ...] = (),
    note: str = "",
) -> Spec:
    """phi_{d,k}(|x|) = (1 - |x|)_+^power p(|x|), Wendland's function for R^d of smoothness C^2k."""
    text = f"(1 - r)_+^{power}" + (
        f" ({polynomial.replace('**', '^').replace(' * ', ' ')})" if polynomial != "1" else ""
    )
    return Spec(
        name=name,
        checked_against="secondary",
        formula=f"where({_R} >= 1, 0, (1 - {_R})**{power} * ({polynomial.replace('r', _R)}))",
        published=f"relu(1 - {_R})**{power} * ({polynomial.replace('r', _R)})",
        family="radial",
        citation=WENDLAND_1995,
        aliases=aliases,
        description=f"Wendland's compactly supported radial function phi_{d},{k}(r) = {text} at "
        f"r = |x|: the piecewise polynomial of minimal degree that is positive definite on "
        f"R^{d} and C^{2 * k} there, zero for |x| >= 1. The functions are defined up to a "
        f"positive factor; this is the usual tabulated form with the smallest integer "
        f"coefficients (peak phi(0) = {peak:g}).{note} Checked against Wendland's general "
        f"formula for phi_(d,k) as implemented in independent RBF libraries.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=peak,
            smoothness=smoothness,
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.relu(1 - x.abs()) ** power * torch_polynomial(x.abs()),
                atol=1e-12,
                note=f"= {text}",
            ),
        ),
    )


_C2_AS_CINF = " In one variable it is C^2 at least (f''' jumps at 0), reported as Cinf."

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
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
        ),
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
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(Reference(lambda x: x.abs() ** 5, atol=1e-5, note="= |x|^5"),),
    ),
    Spec(
        name="inverse_multiquadric",
        checked_against="secondary",
        formula="where(abs(x) < 1, 1 / sqrt(1 + x * x), 1 / (abs(x) * sqrt(1 + 1 / (x * x))))",
        published="1 / sqrt(1 + x**2)",
        family="radial",
        citation=HARDY_1971,
        aliases=("imq",),
        description="Inverse multiquadric 1/sqrt(1 + x^2) (shape parameter 1, folded into the "
        "layer's scale), the reciprocal of Hardy's multiquadric sqrt(1 + x^2) (which is "
        "vreluplus at b = 1) and a strictly positive definite RBF kernel: 1 at 0, decaying "
        "as 1/|x|, far more slowly than the Gaussian. Evaluated as 1/(|x| sqrt(1 + x^-2)) for "
        "|x| >= 1, so that x^2 does not overflow float16. Hardy's paper could not be read "
        "here; the kernel is SciPy's.",
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
    _wendland(
        "wendland_3_0",
        3,
        0,
        2,
        "1",
        lambda r: torch.ones_like(r),
        smoothness="C0",
        aliases=("wendland_c0",),
        note=" In one variable it has a kink at 0 (slopes +-2), like the tent it squares.",
    ),
    _wendland(
        "wendland_3_1",
        3,
        1,
        4,
        "4 * r + 1",
        lambda r: 4 * r + 1,
        aliases=("wendland_c2",),
        note=_C2_AS_CINF,
    ),
    _wendland(
        "wendland_3_2",
        3,
        2,
        6,
        "35 * r**2 + 18 * r + 3",
        lambda r: 35 * r**2 + 18 * r + 3,
        peak=3.0,
        aliases=("wendland_c4",),
        note=" C^4 in one variable, reported as Cinf.",
    ),
    _wendland(
        "wendland_3_3",
        3,
        3,
        8,
        "32 * r**3 + 25 * r**2 + 8 * r + 1",
        lambda r: 32 * r**3 + 25 * r**2 + 8 * r + 1,
        aliases=("wendland_c6",),
        note=" C^6 in one variable, reported as Cinf.",
    ),
    _wendland(
        "wendland_1_1",
        1,
        1,
        3,
        "3 * r + 1",
        lambda r: 3 * r + 1,
        note=_C2_AS_CINF,
    ),
    _wendland(
        "wendland_1_2",
        1,
        2,
        5,
        "8 * r**2 + 5 * r + 1",
        lambda r: 8 * r**2 + 5 * r + 1,
        note=" C^4 in one variable, reported as Cinf.",
    ),
    _wendland(
        "wendland_1_3",
        1,
        3,
        7,
        "21 * r**3 + 19 * r**2 + 7 * r + 1",
        lambda r: 21 * r**3 + 19 * r**2 + 7 * r + 1,
        note=" C^6 in one variable, reported as Cinf.",
    ),
    _wendland(
        "wendland_5_0",
        5,
        0,
        3,
        "1",
        lambda r: torch.ones_like(r),
        smoothness="C0",
        note=" In one variable it has a kink at 0 (slopes +-3).",
    ),
    _wendland(
        "wendland_5_1",
        5,
        1,
        5,
        "5 * r + 1",
        lambda r: 5 * r + 1,
        note=_C2_AS_CINF,
    ),
    _wendland(
        "wendland_5_2",
        5,
        2,
        7,
        "16 * r**2 + 7 * r + 1",
        lambda r: 16 * r**2 + 7 * r + 1,
        note=" C^4 in one variable, reported as Cinf.",
    ),
    _wendland(
        "wendland_5_3",
        5,
        3,
        9,
        "231 * r**3 + 159 * r**2 + 45 * r + 5",
        lambda r: 231 * r**3 + 159 * r**2 + 45 * r + 5,
        peak=5.0,
        note=" C^6 in one variable, reported as Cinf.",
    ),
)
