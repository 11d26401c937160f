"""Rectifier-shaped units built by joining pieces of classical functions at their crossing
points: the minimum of x and sin x, and the maximum of x and the logistic sigmoid (survey
section 3.6)."""

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

GUEVARA_2021 = Citation(
    "Study of the Effect of Combining Activation Functions in a Convolutional Neural Network",
    "M. Guevara, V. Cruz, O. Vergara, M. Nandayapa, H. Ochoa, H. Sossa",
    2021,
    venue="IEEE Latin America Transactions 19(5), 844-852",
)

_SURVEY_ONLY = (
    "as given by the survey of Kunc and Kléma (section {section}); the original paper could not "
    "be checked."
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="minsin",
        formula="where(x >= 0, sin(x), x)",
        family="piecewise",
        citation=GUEVARA_2021,
        description="Minsin min(x, sin x): sin x for x >= 0 and the identity below, where sin x "
        "> x; the two pieces meet at 0 with equal value, slope and curvature. Formula "
        + _SURVEY_ONLY.format(section="3.6.8"),
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(lambda x: torch.minimum(x, torch.sin(x)), atol=0.0, note="= min(x, sin x)"),
        ),
        checked_against="survey",
    ),
    Spec(
        name="maxsig",
        formula="max(x, sigmoid(x))",
        family="piecewise",
        citation=GUEVARA_2021,
        description="Maxsig max(x, sigmoid(x)): the logistic sigmoid up to its crossing with the "
        "identity at x = 0.659 and the identity above, a positive, monotonic rectifier "
        "with a kink at the crossing. Formula " + _SURVEY_ONLY.format(section="3.6.54"),
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
        ),
        checked_against="survey",
    ),
)
