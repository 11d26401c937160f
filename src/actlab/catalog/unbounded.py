"""Unbounded growth units from the survey's sections 3.14-3.39, 4.22 and 4.55: the exponential,
symexp, Parisi's hyper-sinh and m-arcsinh, comb-H-sine, the universal activation function
(UAF) and LReLUPlus (SMU-1)."""

import torch
import torch.nn.functional as F

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.smooth import BISWAS_SMU_2021
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

HAFNER_2023 = Citation(
    "Mastering Diverse Domains through World Models",
    "Danijar Hafner, Jurgis Pasukonis, Jimmy Ba, Timothy Lillicrap",
    2023,
    arxiv="2301.04104",
)
PARISI_2020_ARCSINH = Citation(
    "m-arcsinh: An Efficient and Reliable Function for SVM and MLP in scikit-learn",
    "Luca Parisi",
    2020,
    arxiv="2009.07530",
)
PARISI_2020_SINH = Citation(
    "hyper-sinh: An Accurate and Reliable Function from Shallow to Deep Learning in TensorFlow "
    "and Keras",
    "Luca Parisi et al.",
    2020,
    arxiv="2011.07661",
)
VIJAYAPRABAKARAN_2022 = Citation(
    "Towards activation function search for long short-term model network: A differential "
    "evolution based approach",
    "K. Vijayaprabakaran, K. Sathiyamurthy",
    2022,
    venue="Journal of King Saud University - Computer and Information Sciences 34(6), 2637-2650",
)
YUEN_2021 = Citation(
    "Universal activation function for machine learning",
    "Brosnan Yuen, Minh Tu Hoang, Xiaodai Dong, Tao Lu",
    2021,
    arxiv="2011.03842",
    venue="Scientific Reports 11",
)

# the universal activation function's arguments: softplus(_U) - softplus(_V), _W = _U - _V
_U = "x * (A + C * x) + A * B"
_V = "D * (x - B)"
_W = "(x * (A - D + C * x) + (A + D) * B)"
_ODD = {"zero_at_zero": True, "zero_centered": True}
_UNBOUNDED = {"lower": None, "upper": None}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="symexp",
        formula="sign(x) * expm1(abs(x))",
        published="sign(x) * (exp(abs(x)) - 1)",
        family="unbounded",
        citation=HAFNER_2023,
        aliases=("symmetric_exponential",),
        description="Symmetric exponential sign(x) (e^|x| - 1), the inverse of symlog "
        "sign(x) log(1 + |x|), with which DreamerV3 decodes its scale-free predictions. "
        "Odd and increasing; f'' jumps from -1 to 1 at 0, so it is C1. Written with expm1 for "
        "relative accuracy near 0.",
        properties=Properties(monotonic=True, smoothness="C1", **_UNBOUNDED, **_ODD),
    ),
    Spec(
        name="hyper_sinh",
        formula="where(x > 0, 2 * sinh(x / 2) * cosh(x / 2) / 3, -x**2 * abs(x) / 4)",
        published="where(x > 0, sinh(x) / 3, x**3 / 4)",
        family="unbounded",
        citation=PARISI_2020_SINH,
        aliases=("hypersinh",),
        description="hyper-sinh: sinh(x) / 3 for x > 0 and x^3 / 4 for x <= 0, odd-powered on "
        "both sides so that it grows without bound in each direction. f' jumps from 0 to 1/3 "
        "at 0 (C0). Written so that no intermediate overflows float16 where f is finite: above "
        "0 as 2 sinh(x/2) cosh(x/2) / 3, below as -x^2 |x| / 4, whose factors are multiplied "
        "in an order that keeps each partial product below |f|.",
        properties=Properties(monotonic=True, smoothness="C0", **_UNBOUNDED, **_ODD),
    ),
    Spec(
        name="m_arcsinh",
        formula="where(abs(x) < 1e-4, sign(x) * abs(x)**1.5 * (1 - x**2 / 6), "
        "asinh(x) * sqrt(abs(x))) / 12",
        published="asinh(x) * sqrt(abs(x)) / 12",
        family="unbounded",
        citation=PARISI_2020_ARCSINH,
        aliases=("modified_arcsinh",),
        description="Modified arcsinh asinh(x) sqrt(|x|) / 12 (the paper weights arcsinh by "
        "1/3 and the square root by 1/4), proposed both as an MLP activation and as an SVM "
        "kernel. Odd, increasing, growing like sqrt(x) log(x); f'' is unbounded at 0 (like "
        "|x|^-1/2), so it is C1. Below |x| = 1e-4 it is evaluated as sign(x) |x|^1.5 "
        "(1 - x^2 / 6) / 12 (error below 1e-17 relative), whose derivative is finite at 0.",
        properties=Properties(monotonic=True, smoothness="C1", **_UNBOUNDED, **_ODD),
        references=(
            Reference(
                lambda x: torch.asinh(x) * x.abs().sqrt() / 12,
                atol=1e-12,
                note="the paper's form",
            ),
        ),
    ),
    Spec(
        name="exponential",
        formula="exp(x)",
        family="unbounded",
        citation=KUNC_KLEMA_2024,
        checked_against="survey",
        description="The exponential e^x used as an activation, as given by the survey "
        "(section 3.39); the original paper could not be checked. Positive, increasing, "
        "unbounded above.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
    ),
    Spec(
        name="comb_h_sine",
        formula="sinh(x) + asinh(x)",
        family="unbounded",
        citation=VIJAYAPRABAKARAN_2022,
        aliases=("combined_hyperbolic_sine",),
        description="Combined hyperbolic sine sinh(x) + asinh(x), found by a differential "
        "evolution search over LSTM activations. The survey writes sinh(a x) + asinh(a x) with "
        "a predefined a; the original's function has no parameter (the survey's form at "
        "a = 1), which is what this entry follows. Odd and increasing, growing like e^x / 2.",
        properties=Properties(monotonic=True, smoothness="Cinf", **_UNBOUNDED, **_ODD),
    ),
    Spec(
        name="uaf",
        formula=f"where({_W} <= 10, log1p(expm1({_W}) * sigmoid({_V})), where({_V} > 0, "
        f"{_W} + softplus(-({_U})) - softplus(-{_V}), softplus({_U}) - softplus({_V}))) + E",
        published="softplus(A * (x + B) + C * x**2) - softplus(D * (x - B)) + E",
        family="unbounded",
        citation=YUEN_2021,
        aliases=("universal_activation_function",),
        params=(
            Param("A", 30.0, learnable=True, doc="slope inside the first softplus (trained)"),
            Param("B", 1.2e-6, learnable=True, doc="shift of both softplus arguments (trained)"),
            Param("C", 1e-7, learnable=True, doc="quadratic coefficient (trained)"),
            Param("D", 29.0, learnable=True, doc="slope inside the second softplus (trained)"),
            Param("E", 1.02e-6, learnable=True, doc="vertical offset (trained)"),
        ),
        description="Universal activation function softplus(A (x + B) + C x^2) - "
        "softplus(D (x - B)) + E with all five parameters trained, able to approximate "
        "step, sigmoid, tanh, ReLU, leaky ReLU, Gaussian and more. Defaults are the initial "
        "values of the authors' MNIST code: close to ReLU (A - D = 1), with a tiny quadratic "
        "term. With u = x (A + C x) + A B and v = D (x - B) the two softplus arguments and "
        "w = u - v, it is evaluated as log1p(expm1(w) sigmoid(v)) where w <= 10 (relative "
        "accuracy near the zero of f), as w + softplus(-u) - softplus(-v) where w > 10 and "
        "v > 0, and as written elsewhere: three exact forms, none of which subtracts two "
        "large softplus values, nor meets inf - inf in u.",
        properties=Properties(
            monotonic=False,
            lower=-0.009423374997590591,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: (
                    F.softplus(30 * (x + 1.2e-6) + 1e-7 * x**2)
                    - F.softplus(29 * (x - 1.2e-6))
                    + 1.02e-6
                ),
                atol=1e-8,
                note="the authors' form at their initial values (values up to 100)",
            ),
        ),
    ),
    Spec(
        name="lreluplus",
        formula="((1 + a) * x + (1 - a) * abs(x) "
        "+ abs(mu) * exp(-asinh((1 - a) * abs(x) / abs(mu)))) / 2",
        published="((1 + a) * x + sqrt(((1 - a) * x)**2 + mu**2)) / 2",
        family="unbounded",
        citation=BISWAS_SMU_2021,
        aliases=("smu_1", "smu1"),
        params=(
            Param("a", 0.25, 0.0, 1.0, open_high=True, doc="Leaky ReLU slope being smoothed"),
            Param(
                "mu",
                4.352665993287951e-9,
                0.0,
                open_low=True,
                learnable=True,
                doc="smoothing width; mu -> 0 gives Leaky ReLU (trained)",
            ),
        ),
        description="LReLUPlus, the SMU-1 of the SMU paper: ((1 + a) x + sqrt(((1 - a) x)^2 + "
        "mu^2)) / 2, a smooth max(x, a x) from smoothing |u| as sqrt(u^2 + mu^2). Defaults "
        "a = 0.25, mu = 4.352665993287951e-9 are the initial values of the public PyTorch "
        "implementation of SMU-1 (the paper trains mu). Evaluated with the identity "
        "sqrt(u^2 + mu^2) = |u| + mu e^(-asinh(|u| / mu)), which neither squares u nor "
        "cancels, and stays finite in float16, where mu itself underflows; mu enters as |mu|, "
        "as it does through mu^2 in the published form.",
        properties=Properties(
            monotonic=True,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
            **_UNBOUNDED,
        ),
        references=(
            Reference(
                lambda x: (1.25 * x + torch.sqrt((0.75 * x) ** 2 + 4.352665993287951e-9**2)) / 2,
                atol=1e-12,
                note="the paper's form",
            ),
            Reference(
                "leaky_relu",
                target_params={"negative_slope": 0.25},
                atol=1e-8,
                note="within mu / 2 of Leaky ReLU(a)",
            ),
        ),
    ),
)
