"""Periodic and oscillatory units: sine (SIREN), Snake, the growing cosine unit, SinLU, the real
Gabor wavelet of WIRE and sinc."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

SITZMANN_2020 = Citation(
    "Implicit Neural Representations with Periodic Activation Functions",
    "Vincent Sitzmann et al.", 2020, arxiv="2006.09661", venue="NeurIPS 2020")
ZIYIN_2020 = Citation(
    "Neural Networks Fail to Learn Periodic Functions and How to Fix It",
    "Liu Ziyin, Tilman Hartwig, Masahito Ueda", 2020, arxiv="2006.08195", venue="NeurIPS 2020")
NOEL_2021 = Citation(
    "Growing Cosine Unit: A Novel Oscillatory Activation Function That Can Speedup Training and "
    "Reduce Parameters in Convolutional Neural Networks",
    "Mathew Mithra Noel, Arunkumar L, Advait Trivedi, Praneet Dutta", 2021, arxiv="2108.12943")
PAUL_2022 = Citation(
    "SinLU: Sinu-Sigmoidal Linear Unit", "Ashis Paul et al.", 2022,
    venue="Mathematics 10(3), 337")
SARAGADAM_2023 = Citation(
    "WIRE: Wavelet Implicit Neural Representations", "Vishwanath Saragadam et al.", 2023,
    arxiv="2301.05187", venue="CVPR 2023")
SARATCHANDRAN_2024 = Citation(
    "A Sampling Theory Perspective on Activations for Implicit Neural Representations",
    "Hemanth Saratchandran et al.", 2024, arxiv="2402.05427", venue="ICML 2024")

LEE_2022 = Citation(
    "BigVGAN: A Universal Neural Vocoder with Large-Scale Training",
    "Sang-gil Lee, Wei Ping, Boris Ginsburg, Bryan Catanzaro, Sungroh Yoon", 2022,
    arxiv="2206.04658", venue="ICLR 2023")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sin",
        formula="sin(x)",
        family="periodic",
        citation=SITZMANN_2020,
        aliases=("sine", "siren"),
        description="Sine activation of SIREN. SIREN applies sin(omega_0 (Wx + b)) with "
                    "omega_0 = 30 folded into the layer (as the official SineLayer does); here "
                    "omega_0 belongs to the preceding linear map, since a float32 product "
                    "omega_0 * x loses the phase for large x.",
        properties=Properties(monotonic=False, lower=-1.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True, period="2 * pi"),
        native=torch.sin,
    ),
    Spec(
        name="snake",
        formula="x + sin(a * x)**2 / a",
        family="periodic",
        citation=ZIYIN_2020,
        params=(Param("a", 1.0, 0.0, open_low=True, learnable=True,
                      doc="frequency; the periodic part has period pi / a"),),
        description="Snake x + sin^2(a x) / a: monotone (f' = 1 + sin(2 a x) >= 0) with a "
                    "periodic inductive bias for extrapolation; a is trainable (default 1, the "
                    "abstract's x + sin^2(x)). Infinite inputs map to +-inf.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True, period="pi / a"),
        references=(Reference(lambda x: x + torch.sin(x) ** 2, params={"a": 1.0},
                              note="a = 1 is the abstract's x + sin^2(x)"),
                    Reference(lambda x: x, params={"a": 1e-10},
                              note="a -> 0 gives the identity (error <= a x^2)")),
    ),
    Spec(
        name="gcu",
        formula="x * cos(x)",
        family="periodic",
        citation=NOEL_2021,
        aliases=("growing_cosine_unit",),
        description="Growing cosine unit x cos(x): oscillatory with infinitely many zeros, so "
                    "a single neuron can separate XOR.",
        properties=Properties(monotonic=False, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="sinlu",
        formula="(x + a * sin(b * x)) * sigmoid(x)",
        family="periodic",
        citation=PAUL_2022,
        params=(Param("a", 1.0, learnable=True, doc="amplitude of the sine term"),
                Param("b", 1.0, learnable=True, doc="frequency of the sine term")),
        description="Sinu-sigmoidal linear unit (x + a sin(b x)) sigmoid(x) with trainable "
                    "a, b initialized to 1 (official code); a = 0 gives SiLU. Infinite inputs "
                    "map to the limits 0 and +inf.",
        properties=Properties(monotonic=False, lower=-0.4973706, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True, self_gated=True),
        references=(Reference(F.silu, params={"a": 0.0}, note="a = 0 gives SiLU"),),
    ),
    Spec(
        name="gabor",
        published="cos(w0 * x) * exp(-(s0 * x)**2)",
        formula="cos(w0 * clamp(x, -40 / s0, 40 / s0)) * exp(-(s0 * x)**2)",
        family="periodic",
        citation=SARAGADAM_2023,
        params=(Param("w0", 10.0, doc="frequency omega_0 of the sinusoid"),
                Param("s0", 10.0, 0.0, open_low=True, doc="scale s_0 of the Gaussian window")),
        aliases=("real_gabor",),
        description="Real Gabor wavelet cos(omega_0 x) exp(-(s_0 x)^2), the real part of WIRE's "
                    "complex Gabor activation (RealGaborLayer; defaults omega_0 = s_0 = 10 as "
                    "there). The cosine's argument is clamped to |s_0 x| <= 40, where the Gaussian "
                    "is below 1e-694, so that it never meets an overflowed argument.",
        properties=Properties(monotonic=False, lower=-0.0090057, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=True),
    ),
    Spec(
        name="sinc",
        published="sin(x) / x",
        formula="where(abs(x) < 0.01, 1 - x * x * (1 / 6 - x * x / 120), sin(x) / x)",
        family="periodic",
        citation=SARATCHANDRAN_2024,
        description="Unnormalized sinc sin(x) / x with sinc(0) = 1, the activation the sampling-"
                    "theory analysis of INRs finds optimal; the bandwidth scale belongs to the "
                    "preceding layer (sinc(pi x) is the normalized form). Below |x| = 0.01 it is "
                    "evaluated as 1 - x^2/6 + x^4/120 (error < 2e-16), which keeps "
                    "f' = cos(x)/x - sin(x)/x^2 away from 0/0 and float16 overflow.",
        properties=Properties(monotonic=False, lower=-0.21723362822, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=True),
    ),
    Spec(
        name="snake_beta",
        formula="x + sin(alpha * x)**2 / beta",
        family="periodic",
        citation=LEE_2022,
        aliases=("snakebeta",),
        params=(Param("alpha", 1.0, 0.0, open_low=True, learnable=True, doc="frequency"),
                Param("beta", 1.0, 0.0, open_low=True, learnable=True, doc="inverse magnitude")),
        description="BigVGAN's Snake with separate frequency and magnitude, x + sin^2(alpha x) / "
                    "beta, both trainable (per channel in BigVGAN) and initialised to 1.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True, period="pi / alpha"),
        references=(Reference("snake", note="alpha = beta = 1 is Snake with a = 1"),),
    ),
)
