"""Activations of neuroevolution libraries, where a network's units are drawn from a menu of
functions: SharpNEAT's scaled inverse hyperbolic sine and its leaky ReLU shifted to 1/2 at the
origin, and MultiNEAT's cubic tanh. Functions of these menus that are already in the catalog
(the bipolar Gaussian, max(x, -1), SReLU at fixed thresholds) are aliases there."""

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

SHARPNEAT = Citation(
    "SharpNEAT: neuroevolution of augmenting topologies for .NET",
    "Colin D. Green",
    2023,
    venue="colgreen/sharpneat (SharpNEAT 4 code line, commit c306702), "
    "src/SharpNeat/NeuralNets/ActivationFunctions/",
)

MULTINEAT = Citation(
    "MultiNEAT: a portable software library for performing neuroevolution",
    "Peter Chervenski, Shane Ryan",
    2012,
    venue="peter-ch/MultiNEAT, src/NeuralNetwork.cpp, af_tanh_cubic",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sharpneat_arcsinh",
        formula="1.2567348023993685 * (asinh(x) + 1) / 2",
        family="sigmoidal",
        citation=SHARPNEAT,
        description="SharpNEAT's ArcSinH activation, the inverse hyperbolic sine shifted up by "
        "1 and scaled by K / 2 with K = 1.2567348023993685, a scale the code attributes to "
        "an online discussion of self-normalizing networks: K (asinh(x) + 1) / 2, which is "
        "0.628 at the origin and grows logarithmically on both sides.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="leaky_relu_shifted",
        formula="where(x + 0.5 < 0, 0.001 * (x + 0.5), x + 0.5)",
        family="piecewise",
        citation=SHARPNEAT,
        description="SharpNEAT's LeakyReLUShifted: the leaky ReLU with slope 0.001 applied to "
        "x + 1/2, so that the unit gives 1/2 at the origin like the logistic sigmoid.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.nn.functional.leaky_relu(x + 0.5, 0.001),
                atol=1e-12,
                note="torch's leaky_relu of x + 1/2",
            ),
        ),
    ),
    Spec(
        name="tanh_cubic",
        formula="tanh(clamp(x, -4, 4) ** 3)",
        published="tanh(x**3)",
        family="sigmoidal",
        citation=MULTINEAT,
        description="MultiNEAT's TANH_CUBIC activation tanh(x^3), here at unit slope "
        "(MultiNEAT multiplies x^3 by the neuron's evolved slope A): a tanh whose slope "
        "vanishes at the origin (|f| < 1/8 for |x| < 1/2) and which saturates more sharply "
        "beyond. The input is clamped to [-4, 4] where tanh(64) is already 1 in float64, "
        "which keeps x^3 and the gradient 3 x^2 sech^2(x^3) from overflowing.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
)
