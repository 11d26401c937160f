"""Stand-ins for the sigmoid, SiLU and GELU that integer-only and quantized inference engines
evaluate in place of the float functions: the hard sigmoid and hard swish of Xilinx's DPU
accelerators, whose 1/6 is the fixed-point fraction 2731/16384, with their published
constants; the truncated Taylor polynomials that a homomorphic-encryption (CKKS) platform
evaluates on encrypted data in place of exp, the sigmoid, softplus and swish; and the cubic and
Taylor sigmoids and tanhs of zero-knowledge circuit libraries, where a proof of inference must
express every nonlinearity as field arithmetic. Each is what the quantized, encrypted or proven
network actually computes, so a model fine-tuned or simulated with these entries sees the
deployed nonlinearity."""

import math
from dataclasses import replace

import mpmath

from actlab.catalog.rational_text import factored, signed
from actlab.catalog.spec import Citation, Properties, Reference, Spec

VITIS_AI = Citation(
    "Vitis AI: the development stack for AI inference on Xilinx (AMD) hardware",
    "Xilinx Inc.",
    2019,
    venue="Vitis AI 3.x, vai_q_pytorch (pytorch_nndct) quantized Hardsigmoid and Hardswish "
    "modules; AMD Quark ONNX, simulate_dpu.py (HARD_SIGMOID_SCALE)",
)

HEFLOW = Citation(
    "HEflow: A Privacy-Preserving Machine Learning Lifecycle Platform",
    "InAccel",
    2022,
    venue="HEflow (github.com/inaccel/heflow), heflow/tensorflow/keras/activations.py: "
    "he_exponential, he_sigmoid, he_softplus, he_swish",
)


CIRCOMLIB_ML = Citation(
    "circomlib-ml: Circom circuits library for machine learning",
    "Cathie So",
    2022,
    venue="circomlib-ml (github.com/socathie/circomlib-ml), circuits/Zigmoid.circom and "
    "circuits/Zanh.circom",
)


JSTPROVE = Citation(
    "JSTprove: zero-knowledge proofs of machine-learning inference",
    "Inference Labs",
    2025,
    venue="JSTprove (github.com/inference-labs-inc/JSTprove), circom/taylor_sigmoid.circom "
    "and circom/taylor_tanh.circom",
)


# Taylor polynomials about 0, in the coefficient order of HEflow's polyval_ lists
_EXP5 = factored((1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120))
_SIGMOID5 = factored((1 / 2, 1 / 4, 0, -1 / 48, 0, 1 / 480))
_SOFTPLUS6 = factored((math.log(2), 1 / 2, 1 / 8, 0, -1 / 192, 0, 1 / 2880))

_ZIGMOID = (0.502073021, 0.198695283, -0.001570683, -0.004001354)
_SECUREBP_SIGMOID = (0.500781, 0.14670403, 0.001198, -0.001006)
_ZANH = (0.006769816, 0.554670504, -0.009411195, -0.014187547)


def _published(coefficients: tuple[float, ...]) -> str:
    """c0 + c1 * x + c2 * x**2 + ... as formula text, in the order the source writes it."""
    terms = [repr(coefficients[0])] + [
        f"{signed(mpmath.mpf(c))} * x**{k}" for k, c in enumerate(coefficients) if k
    ]
    return " ".join(terms).replace("x**1", "x")


# JSTprove's Taylor coefficients, truncated to the nine decimal places of its fixed point
_TAYLOR_SIGMOID3 = (0.5, 0.25, 0.0, -0.020833333)
_TAYLOR_TANH3 = (0.0, 1.0, 0.0, -0.333333333)
_TAYLOR_TANH5 = (0.0, 1.0, 0.0, -0.333333333, 0.0, 0.133333333)


# a cubic fitted to a squashing function: increasing between its turning points, unbounded
_CUBIC_FIT = Properties(
    monotonic=False,
    lower=None,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=False,
    zero_centered=True,
)

# a polynomial whose derivative has no real root: increasing, unbounded on both sides
_RISING = replace(_CUBIC_FIT, monotonic=True)

# the DPU multiplies ReLU6(x + 3) by 2731 / 2^14 = 0.16668701171875 instead of dividing by 6
_DPU_SIXTH = 2731 / 16384
_DPU_GATE = f"clamp(x + 3, 0, 6) * {_DPU_SIXTH!r}"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="dpu_hard_sigmoid",
        formula=_DPU_GATE,
        published="clamp(x + 3, 0, 6) * 2731 / 16384",
        family="sigmoidal",
        citation=VITIS_AI,
        checked_against="original",
        aliases=("vitis_hard_sigmoid", "quark_dpu_hard_sigmoid"),
        description="The hard sigmoid that Xilinx's DPU accelerators compute: ReLU6(x + 3) "
        "multiplied by the fixed-point constant 2731/16384 = 0.16668701171875 in place of "
        "1/6, as Vitis AI's PyTorch quantizer applies it to Hardsigmoid in quantized mode "
        '("scale to DPU accuracy"); AMD\'s Quark ONNX quantizer simulates the same unit by '
        "replacing Sigmoid with HardSigmoid(alpha = 1/6) followed by a multiplication by "
        "(2731/16384)/(1/6). It differs from hardsigmoid by at most 1.22e-4, reached for "
        "x >= 3, where it saturates at 16386/16384 = 1.000122 instead of 1, and "
        "f(0) = 8193/16384. Constants from Vitis AI's and Quark's source.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=6 * _DPU_SIXTH,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference("hardsigmoid", atol=1.3e-4, note="within 6 (2731/16384 - 1/6) = 1.22e-4"),
        ),
    ),
    Spec(
        name="dpu_hard_swish",
        formula=f"x * ({_DPU_GATE})",
        published="x * clamp(x + 3, 0, 6) * 2731 / 16384",
        family="gated",
        citation=VITIS_AI,
        checked_against="original",
        aliases=("vitis_hard_swish",),
        description="The hard swish of Xilinx's DPU accelerators: x times ReLU6(x + 3) "
        "multiplied by 2731/16384 = 0.16668701171875 in place of 1/6, as Vitis AI's PyTorch "
        "quantizer computes Hardswish in quantized mode (it also rounds the gate to 8 bits "
        "before the product, a quantization step left out here). It is hardswish scaled by "
        "16386/16384 for x >= 3, so the two differ by 1.22e-4 |x| there; its minimum is "
        "-2.25 * 2731/16384 = -0.375046 at x = -1.5. Constants from Vitis AI's source.",
        properties=Properties(
            monotonic=False,
            lower=-2.25 * _DPU_SIXTH,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
            sparse=True,
        ),
    ),
    Spec(
        name="heflow_exp",
        formula=_EXP5,
        published="1 + x + x**2 / 2 + x**3 / 6 + x**4 / 24 + x**5 / 120",
        family="unbounded",
        citation=HEFLOW,
        aliases=("he_exponential",),
        description="HEflow's he_exponential, the exponential as CKKS evaluates it on "
        "encrypted data: its Taylor polynomial to x^5, 1 + x + x^2/2 + x^3/6 + x^4/24 + "
        "x^5/120. Its derivative, the Taylor polynomial to x^4, is positive everywhere, so "
        "it increases over the whole line, but it crosses zero at x = -2.1806 and falls "
        "without bound below; within 1% of exp on [-1.6, 1.8]. Coefficients from HEflow's "
        "source (heflow/tensorflow/keras/activations.py).",
        properties=_RISING,
    ),
    Spec(
        name="heflow_sigmoid",
        formula=_SIGMOID5,
        published="1 / 2 + x / 4 - x**3 / 48 + x**5 / 480",
        family="sigmoidal",
        citation=HEFLOW,
        aliases=("he_sigmoid_taylor5", "jstprove_taylor_sigmoid5"),
        description="HEflow's he_sigmoid, the logistic sigmoid as CKKS evaluates it on "
        "encrypted data: its Taylor polynomial to x^5, 1/2 + x/4 - x^3/48 + x^5/480. Its "
        "derivative 1/4 - x^2/16 + x^4/96 has no real root, so the polynomial increases "
        "over the whole line, unbounded (the odd x^5 term takes over beyond |x| of about 3, "
        "where it leaves [0, 1]). Coefficients from HEflow's source "
        "(heflow/tensorflow/keras/activations.py). JSTprove's zero-knowledge circuit "
        "TaylorSigmoid5 evaluates the same polynomial with 1/48 and 1/480 cut to nine "
        "decimal places (0.020833333, 0.002083333).",
        properties=_RISING,
    ),
    Spec(
        name="heflow_softplus",
        formula=_SOFTPLUS6,
        published="log(2) + x / 2 + x**2 / 8 - x**4 / 192 + x**6 / 2880",
        family="exponential",
        citation=HEFLOW,
        aliases=("he_softplus_taylor6",),
        description="HEflow's he_softplus, softplus as CKKS evaluates it on encrypted "
        "data: its Taylor polynomial to x^6, log 2 + x/2 + x^2/8 - x^4/192 + x^6/2880, "
        "whose derivative is heflow_sigmoid. It has one minimum, 0.105702 at x = -2.48892 "
        "(the root of that derivative), and grows like x^6 on both sides. Coefficients "
        "from HEflow's source (heflow/tensorflow/keras/activations.py).",
        properties=Properties(
            monotonic=False,
            lower=0.105701517672785,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
    ),
    Spec(
        name="heflow_swish",
        formula=f"x * ({_SIGMOID5})",
        published="x / 2 + x**2 / 4 - x**4 / 48 + x**6 / 480",
        family="gated",
        citation=HEFLOW,
        aliases=("he_swish_taylor6",),
        description="HEflow's he_swish, SiLU (swish) as CKKS evaluates it on encrypted "
        "data: x times the degree-5 Taylor polynomial of the sigmoid (heflow_sigmoid), "
        "x/2 + x^2/4 - x^4/48 + x^6/480. Its minimum is -0.277291 at x = -1.24852 (SiLU's "
        "is -0.278465 at -1.27846); it grows like x^6 on both sides. Coefficients from "
        "HEflow's source (heflow/tensorflow/keras/activations.py).",
        properties=Properties(
            monotonic=False,
            lower=-0.277290629368604,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="zigmoid",
        formula=factored(_ZIGMOID),
        published=_published(_ZIGMOID),
        family="sigmoidal",
        citation=CIRCOMLIB_ML,
        aliases=("circomlib_zigmoid",),
        description="Zigmoid, the cubic sigmoid of circomlib-ml, a Circom library of "
        "zero-knowledge circuits for neural-network inference: 0.502073021 + 0.198695283 x "
        "- 0.001570683 x^2 - 0.004001354 x^3, evaluated in fixed point (nine decimal "
        "places) inside the proof. The small even term makes it slightly asymmetric; it "
        "rises from a local minimum of -0.064 at x = -4.20 to a local maximum of 1.016 at "
        "x = 3.94 and runs to +inf and -inf beyond, so it stands for the sigmoid only near "
        "the origin. Coefficients from the library's circuit (one version of "
        "Zigmoid.circom; another holds securebp_sigmoid3).",
        properties=_CUBIC_FIT,
    ),
    Spec(
        name="securebp_sigmoid3",
        checked_against="secondary",
        formula=factored(_SECUREBP_SIGMOID),
        published=_published(_SECUREBP_SIGMOID),
        family="sigmoidal",
        citation=CIRCOMLIB_ML,
        description="The cubic sigmoid 0.500781 + 0.14670403 x + 0.001198 x^2 - 0.001006 x^3 "
        "that one version of circomlib-ml's Zigmoid circuit evaluates in zero knowledge, "
        "attributed there to SecureBP (privacy-preserving back-propagation under "
        "homomorphic encryption, 2020), whose text could not be read here. Flatter at the "
        "origin (slope 0.147) than zigmoid (0.199) and fitted over a wider interval: its "
        "turning points are at x = -6.59 (-0.126) and x = 7.38 (1.244), beyond which it "
        "runs to +inf and -inf.",
        properties=_CUBIC_FIT,
    ),
    Spec(
        name="zanh",
        formula=factored(_ZANH),
        published=_published(_ZANH),
        family="sigmoidal",
        citation=CIRCOMLIB_ML,
        aliases=("circomlib_zanh",),
        description="Zanh, the cubic tanh of circomlib-ml's zero-knowledge circuits: "
        "0.006769816 + 0.554670504 x - 0.009411195 x^2 - 0.014187547 x^3, evaluated in "
        "fixed point inside the proof. Unlike tanh it is neither odd nor zero at 0 "
        "(f(0) = 0.0068); it turns at x = -3.84 (-1.459) and x = 3.40 (1.226) and runs to "
        "+inf and -inf beyond, so it stands for tanh only near the origin. Coefficients from the "
        "library's circuit (Zanh.circom).",
        properties=_CUBIC_FIT,
    ),
    Spec(
        name="taylor_sigmoid3",
        formula=factored(_TAYLOR_SIGMOID3),
        published="0.5 + 0.25 * x - 0.020833333 * x**3",
        family="sigmoidal",
        citation=JSTPROVE,
        aliases=("jstprove_taylor_sigmoid3",),
        description="The cubic Taylor polynomial of the logistic sigmoid, 1/2 + x/4 - x^3/48, "
        "as JSTprove's zero-knowledge circuit TaylorSigmoid3 evaluates it in fixed point "
        "(1/48 cut to 0.020833333). It turns at x = -2 (1/6) and x = 2 (5/6) and runs to "
        "+inf and -inf beyond, so it stands for the sigmoid only on [-2, 2]; the degree-5 "
        "form is heflow_sigmoid. Coefficients from JSTprove's circuit "
        "(circom/taylor_sigmoid.circom).",
        properties=_CUBIC_FIT,
    ),
    Spec(
        name="taylor_tanh3",
        formula=factored(_TAYLOR_TANH3),
        published="x - 0.333333333 * x**3",
        family="sigmoidal",
        citation=JSTPROVE,
        aliases=("jstprove_taylor_tanh3",),
        description="The cubic Taylor polynomial of tanh, x - x^3/3, as JSTprove's "
        "zero-knowledge circuit TaylorTanh3 evaluates it in fixed point (1/3 cut to "
        "0.333333333). Odd, with turning points +-2/3 at x = +-1, and running to -inf and "
        "+inf beyond; the same cubic that the cubic soft clipper of audio processing holds "
        "constant beyond |x| = 1, here left unclipped. Coefficients from JSTprove's circuit "
        "(circom/taylor_tanh.circom).",
        properties=replace(_CUBIC_FIT, zero_at_zero=True),
    ),
    Spec(
        name="taylor_tanh5",
        formula=factored(_TAYLOR_TANH5),
        published="x - 0.333333333 * x**3 + 0.133333333 * x**5",
        family="sigmoidal",
        citation=JSTPROVE,
        aliases=("jstprove_taylor_tanh5",),
        description="The degree-5 Taylor polynomial of tanh, x - x^3/3 + 2 x^5/15, as "
        "JSTprove's zero-knowledge circuit TaylorTanh5 evaluates it in fixed point (cut to "
        "nine decimal places). Its derivative 1 - x^2 + (2/3) x^4 (to that rounding) has no "
        "real root, so unlike taylor_tanh3 it increases over the whole line, without bound "
        "on either side; within 1% of tanh up to |x| = 0.76. Coefficients from JSTprove's "
        "circuit (circom/taylor_tanh.circom).",
        properties=replace(_RISING, zero_at_zero=True),
    ),
)
