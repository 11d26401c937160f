"""Closed-form stand-ins for tanh, the logistic sigmoid and GELU that numerical libraries
evaluate in place of the exact functions: the clamped minimax rationals of Eigen (which
TensorFlow, XLA and TVM inherit), XNNPACK and ONNX Runtime, the Remez rational of NNlib.jl, the
|x|-rational of Neural Amp Modeler and the refitted sigmoid GELU of MLX, each with the library's
published constants. The Padé approximants of tanh (JUCE's among them) are in
pade_approximations, the erf approximations in erf_approximations."""

from actlab.catalog.rational_text import horner, odd_rational, scaled_odd_rational
from actlab.catalog.spec import Citation, Properties, Reference, Spec

EIGEN_TANH = Citation(
    "Eigen: a C++ template library for linear algebra",
    "Gaël Guennebaud, Benoît Jacob et al.",
    2016,
    venue="Eigen 3.3, Eigen/src/Core/MathFunctionsImpl.h (generic_fast_tanh_float)",
)

EIGEN_LOGISTIC = Citation(
    "Eigen: a C++ template library for linear algebra",
    "Gaël Guennebaud, Benoît Jacob et al.",
    2021,
    venue="Eigen 3.4, Eigen/src/Core/functors/UnaryFunctors.h (scalar_logistic_op<float>)",
)

NNLIB_2021 = Citation(
    "NNlib.jl: neural network primitives for Flux",
    "Michael Abbott, Oscar Smith and the FluxML contributors",
    2021,
    venue="NNlib.jl, src/activations.jl (tanh_fast for Float32, NNlib.jl#345)",
)

MLX_2023 = Citation(
    "MLX: efficient and flexible machine learning on Apple silicon",
    "Awni Hannun, Jagrit Digani, Angelos Katharopoulos, Ronan Collobert",
    2023,
    venue="mlx.nn.gelu_approx, python/mlx/nn/layers/activations.py of MLX's first releases",
)

# Eigen 3.3's float tanh: a 13/6 odd rational on x clamped to [-9, 9]
_EIGEN_TANH_P = (
    4.89352455891786e-03,
    6.37261928875436e-04,
    1.48572235717979e-05,
    5.12229709037114e-08,
    -8.60467152213735e-11,
    2.00018790482477e-13,
    -2.76076847742355e-16,
)
_EIGEN_TANH_Q = (
    4.89352518554385e-03,
    2.26843463243900e-03,
    1.18534705686654e-04,
    1.19825839466702e-06,
)

# Eigen 3.4's float logistic: 1/2 plus a 9/10 odd rational on x capped at the FMA build's
# cut-off, and e^x below -9; the rational's argument is also held at -9 there, which changes
# nothing the where keeps and keeps x^2 finite in the branch it discards
_EIGEN_LOGISTIC_P = (
    2.48287947061529e-01,
    8.51377133304701e-03,
    6.08574864600143e-05,
    1.15627324459942e-07,
    4.37031012579801e-11,
)
_EIGEN_LOGISTIC_Q = (
    9.93151921023180e-01,
    1.16817656904453e-01,
    1.70198817374094e-03,
    6.29106785017040e-06,
    5.76102136993427e-09,
    6.10247389755681e-13,
)
_EIGEN_LOGISTIC_CUTOFF = 15.7243833541870117
_LOGISTIC_HELD = f"clamp(x, -9, {_EIGEN_LOGISTIC_CUTOFF!r})"
_LOGISTIC_CAPPED = f"min(x, {_EIGEN_LOGISTIC_CUTOFF!r})"
_EIGEN_LOGISTIC = (
    "where(x < -9, exp(x), 0.5 + "
    f"{scaled_odd_rational(_EIGEN_LOGISTIC_P, _EIGEN_LOGISTIC_Q, _LOGISTIC_HELD, 16.0)})"
)
_EIGEN_LOGISTIC_PUBLISHED = (
    "where(x < -9, exp(x), 0.5 + "
    f"{odd_rational(_EIGEN_LOGISTIC_P, _EIGEN_LOGISTIC_Q, _LOGISTIC_CAPPED)})"
)

# NNlib's Float32 tanh_fast: an 9/8 odd rational (Remez) while x^2 < 66, sign(x) beyond
_NNLIB_N = (1.0, 0.1346604, 0.0035974074, 2.2332108e-5, 1.587199e-8)
_NNLIB_D = (1.0, 0.4679937, 0.026262015, 0.0003453992, 8.7767893e-7)
_NNLIB_TANH = f"where(x**2 < 66, {odd_rational(_NNLIB_N, _NNLIB_D, 'clamp(x, -9, 9)')}, sign(x))"
_NNLIB_TANH_PUBLISHED = f"where(x**2 < 66, {odd_rational(_NNLIB_N, _NNLIB_D, 'x')}, sign(x))"

XNNPACK_2024 = Citation(
    "XNNPACK: high-efficiency floating-point neural network inference operators",
    "Marat Dukhan, Pedro Gonnet and the XNNPACK contributors",
    2024,
    venue="XNNPACK, src/f32-vtanh/scalar-rational-9-6.c.in (2024), one of the f32 tanh "
    "microkernels of TensorFlow Lite's CPU delegate",
)

# XNNPACK's f32 tanh: a 9/6 odd rational on x clamped to +-7.623543739319 (builds without FMA;
# 7.646893501282 with FMA), the first float at which the rational rounds to 1
_XNN_TANH_P = (
    -9.022999554873e-03,
    -1.146968104877e-03,
    -2.432360815874e-05,
    -6.458659385089e-08,
    5.535878699892e-11,
)
_XNN_TANH_Q = (-9.023001417518e-03, -4.154618829489e-03, -2.061512641376e-04, -1.774490101525e-06)
_XNN_TANH_HELD = "clamp(x, -7.623543739319, 7.623543739319)"

ONNXRUNTIME_TANH = Citation(
    "ONNX Runtime",
    "Microsoft and the ONNX Runtime contributors",
    2018,
    venue="MLAS, onnxruntime/core/mlas/lib/tanh.cpp (MlasTanhKernel in its version with "
    "hexadecimal constants; other versions evaluate Eigen's rational)",
)

# MLAS's hexadecimal-constant tanh on a = |x| < 5: a (1 + d0 + d1 a^2 + d2 a^4) /
# (1 + n1 a^2 + n2 a^4), the float32 constants given in hexadecimal (0xb859e195, 0x3dd1c060,
# 0x3a2fc8e6; 0x3edef102, 0x3c520a84), and +-1 from |x| = 5 on
_MLAS_TANH_N = (1.0 - 5.19469213031698e-05, 0.1024177074432373, 0.0006705656414851546)
_MLAS_TANH_D = (1.0, 0.435432493686676, 0.012819889932870865)
_MLAS_TANH = (
    f"where(abs(x) >= 5, sign(x), {odd_rational(_MLAS_TANH_N, _MLAS_TANH_D, 'clamp(x, -5, 5)')})"
)

NAM_2023 = Citation(
    "NeuralAmpModelerCore",
    "Steven Atkinson and the Neural Amp Modeler contributors",
    2023,
    venue="NAM/activations.h (fast_tanh, its Fasttanh activation); the rational is Aleksey "
    "Vaneev's (Voxengo) vox_fasttanh2",
)

# NAM's fast tanh: x (A + A|x| + (B + C|x|) x^2) / (D + (D + x^2) |x + E x|x||). With a = |x|,
# |x + E x|x|| = a (1 + E a), so it is x (A + A a + B a^2 + C a^3) / (D + D a + D E a^2 + a^3 +
# E a^4); beyond |x| = 1 numerator and denominator are divided by a^4 (r = 1/a), so that no
# power of x overflows.
_NAM = (2.45550750702956, 0.893229853513558, 0.821226666969744, 2.44506634652299, 0.814642734961073)


def _nam_fast_tanh() -> str:
    a_, b_, c_, d_, e_ = _NAM
    a, r = "abs(x)", "(1 / max(abs(x), 1))"
    inner_n = horner((a_, a_, b_, c_), "min(abs(x), 1)")
    inner_d = horner((d_, d_, d_ * e_, 1.0, e_), "min(abs(x), 1)")
    outer_n = horner((c_, b_, a_, a_), r)
    outer_d = horner((e_, 1.0, d_ * e_, d_, d_), r)
    return f"where({a} > 1, sign(x) * ({outer_n}) / ({outer_d}), x * ({inner_n}) / ({inner_d}))"


_NAM_PUBLISHED = (
    "x * (2.45550750702956 + 2.45550750702956 * abs(x) + (0.893229853513558 "
    "+ 0.821226666969744 * abs(x)) * x**2) / (2.44506634652299 + (2.44506634652299 + x**2) "
    "* abs(x + 0.814642734961073 * x * abs(x)))"
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="eigen_tanh",
        formula=scaled_odd_rational(_EIGEN_TANH_P, _EIGEN_TANH_Q, "clamp(x, -9, 9)", 9.0),
        published=odd_rational(_EIGEN_TANH_P, _EIGEN_TANH_Q, "clamp(x, -9, 9)"),
        family="sigmoidal",
        citation=EIGEN_TANH,
        aliases=("generic_fast_tanh_float",),
        checked_against="original",
        description="The single-precision tanh of Eigen, which TensorFlow's CPU kernels "
        "inherit and ONNX Runtime's MLAS copied (same coefficients, same clamp): the "
        "13/6-degree odd rational x P(x^2) / Q(x^2) with P = "
        "(4.89352455891786e-3, 6.37261928875436e-4, 1.48572235717979e-5, 5.12229709037114e-8, "
        "-8.60467152213735e-11, 2.00018790482477e-13, -2.76076847742355e-16) and Q = "
        "(4.89352518554385e-3, 2.26843463243900e-3, 1.18534705686654e-4, 1.19825839466702e-6), "
        "evaluated on x clamped to [-9, 9], where float32 tanh is +-1 anyway. It stays within "
        "3e-8 of tanh and ends at 1 - 2.5e-8 at the clamp (computed here); later Eigen versions "
        "changed the clamp. The clamp leaves a kink of 6e-8 in the slope at +-9, below what the "
        "smoothness probe resolves: the entry is listed by its visible class.",
        properties=Properties(
            monotonic=True,
            lower=-0.99999997544972,
            upper=0.99999997544972,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=3e-8, note="within 2.6e-8 of tanh"),),
    ),
    Spec(
        name="eigen_logistic",
        formula=_EIGEN_LOGISTIC,
        published=_EIGEN_LOGISTIC_PUBLISHED,
        family="sigmoidal",
        citation=EIGEN_LOGISTIC,
        aliases=("eigen_sigmoid",),
        checked_against="original",
        description="The single-precision logistic sigmoid of Eigen 3.4: 1/2 plus a 9/10-degree "
        "odd rational x P(x^2) / Q(x^2) fitted to sigma(x) - 1/2, with P = (0.248287947061529, "
        "8.51377133304701e-3, 6.08574864600143e-5, 1.15627324459942e-7, 4.37031012579801e-11) "
        "and Q = (0.993151921023180, 0.116817656904453, 1.70198817374094e-3, "
        "6.29106785017040e-6, 5.76102136993427e-9, 6.10247389755681e-13), on x capped at "
        "15.7243833541870117 (the FMA build's cut-off, where the rational rounds to 1 in "
        "float32; 15.6437711715698242 without FMA), and e^x below -9, where it is the more "
        "accurate of the two. Within 1.6e-8 of the sigmoid below the cap and 1.5e-7 above it "
        "(computed here). The value steps up by 1.5e-8 at -9 and the slope drops to 0 at the "
        "cap, both below what the smoothness probe resolves: the entry is listed by its "
        "visible class.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=0.99999985172384,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference("sigmoid", atol=2e-7, note="within 1.5e-7 of the sigmoid"),),
    ),
    Spec(
        name="nnlib_tanh_fast",
        formula=_NNLIB_TANH,
        published=_NNLIB_TANH_PUBLISHED,
        family="sigmoidal",
        citation=NNLIB_2021,
        aliases=("tanh_fast",),
        checked_against="original",
        description="NNlib.jl's tanh_fast for Float32, which NNlib.fast_act substitutes for "
        "tanh: the odd rational x N(x^2) / D(x^2) with N = (1, 0.1346604, 0.0035974074, "
        "2.2332108e-5, 1.587199e-8) and D = (1, 0.4679937, 0.026262015, 0.0003453992, "
        "8.7767893e-7), coefficients found with Remez.jl, while x^2 < 66, and sign(x) beyond. "
        "Within 5.5e-8 of tanh where the rational applies and 1.8e-7 overall; the rational ends "
        "at 1 - 1.2e-7 at |x| = sqrt(66), so the value steps to +-1 there (computed here), a "
        "step below what the smoothness probe resolves: the entry is listed by its visible "
        "class. NNlib's sigmoid_fast is the exact logistic function and its Float64 tanh_fast "
        "exact up to rounding.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=2e-7, note="within 1.8e-7 of tanh"),),
    ),
    Spec(
        name="mlx_gelu_approx",
        formula="where(abs(x) > 30, relu(x), x * sigmoid(1.60033 * x * (1 + 0.0433603 * x**2)))",
        published="x * sigmoid(1.60033 * x * (1 + 0.0433603 * x**2))",
        family="gated",
        citation=MLX_2023,
        checked_against="original",
        description="The GELU approximation of MLX's first releases, x sigmoid(1.60033 x "
        "(1 + 0.0433603 x^2)): the sigmoid form of the tanh approximation of GELU with both "
        "constants refitted (sqrt(8/pi) = 1.59577 and 0.044715 in gelu_tanh), documented as "
        "within 3e-4 of GELU on [-6, 6]. Later MLX releases replaced it with the standard tanh "
        "form. Written as relu(x) for |x| > 30, where the gate is exactly 0 or 1 in double "
        "precision.",
        properties=Properties(
            monotonic=False,
            lower=-0.17,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
        references=(Reference("gelu", atol=3e-4, note="within 2.7e-4 of exact GELU"),),
    ),
    Spec(
        name="xnnpack_tanh",
        formula=scaled_odd_rational(_XNN_TANH_P, _XNN_TANH_Q, _XNN_TANH_HELD, 8.0),
        published=odd_rational(_XNN_TANH_P, _XNN_TANH_Q, _XNN_TANH_HELD),
        family="sigmoidal",
        citation=XNNPACK_2024,
        aliases=("xnn_tanh_rational_9_6",),
        checked_against="original",
        description="XNNPACK's single-precision tanh microkernel (rational-9-6): the odd "
        "rational x P(x^2) / Q(x^2) with P = (-9.022999554873e-3, -1.146968104877e-3, "
        "-2.432360815874e-5, -6.458659385089e-8, 5.535878699892e-11) and Q = "
        "(-9.023001417518e-3, -4.154618829489e-3, -2.061512641376e-4, -1.774490101525e-6) "
        "on x clamped to +-7.623543739319, the first float32 at which it rounds to 1 "
        "(7.646893501282 in the FMA build). Fewer terms than Eigen's 13/6 rational "
        "(eigen_tanh): within 2.6e-7 of tanh, ending at 1 - 2.6e-7 at the clamp (computed "
        "here).",
        properties=Properties(
            monotonic=True,
            lower=-0.9999997418336269,
            upper=0.9999997418336269,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=3e-7, note="within 2.6e-7 of tanh"),),
    ),
    Spec(
        name="mlas_tanh",
        formula=_MLAS_TANH,
        family="sigmoidal",
        citation=ONNXRUNTIME_TANH,
        aliases=("onnxruntime_tanh",),
        checked_against="original",
        description="A CPU tanh of ONNX Runtime (MLAS), a 5/4-degree odd rational on "
        "a = |x| below 5: a (1 + d0 + d1 a^2 + d2 a^4) / (1 + n1 a^2 + n2 a^4) with the float32 "
        "constants d0 = -5.19469e-5, d1 = 0.102418, d2 = 6.70566e-4, n1 = 0.435432, "
        "n2 = 0.0128199 (stored in hexadecimal), the sign of x restored, and +-1 from |x| = 5 "
        "on. Far cheaper and coarser than the Eigen rational of other MLAS versions "
        "(eigen_tanh, with the same +-9 clamp): within 5.2e-5 of tanh below |x| = 5, with a "
        "slope of 0.99995 at 0, and a step of 3.9e-5 up to 1 at |x| = 5, where it is "
        "9.1e-5 above tanh (computed here).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=1e-4, note="within 9.1e-5 of tanh"),),
    ),
    Spec(
        name="nam_fast_tanh",
        formula=_nam_fast_tanh(),
        published=_NAM_PUBLISHED,
        family="sigmoidal",
        citation=NAM_2023,
        aliases=("vox_fasttanh2", "nam_fasttanh"),
        checked_against="original",
        description="The Fasttanh activation of Neural Amp Modeler, a division-only rational "
        "in x and |x| (Aleksey Vaneev's vox_fasttanh2): x (A + A|x| + (B + C|x|) x^2) / "
        "(D + (D + x^2) |x + E x|x||) with A = 2.45550750702956, B = 0.893229853513558, "
        "C = 0.821226666969744, D = 2.44506634652299, E = 0.814642734961073. Its slope at 0 "
        "is A/D = 1.00427; it stays within 4.4e-4 of tanh on [-10, 10], peaks at 0.99996 at "
        "|x| = 4.841, dips and then tends to C/E = 1.00808 (computed here), so it is bounded "
        "but not monotonic. NAM's fast_sigmoid is (1 + f(x/2)) / 2.",
        properties=Properties(
            monotonic=False,
            lower=-1.0080819870185003,
            upper=1.0080819870185003,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=0.0082, note="within 0.0081 of tanh (C/E - 1)"),),
    ),
)
