"""Adaptive shapes from the survey's sections 4.16 and 4.32: the logmoid activation unit and the
hard swish with a trained gate slope."""

import torch
import torch.nn.functional as F

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

LAU_2022 = Citation(
    "LAU: A Novel Two-Parameter Learnable Logmoid Activation Unit",
    "Anonymous authors",
    2022,
    venue="ICLR 2023 submission, OpenReview uwBUzlm0GS",
)

SURVEY_ONLY = "the original paper could not be checked"


def _scale(name: str, doc: str) -> Param:
    return Param(name, 1.0, learnable=True, doc=doc)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="lau",
        formula="x * log1p(a * sigmoid(b * x))",
        published="x * log(1 + a * sigmoid(b * x))",
        family="gated",
        citation=LAU_2022,
        aliases=("logmoid_activation_unit",),
        params=(
            Param(
                "a",
                1.0,
                -1.0,
                open_low=True,
                learnable=True,
                doc="weight alpha of the sigmoid inside the logarithm, > -1 (trained)",
            ),
            _scale("b", "slope beta of the sigmoid (trained)"),
        ),
        description="Logmoid activation unit x ln(1 + a sigmoid(b x)), the logmoid x ln(1 + "
        "sigmoid(x)) with both constants trained by back-propagation; the formula is the "
        "abstract's. The abstract gives no initial values; a = b = 1, where the unit is the "
        "logmoid it parameterizes, is used here. For x -> -inf it vanishes like swish, for "
        "x -> inf it grows like x ln(1 + a).",
        properties=Properties(
            monotonic=False,
            lower=-0.25276881678944,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
        references=(
            Reference(
                lambda x: x * torch.log(1 + torch.sigmoid(x)),
                atol=1e-12,
                note="the logmoid x ln(1 + sigmoid(x))",
            ),
        ),
    ),
    Spec(
        name="adaptive_hard_swish",
        formula="x * clamp(0.4 * b * x + 1, 0, 2)",
        published="2 * x * clamp(0.2 * b * x + 0.5, 0, 1)",
        family="gated",
        citation=KUNC_KLEMA_2024,
        params=(_scale("b", "slope of the hard-sigmoid gate (trained per neuron)"),),
        description="Hard swish with a trained gate slope, 2 x max(0, min(0.2 b x + 0.5, 1)): "
        "x times twice the hard sigmoid of b x, the adaptive variant listed with the MeLU "
        f"family by the survey (section 4.32.3); {SURVEY_ONLY}. The survey gives no "
        "initial value; b = 1, where the gate is the plain hard sigmoid max(0, min(0.2 x + "
        "0.5, 1)), is used here. Exactly 0 below x = -2.5 / b and 2 x above "
        "2.5 / b. Evaluated as x clamp(0.4 b x + 1, 0, 2), so that 2 x never overflows "
        "where the gate is 0.",
        properties=Properties(
            monotonic=False,
            lower=-0.625,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
            sparse=True,
        ),
        checked_against="survey",
        references=(
            Reference(
                lambda x: 2 * x * F.hardsigmoid(1.2 * x),
                atol=1e-12,
                note="b = 1: 2 x hardsigmoid(1.2 x) in torch's hardsigmoid(u) = clamp(u/6 + 1/2)",
            ),
        ),
    ),
)
