"""Units published from 2022 on that the survey of Kunc and Kléma (arXiv:2402.09092) does not
list: tanh-based units for physics-informed networks and light hardware (Stan, APTx), point-wise
replacements of normalization layers (Derf), and other recent proposals."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

KUMAR_2022 = Citation(
    "APTx: better activation function than MISH, SWISH, and ReLU's variants used in deep learning",
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

CHEN_PAN_2023 = Citation(
    "Saturated Non-Monotonic Activation Functions",
    "Junjia Chen, Zhibin Pan",
    2023,
    arxiv="2305.07537",
)

NOEL_OSWAL_2024 = Citation(
    "A Significantly Better Class of Activation Functions Than ReLU Like Activation Functions",
    "Mathew Mithra Noel, Yug Oswal",
    2024,
    arxiv="2405.04459",
)
NALLURI_2024 = Citation(
    "Logarithmic Linear Units (LogLUs): A Novel Activation Function for Improved Convergence in "
    "Deep Neural Networks",
    "Rishi Chaitanya Sri Prasad Nalluri et al.",
    2024,
    venue="OpenReview (ICLR 2025 submission)",
)

_SMOOTH = {"smoothness": "Cinf"}
_SATURATED = {
    "monotonic": False,
    "upper": None,
    "smoothness": "C0",
    "zero_at_zero": True,
    "zero_centered": True,
    "self_gated": True,
}


def _saturated(label: str, base: str, negative: str, lower: float, reference) -> Spec:
    """ReLU's positive part joined to the negative part of ``base`` (Chen and Pan 2023)."""
    return Spec(
        name=f"saturated_{base.lower()}",
        formula=f"where(x >= 0, x, {negative})",
        family="piecewise",
        citation=CHEN_PAN_2023,
        description=f"{label} (saturated {base}): x for x >= 0 and {base}(x) = {negative} below, "
        f"keeping {base}'s non-monotonic negative part and ReLU's identity on the positive "
        f"side. The left derivative at 0 is {base}'(0), not 1, so the unit is continuous but "
        "not differentiable there.",
        properties=Properties(lower=lower, **_SATURATED),
        references=(Reference(reference, atol=1e-12, note=f"x joined to torch's {base}"),),
    )


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
            Reference(
                "swish",
                target_params={"beta": 2.0},
                atol=1e-12,
                note="(1 + tanh(x)) x / 2 = x sigmoid(2 x)",
            ),
        ),
    ),
    Spec(
        name="stan",
        checked_against="secondary",
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
        checked_against="secondary",
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
            Reference(
                lambda x: 2 * torch.special.ndtr(x * math.sqrt(2) / 2) - 1,
                atol=1e-12,
                note="2 Phi(x / sqrt(2)) - 1, the rescaled Gaussian CDF",
            ),
        ),
    ),
    _saturated(
        "SGELU",
        "GELU",
        "x * normal_cdf(x)",
        -0.1699712074799037,
        lambda x: torch.where(x >= 0, x, torch.nn.functional.gelu(x)),
    ),
    _saturated(
        "SMish",
        "Mish",
        "x * tanh(softplus(x))",
        -0.3088434130172504,
        lambda x: torch.where(x >= 0, x, torch.nn.functional.mish(x)),
    ),
    Spec(
        name="cone",
        formula="min(x, 2 - x)",
        published="1 - abs(x - 1)",
        family="piecewise",
        citation=NOEL_OSWAL_2024,
        description="Cone 1 - |x - 1|: positive only on the interval (0, 2), zero at its ends "
        "and negative outside, so the inputs a neuron answers positively form a strip between "
        "two parallel hyperplanes rather than a half-space (a single cone neuron learns XOR). "
        "Its slope is +-1 everywhere. Evaluated as min(x, 2 - x), which is exact near 0.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(lambda x: 1 - (x - 1).abs(), atol=1e-12, note="the paper's 1 - |x - 1|"),
        ),
    ),
    Spec(
        name="parabolic_cone",
        formula="x * (2 - x)",
        family="polynomial",
        citation=NOEL_OSWAL_2024,
        aliases=("parabolic_cone_activation",),
        description="Parabolic cone x (2 - x), the smooth companion of the cone: positive on "
        "(0, 2) with its maximum 1 at x = 1, zero at both ends and negative outside.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1.0,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(Reference(lambda x: 1 - (x - 1) ** 2, atol=1e-9, note="= 1 - (x - 1)^2"),),
    ),
    Spec(
        name="loglu",
        formula="where(x > 0, x, -log1p(-min(x, 0)))",
        family="piecewise",
        citation=NALLURI_2024,
        aliases=("logarithmic_linear_unit",),
        description="Logarithmic linear unit: x for x > 0 and -ln(1 - x) otherwise, a "
        "ReLU whose negative side falls without bound but only logarithmically; the slope "
        "1 / (1 - x) is continuous at 0.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x > 0, x, -torch.log(1 - x.clamp(max=0))),
                atol=1e-12,
                note="-log(1 - x) written directly",
            ),
        ),
    ),
)
