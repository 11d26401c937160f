"""Parametric rectifiers of the survey's section 4.2: ReLUs with trained slopes on both sides
(DPReLU), trained tanh thresholds (PTaLU), the SiLU-based DELU and the compact hat."""

import torch
import torch.nn.functional as F

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.silu_variants import PISHCHIK_2023
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

WANG_XU_ZHU_2022 = Citation(
    "CNNs with Compact Activation Function",
    "Jindong Wang, Jinchao Xu, Jianqing Zhu",
    2022,
    venue="ICCS 2022, LNCS 13351",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="dprelu",
        formula="where(x >= 0, a * x, b * x)",
        family="piecewise",
        citation=KUNC_KLEMA_2024,
        aliases=("dual_parametric_relu",),
        params=(
            Param("a", 1.0, learnable=True, doc="trained slope for x >= 0"),
            Param("b", 0.01, learnable=True, doc="trained slope for x < 0"),
        ),
        description="Dual parametric ReLU: a x for x >= 0 and b x below, both slopes trained per "
        "neuron from a = 1, b = 0.01 (the survey, section 4.2.20, which also notes its later "
        "independent proposal as the fully parametric ReLU). At its initial values it is the leaky "
        "ReLU; a = 1 is PReLU. As given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference("leaky_relu", atol=0.0, note="(a, b) = (1, 0.01) is the leaky ReLU"),
            Reference(
                "prelu",
                params={"b": 0.25},
                target_params={"a": 0.25},
                atol=0.0,
                note="a = 1 is PReLU with slope b",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="ptalu",
        formula="where(x >= b, x, where(x > a, tanh(x), tanh(a)))",
        family="piecewise",
        citation=KUNC_KLEMA_2024,
        params=(
            Param("a", -0.75, high=0.0, learnable=True, doc="lower threshold: tanh(a) below it"),
            Param("b", 1.0, 0.0, learnable=True, doc="upper threshold: identity above it"),
        ),
        description="PTaLU of Mercioni and Holban: x for x >= b, tanh(x) on (a, b) and the "
        "constant tanh(a) at or below a, with trained thresholds initialised a = -0.75, b = 1 "
        "(survey section 4.2.32). It jumps from tanh(b) to b at x = b; b = 0 is TaLU (section "
        "4.2.31), continuous. As given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=True,
            lower=-0.6351489523872873,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x >= 1.0, x, torch.clamp(torch.tanh(x), min=torch.tanh(torch.tensor(-0.75)))
                ),
                atol=1e-7,
                note="= x above 1, tanh(x) clipped below at tanh(-0.75)",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="delu",
        formula="where(x > 0, (n + 0.5) * x - expm1(-x), x * sigmoid(x))",
        family="piecewise",
        citation=PISHCHIK_2023,
        params=(Param("n", 0.0, learnable=True, doc="trained slope offset of the positive part"),),
        description="DELU: SiLU x sigmoid(x) for x <= 0 and (n + 1/2) x + |e^(-x) - 1| = (n + 1/2) "
        "x + 1 - e^(-x) above, n trained from 0 as in the author's code (TrainableActivation, "
        "activation.py). Continuous at 0 with a kink (slopes 1/2 and n + 3/2); at n = 0 it is the "
        "author's HELU.",
        properties=Properties(
            monotonic=False,
            lower=-0.2784645427610738,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x > 0, 0.5 * x + torch.abs(torch.exp(-x) - 1.0), F.silu(x)),
                atol=1e-12,
                note="n = 0: the author's form with |exp(-x) - 1| and torch's SiLU",
            ),
        ),
    ),
    Spec(
        name="hat",
        formula="where(x <= a / 2, relu(x), relu(a - x))",
        published="relu(a / 2 - abs(x - a / 2))",
        family="piecewise",
        citation=WANG_XU_ZHU_2022,
        aliases=("hat_function",),
        params=(Param("a", 2.0, 0.0, open_low=True, doc="width of the support [0, a]"),),
        description="Hat activation, the first-order B-spline: x on [0, a/2], a - x on [a/2, a] "
        "and 0 elsewhere, a tent standing on [0, a] instead of centred at 0. Wang, Xu and Zhu "
        "define it with support [0, 2] (x on [0, 1], 2 - x on [1, 2]), the default a = 2; the "
        "width a, fixed or trained, is the survey's (section 4.2.28), whose printed formula gives "
        "z on both rising and falling pieces where the original has 2 - x. Written as relu(x) up "
        "to a/2 and relu(a - x) beyond, exact near 0 where a/2 - |x - a/2| cancels.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    (x >= 0) & (x <= 1), x, torch.where((x > 1) & (x <= 2), 2 - x, 0.0)
                ),
                atol=1e-12,
                note="a = 2: the original's three pieces",
            ),
        ),
    ),
)
