"""Static waveshapers of virtual-analog audio modelling, the memoryless curves that guitar-amplifier
emulators, ring modulators and distortion effects put inside their signal chains: the asymmetric
tube curve of Doidic et al. reviewed by Pakarinen and Yeh, the diode law of Parker's ring
modulator as Mutable Instruments' Warps evaluates it, the clipped rational soft clipper of
Mutable Instruments' DSP library and the asymmetric knee clipper of the Schrammel OJD overdrive,
each with its published constants. The survey of Kunc and Kléma
(arXiv:2402.09092) lists none of them."""

from actlab.catalog.spec import Citation, Properties, Reference, Spec

PAKARINEN_YEH_2009 = Citation(
    "A Review of Digital Techniques for Modeling Vacuum-Tube Guitar Amplifiers",
    "Jyri Pakarinen, David T. Yeh",
    2009,
    venue="Computer Music Journal 33(2), 85-100; the curve of M. Doidic et al., US patent "
    "5,789,689 (1998)",
)

PARKER_2011 = Citation(
    "A Simple Digital Model of the Diode-Based Ring-Modulator",
    "Julian Parker",
    2011,
    venue="DAFx-11, Paris; as Modulator::Diode of Mutable Instruments Warps "
    "(eurorack/warps/dsp/modulator.cc, Emilie Gillet)",
)

STMLIB = Citation(
    "stmlib: shared DSP code of the Mutable Instruments modules",
    "Emilie Gillet",
    2014,
    venue="Mutable Instruments stmlib, stmlib/dsp/dsp.h, SoftClip and SoftLimit",
)

BUTTGEREIT_2020 = Citation(
    "Schrammel OJD: a virtual-analog overdrive plug-in",
    "Janos Buttgereit",
    2020,
    venue="JanosGit/Schrammel_OJD, Source/Waveshaper.h; also the OJD saturator of Surge XT's "
    "nonlinear-feedback filters",
)

DANGELO_2019 = Citation(
    "Fast Approximation of the Lambert W Function for Virtual Analog Modelling",
    "Stefano D'Angelo, Leonardo Gabrielli, Luca Turchet",
    2019,
    venue="DAFx-19, Birmingham; as omega2, omega3 and omega4 of chowdsp_wdf (Jatin Chowdhury)",
)

# Doidic's asymmetric tube curve, on v = x clipped to [-1, 1]: a 12th-power saturation for
# negative inputs below -0.08905, a parabola up to its crest near 0.32 and the constant 0.630035
# beyond; below -1 the published curve holds its value at -1, -0.9818
_V = "clamp(x, -1, 1)"
_DOIDIC_NEGATIVE = (
    f"-0.75 * (1 - (1 - (abs({_V}) - 0.032847))**12 + (abs({_V}) - 0.032847) / 3) + 0.01"
)
_DOIDIC = (
    f"where(x < -0.08905, {_DOIDIC_NEGATIVE}, "
    f"where(x < 0.320018, -6.153 * {_V}**2 + 3.9375 * {_V}, 0.630035))"
)
_DOIDIC_AT_MINUS_ONE = -0.75 * (1 - 0.032847**12 + (1 - 0.032847) / 3) + 0.01

# Parker's diode law as Warps writes it: (|x| - 0.667 + ||x| - 0.667|)^2 = 4 relu(|x| - 0.667)^2
_WARPS_DIODE_SCALE = 0.04324765822726063
_WARPS_DIODE = f"{4 * _WARPS_DIODE_SCALE!r} * sign(x) * relu(abs(x) - 0.667)**2"
_WARPS_DIODE_PUBLISHED = (
    f"{_WARPS_DIODE_SCALE!r} * sign(x) * (abs(x) - 0.667 + abs(abs(x) - 0.667))**2"
)

_S = "clamp(x, -3, 3)"

# OJD: identity on [-0.3, 0.9], parabolic knees of width 1.4 below and 0.2 above that reach -1
# at -1.7 and 1 at 1.1 with zero slope
_OJD = (
    "where(x <= -1.7, -1, where(x < -0.3, (x + 0.3) + (x + 0.3)**2 / (4 * (1 - 0.3)) - 0.3, "
    "where(x <= 0.9, x, where(x < 1.1, (x - 0.9) - (x - 0.9)**2 / (4 * (1 - 0.9)) + 0.9, 1))))"
)

# D'Angelo et al.'s Wright omega approximations: a cubic between two knots, 0 below and the
# asymptote above; the cubic is evaluated on x clamped to its knots so that no power of a large
# x overflows in the branch that is not taken
_OMEGA2_LOW, _OMEGA2_HIGH = -3.684303659906469, 1.972967391708859
# omega2's published cubic has a double root at its lower knot (its value and slope there are
# below 1e-16), so it is written in t = x - knot: t^2 (b + 3 a knot + a t), free of the
# cancellation of the published powers of x next to the knot
_OMEGA2_A = 9.451797158780131e-3
_OMEGA2_T2 = 1.126446405111627e-1 + 3 * _OMEGA2_A * _OMEGA2_LOW
_OMEGA2_T = f"(clamp(x, {_OMEGA2_LOW!r}, {_OMEGA2_HIGH!r}) - {_OMEGA2_LOW!r})"
_OMEGA2 = (
    f"where(x < {_OMEGA2_LOW!r}, 0, where(x < {_OMEGA2_HIGH!r}, "
    f"{_OMEGA2_T}**2 * ({_OMEGA2_T2!r} + {_OMEGA2_A!r} * {_OMEGA2_T}), x))"
)

_OMEGA3_LOW = -3.341459552768620
_OMEGA3_X = f"clamp(x, {_OMEGA3_LOW!r}, 8)"
_OMEGA3_CUBIC = (
    f"0.6313183464296682 + {_OMEGA3_X} * (0.3631952663804445 + {_OMEGA3_X} * "
    f"(0.04775931364975583 - 0.00131429314987780 * {_OMEGA3_X}))"
)
_OMEGA3 = f"where(x < {_OMEGA3_LOW!r}, 0, where(x < 8, {_OMEGA3_CUBIC}, x - log(max(x, 8))))"
# one Newton step on omega + log(omega) = x from y = omega3: y - (y - e^(x - y)) / (y + 1), with
# e^(x - y) written out per piece (e^x, e^(x - cubic), x): as e^(x - y) it cancels to nothing or
# rounds past the largest float far right, where it is x itself
_OMEGA3_SLACK = (
    f"where(x < {_OMEGA3_LOW!r}, exp(min(x, {_OMEGA3_LOW!r})), "
    f"where(x < 8, exp({_OMEGA3_X} - ({_OMEGA3_CUBIC})), x))"
)
_OMEGA4 = f"({_OMEGA3}) - (({_OMEGA3}) - {_OMEGA3_SLACK}) / (({_OMEGA3}) + 1)"

_OMEGA_RECTIFIER = Properties(
    monotonic=True,
    lower=0.0,
    upper=None,
    smoothness="C1",
    zero_at_zero=False,
    zero_centered=False,
    sparse=True,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="doidic_asymmetric",
        checked_against="secondary",
        formula=_DOIDIC,
        published=f"where(x < -1, {_DOIDIC_AT_MINUS_ONE!r}, where(x < -0.08905, -0.75 * (1 - "
        "(1 - (abs(x) - 0.032847))**12 + (abs(x) - 0.032847) / 3) + 0.01, where(x < 0.320018, "
        "-6.153 * x**2 + 3.9375 * x, 0.630035)))",
        family="audio waveshaper",
        citation=PAKARINEN_YEH_2009,
        aliases=("doidic_tube",),
        description="The asymmetric tube-distortion curve of Doidic et al.'s programmable "
        "guitar-amplifier patent as Pakarinen and Yeh's review of tube-amplifier modelling "
        "states it: -3/4 (1 - (1 - (|x| - 0.032847))^12 + (|x| - 0.032847)/3) + 0.01 for "
        "-1 <= x < -0.08905, -6.153 x^2 + 3.9375 x up to 0.320018 and 0.630035 beyond, with "
        "-0.9818 below -1 (this entry holds the value at -1, -0.981788, which the review "
        "rounds). Positive inputs clip hard at 0.63 after the crest of the parabola while "
        "negative ones saturate softly towards -0.98, the even-harmonic asymmetry of a "
        "single-ended triode stage. The published pieces do not meet at -0.08905, where the "
        "curve drops by 0.020 (so it is discontinuous and not monotonic), and meet at 0.320018 "
        "within 1e-4. The review's body could not be read here; its constants were checked "
        "against three independent waveshaper implementations that reproduce it.",
        properties=Properties(
            monotonic=False,
            lower=_DOIDIC_AT_MINUS_ONE,
            upper=0.630035,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="warps_diode",
        checked_against="secondary",
        formula=_WARPS_DIODE,
        published=_WARPS_DIODE_PUBLISHED,
        family="audio waveshaper",
        citation=PARKER_2011,
        aliases=("parker_diode",),
        description="The diode law that Mutable Instruments' Warps applies to the sum and the "
        "difference of modulator and carrier in its analog ring-modulation mode, after "
        "Parker's digital model of the diode ring modulator: zero in the dead zone "
        "|x| <= 0.667 (the diode's forward voltage) and 0.0432477 sign(x) (|x| - 0.667 + "
        "||x| - 0.667|)^2 = 0.172991 sign(x) (|x| - 0.667)^2 beyond, an odd, quadratic "
        "onset of conduction. Parker's own curve joins the quadratic knee to a straight line "
        "with device voltages as parameters; this entry is the fixed closed form that the "
        "module's firmware ships, read from its source (modulator.cc, Modulator::Diode).",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
            sparse=True,
        ),
    ),
    Spec(
        name="stmlib_soft_clip",
        checked_against="secondary",
        formula=f"{_S} * (27 + {_S}**2) / (27 + 9 * {_S}**2)",
        published="where(x < -3, -1, where(x > 3, 1, x * (27 + x**2) / (27 + 9 * x**2)))",
        family="audio waveshaper",
        citation=STMLIB,
        aliases=("stmlib_softclip", "mi_soft_clip"),
        description="SoftClip of Mutable Instruments' DSP library stmlib, the saturator of its "
        "Eurorack modules (and of DaisySP's Overdrive, ported from it): the rational "
        "x (27 + x^2) / (27 + 9 x^2) (stmlib's SoftLimit, a tanh stand-in) on [-3, 3] and "
        "+-1 outside. The rational reaches exactly 1 at x = 3 with zero first and second "
        "derivatives, so the clipped curve is monotonic and C2 (f''' jumps at +-3, "
        "reported as Cinf), and it stays within 0.024 of tanh everywhere. Read from "
        "two independent ports of stmlib's dsp.h that agree.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=0.024, note="within 0.024 of tanh"),),
    ),
    Spec(
        name="ojd_waveshaper",
        formula=_OJD,
        family="audio waveshaper",
        citation=BUTTGEREIT_2020,
        aliases=("schrammel_ojd",),
        description="The asymmetric soft clipper of Buttgereit's Schrammel OJD overdrive "
        "plug-in, which Surge XT also uses as the OJD saturator inside its nonlinear-feedback "
        "filters: the identity on [-0.3, 0.9], the parabolic knee u + u^2 / 2.8 - 0.3 with "
        "u = x + 0.3 down to -1.7, the knee u - 2.5 u^2 + 0.9 with u = x - 0.9 up to 1.1, and "
        "-1 and 1 beyond. Both knees meet the line and the rails with matching slope, so the "
        "curve is C1 and monotonic; the lower knee is seven times wider than the upper one, "
        "which gives the asymmetric (even-harmonic) clipping of the pedal. The plug-in's "
        "branch conditions leave x = 1.1 itself to the identity branch (returning 1.1), a "
        "single-point glitch this entry does not copy. Formula and constants from the "
        "author's source, Source/Waveshaper.h.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="wright_omega2",
        checked_against="secondary",
        formula=_OMEGA2,
        family="audio waveshaper",
        citation=DANGELO_2019,
        aliases=("omega2",),
        description="The second-order fast approximation of the Wright omega function "
        "omega(x) = W0(e^x) by D'Angelo, Gabrielli and Turchet, the closed form that "
        "wave-digital diode models (diode clippers, diode pairs) evaluate per sample: 0 below "
        "-3.684303659906469, the identity above 1.972967391708859 and between them the cubic "
        "0.5836596684310648 + 0.4451353886588814 x + 0.1126446405111627 x^2 + "
        "0.009451797158780131 x^3, which meets both pieces with matching slope (C1). It is a "
        "smooth rectifier: it follows omega around the knee but keeps slope 1 where omega "
        "grows as x - log(x), so it is log(x) too high far right (2.8 at x = 20). The cubic "
        "has a double root at its lower knot, and this entry evaluates it about that knot, "
        "t^2 (0.0081747679 + 0.0094517972 t) with t = x + 3.684303659906469, the same "
        "polynomial up to rounding. Constants from chowdsp_wdf's omega.h and other "
        "implementations citing the paper, which agree to every digit.",
        properties=_OMEGA_RECTIFIER,
    ),
    Spec(
        name="wright_omega3",
        checked_against="secondary",
        formula=_OMEGA3,
        family="audio waveshaper",
        citation=DANGELO_2019,
        aliases=("omega3",),
        description="The third-order fast approximation of the Wright omega function by "
        "D'Angelo, Gabrielli and Turchet: 0 below -3.341459552768620, x - log(x) (the "
        "asymptote of omega) from 8 on, and between them the cubic 0.6313183464296682 + "
        "0.3631952663804445 x + 0.04775931364975583 x^2 - 0.0013142931498778 x^3, which "
        "meets both pieces with matching value and slope (C1); it stays within 0.27 of omega "
        "(largest near x = 7.2). Wave-digital diode models use it, or its Newton-refined "
        "form wright_omega4, for the closed-form reflected wave of an exponential junction. "
        "Constants from chowdsp_wdf's omega.h and other "
        "implementations citing the paper, which agree to every digit.",
        properties=_OMEGA_RECTIFIER,
    ),
    Spec(
        name="wright_omega4",
        checked_against="secondary",
        formula=_OMEGA4,
        family="audio waveshaper",
        citation=DANGELO_2019,
        aliases=("omega4",),
        description="The fourth-order fast approximation of the Wright omega function by "
        "D'Angelo, Gabrielli and Turchet: one Newton step y - (y - e^(x - y)) / (y + 1) on "
        "omega + log(omega) = x from y = wright_omega3(x). Below -3.341459552768620, where "
        "omega3 is 0, it is e^x, the true asymptote of omega; elsewhere the step brings "
        "omega3 to within 0.045 of omega (3.8% at most, on [-10, 20]), which is why "
        "wave-digital diode clippers (chowdsp_wdf's default) evaluate it. Positive, "
        "increasing and unbounded. Constants from chowdsp_wdf's omega.h and other implementations "
        "citing the paper.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
        ),
    ),
)
