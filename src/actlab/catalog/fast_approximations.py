"""Cheap stand-ins for the logistic sigmoid and tanh that deep-learning libraries ship as units
of their own (Keras's hard sigmoid, Theano's ultra-fast sigmoid, Deeplearning4j's rational tanh),
which the survey of Kunc and Kléma (arXiv:2402.09092) does not list."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

CHOLLET_2015 = Citation(
    "Keras",
    "François Chollet et al.",
    2015,
    venue="keras.io (keras.activations.hard_sigmoid, Keras 2; ONNX HardSigmoid defaults)",
)

THEANO_2016 = Citation(
    "Theano: A Python framework for fast computation of mathematical expressions",
    "The Theano Development Team",
    2016,
    arxiv="1605.02688",
    venue="theano.tensor.nnet.ultra_fast_sigmoid",
)

# Theano's ultra-fast tanh of u = |x| / 2: a rational piece, a linear piece and a constant
_UF = "abs(x) / 2"

_ULTRA_FAST = (
    f"(1 + sign(x) * where({_UF} < 1.7, 1.5 * {_UF} / (1 + {_UF}), where({_UF} < 3, "
    f"0.935409070603099 + 0.0458812946797165 * ({_UF} - 1.7), 0.99505475368673))) / 2"
)

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
            Reference(
                _rational_tanh_direct,
                atol=1e-6,
                note="the approximation evaluated as written, away from overflow",
            ),
            Reference("lecun_tanh", atol=0.03, note="within 0.03 of 1.7159 tanh(2x / 3)"),
        ),
    ),
    Spec(
        name="hard_sigmoid_keras",
        formula="clamp(alpha * x + beta, 0, 1)",
        family="sigmoidal",
        citation=CHOLLET_2015,
        aliases=("hard_sigmoid_onnx",),
        params=(
            Param("alpha", 0.2, 0.0, open_low=True, doc="slope"),
            Param("beta", 0.5, doc="value at 0"),
        ),
        description="The hard sigmoid of Keras 2 and Theano, clip(0.2 x + 0.5, 0, 1): 0 below "
        "-2.5, 1 above 2.5 and linear between; ONNX's HardSigmoid(alpha, beta) has the same "
        "defaults. alpha = 1/2 gives BinaryConnect's hard sigmoid and alpha = 1/6 that of "
        "MobileNetV3.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                "hard_sigmoid_bc",
                params={"alpha": 0.5},
                atol=1e-15,
                note="alpha = 1/2 is BinaryConnect's hard sigmoid",
            ),
            Reference(
                "hardsigmoid",
                params={"alpha": 1 / 6},
                atol=1e-15,
                note="alpha = 1/6 is MobileNetV3's hard sigmoid",
            ),
        ),
    ),
    Spec(
        name="ultra_fast_sigmoid",
        formula=_ULTRA_FAST,
        family="sigmoidal",
        citation=THEANO_2016,
        aliases=("theano_ultra_fast_sigmoid",),
        description="Theano's ultra_fast_sigmoid, (1 + z(x / 2)) / 2 with a piecewise tanh "
        "approximation z(u) = sign(u) g(|u|): g = 1.5 u / (1 + u) below 1.7, the line "
        "0.935409 + 0.045881 (u - 1.7) up to 3, and 0.995055 beyond, meant for speed rather "
        "than accuracy. g drops by 0.009 at 1.7, so the unit is discontinuous and not "
        "monotonic there; it never reaches 0 or 1.",
        properties=Properties(
            monotonic=False,
            lower=0.002472623156635,
            upper=0.997527376843365,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference("sigmoid", atol=0.03, note="within 0.03 of the logistic sigmoid"),),
    ),
)
