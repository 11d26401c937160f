"""Stand-ins for the logistic sigmoid built for digital hardware and for encrypted computation:
piecewise-linear sigmoids of neural-network circuits and the low-degree polynomial sigmoids of
homomorphically encrypted logistic regression, each with its paper's published constants. The
survey of Kunc and Kléma (arXiv:2402.09092) lists none of them."""

from actlab.catalog.spec import Citation, Properties, Reference, Spec

AMIN_1997 = Citation(
    "Piecewise linear approximation applied to nonlinear function of a neural network",
    "H. Amin, K. M. Curtis, B. R. Hayes-Gill",
    1997,
    venue="IEE Proceedings - Circuits, Devices and Systems 144(6), 313-317",
)

KIM_2018 = Citation(
    "Logistic regression model training based on the approximate homomorphic encryption",
    "Andrey Kim, Yongsoo Song, Miran Kim, Keewoo Lee, Jung Hee Cheon",
    2018,
    venue="BMC Medical Genomics 11 (Suppl 4), 83; doi:10.1186/s12920-018-0401-7",
)

# PLAN on |x|: four segments whose slopes are powers of two (1/4, 1/8, 1/32, 0), mirrored as
# 1 - y(|x|) for negative x
_A = "abs(x)"
_PLAN_HALF = (
    f"where({_A} >= 5, 1, where({_A} >= 2.375, 0.03125 * {_A} + 0.84375, "
    f"where({_A} >= 1, 0.125 * {_A} + 0.625, 0.25 * {_A} + 0.5)))"
)
_PLAN = f"0.5 + sign(x) * ({_PLAN_HALF} - 0.5)"


# least-squares fits on [-8, 8], published in powers of u = x / 8; evaluated by Horner's rule in
# x (coefficients c_k / 8^k), so that no power of x overflows before the sum does
def _odd_horner(coefficients: tuple[float, ...]) -> str:
    """0.5 + x (a1 + x^2 (a3 + ...)) with a_k = c_k / 8^k, as formula text."""
    scaled = [c / 8 ** (2 * k + 1) for k, c in enumerate(coefficients)]
    text = repr(scaled[-1])
    for a in reversed(scaled[:-1]):
        text = f"{a!r} + x**2 * ({text})"
    return f"0.5 + x * ({text})"


_LS3_COEFFICIENTS = (1.20096, -0.81562)
_LS3 = _odd_horner(_LS3_COEFFICIENTS)
_LS3_PUBLISHED = "0.5 + 1.20096 * (x / 8) - 0.81562 * (x / 8)**3"

_UNBOUNDED_POLYNOMIAL = Properties(
    monotonic=False,
    lower=None,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=False,
    zero_centered=True,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="plan_sigmoid",
        formula=_PLAN,
        family="sigmoidal",
        citation=AMIN_1997,
        aliases=("plan",),
        description="PLAN, the piecewise-linear sigmoid of Amin, Curtis and Hayes-Gill for "
        "digital neural-network hardware: on |x| the segments 0.25|x| + 0.5 below 1, "
        "0.125|x| + 0.625 up to 2.375, 0.03125|x| + 0.84375 up to 5 and 1 beyond, and "
        "1 - y(|x|) for negative x, so that every slope is a power of two and the unit needs "
        "only shifts and adds. The segments meet at 1 and 5 but not at 2.375, where the value "
        "drops by 1/256: the unit is discontinuous and not monotonic there. Its largest error "
        "against the logistic sigmoid is about 0.019. The paper's table could only be read "
        "through its abstract here; the constants were checked against an independent "
        "hardware implementation of PLAN.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference("sigmoid", atol=0.02, note="within 0.02 of the logistic sigmoid"),),
    ),
    Spec(
        name="he_sigmoid_ls3",
        formula=_LS3,
        published=_LS3_PUBLISHED,
        family="sigmoidal",
        citation=KIM_2018,
        description="The degree-3 least-squares fit of the logistic sigmoid on [-8, 8] that "
        "Kim, Song, Kim, Lee and Cheon evaluate under approximate homomorphic encryption "
        "(CKKS) for logistic-regression training: 0.5 + 1.20096 (x/8) - 0.81562 (x/8)^3. "
        "It rises to 0.88 at x = 5.4 and turns down beyond, without bound, so it only stands "
        "for the sigmoid inside the fitting interval. Implementations write it with both "
        "signs of the odd terms (for sigma(x) and for sigma(-x) = 1 - sigma(x), which the "
        "gradient of the logistic loss uses); this entry is the increasing form. The "
        "coefficients were checked against implementations citing the paper, whose full "
        "text could not be reached here.",
        properties=_UNBOUNDED_POLYNOMIAL,
    ),
)
