"""Parametric rectifiers of the survey's section 4.2: ReLUs with trained slopes on both sides
(DPReLU), trained tanh thresholds (PTaLU) and the SiLU-based DELU."""

import torch
import torch.nn.functional as F

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.silu_variants import PISHCHIK_2023
from actlab.catalog.spec import Param, Properties, Reference, Spec

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
)
