"""Trigonometric units of the survey's sections 3.28-3.32: the arctan-based arctid and the
cosine, cosid and sinp units, each a periodic or inverse-trigonometric term with or without a
linear one."""

import torch

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.spec import Param, Properties, Reference, Spec

SPECS: tuple[Spec, ...] = (
    Spec(
        name="arctid",
        formula="atan(x)**2 - x",
        family="periodic",
        citation=KUNC_KLEMA_2024,
        description="Arctid arctan(x)^2 - x, an arctan-based unit (survey section 3.28). Its slope "
        "2 arctan(x) / (1 + x^2) - 1 stays below -0.17, so it is strictly decreasing (not "
        "monotonic in the catalog's non-decreasing sense) and unbounded on both sides. As given by "
        "the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference(lambda x: torch.atan(x) ** 2 - x, atol=1e-12, note="torch's atan"),),
        checked_against="survey",
    ),
    Spec(
        name="cosine",
        formula="2 * sin(x / 2)**2",
        published="1 - cos(x)",
        family="periodic",
        citation=KUNC_KLEMA_2024,
        aliases=("one_minus_cos",),
        description="Cosine activation 1 - cos(x) (survey section 3.30), periodic with period 2 "
        "pi, range [0, 2], minimum 0 at x = 0; evaluated as 2 sin(x/2)^2, which keeps full "
        "relative accuracy near 0 where 1 - cos(x) cancels. As given by the survey; the original "
        "paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=2.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
            period="2 * pi",
        ),
        references=(
            Reference(lambda x: 1 - torch.cos(x), atol=1e-12, note="= 1 - cos(x) written directly"),
        ),
        checked_against="survey",
    ),
    Spec(
        name="cosid",
        formula="cos(x) - x",
        family="periodic",
        citation=KUNC_KLEMA_2024,
        description="Cosid cos(x) - x, one of the cosine-plus-identity units (survey section "
        "3.31): a cosine ripple on a line of slope -1, non-increasing (slope -sin(x) - 1 <= 0; not "
        "monotonic in the catalog's non-decreasing sense), periodic up to the linear trend. As "
        "given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(Reference(lambda x: torch.cos(x) - x, atol=1e-12, note="torch's cos"),),
        checked_against="survey",
    ),
    Spec(
        name="sinp",
        formula="where(abs(x) < 0.5, (1 - a) * x - x**3 / 6 + x**5 / 120 - x**7 / 5040 "
        "+ x**9 / 362880 - x**11 / 39916800 + x**13 / 6227020800, sin(x) - a * x)",
        published="sin(x) - a * x",
        family="periodic",
        citation=KUNC_KLEMA_2024,
        params=(Param("a", 1.0, doc="slope of the subtracted linear term"),),
        description="SinP[a] sin(x) - a x of Chan et al. (survey section 3.32), who used a in {1, "
        "1.5, 2}; a = 1, the first of them, is the default. Non-increasing for a >= 1 (not "
        "monotonic in the catalog's non-decreasing sense), periodic up to the linear trend. Below "
        "|x| = 0.5 it is evaluated as (1 - a) x plus the Taylor series of sin(x) - x to x^13 "
        "(truncation below 3e-17), so that sin(x) - x does not cancel. As given by the survey; the "
        "original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(
            Reference(lambda x: torch.sin(x) - x, atol=1e-12, note="a = 1 written directly"),
            Reference(
                lambda x: torch.sin(x) - 2 * x,
                params={"a": 2.0},
                atol=1e-12,
                note="a = 2, the largest value Chan et al. used",
            ),
        ),
        checked_against="survey",
    ),
)
