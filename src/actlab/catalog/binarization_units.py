"""Smooth and piecewise stand-ins for sign() in binarized and quantized networks: the function
whose derivative a straight-through estimator uses in place of sign's (zero almost everywhere),
or which the network runs in the forward pass while it anneals towards sign. The survey of Kunc
and Kléma (arXiv:2402.09092) lists none of them."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

GONG_2019 = Citation(
    "Differentiable Soft Quantization: Bridging Full-Precision and Low-Bit Neural Networks",
    "Ruihao Gong, Xianglong Liu, Shenghu Jiang, Tianxiang Li, Peng Hu, Jiazhen Lin, Fengwei Yu, "
    "Junjie Yan",
    2019,
    arxiv="1908.05033",
    venue="ICCV 2019",
)
WU_2023 = Citation(
    "Estimator Meets Equilibrium Perspective: A Rectified Straight Through Estimator for Binary "
    "Neural Networks Training",
    "Xiao-Ming Wu, Dian Zheng, Zuhao Liu, Wei-Shi Zheng",
    2023,
    arxiv="2308.06689",
    venue="ICCV 2023",
)

# ReSTE's linear piece: the code sets the gradient on |x| <= 0.1 to the secant slope of |x|^(1/o)
_RESTE_CORE = 0.1

SPECS: tuple[Spec, ...] = (
    Spec(
        name="dsq",
        formula="tanh(log(2 / alpha - 1) * clamp(x, -1, 1) / 2) / (1 - alpha)",
        published="1 / (1 - alpha) * tanh(log(2 / alpha - 1) / 2 * clamp(x, -1, 1))",
        family="sigmoidal",
        citation=GONG_2019,
        aliases=("differentiable_soft_quantization", "dsq_binary"),
        params=(
            Param(
                "alpha",
                0.4,
                0.0,
                1.0,
                open_low=True,
                open_high=True,
                learnable=True,
                doc="characteristic variable: the gap between the tanh's reach and the level",
            ),
        ),
        description="Differentiable Soft Quantization at one bit on the clipping range [-1, 1]: "
        "phi(x) = s tanh(k x) with k = ln(2 / alpha - 1) / 2 and s = 1 / (1 - alpha), so that "
        "tanh(k) = 1 - alpha and phi(+-1) = +-1 exactly; inputs outside the range are clipped. "
        "alpha is learned and phi evolves during training towards the hard quantizer: "
        "alpha -> 0 gives sign(x) and alpha -> 1 the clipped identity (hard tanh). The "
        "multi-bit quantizer repeats this cell on every quantization interval. alpha = 0.4 is "
        "the default of MQBench's DSQFakeQuantize, which sets s and k (per unit of interval "
        "width) from alpha in the same way; the paper's body was not reachable here.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.tanh(math.log(2) * x.clamp(-1, 1)) / 0.6,
                atol=1e-12,
                note="tanh(ln(2) clip(x, -1, 1)) / 0.6 at alpha = 0.4",
            ),
        ),
        checked_against="secondary",
    ),
    Spec(
        name="reste",
        formula=f"where(abs(x) <= {_RESTE_CORE}, x * {_RESTE_CORE}**(1 / o - 1), "
        f"sign(x) * clamp(abs(x), {_RESTE_CORE}, t)**(1 / o))",
        published=f"where(abs(x) <= {_RESTE_CORE}, x * {_RESTE_CORE}**(1 / o - 1), "
        "sign(x) * min(abs(x), t)**(1 / o))",
        family="sigmoidal",
        citation=WU_2023,
        aliases=("rectified_ste",),
        params=(
            Param("o", 3.0, 1.0, doc="power: 1 is the clipped identity, larger nears sign"),
            Param("t", 1.5, _RESTE_CORE, open_low=True, doc="clipping threshold"),
        ),
        description="The rectified straight-through estimator (ReSTE): sign is replaced in the "
        "backward pass by the power function sign(x) |x|^(1/o), clipped at |x| = t (zero "
        "gradient beyond), so that o trades the estimating error against gradient stability; "
        "o rises from 1 (the plain clipped STE) to 3 during training and t = 1.5 (defaults and "
        "schedule end from the authors' code). Near 0, where |x|^(1/o) has an infinite slope, "
        "the code uses the secant slope 0.1^(1/o) / 0.1 on |x| <= 0.1, which makes this "
        "primitive linear there.",
        properties=Properties(
            monotonic=True,
            lower=-(1.5 ** (1 / 3)),
            upper=1.5 ** (1 / 3),
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                F.hardtanh,
                params={"o": 1.0, "t": 1.0},
                atol=1e-15,
                note="o = 1, t = 1 is the clipped identity of the plain STE",
            ),
        ),
    ),
)
