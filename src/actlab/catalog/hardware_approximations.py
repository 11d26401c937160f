"""Stand-ins for the logistic sigmoid and tanh built for digital hardware, inference libraries
and encrypted computation: piecewise-linear sigmoids of neural-network circuits and of secure
multi-party training, a clamped rational tanh of an embedded speech codec and the low-degree
polynomial sigmoids of homomorphically encrypted logistic regression, each with its published
constants. The survey of Kunc and Kléma (arXiv:2402.09092) lists none of them."""

from actlab.catalog.rational_text import horner
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

LI_2022 = Citation(
    "FPGA Implementation for the Sigmoid with Piecewise Linear Fitting Method Based on "
    "Curvature Analysis",
    "Zerun Li, Yang Zhang, Bingcai Sui, Zuocheng Xing, Qinglin Wang",
    2022,
    venue="Electronics 11(9), 1365",
)

# PWLC, eight segments: slope and intercept on (0, 1], (1, 2], (2, 4], (4, 8] for |x|, mirrored
# as 1 - y(-x) for negative x (the published intercepts on either side sum to 1)
_PWLC8_POSITIVE = (
    "where(x <= 1, 0.23682 * x + 0.5, where(x <= 2, 0.15881 * x + 0.57801, "
    "where(x <= 4, 0.04767 * x + 0.80029, where(x <= 8, 0.00261 * x + 0.98053, 1))))"
)
_PWLC8 = (
    "where(x <= -8, 0, where(x <= -4, 0.00261 * x + 0.01947, where(x <= -2, "
    "0.04767 * x + 0.19971, where(x <= -1, 0.15881 * x + 0.42199, "
    f"where(x <= 0, 0.23682 * x + 0.5, {_PWLC8_POSITIVE})))))"
)

# PWLC, ten segments, breakpoints at 1, 2, 3, 4.5 and 8 for |x|, mirrored the same way
_PWLC10_POSITIVE = (
    "where(x <= 1, 0.2389 * x + 0.5, where(x <= 2, 0.14841 * x + 0.59049, "
    "where(x <= 3, 0.06975 * x + 0.74781, where(x <= 4.5, 0.02367 * x + 0.88603, "
    "where(x <= 8, 0.00252 * x + 0.98125, 1)))))"
)
_PWLC10 = (
    "where(x <= -8, 0, where(x <= -4.5, 0.00252 * x + 0.01875, where(x <= -3, "
    "0.02367 * x + 0.11397, where(x <= -2, 0.06975 * x + 0.25219, where(x <= -1, "
    f"0.14841 * x + 0.40951, where(x <= 0, 0.2389 * x + 0.5, {_PWLC10_POSITIVE}))))))"
)

# both PWLC forms end at 1.00141 and -0.00141 next to +-8 and jump to 1 and 0 there
_PWLC_PROPERTIES = Properties(
    monotonic=False,
    lower=-0.00141,
    upper=1.00141,
    smoothness="discontinuous",
    zero_at_zero=False,
    zero_centered=True,
)

HONG_2020 = Citation(
    "Privacy-preserving collaborative machine learning on genomic data using TensorFlow",
    "Cheng Hong, Zhicong Huang, Wen-jie Lu, Hunter Qu, Li Ma, Morten Dahl, Jason Mancuso",
    2020,
    arxiv="2002.04344",
    venue="iDASH 2019 Track IV winning solution; as MP-SPDZ's approx_sigmoid(x, n=5)",
)

BENAISSA_2021 = Citation(
    "TenSEAL: A Library for Encrypted Tensor Operations Using Homomorphic Encryption",
    "Ayoub Benaissa, Bilal Retiat, Bogdan Cebere, Alaa Eddine Belfedhal",
    2021,
    arxiv="2104.03152",
    venue="TenSEAL tutorial on encrypted logistic regression, after IACR ePrint 2018/462",
)

VALIN_2019 = Citation(
    "LPCNet: Improving Neural Speech Synthesis Through Linear Prediction",
    "Jean-Marc Valin, Jan Skoglund",
    2019,
    arxiv="1810.11846",
    venue="ICASSP 2019; tanh_approx of its C inference code (dnn/vec.h, now in libopus)",
)


# LPCNet's tanh: x N(x^2) / D(x^2), clamped to [-1, 1]. The rational crosses 1 at x = 5.2054
# and stays above it, so clamping x to [-6, 6] first gives the same function; numerator and
# denominator are divided by 1000 so that float16 holds them on [-6, 6].
_LPCNET_N = (952.52801514, 96.39235687, 0.60863042)
_LPCNET_D = (952.72399902, 413.36801147, 11.88600922)
_L = "clamp(x, -6, 6)"
_LPCNET_TANH = (
    f"clamp({_L} * ({horner(tuple(n / 1000 for n in _LPCNET_N), f'{_L}**2')}) "
    f"/ ({horner(tuple(d / 1000 for d in _LPCNET_D), f'{_L}**2')}), -1, 1)"
)
_LPCNET_TANH_PUBLISHED = (
    f"clamp(x * ({horner(_LPCNET_N, 'x**2')}) / ({horner(_LPCNET_D, 'x**2')}), -1, 1)"
)

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
        checked_against="secondary",
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
        "paper's full text could not be reached here; the coefficients were checked against "
        "the authors' own implementation (CryptoLab's IDASH2017 code, which stores them as "
        "0.15012 x - 0.001593 x^3 about 0.5, with its degree-5 and degree-7 fits).",
        properties=_UNBOUNDED_POLYNOMIAL,
    ),
    Spec(
        name="tenseal_sigmoid3",
        formula="0.5 + x * (0.197 - 0.004 * x**2)",
        published="0.5 + 0.197 * x - 0.004 * x**3",
        family="sigmoidal",
        citation=BENAISSA_2021,
        aliases=("he_sigmoid_poly3",),
        description="The cubic sigmoid 0.5 + 0.197 x - 0.004 x^3 that TenSEAL's CKKS "
        "logistic-regression tutorial evaluates on encrypted data, taken there from IACR "
        "ePrint 2018/462 and meant for inputs in [-5, 5], which training keeps the linear "
        "layer in by weight decay. It peaks at 1.032 at x = 4.05 (above the sigmoid's range) "
        "and turns down beyond, without bound. Steeper at 0 (0.197) than the least-squares "
        "cubic he_sigmoid_ls3 on [-8, 8] (0.150).",
        properties=_UNBOUNDED_POLYNOMIAL,
    ),
    Spec(
        name="hong_sigmoid5",
        checked_against="secondary",
        formula="where(x <= -5, 0.0001, where(x <= -2.5, 0.02776 * x + 0.145, "
        "where(x <= 2.5, 0.17 * x + 0.5, where(x <= 5, 0.02776 * x + 0.85498, 0.9999))))",
        family="sigmoidal",
        citation=HONG_2020,
        aliases=("mpspdz_sigmoid5",),
        description="The five-piece linear sigmoid that Hong et al. evaluate in secure "
        "multi-party training (cheap comparisons and multiplications by public constants): "
        "0.0001 up to -5, 0.02776 x + 0.145 up to -2.5, 0.17 x + 0.5 up to 2.5, "
        "0.02776 x + 0.85498 up to 5 and 0.9999 beyond. The pieces do not meet: the value "
        "jumps by 0.006 at +-5 and drops by 6e-4 at +-2.5, so the unit is discontinuous and "
        "not monotonic there. The paper's text could not be read here; the constants are "
        "those of MP-SPDZ's approx_sigmoid(x, n=5), which cites the paper (its three-piece "
        "form, clip(x + 1/2, 0, 1), is hard_sigmoid_keras at alpha = 1).",
        properties=Properties(
            monotonic=False,
            lower=0.0001,
            upper=0.9999,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference("sigmoid", atol=0.07, note="within 0.065 of the sigmoid"),),
    ),
    Spec(
        name="pwlc_sigmoid",
        checked_against="secondary",
        formula=_PWLC8,
        family="sigmoidal",
        citation=LI_2022,
        aliases=("pwlc8_sigmoid",),
        description="PWLC, the eight-segment piecewise-linear sigmoid that Li et al. "
        "implement on an FPGA, with breakpoints at +-1, +-2, +-4 and +-8 placed by the "
        "curvature of the sigmoid and each segment fitted by least squares: 0.23682 x + 0.5 "
        "on [-1, 1], then slopes 0.15881, 0.04767 and 0.00261 with intercepts 0.57801, "
        "0.80029, 0.98053 (1 minus them on the negative side), and 0 or 1 beyond +-8. The "
        "inner segments meet; the outer ones end at 1.00141 and -0.00141 at +-8, so the unit "
        "overshoots [0, 1] slightly and jumps there (discontinuous, not monotonic). The "
        "paper's text could only be read through its abstract here; the constants are those "
        "of an implementation that cites it.",
        properties=_PWLC_PROPERTIES,
        references=(Reference("sigmoid", atol=0.02, note="within 0.02 of the sigmoid"),),
    ),
    Spec(
        name="pwlc10_sigmoid",
        checked_against="secondary",
        formula=_PWLC10,
        family="sigmoidal",
        citation=LI_2022,
        description="The ten-segment variant of Li et al.'s curvature-placed piecewise-linear "
        "FPGA sigmoid (see pwlc_sigmoid), breakpoints at +-1, +-2, +-3, +-4.5 and +-8: "
        "0.2389 x + 0.5 on [-1, 1], then slopes 0.14841, 0.06975, 0.02367, 0.00252 with "
        "intercepts 0.59049, 0.74781, 0.88603, 0.98125 (1 minus them for negative x), and "
        "0 or 1 beyond +-8. Its largest error against the sigmoid is about 0.008 (0.015 for "
        "the eight-segment form); the last segments end at 1.00141 and -0.00141, so it "
        "jumps at +-8 (discontinuous, not monotonic). Constants as in two independent "
        "implementations citing the paper (one writes 0.1481 for the positive-side 0.14841, "
        "which would break the symmetry of the published intercepts).",
        properties=_PWLC_PROPERTIES,
        references=(Reference("sigmoid", atol=0.01, note="within 0.008 of the sigmoid"),),
    ),
    Spec(
        name="lpcnet_tanh",
        formula=_LPCNET_TANH,
        published=_LPCNET_TANH_PUBLISHED,
        family="sigmoidal",
        citation=VALIN_2019,
        aliases=("opus_tanh_approx",),
        description="The tanh of LPCNet's C inference code, now libopus's DNN tanh: a "
        "Pade-like odd rational x (N0 + N1 x^2 + N2 x^4) / (D0 + D1 x^2 + D2 x^4) with "
        "N = (952.52801514, 96.39235687, 0.60863042) and D = (952.72399902, 413.36801147, "
        "11.88600922), clamped to [-1, 1]; the code's comment says the coefficients were "
        "found by gradient descent on the largest deviation over the whole line, which the "
        "clamp makes possible. It stays within 6e-5 of tanh and reaches +-1 exactly from "
        "|x| = 5.2054 on. Constants as in the code (several independent ports agree).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=1e-4, note="within 6e-5 of tanh"),),
    ),
)
