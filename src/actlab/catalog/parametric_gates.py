"""Adaptive self-gated units from the survey's sections 4.2 and 4.4: soft-clipping mish, the
tangent-bipolar-sigmoid ReLU with a learnable gate and swim (an adaptive PFLU)."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

MERCIONI_HOLBAN_2021_MISH = Citation(
    "Soft-Clipping Mish - A Novel Activation Function for Deep Learning",
    "Marina Adriana Mercioni, Stefan Holban",
    2021,
    venue="2021 6th International Conference on Information and Network Technologies (ICINT)",
)
MERCIONI_TAT_HOLBAN_2020 = Citation(
    "Improving the Accuracy of Deep Neural Networks Through Developing New Activation Functions",
    "Marina Adriana Mercioni, Angel Marcel Tat, Stefan Holban",
    2020,
    venue="2020 IEEE 16th International Conference on Intelligent Computer Communication and "
    "Processing (ICCP)",
)
ABDOOL_DEAR_2023 = Citation(
    "Swim: A General-Purpose, High-Performing, and Efficient Activation Function for "
    "Locomotion Control Tasks",
    "Maryam Abdool, Tony Dear",
    2023,
    arxiv="2303.02640",
)

_SURVEY_ONLY = "the original paper could not be checked"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sc_mish",
        formula="where(x > 0, x * tanh(softplus(a * x)), 0)",
        family="gated",
        citation=MERCIONI_HOLBAN_2021_MISH,
        aliases=("soft_clipping_mish",),
        params=(Param("a", 1.0, 0.0, open_low=True, doc="slope a inside the softplus"),),
        description="Soft-clipping mish max(0, x tanh(softplus(a x))): mish with its negative "
        "part clipped to 0 as ReLU does, so f = x tanh(softplus(a x)) for x > 0 and 0 below. "
        "As given by the survey (section 4.2.40), which reports a = 1 as the authors value; "
        "its learnable variant SCL-mish trains a from 0.25; " + _SURVEY_ONLY + ".",
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
                lambda x: F.relu(x * torch.tanh(F.softplus(x))),
                atol=1e-12,
                note="a = 1: max(0, mish(x))",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="tbsrelul",
        formula="x * tanh(a * tanh(x / 2))",
        family="gated",
        citation=MERCIONI_TAT_HOLBAN_2020,
        aliases=("tangent_bipolar_sigmoid_relu_learnable",),
        params=(Param("a", 0.5, 0.0, open_low=True, learnable=True, doc="gate scale (trained)"),),
        description="Tangent-bipolar-sigmoid ReLU learnable x tanh(a (1 - e^-x) / (1 + e^-x)), "
        "written with the identity (1 - e^-x) / (1 + e^-x) = tanh(x/2). a is trained and "
        "starts at 0.5. An even function: f(-x) = f(x) >= 0, growing like tanh(a) |x|. As "
        "given by the survey (section 4.4.8); " + _SURVEY_ONLY + ".",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
            self_gated=True,
        ),
        references=(
            Reference(
                lambda x: x * torch.tanh(0.5 * (1 - torch.exp(-x)) / (1 + torch.exp(-x))),
                atol=1e-12,
                note="the bipolar sigmoid written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="swim",
        published="x / 2 * (1 + a * x / sqrt(1 + x**2))",
        formula="where(x > 1e4, x * (1 + a) / 2 - a / (4 * max(x, 1e4)), where(x < -1e4, "
        "x * (1 - a) / 2 + a / (4 * min(x, -1e4)), "
        "x / 2 * (1 - a + 2 * a * sigmoid(2 * asinh(x)))))",
        family="gated",
        citation=ABDOOL_DEAR_2023,
        params=(Param("a", 0.5, 0.0, doc="weight a of the algebraic gate"),),
        description="Swim x/2 (1 + a x / sqrt(1 + x^2)), the power function linear unit PFLU "
        "(a = 1) with a weight on its gate; the authors use a fixed a = 0.5. Written with "
        "x / sqrt(1 + x^2) = 2 sigmoid(2 asinh(x)) - 1 so that x^2 never overflows; beyond "
        "|x| = 1e4 the series x (1 + a) / 2 - a / (4x) (and its mirror), exact there to "
        "double precision. For a < 1 it is "
        "unbounded below (f ~ (1 - a) x / 2 as x -> -inf). As given by the survey (section "
        "4.4.14); " + _SURVEY_ONLY + ".",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference("pflu", params={"a": 1.0}, atol=1e-12, note="a = 1 is PFLU"),
            Reference(
                lambda x: x / 2 * (1 + 0.5 * x / torch.sqrt(1 + x**2)),
                atol=1e-12,
                note="the published form on [-100, 100]",
            ),
        ),
        checked_against="survey",
    ),
)
