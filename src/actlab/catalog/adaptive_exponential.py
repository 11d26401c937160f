"""Adaptive ELU-like units from the survey's section 4.2: ELU and PELU with a learned horizontal
or vertical shift (ShELU, SvELU, PShELU, PSvELU) and the erf-based ReLU."""

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
RAJANAND_2023 = Citation(
    "ErfReLU: Adaptive Activation Function for Deep Neural Network",
    "Ashish Rajanand, Pradeep Singh",
    2023,
    venue="Pattern Analysis and Applications (2024)",
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
)
