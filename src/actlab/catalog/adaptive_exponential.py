"""Adaptive ELU- and ReLU-like units from the survey's section 4.2: ELU and PELU with a learned
horizontal or vertical shift (ShELU, SvELU, PShELU, PSvELU), the parametric deformable ELU, the
erf-based ReLU and the parametric variational linear unit."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

GRELSSON_2018 = Citation(
    "Improved Learning in Convolutional Neural Networks with Shifted Exponential Linear Units "
    "(ShELUs)",
    "Bertil Grelsson, Michael Felsberg",
    2018,
    venue="ICPR 2018, 517-522",
)
CHENG_2020 = Citation(
    "Parametric Deformable Exponential Linear Units for deep neural networks",
    "Qishang Cheng, HongLiang Li, Qingbo Wu, Lei Ma, King Ngi Ngan",
    2020,
    venue="Neural Networks 125, 281-289",
)
RAJANAND_2023 = Citation(
    "ErfReLU: Adaptive Activation Function for Deep Neural Network",
    "Ashish Rajanand, Pradeep Singh",
    2023,
    venue="Pattern Analysis and Applications (2024)",
)
GUPTA_2021 = Citation(
    "Parametric Variational Linear Units (PVLUs) in Deep Convolutional Networks",
    "Aarush Gupta, Shikhar Ahuja",
    2021,
    arxiv="2110.12246",
)


def _shift(doc: str) -> Param:
    return Param("c", 0.0, learnable=True, doc=doc)


def _pelu_params() -> tuple[Param, Param]:
    return (
        Param("a", 1.0, 0.0, open_low=True, learnable=True, doc="PELU's saturation -a (trained)"),
        Param("b", 1.0, 0.0, open_low=True, learnable=True, doc="PELU's decay scale (trained)"),
    )


_ELU_LIKE = dict(monotonic=True, upper=None, smoothness="C1", zero_at_zero=True, zero_centered=True)
_AT_ZERO_SHIFT = "; c = 0 (its initial value, where the unit starts as {base}) is {base}."

SPECS: tuple[Spec, ...] = (
    Spec(
        name="shelu",
        formula="where(x + c > 0, x + c, expm1(x + c))",
        family="exponential",
        citation=GRELSSON_2018,
        aliases=("shifted_elu",),
        params=(_shift("horizontal shift, learned per neuron"),),
        description="Shifted ELU with a horizontal shift: ELU(x + c), the shift c learned for "
        "each neuron (the authors found learned piecewise-linear units settle on a shifted "
        "ELU shape)" + _AT_ZERO_SHIFT.format(base="ELU"),
        properties=Properties(lower=-1.0, **_ELU_LIKE),
        references=(
            Reference("elu", atol=0.0, note="c = 0 is ELU"),
            Reference(
                lambda x: torch.nn.functional.elu(x + 0.5),
                params={"c": 0.5},
                atol=1e-12,
                note="= torch's elu(x + c)",
            ),
        ),
    ),
    Spec(
        name="svelu",
        formula="where(x > 0, x, expm1(x)) + c",
        family="exponential",
        citation=GRELSSON_2018,
        params=(_shift("vertical shift, learned per neuron"),),
        description="Shifted ELU with a vertical shift: ELU(x) + c, the output offset c learned "
        "for each neuron" + _AT_ZERO_SHIFT.format(base="ELU"),
        properties=Properties(lower=-1.0, **_ELU_LIKE),
        references=(
            Reference("elu", atol=0.0, note="c = 0 is ELU"),
            Reference(
                lambda x: torch.nn.functional.elu(x) - 0.25,
                params={"c": -0.25},
                atol=1e-12,
                note="= torch's elu(x) + c",
            ),
        ),
    ),
    Spec(
        name="pshelu",
        formula="where(x + c >= 0, (a / b) * (x + c), a * expm1((x + c) / b))",
        family="exponential",
        citation=GRELSSON_2018,
        aliases=("shifted_pelu",),
        params=(*_pelu_params(), _shift("horizontal shift, learned per neuron")),
        description="Parametric ELU (Trottier et al.) with a learned horizontal shift: "
        "PELU(x + c)" + _AT_ZERO_SHIFT.format(base="PELU"),
        properties=Properties(lower=-1.0, **_ELU_LIKE),
        references=(Reference("pelu", atol=0.0, note="c = 0 is PELU"),),
    ),
    Spec(
        name="psvelu",
        formula="where(x >= 0, (a / b) * x, a * expm1(x / b)) + c",
        family="exponential",
        citation=GRELSSON_2018,
        params=(*_pelu_params(), _shift("vertical shift, learned per neuron")),
        description="Parametric ELU (Trottier et al.) with a learned vertical shift: "
        "PELU(x) + c" + _AT_ZERO_SHIFT.format(base="PELU"),
        properties=Properties(lower=-1.0, **_ELU_LIKE),
        references=(Reference("pelu", atol=0.0, note="c = 0 is PELU"),),
    ),
    Spec(
        name="pdelu",
        formula="where(x > 0, x, a * expm1(-log1p((t - 1) * -min(x, 0)) / (t - 1)))",
        family="exponential",
        citation=CHENG_2020,
        aliases=("parametric_deformable_elu",),
        params=(
            Param("a", 1.0, 0.0, learnable=True, doc="saturation -a, learned per channel"),
            Param("t", 1.5, 1.0, open_low=True, doc="deformation t of the exponential"),
        ),
        description="Parametric deformable ELU: x for x > 0 and a ([1 + (1 - t) x]^(1/(1 - t)) "
        "- 1) below, the exponential of ELU replaced by the deformed exponential, which tends "
        "to e^x as t -> 1; a is learned per channel. Defaults a = 1 (the constant filler) and "
        "t = 1.5 are those of the authors' Caffe layer; for t > 1 the negative part decays "
        "like a power, (1 + (t - 1)|x|)^(-1/(t - 1)) - 1, and is evaluated as expm1(-log1p((t "
        "- 1)|x|) / (t - 1)). The layer also accepts t < 1, where the bracket is clipped at 0 "
        "and f reaches -a at x = -1/(1 - t); that range is not covered here.",
        properties=Properties(lower=-1.0, **_ELU_LIKE),
        references=(
            Reference(
                lambda x: torch.where(x > 0, x, (1 - 0.5 * x.clamp(max=0)) ** -2 - 1),
                atol=1e-12,
                note="t = 1.5: (1 + |x| / 2)^-2 - 1 for x < 0",
            ),
            Reference(
                "fplus",
                params={"t": 2.0},
                atol=1e-12,
                note="t = 2: 1 / (1 - x) - 1 for x < 0, which is FPLUS (PoLU with n = 1)",
            ),
            Reference(
                "elu",
                params={"t": 1.0 + 1e-9},
                atol=1e-6,
                note="t -> 1 is ELU",
            ),
        ),
    ),
    Spec(
        name="erfrelu",
        formula="where(x >= 0, x, a * erf(x))",
        family="exponential",
        citation=RAJANAND_2023,
        aliases=("erf_relu",),
        params=(Param("a", 1.0, 0.0, learnable=True, doc="scale of the negative part (trained)"),),
        description="Erf-based ReLU: x for x >= 0 and a erf(x) below, saturating at -a; a is "
        "trained. The paper does not state the initial a; a = 1 is used here. The slope "
        "jumps at 0 from 2a/sqrt(pi) to 1, so it is C0.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x, 2 * torch.special.ndtr(x * math.sqrt(2)) - 1),
                atol=1e-12,
                note="erf(x) = 2 Phi(x sqrt 2) - 1",
            ),
            Reference("relu", params={"a": 0.0}, atol=0.0, note="a = 0 is ReLU"),
        ),
    ),
    Spec(
        name="pvlu",
        formula="max(x, 0) + a * sin(b * x)",
        family="piecewise",
        citation=GUPTA_2021,
        aliases=("parametric_variational_linear_unit",),
        params=(
            Param("a", 0.1, learnable=True, doc="amplitude of the sinusoid (trained)"),
            Param("b", 1.0, learnable=True, doc="frequency of the sinusoid (trained)"),
        ),
        description="Parametric variational linear unit ReLU(x) + a sin(b x): a sinusoid with "
        "trained coefficients added to ReLU, so that negative inputs keep a non-zero gradient. "
        "The paper gives no single initial value; a = 0.1, b = 1 are used here, where f "
        "oscillates in [-0.1, 0.1] for x < 0.",
        properties=Properties(
            monotonic=False,
            lower=-0.1,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference("relu", params={"a": 0.0}, atol=0.0, note="a = 0 is ReLU"),
            Reference(
                lambda x: torch.relu(x) + 0.1 * torch.sin(x),
                atol=1e-15,
                note="torch's relu plus 0.1 sin(x)",
            ),
        ),
    ),
)
