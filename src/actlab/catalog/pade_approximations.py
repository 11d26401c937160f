"""The Padé approximants of tanh: the odd rationals x P(x^2) / Q(x^2) of numerator degree 2k + 1
and denominator degree 2k that match tanh's Taylor series to order 4k + 2, the convergents of
Lambert's continued fraction tanh x = x / (1 + x^2 / (3 + x^2 / (5 + ...))). Cheap and accurate
near 0, they are used unclamped as fast tanh (JUCE's [7/6]) and grow like a line far out."""

from collections.abc import Callable

import torch

from actlab.catalog.rational_text import horner
from actlab.catalog.spec import Citation, Properties, Reference, Spec

PADE_1892 = Citation(
    "Sur la représentation approchée d'une fonction par des fractions rationnelles",
    "Henri Padé",
    1892,
    venue="Annales scientifiques de l'École normale supérieure, 3e série, 9 (supplément), "
    "3-93; for tanh, the convergents of Lambert's continued fraction (1768)",
)

JUCE_2017 = Citation(
    "JUCE",
    "Raw Material Software (the JUCE team)",
    2017,
    venue="JUCE 5 and later, modules/juce_dsp/maths/juce_FastMathApproximations.h "
    "(FastMathApproximations::tanh)",
)


def _pade_tanh(numerator: tuple[float, ...], denominator: tuple[float, ...]) -> str:
    """x N(x^2) / D(x^2) (coefficients from the constant term up) as formula text that no float
    format overflows in, nor its derivative, before the quotient does. For |x| <= 2, N and D
    are divided by D's constant term; beyond, with r = 1/x and w = r^2 and both polynomials
    over the leading term of D, the quotient is c x + r T(w) / D~(w): c = 1/lead is its
    slope at infinity, and T collects the rest, so that x itself is never multiplied."""
    d0, lead = denominator[0], denominator[-1]
    inner_n = tuple(c / d0 for c in numerator)
    inner_d = tuple(c / d0 for c in denominator)
    outer_n = tuple(c / lead for c in reversed(numerator))
    outer_d = tuple(c / lead for c in reversed(denominator))
    slope = outer_n[0]
    rest = tuple(n - slope * d for n, d in zip(outer_n[1:], outer_d[1:], strict=True))
    v = "clamp(x, -2, 2)"
    r = "(sign(x) / max(abs(x), 2))"
    inner = f"{v} * ({horner(inner_n, f'{v}**2')}) / ({horner(inner_d, f'{v}**2')})"
    outer = f"{slope!r} * x + {r} * ({horner(rest, f'{r}**2')}) / ({horner(outer_d, f'{r}**2')})"
    return f"where(abs(x) > 2, {outer}, {inner})"


def _published(numerator: tuple[float, ...], denominator: tuple[float, ...]) -> str:
    return f"x * ({horner(numerator, 'x**2')}) / ({horner(denominator, 'x**2')})"


def _as_written(
    numerator: tuple[float, ...], denominator: tuple[float, ...]
) -> Callable[[torch.Tensor], torch.Tensor]:
    def f(x: torch.Tensor) -> torch.Tensor:
        n = sum(c * x ** (2 * k) for k, c in enumerate(numerator))
        d = sum(c * x ** (2 * k) for k, c in enumerate(denominator))
        return x * n / d

    return f


_PADE_PROPERTIES = Properties(
    monotonic=True,
    lower=None,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=True,
)

_P32 = ((15.0, 1.0), (15.0, 6.0))
_P54 = ((945.0, 105.0, 1.0), (945.0, 420.0, 15.0))
_P76 = ((135135.0, 17325.0, 378.0, 1.0), (135135.0, 62370.0, 3150.0, 28.0))

SPECS: tuple[Spec, ...] = (
    Spec(
        name="pade_tanh_3_2",
        formula=_pade_tanh(*_P32),
        published=_published(*_P32),
        family="sigmoidal",
        citation=PADE_1892,
        checked_against="secondary",
        description="The [3/2] Padé approximant of tanh, x (15 + x^2) / (15 + 6 x^2), the "
        "third convergent of Lambert's continued fraction: exact to order x^5 at 0, within "
        "0.0103 of tanh on [-2, 2] and 0.048 on [-3, 3]. Unclamped it is increasing and "
        "unbounded, crossing 1 at x = 2.3222 and growing like x/6. Coefficients derived here "
        "from the definition (sympy) and agreeing with the continued fraction.",
        properties=_PADE_PROPERTIES,
        references=(
            Reference(_as_written(*_P32), atol=1e-9, note="the Padé form evaluated as written"),
        ),
    ),
    Spec(
        name="pade_tanh_5_4",
        formula=_pade_tanh(*_P54),
        published=_published(*_P54),
        family="sigmoidal",
        citation=PADE_1892,
        checked_against="secondary",
        description="The [5/4] Padé approximant of tanh, x (945 + 105 x^2 + x^4) / (945 + "
        "420 x^2 + 15 x^4), the fifth convergent of Lambert's continued fraction: exact to "
        "order x^9 at 0, within 2.2e-5 of tanh on [-2, 2] and 4e-4 on [-3, 3]. Unclamped it "
        "is increasing and unbounded, crossing 1 at x = 3.6467 and growing like x/15. "
        "Coefficients derived here from the definition (sympy) and agreeing with the "
        "continued fraction.",
        properties=_PADE_PROPERTIES,
        references=(
            Reference(_as_written(*_P54), atol=1e-9, note="the Padé form evaluated as written"),
        ),
    ),
    Spec(
        name="juce_tanh",
        formula=_pade_tanh(*_P76),
        published=_published(*_P76),
        family="sigmoidal",
        citation=JUCE_2017,
        aliases=("pade_tanh_7_6",),
        checked_against="original",
        description="JUCE's FastMathApproximations::tanh, the [7/6] Padé approximant of tanh "
        "(the seventh convergent of Lambert's continued fraction): x (135135 + 17325 x^2 + "
        "378 x^4 + x^6) / (135135 + 62370 x^2 + 3150 x^4 + 28 x^6), used in audio waveshapers "
        "and recommended for |x| <= 5, where it stays within 1e-4 of tanh. It is not clamped: "
        "it crosses 1 at x = 4.9718 and grows like x/28 beyond (increasing, unbounded).",
        properties=_PADE_PROPERTIES,
        references=(
            Reference(_as_written(*_P76), atol=1e-9, note="the Padé form evaluated as written"),
        ),
    ),
)
