"""Adaptive mixtures from the survey's sections 4.15 and 4.32: trained convex combinations of a
smooth and a piecewise-linear unit (P-SIG-RAMP, the modified Mexican ReLU)."""

import torch

from actlab.catalog.adaptive_shapes import SURVEY_ONLY
from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.spec import Param, Properties, Reference, Spec


def _weight(default: float, doc: str) -> Param:
    return Param("a", default, 0.0, 1.0, learnable=True, doc=doc)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="p_sig_ramp",
        formula="a * sigmoid(x) + (1 - a) * clamp(b * x + 0.5, 0, 1)",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("parametric_sigmoid_ramp",),
        params=(
            _weight(0.5, "weight of the sigmoid, in [0, 1] (trained per neuron)"),
            Param(
                "b",
                0.25,
                0.0,
                open_low=True,
                learnable=True,
                doc="slope of the ramp, > 0; the ramp spans |x| < 1/(2b) (trained)",
            ),
        ),
        description="Parametric sigmoid-ramp a sigmoid(x) + (1 - a) r(x), where the ramp "
        "r(x) = b x + 1/2 on |x| < 1/(2b), 0 below and 1 above: a trained convex mix of the "
        f"logistic sigmoid and a hard sigmoid, as given by the survey (section 4.15); "
        f"{SURVEY_ONLY}. The survey gives no initial values; a = 1/2 (an even mix) and "
        "b = 1/4 (the ramp is the sigmoid's tangent at 0) are used here.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
        ),
        checked_against="survey",
        references=(
            Reference("sigmoid", params={"a": 1.0}, atol=0.0, note="a = 1 is the sigmoid"),
            Reference(
                lambda x: torch.clamp(0.25 * x + 0.5, 0, 1),
                params={"a": 0.0},
                atol=0.0,
                note="a = 0 is the ramp alone",
            ),
        ),
    ),
    Spec(
        name="mmelu",
        formula="a * relu(b - abs(x - c)) + (1 - a) * relu(x)",
        family="piecewise",
        citation=KUNC_KLEMA_2024,
        aliases=("modified_mexican_relu",),
        params=(
            _weight(0.5, "weight of the hat, in [0, 1] (trained per neuron)"),
            Param(
                "b",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="half-width and height of the hat, > 0 (trained)",
            ),
            Param("c", 0.0, learnable=True, doc="centre of the hat (trained)"),
        ),
        description="Modified Mexican ReLU a max(b - |x - c|, 0) + (1 - a) ReLU(x): one "
        "trained triangular hat (the Mexican-hat term of MeLU) mixed with ReLU by a trained "
        f"weight, as given by the survey (section 4.32.1); {SURVEY_ONLY}. The survey gives "
        "no initial values; a = 1/2, b = 1, c = 0 (a unit hat at the origin) are used here, "
        "where f is 0 below -1, rises to 1/2 at 0, stays there up to 1 and is x / 2 beyond.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        checked_against="survey",
        references=(Reference("relu", params={"a": 0.0}, atol=0.0, note="a = 0 is ReLU"),),
    ),
)
