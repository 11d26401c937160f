"""Stand-ins for the sigmoid, SiLU and GELU that integer-only and quantized inference engines
evaluate in place of the float functions: the hard sigmoid and hard swish of Xilinx's DPU
accelerators, whose 1/6 is the fixed-point fraction 2731/16384, with their published
constants. Each is what the quantized network actually computes, so a model fine-tuned or
simulated with these entries sees the deployed nonlinearity."""

from actlab.catalog.spec import Citation, Properties, Reference, Spec

VITIS_AI = Citation(
    "Vitis AI: the development stack for AI inference on Xilinx (AMD) hardware",
    "Xilinx Inc.",
    2019,
    venue="Vitis AI 3.x, vai_q_pytorch (pytorch_nndct) quantized Hardsigmoid and Hardswish "
    "modules; AMD Quark ONNX, simulate_dpu.py (HARD_SIGMOID_SCALE)",
)

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
)
