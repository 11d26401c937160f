"""Smooth approximations of piecewise-linear units by the mollified square root function (MSRF)
|u|_b = sqrt(u^2 + b), the smoothing of squareplus applied to step, bipolar, vReLU, the shrinkage
functions, bounded and S-shaped ReLU (hard tanh among them) and to the gates of swish, logish,
softsign and SignReLU (the survey's section 4.55).

Every entry is written in terms of x only: with m = max(|x|, 1) and c = clamp(x, -1, 1) (= x / m),

    |x + s|_b = m sqrt(Q_s),  Q_s = (c + s / m)^2 + b / m^2,

so no square overflows, (x + s) / |x + s|_b = (c + s / m) / sqrt(Q_s) never divides infinities
at x = +-inf, and differences of two roots are rewritten as quotients, so that no result is
lost to cancellation.
"""

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.spec import Param, Properties, Reference, Spec

_M = "max(abs(x), 1)"
_C = "clamp(x, -1, 1)"


def _shifted(s: str) -> str:
    """(x + s) / m."""
    return _C if s == "0" else f"({_C} + ({s}) / {_M})"


def _q(s: str = "0") -> str:
    """Q_s = ((x + s) / m)^2 + b / m^2 = |x + s|_b^2 / m^2 (m^2 may overflow: b / m^2 is then 0)."""
    return f"({_shifted(s)}**2 + b / {_M}**2)"


def _root(s: str = "0") -> str:
    """|x + s|_b = sqrt((x + s)^2 + b), the mollified absolute value."""
    return f"({_M} * sqrt({_q(s)}))"


def _unit(s: str = "0") -> str:
    """(x + s) / |x + s|_b, the mollified sign (BipolarPlus of x + s)."""
    return f"({_shifted(s)} / sqrt({_q(s)}))"


# StepPlus (1 + x / |x|_b) / 2; below 0 as b / (2 |x|_b (|x|_b - x)), which is the same number
# without the cancellation of 1 - |x| / |x|_b.
_STEP = f"where(x >= 0, (1 + {_unit()}) / 2, b / (2 * {_root()}) / ({_M} * (sqrt({_q()}) - {_C})))"
# SquarePlus (x + |x|_b) / 2, below 0 as b / (2 (|x|_b - x)).
_SQUAREPLUS = (
    f"where(x >= 0, {_M} * ({_C} + sqrt({_q()})) / 2, b / (2 * {_M} * (sqrt({_q()}) - {_C})))"
)
# (x - |x|_b) / (2 |x - 1|_b), above 0 as -b / (|x|_b + x) / (2 |x - 1|_b), below with the common
# factor m cancelled.
_SIGNRELU_NEGATIVE = (
    f"where(x > 0, -b / ({_M} * (sqrt({_q()}) + {_C})) / (2 * {_root('-1')}), "
    f"({_C} - sqrt({_q()})) / (2 * sqrt({_q('-1')})))"
)
# BReLUPlus: with e = -1 below 1/2 and 1 above, f = (1 + e) / 2 - e (b / (|x|_b + e x)
# + b / (|x - 1|_b + e (x - 1))) / (2 (|x|_b + |x - 1|_b)), each term free of cancellation.
_E = "where(x > 0.5, 1, -1)"
_BRELU = (
    f"(1 + {_E}) / 2 - {_E} * (b / (sqrt({_q()}) + {_E} * {_C}) + b / (sqrt({_q('-1')}) "
    f"+ {_E} * ({_C} - 1 / {_M}))) / (2 * {_M}) / ({_M} * (sqrt({_q()}) + sqrt({_q('-1')})))"
)

_B = Param(
    "b",
    4.0,
    0.0,
    open_low=True,
    doc="mollifier b > 0 of sqrt(u^2 + b); 4 is squareplus's published default",
)
_SOURCE = (
    'Proposed in "Smoothing piecewise linear activation functions based on mollified '
    'square root functions" (OpenReview ZPtQ83t7ob); formula as given by the survey '
    "(section {section}); the original paper could not be checked. Neither the survey "
    "nor the paper's abstract gives a value of the mollifier b; b = 4 is the published "
    "default of squareplus, whose smoothing sqrt(u^2 + b) the method reuses."
)


def _props(
    monotonic: bool,
    lower: float | None,
    upper: float | None,
    zero_at_zero: bool,
    zero_centered: bool,
    self_gated: bool = False,
) -> Properties:
    return Properties(
        monotonic=monotonic,
        lower=lower,
        upper=upper,
        smoothness="Cinf",
        zero_at_zero=zero_at_zero,
        zero_centered=zero_centered,
        self_gated=self_gated,
    )


def _spec(
    name: str,
    formula: str,
    published: str,
    text: str,
    section: str,
    properties: Properties,
    params: tuple[Param, ...] = (),
    references: tuple[Reference, ...] = (),
) -> Spec:
    return Spec(
        name=name,
        formula=formula,
        published=published,
        family="smooth",
        citation=KUNC_KLEMA_2024,
        params=(*params, _B),
        description=f"{text} {_SOURCE.format(section=section)}",
        properties=properties,
        references=references,
        checked_against="survey",
    )


_SHRINK = Param(
    "a",
    0.5,
    0.0,
    open_low=True,
    doc="threshold a > 0 (torch's default lambda = 0.5 of the shrink function)",
)

SPECS: tuple[Spec, ...] = (
    _spec(
        "stepplus",
        _STEP,
        "(1 + x / sqrt(x**2 + b)) / 2",
        "StepPlus (1 + x / sqrt(x^2 + b)) / 2, the derivative of squareplus: a smooth, algebraic "
        "Heaviside step rising from 0 to 1 (b / (4 x^2) in the tails).",
        "4.55.2",
        _props(True, 0.0, 1.0, False, False),
    ),
    _spec(
        "bipolarplus",
        _unit(),
        "x / sqrt(x**2 + b)",
        "BipolarPlus x / sqrt(x^2 + b), the mollified sign (bipolar step) function: odd, "
        "increasing from -1 to 1; 2 stepplus - 1.",
        "4.55.2",
        _props(True, -1.0, 1.0, True, True),
    ),
    _spec(
        "vreluplus",
        _root(),
        "sqrt(x**2 + b)",
        "vReLUPlus sqrt(x^2 + b), the mollified absolute value (vReLU |x| smoothed), "
        "minimum sqrt(b) at 0.",
        "4.55.4",
        _props(False, 2.0, None, False, False),
    ),
    _spec(
        "softshrinkplus",
        f"x * (1 - 2 * a / ({_root('-a')} + {_root('a')}))",
        "x + (sqrt((x - a)**2 + b) - sqrt((x + a)**2 + b)) / 2",
        "SoftshrinkPlus x + (|x - a|_b - |x + a|_b) / 2, soft thresholding with both kinks "
        "smoothed; evaluated as x (1 - 2a / (|x - a|_b + |x + a|_b)), the same number without "
        "the cancellation of the two roots.",
        "4.55.5",
        _props(True, None, None, True, True),
        params=(_SHRINK,),
    ),
    _spec(
        "hardshrinkplus",
        f"x * (1 + ({_unit('-a')} - {_unit('a')}) / 2)",
        "x * (1 + ((x - a) / sqrt((x - a)**2 + b) - (x + a) / sqrt((x + a)**2 + b)) / 2)",
        "HardshrinkPlus x (1 + (StepPlus-like gates at -a and a)): hard thresholding "
        "x (1 + (sgn(x - a) - sgn(x + a)) / 2) with both signs mollified.",
        "4.55.10",
        _props(True, None, None, True, True),
        params=(_SHRINK,),
    ),
    _spec(
        "breluplus",
        _BRELU,
        "(1 + sqrt(x**2 + b) - sqrt((x - 1)**2 + b)) / 2",
        "BReLUPlus (1 + |x|_b - |x - 1|_b) / 2, the bounded ReLU min(max(x, 0), 1) smoothed: "
        "increasing from 0 to 1 with f(x) + f(1 - x) = 1; evaluated through |u|_b - u = "
        "b / (|u|_b + u) on the side of 1/2 where that sum has no cancellation, so that "
        "neither tail loses its digits.",
        "4.55.7",
        _props(True, 0.0, 1.0, False, False),
    ),
    _spec(
        "sreluplus",
        f"x * (a + 2 * (1 - a) * t / ({_root('-t')} + {_root('t')}))",
        "a * x + (a - 1) * (sqrt((x - t)**2 + b) - sqrt((x + t)**2 + b)) / 2",
        "SReLUPlus a x + (a - 1)(|x - t|_b - |x + t|_b) / 2, the symmetric S-shaped ReLU "
        "(identity on [-t, t], slope a outside) smoothed; evaluated as "
        "x (a + 2 (1 - a) t / (|x - t|_b + |x + t|_b)). a = 0.1 and t = 1 are srelu's "
        "defaults in this catalog (the survey gives none). a = 0, t = 1 is the survey's "
        "HardTanhPlus (section 4.55.9), hard tanh smoothed.",
        "4.55.8",
        _props(True, None, None, True, True),
        params=(
            Param("a", 0.1, 0.0, learnable=True, doc="slope outside [-t, t] (trained)"),
            Param(
                "t",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="half-width t > 0 of the identity part (trained)",
            ),
        ),
        references=(
            Reference(
                lambda x: (((x + 1) ** 2 + 4).sqrt() - ((x - 1) ** 2 + 4).sqrt()) / 2,
                params={"a": 0.0, "t": 1.0},
                atol=1e-9,
                note="a = 0, t = 1 is HardTanhPlus (|x + 1|_b - |x - 1|_b) / 2",
            ),
        ),
    ),
    _spec(
        "swishplus",
        f"x * {_STEP}",
        "(x + x**2 / sqrt(x**2 + b)) / 2",
        "SwishPlus x StepPlus(x) = (x + x^2 / |x|_b) / 2, swish with the logistic gate "
        "replaced by the algebraic StepPlus.",
        "4.55.14",
        _props(False, -0.3002831060007776, None, True, True, self_gated=True),
    ),
    _spec(
        "logishplus",
        f"x * log1p({_STEP})",
        "x * log(1 + (1 + x / sqrt(x**2 + b)) / 2)",
        "LogishPlus x ln(1 + StepPlus(x)), logish with the sigmoid replaced by StepPlus.",
        "4.55.16",
        _props(False, -0.2758915599002634, None, True, True, self_gated=True),
    ),
    _spec(
        "softsignplus",
        f"{_C} / (1 / {_M} + sqrt({_q()}))",
        "x / (1 + sqrt(x**2 + b))",
        "SoftsignPlus x / (1 + |x|_b), softsign with the absolute value mollified: odd, "
        "increasing from -1 to 1.",
        "4.55.17",
        _props(True, -1.0, 1.0, True, True),
    ),
    _spec(
        "signreluplus",
        f"{_SQUAREPLUS} + {_SIGNRELU_NEGATIVE}",
        "(x + sqrt(x**2 + b)) / 2 + (x - sqrt(x**2 + b)) / (2 * sqrt((1 - x)**2 + b))",
        "SignReLUPlus (x + |x|_b) / 2 + (x - |x|_b) / (2 |1 - x|_b): SignReLU (x for x > 0, "
        "x / (1 - x) below) with every absolute value mollified; f(0) = (sqrt(b) - sqrt(b) / "
        "sqrt(1 + b)) / 2, not 0.",
        "4.55.18",
        _props(True, -1.0, None, False, True),
    ),
)
