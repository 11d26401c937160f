"""Every built-in attention normalizer, each declared once, and :func:`lookup`. Formulas follow
the cited papers; ``y`` is the score after the declared gain, ``m`` the running row maximum
(exponential rules only), ``n`` the number of keys the row may attend to."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from actlab.attention.elementwise import from_catalog
from actlab.attention.normalizer import NORMALIZERS, Normalizer, log_length
from actlab.catalog.spec import Citation, Param
from actlab.errors import UnknownNameError

VASWANI = Citation("Attention Is All You Need", "Vaswani et al.", 2017, "1706.03762")
MILLER = Citation(
    "Attention Is Off By One", "Miller", 2023, venue="evanmiller.org/attention-is-off-by-one.html"
)
NAKANISHI = Citation("Scalable-Softmax Is Superior for Attention", "Nakanishi", 2025, "2501.19399")
RAMAPURAM = Citation(
    "Theory, Analysis, and Best Practices for Sigmoid Self-Attention",
    "Ramapuram et al.",
    2024,
    "2409.04431",
)
WORTSMAN = Citation(
    "Replacing softmax with ReLU in Vision Transformers", "Wortsman et al.", 2023, "2309.08586"
)
HUA = Citation("Transformer Quality in Linear Time", "Hua et al.", 2022, "2202.10447")
GAO = Citation(
    "Softplus Attention with Re-weighting Boosts Length Extrapolation in Large Language Models",
    "Gao and Spratling",
    2025,
    "2501.13428",
)
ZUHRI = Citation(
    "Softpick: No Attention Sink, No Massive Activations with Rectified Softmax",
    "Zuhri, Fuadi and Aji",
    2025,
    "2504.20966",
)
ZIMERMAN = Citation(
    "Power-Softmax: Towards Secure LLM Inference over Encrypted Data",
    "Zimerman et al.",
    2024,
    "2410.09457",
)
MARTINS = Citation(
    "From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification",
    "Martins and Astudillo",
    2016,
    "1602.02068",
)
PETERS = Citation(
    "Sparse Sequence-to-Sequence Models", "Peters, Niculae and Martins", 2019, "1905.05702"
)
TAN = Citation("Stick-breaking Attention", "Tan et al.", 2024, "2410.17980")


def _exp(y, m, _n, _p):
    return torch.exp(y - m)


def _shifted_one(m, _p):
    return torch.exp(-m)


def _softpick_num(y, m, _n, _p):
    return F.relu(torch.exp(y - m) - torch.exp(-m))


def _softpick_den(y, m, _n, _p):
    return (torch.exp(y - m) - torch.exp(-m)).abs()


def _softpick_dnum(y, m, _n, _p):
    return torch.where(y > 0, torch.exp(y - m), 0.0)


def _softpick_dden(y, m, _n, _p):
    return torch.exp(y - m) * torch.sign(y)


def _power(y, _m, _n, p):
    return y.abs() ** p["p"]


def _dpower(y, _m, _n, p):
    return p["p"] * y.abs() ** (p["p"] - 1) * torch.sign(y)


def _softplus_power(y, _m, _n, p):
    return F.softplus(y) ** p["p"]


def _dsoftplus_power(y, _m, _n, p):
    return p["p"] * F.softplus(y) ** (p["p"] - 1) * torch.sigmoid(y)


def _sigmoid_bias(n, p):
    return -log_length(n) if p["b"] is None else p["b"]


def _sigmoid(y, _m, n, p):
    return torch.sigmoid(y + _sigmoid_bias(n, p))


def _dsigmoid(y, _m, n, p):
    s = torch.sigmoid(y + _sigmoid_bias(n, p))
    return s * (1 - s)


def _relu_l(y, _m, n, _p):
    return F.relu(y) / n.clamp_min(1)


def _drelu_l(y, _m, n, _p):
    return (y > 0).to(y.dtype) / n.clamp_min(1)


def _relu2_l(y, _m, n, _p):
    return F.relu(y) ** 2 / n.clamp_min(1)


def _drelu2_l(y, _m, n, _p):
    return 2 * F.relu(y) / n.clamp_min(1)


def _ssmax_gain(n, p):
    return p["s"] * log_length(n)


def _length_gain(n, p):
    return log_length(n) / math.log(p["train_length"])


SCALE = Param("s", 0.43, 0.0, open_low=True, doc="scale: logits times s * log n")
TRAIN_LENGTH = Param(
    "train_length", 64.0, 2.0, doc="training length n_train of the gain log n / log n_train"
)

for normalizer in (
    Normalizer(
        "softmax",
        "row",
        "e^x / sum e^x",
        VASWANI,
        shifts=True,
        num=_exp,
        dnum=_exp,
        den=_exp,
        dden=_exp,
        description="the reference",
    ),
    Normalizer(
        "softmax1",
        "row",
        "e^x / (1 + sum e^x)",
        MILLER,
        shifts=True,
        num=_exp,
        dnum=_exp,
        den=_exp,
        dden=_exp,
        constant=_shifted_one,
        aliases=("softmax_plus_one", "off_by_one"),
        description="a row may give (almost) no weight to any key",
    ),
    Normalizer(
        "ssmax",
        "row",
        "softmax(s log(n) x)",
        NAKANISHI,
        (SCALE,),
        needs_length=True,
        shifts=True,
        num=_exp,
        dnum=_exp,
        den=_exp,
        dden=_exp,
        gain=_ssmax_gain,
        aliases=("scalable_softmax",),
        description="keeps attention focused as n grows",
    ),
    Normalizer(
        "softpick",
        "row",
        "relu(e^x - 1) / (sum |e^x - 1| + eps)",
        ZUHRI,
        (Param("eps", 1e-6, 0.0),),
        sparse=True,
        shifts=True,
        num=_softpick_num,
        dnum=_softpick_dnum,
        den=_softpick_den,
        dden=_softpick_dden,
        constant=lambda m, p: p["eps"] * torch.exp(-m),
        description="rectified softmax: exact zeros, no attention sink",
    ),
    Normalizer(
        "power_softmax",
        "row",
        "|x|^p / sum |x|^p (x^p for even p)",
        ZIMERMAN,
        (Param("p", 2.0, 1.0, 16.0),),
        num=_power,
        dnum=_dpower,
        den=_power,
        dden=_dpower,
        description="polynomial, for encrypted inference",
    ),
    Normalizer(
        "softplus_l1",
        "row",
        "softplus(x log n / log n_train) / sum softplus(...)",
        GAO,
        (TRAIN_LENGTH, Param("p", 1.0, 1.0, 8.0, doc="re-weighting power")),
        needs_length=True,
        num=_softplus_power,
        dnum=_dsoftplus_power,
        den=_softplus_power,
        dden=_dsoftplus_power,
        gain=_length_gain,
        aliases=("lssa",),
        description="LSSA; p > 1 re-weights, w^p / sum w^p (LSSAR)",
    ),
    Normalizer(
        "sigmoid",
        "elementwise",
        "sigmoid(x + b), b = -log n unless given",
        RAMAPURAM,
        (Param("b", 0.0),),
        needs_length=True,
        num=_sigmoid,
        dnum=_dsigmoid,
        optional={"b": "-log n"},
        description="FlashSigmoid's rule; no row sum",
    ),
    Normalizer(
        "relu_l",
        "elementwise",
        "relu(x) / n",
        WORTSMAN,
        needs_length=True,
        sparse=True,
        num=_relu_l,
        dnum=_drelu_l,
        description="ReLU attention divided by length",
    ),
    Normalizer(
        "relu2_l",
        "elementwise",
        "relu(x)^2 / n",
        HUA,
        needs_length=True,
        sparse=True,
        num=_relu2_l,
        dnum=_drelu2_l,
        description="squared ReLU attention (FLASH)",
    ),
    Normalizer(
        "sparsemax",
        "entmax",
        "argmin_{p in simplex} ||p - x||^2",
        MARTINS,
        (Param("alpha", 2.0, 2.0, 2.0),),
        sparse=True,
        description="entmax, alpha = 2",
    ),
    Normalizer(
        "entmax",
        "entmax",
        "[(alpha-1) x - tau]_+^(1/(alpha-1)), rows summing to 1",
        PETERS,
        (Param("alpha", 1.5, 1.0, 4.0, learnable=True),),
        sparse=True,
        aliases=("alpha_entmax",),
        description="alpha = 1 is softmax, 2 sparsemax",
    ),
    Normalizer(
        "stick_breaking",
        "stick",
        "sigmoid(x_ij) prod_{j<k<i} (1 - sigmoid(x_ik))",
        TAN,
        aliases=("stickbreaking",),
        description="causal only; recency by construction; keys strictly before the query",
    ),
):
    NORMALIZERS.register(normalizer)


def lookup(name: str | Normalizer) -> Normalizer:
    """The registered normalizer ``name``, or an elementwise normalizer made from the catalog
    entry ``name`` (its formula as ``f``, its symbolic derivative as ``f'``).

    >>> lookup("sparsemax").kind, lookup("gelu").kind
    ('entmax', 'elementwise')
    """
    if isinstance(name, Normalizer):
        return name
    found = NORMALIZERS.get(name)
    if found is not None:
        return found
    try:
        return from_catalog(name)
    except UnknownNameError:
        raise UnknownNameError(
            "attention normalizer (or catalog nonlinearity)",
            name,
            [*NORMALIZERS.names(), "<any catalog entry>"],
        ) from None
