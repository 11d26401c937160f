"""Units found by automatic search over compositions of simple functions and published with their
formulas: the top functions of the exhaustive and reinforcement-learning search of Ramachandran,
Zoph and Le that the catalog does not hold under another name (swish, the best of them, lives in
the gated family)."""

import torch

from actlab.catalog.gated import RAMACHANDRAN_2017
from actlab.catalog.spec import Properties, Reference, Spec


def _asinh_tail(t: str, w: str, sign: str) -> str:
    """x asinh(x)^2 on one side of |x| >= 128, at t = x clamped to that side, from asinh's
    expansion ln(2|x|) + 1/(4x^2) - 3/(32x^4); the O(1/x) correction terms are evaluated at
    w = t clamped to |w| <= 6e4, where they are below 1e-11 of f (and f(+-inf) is not inf/inf);
    ln(2|t|) is ln|t| + ln 2, so that 2|t| never overflows."""
    return (
        f"{t} * (log({sign}{t}) + log(2)) ** 2 + ((log({sign}{w}) + log(2)) "
        f"* (0.5 - 3 / (16 * {w} * {w})) + 1 / (16 * {w} * {w})) / {w}"
    )


_X_ASINH_SQ = (
    f"where(x > 128, {_asinh_tail('max(x, 128)', 'min(max(x, 128), 60000)', '')}, "
    f"where(x < -128, {_asinh_tail('min(x, -128)', 'max(min(x, -128), -60000)', '-')}, "
    "x * asinh(clamp(x, -128, 128)) ** 2))"
)

_SMOOTH_MONOTONIC = dict(
    monotonic=True, lower=None, upper=None, smoothness="Cinf", zero_centered=True
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="searched_sinc_plus_x",
        checked_against="secondary",
        published="sin(x) / x + x",
        formula="x + where(abs(x) < 0.01, 1 - x * x * (1 / 6 - x * x / 120), sin(x) / x)",
        family="periodic",
        citation=RAMACHANDRAN_2017,
        aliases=("sinc_plus_x",),
        description="sinc(x) + x with sinc(x) = sin(x) / x, one of the eight top functions of the "
        "search of Ramachandran, Zoph and Le (their tables of CIFAR-10 and CIFAR-100 accuracy "
        "with ResNet-164, Wide ResNet 28-10 and DenseNet 100-12), built as the binary unit "
        "b(x, g(x)) = x + g(x) that most of their top functions share. The identity plus a "
        "decaying ripple: f(0) = 1, and f' = 1 + sinc'(x) >= 1 - 0.44 > 0, so it is monotonic. "
        "Below |x| = 0.01 sinc is evaluated as 1 - x^2/6 + x^4/120 (error < 2e-16).",
        properties=Properties(zero_at_zero=False, **_SMOOTH_MONOTONIC),
        references=(
            Reference(
                lambda x: x + torch.sinc(x / torch.pi),
                atol=1e-9,
                note="= x + torch.sinc(x / pi) (torch's sinc is the normalized one)",
            ),
        ),
    ),
    Spec(
        name="searched_x_asinh_sq",
        checked_against="secondary",
        published="x * asinh(x) ** 2",
        formula=_X_ASINH_SQ,
        family="polynomial",
        citation=RAMACHANDRAN_2017,
        aliases=("x_asinh_squared",),
        description="x (sinh^-1(x))^2, one of the eight top functions of the search of "
        "Ramachandran, Zoph and Le, a product b(x, g(x)) = x g(x) with g = asinh^2; the weakest "
        "of the eight in their CIFAR tables. An odd, monotonic unit: cubic near 0 (f ~ x^3) and "
        "growing as x ln(2|x|)^2 in both tails. Beyond |x| = 128 it is evaluated from "
        "asinh(|x|) = ln(2|x|) + 1/(4x^2) - 3/(32x^4) + O(x^-6) (relative error < 1e-14), "
        "expanded so that the derivative never forms an overflowed x^2 or x ln(2x)^2 times "
        "a vanishing factor (NaN in float16 from |x| = 256 on, and in float32 near its "
        "largest values).",
        properties=Properties(zero_at_zero=True, **_SMOOTH_MONOTONIC),
        references=(
            Reference(
                lambda x: x * torch.log(x.abs() + torch.sqrt(x * x + 1)) ** 2,
                atol=1e-6,
                note="= x ln(|x| + sqrt(x^2 + 1))^2, asinh written with the logarithm",
            ),
        ),
    ),
)
