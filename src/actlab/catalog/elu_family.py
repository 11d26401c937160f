"""ELU-shaped units without an exponential: the identity above zero and an algebraic negative
branch that dips and returns to zero (survey section 3.7)."""

import torch

from actlab.catalog.gated import ZHU_2021_PFLU
from actlab.catalog.spec import Properties, Reference, Spec

SPECS: tuple[Spec, ...] = (
    Spec(
        name="fpflu",
        formula="where(x >= 0, x, where(x > -1, "
        "clamp(x, -1, 0) / (sqrt(1 + clamp(x, -1, 0)**2) "
        "* (sqrt(1 + clamp(x, -1, 0)**2) - clamp(x, -1, 0))), "
        "1 / (min(x, -1) * sqrt(1 + 1 / min(x, -1)**2) * (sqrt(1 + 1 / min(x, -1)**2) + 1))))",
        published="where(x >= 0, x, x + x**2 / sqrt(1 + x**2))",
        family="exponential",
        citation=ZHU_2021_PFLU,
        aliases=("faster_pflu", "faster_power_function_linear_unit"),
        description="Faster power function linear unit: x for x >= 0 and x + x^2 / sqrt(1 + x^2) "
        "below, which dips to -0.3003 at x = -0.786 and returns to 0 like -1 / (2|x|); "
        "C1 at 0. The negative branch is evaluated as x / (s (s - x)), s = sqrt(1 + x^2), "
        "and beyond x = -1 in powers of 1/x, so that it never cancels or overflows. Formula "
        "as given by the survey of Kunc and Kléma (section 3.7.8); the original paper could "
        "not be checked (its abstract was reached, not its formula).",
        properties=Properties(
            monotonic=False,
            lower=-0.300283106000777607886694709948,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x, x + x**2 / torch.sqrt(1 + x**2)),
                atol=1e-9,
                note="= x + x^2 / sqrt(1 + x^2) below 0, written directly",
            ),
        ),
        checked_against="survey",
    ),
)
