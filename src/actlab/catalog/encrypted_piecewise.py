"""Piecewise-linear and clipped stand-ins for the logistic sigmoid of secure multi-party
computation frameworks, where a few secure comparisons select among low-degree pieces, each
with the constants and breakpoints of its library. Their pieces rarely meet: most jump at the
breakpoints."""

from actlab.catalog.spec import Citation, Properties, Reference, Spec

ROSETTA_2020 = Citation(
    "Rosetta: A Privacy-Preserving Framework Based on TensorFlow",
    "LatticeX Foundation",
    2020,
    venue="Rosetta library, secure-computation sigmoids of cc/modules/protocol/mpc/snn/src/impl/"
    "sigmoid.cpp",
)
PADDLEFL_2020 = Citation(
    "PaddleFL: federated learning and secure multi-party computation on PaddlePaddle",
    "PaddlePaddle authors",
    2020,
    venue="PaddleFL library, core/privc3/fixedpoint_tensor_imp.h (FixedPointTensor::sigmoid)",
)


def _step_sigmoid(monotonic: bool) -> Properties:
    """Properties of a piecewise sigmoid that jumps between its pieces and reaches 0 and 1."""
    return Properties(
        monotonic=monotonic,
        lower=0.0,
        upper=1.0,
        smoothness="discontinuous",
        zero_at_zero=False,
        zero_centered=False,
        sparse=True,
    )


SPECS: tuple[Spec, ...] = (
    Spec(
        name="rosetta_sigmoid_g3",
        formula="where(x < -4, 0, where(x < 4, 0.5 + x * (0.15012 - 0.00159301 * x**2), 1))",
        family="sigmoidal",
        citation=ROSETTA_2020,
        description="Rosetta's secure-computation sigmoid built on the least-squares cubic of "
        "Kim et al. (he_sigmoid_ls3, here 0.5 + 0.15012 x - 0.00159301 x^3), cut to [-4, 4] "
        "by two secure comparisons: 0 below -4, the cubic up to 4 and 1 from there. The "
        "cubic rises on the whole interval from 0.00147 to 0.99853, so the unit is "
        "monotonic with small jumps at +-4; it is within 0.099 of the sigmoid. Constants "
        "and breakpoints as in the library's code.",
        properties=_step_sigmoid(monotonic=True),
        references=(Reference("sigmoid", atol=0.1, note="within 0.099 of the sigmoid"),),
    ),
    Spec(
        name="rosetta_sigmoid6",
        formula="where(x <= -4, 0, where(x <= -2, 0.0484792 * x + 0.1998976, where(x <= 0, "
        "0.1928931 * x + 0.4761351, where(x <= 2, 0.1928931 * x + 0.5238649, where(x <= 4, "
        "0.0484792 * x + 0.8001024, 1)))))",
        family="sigmoidal",
        citation=ROSETTA_2020,
        description="Rosetta's six-piece linear sigmoid for secret-shared values, computed "
        "from one batch of secure comparisons at -4, -2, 0, 2 and 4: 0 up to -4, then "
        "0.0484792 x + 0.1998976, 0.1928931 x + 0.4761351, 0.1928931 x + 0.5238649 and "
        "0.0484792 x + 0.8001024 on the intervals (-4, -2], (-2, 0], (0, 2], (2, 4], and 1 "
        "beyond 4. The pieces do not meet: the value jumps up by 0.048 at 0 (0.4761 at 0, "
        "0.5239 just above), drops by 0.013 at +-2 and jumps by 0.006 at +-4, so it is "
        "neither continuous nor monotonic; it stays within 0.03 of the sigmoid. Constants "
        "and breakpoints as in the library's code.",
        properties=_step_sigmoid(monotonic=False),
        references=(Reference("sigmoid", atol=0.03, note="within 0.029 of the sigmoid"),),
    ),
    Spec(
        name="paddlefl_sigmoid3",
        formula="where(x < -2.5, 0.0001, where(x < 2.5, 0.5 + 0.17 * x, 0.9999))",
        family="sigmoidal",
        citation=PADDLEFL_2020,
        description="PaddleFL's default sigmoid for secret-shared values in its ABY3-based "
        "engine, a three-piece linear function from two secure comparisons: 0.0001 below "
        "-2.5, 0.5 + 0.17 x up to 2.5 and 0.9999 from there. The middle piece ends at 0.075 "
        "and 0.925, so the unit jumps up by about 0.075 at +-2.5; every piece rises and every "
        "jump is upward, so it is monotonic. Within 0.076 of the sigmoid. Its 'enhanced' "
        "five-piece variant is hong_sigmoid5. Constants as in the library's code.",
        properties=Properties(
            monotonic=True,
            lower=0.0001,
            upper=0.9999,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference("sigmoid", atol=0.08, note="within 0.076 of the sigmoid"),),
    ),
    Spec(
        name="rosetta_sigmoid3",
        formula="where(x <= -3.1000001430511475, 0, "
        "where(x <= 3.0999999046325684, 0.161 * x + 0.5, 1))",
        published="where(x <= -3.1, 0, where(x <= 3.1, 0.161 * x + 0.5, 1))",
        family="sigmoidal",
        citation=ROSETTA_2020,
        description="Rosetta's three-piece linear sigmoid for secret-shared values, from two "
        "secure comparisons: 0 up to -3.1, 0.161 x + 0.5 up to 3.1 and 1 beyond. The middle "
        "piece ends at 0.0009 and 0.9991, so the unit jumps by 0.0009 at +-3.1 (it is not "
        "hard_sigmoid_keras at alpha = 0.161, which would reach 0 and 1 at +-3.106); every "
        "piece rises and every jump is upward, so it is monotonic. Within 0.077 of the "
        "sigmoid. Constants and breakpoints as in the library's code; the breakpoints +-3.1, "
        "which float32 cannot represent, are written as the float32 numbers next to them "
        "(-3.1000001430511475, 3.0999999046325684) on the side that keeps every float32 "
        "input on its published piece.",
        properties=_step_sigmoid(monotonic=True),
        references=(Reference("sigmoid", atol=0.08, note="within 0.077 of the sigmoid"),),
    ),
)
