"""Adaptive ELU variants from the survey's section 4.2: the parametric SELU, whose scale and
saturation are trained."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

SAKKETOU_AMPAZIS_2019 = Citation(
    "On the Invariance of the SELU Activation Function on Algorithm and Hyperparameter "
    "Selection in Neural Network Recommenders",
    "Flora Sakketou, Nicholas Ampazis",
    2019,
    venue="Artificial Intelligence Applications and Innovations (AIAI 2019), IFIP AICT 559",
)

SELU_SCALE = 1.0507009873554805
SELU_ALPHA = 1.6732632423543772

SPECS: tuple[Spec, ...] = (
    Spec(
        name="pselu",
        formula="where(x > 0, lam * x, lam * alpha * expm1(x))",
        family="exponential",
        citation=SAKKETOU_AMPAZIS_2019,
        aliases=("parametric_selu",),
        params=(
            Param("lam", SELU_SCALE, 0.0, open_low=True, learnable=True, doc="scale lambda"),
            Param("alpha", SELU_ALPHA, 0.0, learnable=True, doc="saturation alpha"),
        ),
        description="Parametric SELU: lam x for x > 0 and lam alpha (e^x - 1) below, SELU "
        "with its scale lambda and saturation alpha trained instead of fixed. The defaults "
        "are SELU's constants, where it equals selu. As given by the survey (section 4.2.53); "
        "the original paper could not be checked, so its initial values are not confirmed.",
        properties=Properties(
            monotonic=True,
            lower=-SELU_SCALE * SELU_ALPHA,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference("selu", atol=1e-15, note="the defaults are SELU's constants"),
            Reference(F.selu, atol=1e-12, note="torch's SELU"),
            Reference(
                lambda x: torch.where(x > 0, 2 * x, 2 * 0.5 * torch.expm1(x)),
                params={"lam": 2.0, "alpha": 0.5},
                atol=1e-15,
                note="lam = 2, alpha = 0.5 written directly",
            ),
        ),
        checked_against="survey",
    ),
)
