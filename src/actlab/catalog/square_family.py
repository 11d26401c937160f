"""Square-based units of Wuraola, Patel and Nguang: piecewise quadratics in place of the
exponential of swish, cheap on embedded inference engines (survey section 3.8)."""

from actlab.catalog.relu_variants import WURAOLA_2021
from actlab.catalog.spec import Properties, Spec

_DIP_TO_ZERO = dict(
    monotonic=False,
    lower=-0.5,
    upper=None,
    smoothness="C0",
    zero_at_zero=True,
    zero_centered=True,
    sparse=True,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="squish",
        formula="where(x > 0, x * (1 + x / 32), where(x >= -2, x * (1 + x / 2), 0))",
        published="where(x > 0, x + x**2 / 32, where(x >= -2, x + x**2 / 2, 0))",
        family="piecewise",
        citation=WURAOLA_2021,
        aliases=("square_swish",),
        description="Square swish: x + x^2/32 for x > 0, x + x^2/2 on [-2, 0] (a dip to -1/2 "
        "at x = -1) and 0 below -2; evaluated as x (1 + x/32) so that x^2 never overflows "
        "where the value is finite. Formula as given by the survey of Kunc and Kléma "
        "(section 3.8.3); the original paper could not be checked.",
        properties=Properties(**_DIP_TO_ZERO),
        checked_against="survey",
    ),
)
