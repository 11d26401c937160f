"""Cheap rational stand-ins for tanh shipped as units of their own by deep-learning libraries,
which the survey of Kunc and Kléma (arXiv:2402.09092) does not list."""

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

KALINOVSKII_2015 = Citation(
    "Compact Convolutional Neural Network Cascade for Face Detection",
    "Ilya Kalinovskii and Vladimir Spitsyn",
    2015,
    arxiv="1508.01292",
    venue="the tanh approximation; as a unit, Deeplearning4j's ActivationRationalTanh",
)

_A = 1.41645
# with u = |2x / 3| and P = 1 + u + u^2 + a u^4, 1 - 1 / P is written (P - 1) / P, which keeps
# the relative accuracy near 0, and beyond u = 1 as (w^3 + w^2 + a) / (w^4 + w^3 + w^2 + a)
# with w = 1 / u, so that u^4 (and its derivative) never overflows in float32
_U = "2 * abs(x) / 3"
_W = f"1 / max({_U}, 1)"
_V = f"min({_U}, 1)"
_RATIONAL_TANH = (
    f"1.7159 * sign(x) * where({_U} > 1, (({_W})**3 + ({_W})**2 + {_A}) / (({_W})**4 "
    f"+ ({_W})**3 + ({_W})**2 + {_A}), ({_V} + ({_V})**2 + {_A} * ({_V})**4) "
    f"/ (1 + {_V} + ({_V})**2 + {_A} * ({_V})**4))"
)


def _rational_tanh_direct(x: torch.Tensor) -> torch.Tensor:
    y = 2 * x / 3
    return 1.7159 * torch.sign(y) * (1 - 1 / (1 + y.abs() + y**2 + _A * y**4))


SPECS: tuple[Spec, ...] = (
    Spec(
        name="rational_tanh",
        formula=_RATIONAL_TANH,
        published="1.7159 * sign(x) * (1 - 1 / (1 + abs(2 * x / 3) + (2 * x / 3)**2 "
        "+ 1.41645 * (2 * x / 3)**4))",
        family="sigmoidal",
        citation=KALINOVSKII_2015,
        aliases=("dl4j_rational_tanh",),
        description="Deeplearning4j's RATIONALTANH: LeCun's scaled tanh 1.7159 tanh(2x / 3) "
        "with tanh(y) replaced by Kalinovskii and Spitsyn's division-only approximation "
        "sign(y) (1 - 1 / (1 + |y| + y^2 + 1.41645 y^4)), whose quartic coefficient minimises "
        "the largest relative error (about 1.7 %). Odd, increasing and bounded by +-1.7159 "
        "like lecun_tanh, which it stays within 0.03 of. The sign(y) y^4 term leaves a jump "
        "in the fourth derivative at 0 (C3, listed as Cinf since f'' is continuous).",
        properties=Properties(
            monotonic=True,
            lower=-1.7159,
            upper=1.7159,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(_rational_tanh_direct, atol=1e-6,
                      note="the approximation evaluated as written, away from overflow"),
            Reference("lecun_tanh", atol=0.03, note="within 0.03 of 1.7159 tanh(2x / 3)"),
        ),
    ),
)
