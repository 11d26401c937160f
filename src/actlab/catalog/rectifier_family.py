"""Rectifier-like units that pass large positive inputs through (survey sections 3.3 and 3.6):
pieces of classical functions joined at their crossings (minsin, maxsig), the even power-linear
unit, and the sine-of-sigmoid gate SinSig."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

EGER_2018 = Citation(
    "Is it Time to Swish? Comparing Deep Learning Activation Functions Across NLP tasks",
    "Steffen Eger, Paul Youssef, Iryna Gurevych",
    2018,
    arxiv="1901.02671",
    venue="EMNLP 2018",
)
NASIRI_2021 = Citation(
    "PowerLinear Activation Functions with application to the first layer of CNNs",
    "Kamyar Nasiri, Kamaledin Ghiasi-Shirazi",
    2021,
    arxiv="2108.09256",
)
SINSIG_2021 = Citation(
    "A Self-gated Activation Function SINSIG Based on the Sine Trigonometric for Neural "
    "Network Models",
    "(authors not recorded; doi:10.1007/978-3-030-70866-5_15)",
    2021,
    venue="Machine Learning for Networking (MLN 2020), LNCS 12629",
)


def _survey_only(section: str) -> str:
    return (
        f"Formula as given by the survey of Kunc and Kléma (section {section}); the original "
        "paper could not be checked."
    )


SPECS: tuple[Spec, ...] = (
    Spec(
        name="minsin",
        formula="where(x >= 0, sin(x), x)",
        family="piecewise",
        citation=EGER_2018,
        description="Minsin min(x, sin x): sin x for x >= 0 and the identity below, where sin x "
        "> x; the pieces meet at 0 with equal value, slope and curvature. One of the "
        "functions found by the automated search of Ramachandran et al. (arXiv:1710.05941), "
        "named and evaluated by Eger et al. " + _survey_only("3.6.8"),
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
        citation=EGER_2018,
        description="Maxsig max(x, sigmoid(x)): the logistic sigmoid up to its crossing with the "
        "identity at x = 0.659 and the identity above, a positive, monotonic rectifier with "
        "a kink at the crossing. One of the functions found by the automated search of "
        "Ramachandran et al. (arXiv:1710.05941), named and evaluated by Eger et al. "
        + _survey_only("3.6.54"),
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
    Spec(
        name="eplaf",
        formula="where(abs(x) >= 1, abs(x) - (1 - 1 / d), clamp(abs(x), 0, 1)**d / d)",
        published="where(abs(x) >= 1, abs(x) - (1 - 1 / d), abs(x)**d / d)",
        family="piecewise",
        citation=NASIRI_2021,
        aliases=("even_power_linear", "evenpowlin"),
        params=(Param("d", 2.0, 1.0, open_low=True, doc="power of the inner piece (even)"),),
        description="Even power linear activation function (EvenPowLin): |x|^d / d on [-1, 1] "
        "and |x| - (1 - 1/d) outside, saturating on neither side and answering negative "
        "inputs as strongly as positive ones; d = 2, the case studied in the paper, is the "
        "Huber function (C1, with curvature jumps at |x| = 1). " + _survey_only("3.6.41"),
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=False,
        ),
        checked_against="survey",
    ),
    Spec(
        name="sinsig",
        formula="where(x > 40, x, x * sin(pi / 2 * sigmoid(min(x, 40))))",
        published="x * sin(pi / 2 * sigmoid(x))",
        family="gated",
        citation=SINSIG_2021,
        description="SinSig x sin(pi/2 sigmoid(x)): a self-gated unit whose gate rises from 0 "
        "to 1 like sin of a quarter period; it dips to -0.4292 at x = -1.317 and tends to "
        "x for large x (above x = 40 the gate is 1 to within 1e-35, so x is used there and the "
        "derivative never forms inf * 0). " + _survey_only("3.3.34"),
        properties=Properties(
            monotonic=False,
            lower=-0.429177632050546612566830239517,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
        checked_against="survey",
    ),
)
