"""Units published from 2022 on that the survey of Kunc and Kléma (arXiv:2402.09092) does not
list: tanh-based units for physics-informed networks and light hardware (Stan, APTx), point-wise
replacements of normalization layers (Derf), and other recent proposals."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

KUMAR_2022 = Citation(
    "APTx: better activation function than MISH, SWISH, and ReLU's variants used in deep "
    "learning",
    "Ravin Kumar",
    2022,
    arxiv="2209.06119",
    venue="International Journal of Artificial Intelligence and Machine Learning 2(2), 56-61",
)
GNANASAMBANDAM_2023 = Citation(
    "Self-scalable Tanh (Stan): Multi-Scale Solutions for Physics-Informed Neural Networks",
    "Raghav Gnanasambandam, Bo Shen, Jihoon Chung, Xubo Yue, Zhenyu Kong",
    2023,
    arxiv="2204.12589",
    venue="IEEE Transactions on Pattern Analysis and Machine Intelligence 45(12)",
)
CHEN_2025 = Citation(
    "Stronger Normalization-Free Transformers",
    "Mingzhi Chen, Taiming Lu, Jiachen Zhu, Mingjie Sun, Zhuang Liu",
    2025,
    arxiv="2512.10938",
)

_SMOOTH = {"smoothness": "Cinf"}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="aptx",
        formula="gamma * x * (alpha - 1 + 2 * sigmoid(2 * beta * x))",
        published="(alpha + tanh(beta * x)) * gamma * x",
        family="gated",
        citation=KUMAR_2022,
        aliases=("alpha_plus_tanh_times",),
        params=(
            Param("alpha", 1.0, doc="baseline shift of the gate"),
            Param("beta", 1.0, doc="input scale inside the tanh"),
            Param("gamma", 0.5, doc="output amplitude"),
        ),
        description="APTx (alpha plus tanh times) (alpha + tanh(beta x)) gamma x, proposed as a "
        "cheaper stand-in for Mish; the defaults alpha = 1, beta = 1, gamma = 1/2 follow Mish's "
        "positive part (beta = 1/2 follows its negative part). At the defaults it equals "
        "x sigmoid(2 x), swish with beta = 2. The parameters may be trained. Evaluated with "
        "1 + tanh(y) = 2 sigmoid(2 y), which keeps the left tail's relative accuracy.",
        properties=Properties(
            monotonic=False,
            lower=-0.1392322713805369,
            upper=None,
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
            **_SMOOTH,
        ),
        references=(
            Reference("swish", target_params={"beta": 2.0}, atol=1e-12,
                      note="(1 + tanh(x)) x / 2 = x sigmoid(2 x)"),
        ),
    ),
    Spec(
        name="stan",
        formula="tanh(x) + beta * x * tanh(x)",
        family="sigmoidal",
        citation=GNANASAMBANDAM_2023,
        aliases=("self_scalable_tanh",),
        params=(Param("beta", 1.0, learnable=True, doc="trained scale of x tanh(x)"),),
        description="Self-scalable tanh tanh(x) + beta x tanh(x) = tanh(x) (1 + beta x), for "
        "physics-informed networks: smooth, non-saturating, with one trained beta per neuron, "
        "started at 1. beta = 0 is tanh.",
        properties=Properties(
            monotonic=False,
            lower=-0.2322705554978871,
            upper=None,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(Reference("tanh", params={"beta": 0.0}, atol=0.0, note="beta = 0 is tanh"),),
    ),
    Spec(
        name="derf",
        formula="gamma * erf(alpha * x + s) + beta",
        family="sigmoidal",
        citation=CHEN_2025,
        aliases=("dynamic_erf",),
        params=(
            Param("alpha", 0.5, learnable=True, doc="input scale (initialized to 0.5)"),
            Param("s", 0.0, learnable=True, doc="input shift (initialized to 0)"),
            Param("gamma", 1.0, learnable=True, doc="output scale"),
            Param("beta", 0.0, learnable=True, doc="output shift"),
        ),
        description="Dynamic erf gamma erf(alpha x + s) + beta, found by a search over "
        "point-wise functions that replace LayerNorm in Transformers; like DyT, whose tanh it "
        "replaces by erf and to which it adds the trained input shift s. gamma and beta are "
        "per-channel vectors in the paper (scalars here); alpha starts at 0.5 and s at 0.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference(lambda x: torch.erf(x / 2), atol=1e-15, note="erf(x / 2) at the defaults"),
            Reference(lambda x: 2 * torch.special.ndtr(x * math.sqrt(2) / 2) - 1, atol=1e-12,
                      note="2 Phi(x / sqrt(2)) - 1, the rescaled Gaussian CDF"),
        ),
    ),
)
