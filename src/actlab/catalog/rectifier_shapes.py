"""Rectifier shapes of the survey's section 3.6: the apical dendrite activations of pyramidal
neurons (ADA and leaky ADA), the displaced ReLU and SignReLU."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

GEORGESCU_2020 = Citation(
    "Non-linear Neurons with Human-like Apical Dendrite Activations",
    "Mariana-Iuliana Georgescu, Radu Tudor Ionescu, Nicolae-Catalin Ristea, Nicu Sebe",
    2020,
    arxiv="2003.03229",
)
MACEDO_2019 = Citation(
    "Enhancing Batch Normalized Convolutional Networks using Displaced Rectifier Linear Units: "
    "A Systematic Comparative Study",
    "David Macêdo, Cleber Zanchettin, Adriano L. I. Oliveira, Teresa Ludermir",
    2019,
    venue="Expert Systems with Applications 124, 271-281",
)
LI_FENG_ZHOU_2022 = Citation(
    "SignReLU neural network and its approximation ability",
    "Jianfei Li, Han Feng, Ding-Xuan Zhou",
    2022,
    arxiv="2210.10264",
)

# Identity for x > 0, increasing towards a finite floor below.
_LEFT_SATURATING = dict(monotonic=True, upper=None, zero_at_zero=True, zero_centered=True)

# ReLU(x) e^(b - a x) on a clamped copy of x: below 0 the factor e^(-a x) would overflow to inf and
# form 0 * inf.
_DENDRITE = "max(x, 0) * exp(b - a * max(x, 0))"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="ada",
        formula=_DENDRITE,
        family="piecewise",
        citation=GEORGESCU_2020,
        aliases=("apical_dendrite_activation",),
        params=(
            Param(
                "a",
                0.3,
                0.0,
                open_low=True,
                learnable=True,
                doc="decay alpha; the peak e^b / (a e) is at x = 1/a",
            ),
            Param("b", 0.0, doc="log-scale beta of the response"),
        ),
        description="Apical dendrite activation max(x, 0) e^(b - a x): zero for x < 0, a maximal "
        "response near the threshold and a dampened one for strong inputs, so that one neuron "
        "can separate XOR. Defaults from the authors' code, max(x, 0) e^(-0.3 x) (b = 0; a is "
        "trained in the paper's optimized variants).",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1 / (0.3 * math.e),
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
    Spec(
        name="lada",
        formula=f"leak * min(x, 0) + {_DENDRITE}",
        family="piecewise",
        citation=GEORGESCU_2020,
        aliases=("leaky_apical_dendrite_activation", "leaky_ada"),
        params=(
            Param("a", 0.1, 0.0, open_low=True, learnable=True, doc="decay alpha"),
            Param("b", 0.0, doc="log-scale beta of the response"),
            Param("leak", 0.01, 0.0, doc="slope for x < 0"),
        ),
        description="Leaky apical dendrite activation leak min(x, 0) + max(x, 0) e^(b - a x): ADA "
        "with a leaky-ReLU slope for negative inputs (a = 0.1, leak = 0.01 as in the authors' "
        "MLP code).",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1 / (0.1 * math.e),
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                "ada",
                params={"leak": 0.0, "a": 0.3},
                target_params={"a": 0.3},
                atol=1e-12,
                note="leak = 0 is ADA",
            ),
        ),
    ),
    Spec(
        name="displaced_relu",
        formula="max(x, -d)",
        family="piecewise",
        citation=MACEDO_2019,
        aliases=("disrelu",),
        params=(Param("d", 0.05, 0.0, doc="displacement delta into the third quadrant"),),
        description="Displaced ReLU max(x, -d): the identity extended to -d before saturating, "
        "so that batch-normalized inputs keep part of their negative range (d = 0.05 as in the "
        "paper).",
        properties=Properties(lower=-0.05, smoothness="C0", **_LEFT_SATURATING),
        references=(Reference("relu", params={"d": 0.0}, atol=0.0, note="d = 0 is ReLU"),),
    ),
    Spec(
        name="signrelu",
        formula="where(x > 0, x, a * min(x, 0) / (1 - min(x, 0)))",
        family="piecewise",
        citation=LI_FENG_ZHOU_2022,
        aliases=("sign_relu", "dlu"),
        params=(Param("a", 1.0, 0.0, doc="scale of the softsign branch; 0 is ReLU"),),
        description="SignReLU: x for x > 0 and a x / (1 + |x|) (softsign) below, bounded by -a "
        "on the left; also published as DLU. a = 1 here, where it is C1 (the paper treats a "
        "as a fixed hyperparameter).",
        properties=Properties(lower=-1.0, smoothness="C1", **_LEFT_SATURATING),
        references=(
            Reference("relu", params={"a": 0.0}, atol=0.0, note="a = 0 is ReLU"),
            Reference(
                lambda x: torch.where(x > 0, x, torch.nn.functional.softsign(x)),
                atol=1e-12,
                note="a = 1: x above 0, softsign below",
            ),
        ),
    ),
)
