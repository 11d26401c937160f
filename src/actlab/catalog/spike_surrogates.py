"""Primitive functions of surrogate gradients for spiking networks: smooth or piecewise steps
whose derivative replaces the Heaviside spike's in the backward pass, and which SpikingJelly
also runs in the forward pass (``spiking=False``). None is listed by the survey of Kunc and
Kléma (arXiv:2402.09092)."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

FANG_2021 = Citation(
    "Incorporating Learnable Membrane Time Constant to Enhance Learning of Spiking Neural Networks",
    "Wei Fang, Zhaofei Yu, Yanqi Chen, Timothée Masquelier, Tiejun Huang, Yonghong Tian",
    2021,
    arxiv="2007.05785",
    venue="ICCV 2021",
)
FANG_2023 = Citation(
    "SpikingJelly: An open-source machine learning infrastructure platform for spike-based "
    "intelligence",
    "Wei Fang et al.",
    2023,
    venue="Science Advances 9(40)",
)
SHRESTHA_2018 = Citation(
    "SLAYER: Spike Layer Error Reassignment in Time",
    "Sumit Bam Shrestha, Garrick Orchard",
    2018,
    arxiv="1810.08646",
    venue="NeurIPS 2018",
)
SUETAKE_2023 = Citation(
    "S2NN: Time step reduction of spiking surrogate gradients for training energy efficient "
    "single-step spiking neural networks",
    "Kazuma Suetake, Shin-ichi Ikegawa, Ryuji Saiin, Yoshihide Sawada",
    2023,
    arxiv="2201.10879",
    venue="Neural Networks 159",
)
HERRANZ_CELOTTI_2022 = Citation(
    "Surrogate Gradients Design", "Luca Herranz-Celotti, Jean Rouat", 2022, arxiv="2202.00282"
)
CAI_2017 = Citation(
    "Deep Learning with Low Precision by Half-wave Gaussian Quantization",
    "Zhaowei Cai, Xiaodong He, Jian Sun, Nuno Vasconcelos",
    2017,
    arxiv="1702.00953",
    venue="CVPR 2017",
)

ZENKE_2018 = Citation(
    "SuperSpike: Supervised learning in multilayer spiking neural networks",
    "Friedemann Zenke, Surya Ganguli",
    2018,
    arxiv="1705.11146",
    venue="Neural Computation 30(6)",
)
WU_2018 = Citation(
    "Spatio-Temporal Backpropagation for Training High-performance Spiking Neural Networks",
    "Yujie Wu, Lei Deng, Guoqi Li, Jun Zhu, Luping Shi",
    2018,
    arxiv="1706.02609",
    venue="Frontiers in Neuroscience 12",
)
ESSER_2016 = Citation(
    "Convolutional networks for fast, energy-efficient neuromorphic computing",
    "Steven K. Esser et al.",
    2016,
    arxiv="1603.08270",
    venue="PNAS 113(41)",
)

_STEP = {
    "monotonic": True,
    "lower": 0.0,
    "upper": 1.0,
    "zero_at_zero": False,
    "zero_centered": False,
}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="spike_atan",
        formula="where(x < -1, -atan(2 / (pi * alpha * min(x, -1))) / pi, "
        "atan(pi / 2 * alpha * x) / pi + 1 / 2)",
        published="atan(pi / 2 * alpha * x) / pi + 1 / 2",
        family="sigmoidal",
        citation=FANG_2021,
        aliases=("atan_surrogate",),
        params=(Param("alpha", 2.0, 0.0, open_low=True, doc="sharpness"),),
        description="The arc-tangent surrogate of spiking neurons, atan(pi alpha x / 2) / pi + "
        "1/2 with alpha = 2: a step from 0 to 1 with algebraic (1 / x) tails, whose "
        "derivative alpha / (2 (1 + (pi alpha x / 2)^2)) replaces the spike's; SpikingJelly's "
        "default surrogate ATan. Below x = -1 it is evaluated as -atan(1 / y) / pi with "
        "y = pi alpha x / 2, which keeps the left tail's relative accuracy.",
        properties=Properties(smoothness="Cinf", **_STEP),
        references=(
            Reference(
                lambda x: torch.atan(math.pi * x) / math.pi + 0.5,
                atol=1e-15,
                note="atan(pi x) / pi + 1/2 at alpha = 2",
            ),
        ),
    ),
    Spec(
        name="piecewise_exp",
        formula="where(x < 0, exp(alpha * min(x, 0)) / 2, 1 - exp(-alpha * max(x, 0)) / 2)",
        family="sigmoidal",
        citation=SHRESTHA_2018,
        aliases=("laplace_cdf",),
        params=(Param("alpha", 1.0, 0.0, open_low=True, doc="sharpness"),),
        description="The piecewise-exponential surrogate of SLAYER: e^(alpha x) / 2 below 0 "
        "and 1 - e^(-alpha x) / 2 above, the CDF of a Laplace distribution, whose derivative "
        "(alpha / 2) e^(-alpha |x|) replaces the spike's (SpikingJelly's PiecewiseExp, "
        "alpha = 1).",
        properties=Properties(smoothness="C1", **_STEP),
        references=(
            Reference(
                lambda x: torch.where(x < 0, torch.exp(x) / 2, 1 - torch.exp(-x) / 2),
                atol=1e-15,
                note="the two exponential pieces at alpha = 1",
            ),
        ),
    ),
    Spec(
        name="piecewise_leaky_relu_step",
        formula="where(x < -w, c * x + c * w, where(x > w, c * x - c * w + 1, x / (2 * w) + "
        "1 / 2))",
        family="piecewise",
        citation=FANG_2023,
        aliases=("spike_piecewise_leaky_relu",),
        params=(
            Param("w", 1.0, 0.0, open_low=True, doc="half-width of the linear ramp"),
            Param("c", 0.01, 0.0, doc="slope outside the ramp"),
        ),
        description="SpikingJelly's PiecewiseLeakyReLU surrogate: a ramp x / (2 w) + 1/2 "
        "on [-w, w] continued by lines of slope c outside, so the gradient never vanishes; "
        "c = 0 is a hard sigmoid. Defaults w = 1, c = 0.01.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                "hard_sigmoid_bc",
                params={"c": 0.0},
                atol=1e-15,
                note="w = 1, c = 0 is clip((x + 1) / 2, 0, 1)",
            ),
        ),
    ),
    Spec(
        name="s2nn",
        formula="where(x < 0, sigmoid(alpha * x), beta * log1p(max(x, 0)) + 1 / 2)",
        family="sigmoidal",
        citation=SUETAKE_2023,
        aliases=("s2nn_surrogate",),
        params=(
            Param("alpha", 4.0, 0.0, open_low=True, doc="sigmoid sharpness below 0"),
            Param("beta", 1.0, 0.0, doc="weight of the logarithmic branch above 0"),
        ),
        description="The S2NN surrogate's primitive: sigmoid(alpha x) below 0 and "
        "beta ln(1 + x) + 1/2 above, so the gradient decays like 1 / x rather than "
        "exponentially for positive inputs (alpha = 4, beta = 1). The constant 1/2 follows "
        "SpikingJelly's implementation, which makes the function continuous; its docstring "
        "writes + 1.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x < 0, torch.sigmoid(4 * x), torch.log1p(x.clamp(min=0)) + 0.5
                ),
                atol=1e-15,
                note="the two branches at the defaults",
            ),
        ),
    ),
    Spec(
        name="q_pseudo_spike",
        formula="where(x < 0, (1 + 2 * abs(x) / (alpha - 1))**(1 - alpha) / 2, "
        "1 - (1 + 2 * abs(x) / (alpha - 1))**(1 - alpha) / 2)",
        family="sigmoidal",
        citation=HERRANZ_CELOTTI_2022,
        aliases=("qpseudospike",),
        params=(
            Param(
                "alpha",
                2.0,
                1.0,
                open_low=True,
                doc="tail fatness q of the surrogate gradient, > 1",
            ),
        ),
        description="The q-PseudoSpike surrogate's primitive: a step from 0 to 1 whose "
        "derivative (1 + 2 |x| / (alpha - 1))^(-alpha) has power-law tails, fatter for "
        "smaller alpha (alpha is the paper's q). At alpha = 2 it is 1 / (2 (1 - 2 x)) below "
        "0 and 1 - 1 / (2 (1 + 2 x)) above.",
        properties=Properties(smoothness="C1", **_STEP),
        references=(
            Reference(
                lambda x: torch.where(x < 0, 0.5 / (1 - 2 * x), 1 - 0.5 / (1 + 2 * x)),
                atol=1e-12,
                note="the alpha = 2 form",
            ),
        ),
    ),
    Spec(
        name="log_tailed_relu",
        formula="where(x > q, q + log1p(x - q), where(x > 0, x, alpha * x))",
        family="piecewise",
        citation=CAI_2017,
        aliases=("log_tailed_rectifier",),
        params=(
            Param("q", 1.0, 0.0, open_low=True, doc="where the logarithmic tail starts"),
            Param("alpha", 0.0, 0.0, doc="slope for x <= 0"),
        ),
        description="Log-tailed ReLU of half-wave Gaussian quantization: x on (0, q], then "
        "q + ln(x - q + 1), whose slope 1 / (x - q + 1) shrinks the outliers a quantizer "
        "clips, and 0 (alpha x in SpikingJelly's LogTailedReLU) below 0. q is the largest "
        "quantization level in the paper; q = 1 as in SpikingJelly.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x > 1, 1 + torch.log(x.clamp(min=1)), torch.relu(x)),
                atol=1e-12,
                note="1 + ln(x) above 1, ReLU below",
            ),
        ),
    ),
    Spec(
        name="spike_softsign",
        formula="where(x < 0, 1 / (2 * (1 + alpha * abs(x))), 1 - 1 / (2 * (1 + alpha * abs(x))))",
        published="(alpha * x / (1 + abs(alpha * x)) + 1) / 2",
        family="sigmoidal",
        citation=ZENKE_2018,
        aliases=("superspike_step",),
        params=(Param("alpha", 2.0, 0.0, open_low=True, doc="sharpness"),),
        description="The soft-sign surrogate's primitive (softsign(alpha x) + 1) / 2, whose "
        "derivative alpha / (2 (1 + alpha |x|)^2) is SuperSpike's fast-sigmoid surrogate "
        "(SpikingJelly's SoftSign, alpha = 2). alpha = 1 is Elliott's sigmoid. Evaluated as "
        "1 / (2 (1 + alpha |x|)) below 0, which keeps the left tail's relative accuracy.",
        properties=Properties(smoothness="C1", **_STEP),
        references=(
            Reference(
                "elliott",
                params={"alpha": 1.0},
                atol=1e-15,
                note="alpha = 1 is the Elliott sigmoid",
            ),
        ),
    ),
    Spec(
        name="spike_erf",
        formula="normal_cdf(sqrt(2) * alpha * x)",
        published="erfc(-alpha * x) / 2",
        family="sigmoidal",
        citation=WU_2018,
        aliases=("erf_surrogate",),
        params=(Param("alpha", 2.0, 0.0, open_low=True, doc="sharpness"),),
        description="The Gaussian-error surrogate's primitive erfc(-alpha x) / 2, a normal CDF "
        "with standard deviation 1 / (sqrt(2) alpha), whose Gaussian derivative (alpha / "
        "sqrt(pi)) e^(-alpha^2 x^2) replaces the spike's (SpikingJelly's Erf, alpha = 2). "
        "alpha = 1 / sqrt(2) is the probit. Evaluated as Phi(sqrt(2) alpha x).",
        properties=Properties(smoothness="Cinf", **_STEP),
        references=(
            Reference(
                "probit",
                params={"alpha": 2**-0.5},
                atol=1e-15,
                note="alpha = 1 / sqrt(2) is the standard normal CDF",
            ),
        ),
    ),
    Spec(
        name="piecewise_quadratic_step",
        formula="where(x < 0, (1 + alpha * clamp(x, -1 / alpha, 0))**2 / 2, "
        "1 - (1 - alpha * clamp(x, 0, 1 / alpha))**2 / 2)",
        family="sigmoidal",
        citation=ESSER_2016,
        aliases=("spike_piecewise_quadratic",),
        params=(Param("alpha", 1.0, 0.0, open_low=True, doc="1 / alpha is the half-width"),),
        description="The piecewise-quadratic surrogate's primitive: 0 below -1/alpha, "
        "(1 + alpha x)^2 / 2 up to 0, 1 - (1 - alpha x)^2 / 2 up to 1/alpha and 1 above, whose "
        "derivative is the triangle alpha max(0, 1 - alpha |x|) used by Esser et al. "
        "(SpikingJelly's PiecewiseQuadratic, alpha = 1). At alpha = 1 it is (ApproxSign(x) + "
        "1) / 2.",
        properties=Properties(smoothness="C1", sparse=True, **_STEP),
        references=(
            Reference(
                lambda x: (2 * x.clamp(-1, 1) - x.clamp(-1, 1) * x.clamp(-1, 1).abs() + 1) / 2,
                atol=1e-15,
                note="(ApproxSign(x) + 1) / 2 at alpha = 1",
            ),
        ),
    ),
)
