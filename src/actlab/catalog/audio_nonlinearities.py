"""Memoryless nonlinear curves of audio processing used in neural audio models: the mu-law
compander that WaveNet applies to raw audio, the A-law compander of telephony, DDSP's
exponentiated sigmoid for synthesizer amplitudes, and the cubic soft clipper and symmetrical soft
clipping of distortion effects. The survey of Kunc and Kléma (arXiv:2402.09092) lists none of
them."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

VAN_DEN_OORD_2016 = Citation(
    "WaveNet: A Generative Model for Raw Audio",
    "Aäron van den Oord, Sander Dieleman, Heiga Zen, Karen Simonyan, Oriol Vinyals, "
    "Alex Graves, Nal Kalchbrenner, Andrew Senior, Koray Kavukcuoglu",
    2016,
    arxiv="1609.03499",
)

ITU_G711 = Citation(
    "Recommendation G.711: Pulse code modulation (PCM) of voice frequencies",
    "ITU-T (CCITT)",
    1972,
    venue="the A-law compression curve as documented for MATLAB's A-Law Compressor block "
    "(Communications Toolbox), A = 87.6",
)

ENGEL_2020 = Citation(
    "DDSP: Differentiable Digital Signal Processing",
    "Jesse Engel, Lamtharn Hantrakul, Chenjie Gu, Adam Roberts",
    2020,
    arxiv="2001.04643",
    venue="ICLR 2020",
)

SMITH_PASP = Citation(
    "Physical Audio Signal Processing for Virtual Musical Instruments and Audio Effects",
    "Julius O. Smith III",
    2007,
    venue="CCRMA, Stanford University, online book (August 2007 edition), section "
    "Cubic Soft Clipper",
)

DAFX_2011 = Citation(
    "DAFX: Digital Audio Effects, 2nd edition, chapter 4: Nonlinear processing",
    "Pierre Dutilleux, Udo Zölzer (ed. Udo Zölzer)",
    2011,
    venue="Wiley; the book's symclip.m, after M. Schetzen, The Volterra and Wiener Theories "
    "of Nonlinear Systems (1980)",
)

# mu-law and A-law: odd, increasing, clipped to [-1, 1] outside the compander's domain
_COMPANDER = Properties(
    monotonic=True,
    lower=-1.0,
    upper=1.0,
    smoothness="C0",
    zero_at_zero=True,
    zero_centered=True,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="mu_law",
        checked_against="secondary",
        formula="sign(x) * log1p(mu * abs(clamp(x, -1, 1))) / log1p(mu)",
        published="sign(x) * log(1 + mu * abs(clamp(x, -1, 1))) / log(1 + mu)",
        family="sigmoidal",
        citation=VAN_DEN_OORD_2016,
        params=(Param("mu", 255.0, 0.0, open_low=True, doc="compression (255: 8-bit audio)"),),
        aliases=("mulaw", "mu_law_companding"),
        description="Mu-law companding sign(x) ln(1 + mu |x|) / ln(1 + mu) with mu = 255, the "
        "transform WaveNet applies to audio in [-1, 1] before quantizing it to 256 levels "
        "(the ITU-T G.711 compander): logarithmic compression that spends the resolution on "
        "quiet samples, slope mu/ln(1 + mu) = 46 at 0. The compander is defined on [-1, 1], "
        "where audio lives; outside it the input is clipped, as audio is before companding, "
        "so the unit saturates at +-1 (kinks at +-1: C0). The formula was read in an "
        "implementation quoting the paper; mu = 255 is the value for 256 levels, as in "
        "G.711 and the companding libraries checked.",
        properties=_COMPANDER,
        references=(
            Reference(
                lambda x: torch.sign(x) * torch.log1p(255 * x.clamp(-1, 1).abs()) / math.log(256),
                atol=1e-12,
                note="= sign(x) log1p(255 |x|) / log(256) on [-1, 1]",
            ),
        ),
    ),
    Spec(
        name="cubic_soft_clipper",
        formula="clamp(x, -1, 1) - clamp(x, -1, 1)**3 / 3",
        published="where(x <= -1, -2 / 3, where(x >= 1, 2 / 3, x - x**3 / 3))",
        family="sigmoidal",
        citation=SMITH_PASP,
        aliases=("cubic_soft_clip", "cubic_nonlinearity"),
        description="Cubic soft clipper x - x^3/3 on [-1, 1], -2/3 below and 2/3 above, the "
        "polynomial waveshaper that simulates amplifier distortion in virtual analog "
        "effects: the odd polynomial of least degree that meets its clipping levels with "
        "zero slope, so that without hard clipping it triples the bandwidth at most. C1 "
        "(f'' jumps from -2 to 0 at +-1). Written as c - c^3/3 with c = clamp(x, -1, 1).",
        properties=Properties(
            monotonic=True,
            lower=-2 / 3,
            upper=2 / 3,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x <= -1, -2 / 3, torch.where(x >= 1, 2 / 3, x - x**3 / 3)),
                atol=1e-12,
                note="= x - x^3/3 on [-1, 1], +-2/3 beyond",
            ),
        ),
    ),
    Spec(
        name="symclip",
        formula="where(abs(x) < 1 / 3, 2 * x, "
        "sign(x) * (1 - (2 - 3 * clamp(abs(x), 1 / 3, 2 / 3))**2 / 3))",
        published="where(abs(x) < 1 / 3, 2 * x, where(abs(x) <= 2 / 3, "
        "sign(x) * (3 - (2 - 3 * abs(x))**2) / 3, sign(x)))",
        family="sigmoidal",
        citation=DAFX_2011,
        aliases=("symmetrical_soft_clipping", "schetzen_soft_clipping"),
        description="Symmetrical soft clipping of the DAFX overdrive (Schetzen's formula): 2x "
        "below |x| = 1/3, sign(x) (3 - (2 - 3|x|)^2)/3 up to |x| = 2/3 and sign(x) beyond, a "
        "linear region of gain 2, a parabolic compression that meets it and the clipping "
        "level with matching slopes, and hard saturation. C1 (f'' jumps from 0 to -6 at "
        "1/3 and back at 2/3). Written with |x| clamped to [1/3, 2/3] inside the parabola, "
        "which is then 1 at and beyond 2/3. Form and thresholds from the book's own code.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x.abs() < 1 / 3,
                    2 * x,
                    torch.where(
                        x.abs() <= 2 / 3,
                        torch.sign(x) * (3 - (2 - 3 * x.abs()) ** 2) / 3,
                        torch.sign(x),
                    ),
                ),
                atol=1e-12,
                note="= the DAFX symclip, piece by piece",
            ),
        ),
    ),
    Spec(
        name="a_law",
        checked_against="secondary",
        formula="sign(x) * where(abs(x) < 1 / A, A * abs(x), "
        "1 + log(A * clamp(abs(x), 1 / A, 1))) / (1 + log(A))",
        published="sign(x) * where(abs(clamp(x, -1, 1)) < 1 / A, A * abs(clamp(x, -1, 1)), "
        "1 + log(A * abs(clamp(x, -1, 1)))) / (1 + log(A))",
        family="sigmoidal",
        citation=ITU_G711,
        params=(Param("A", 87.6, 1.0, doc="compression (87.6 in G.711)"),),
        aliases=("alaw", "a_law_companding"),
        description="A-law companding, the European telephony counterpart of mu_law: "
        "A|x| / (1 + ln A) below |x| = 1/A and sign(x) (1 + ln(A|x|)) / (1 + ln A) above, "
        "a linear segment of slope A/(1 + ln A) = 16 around 0 joined with matching slope to "
        "a logarithmic curve, with A = 87.6. Like mu_law it is defined on [-1, 1] and the "
        "input is clipped outside, so it saturates at +-1 (kinks at +-1: C0; inside, f'' "
        "jumps at +-1/A).",
        properties=_COMPANDER,
        references=(
            Reference(
                lambda x: (
                    torch.sign(x)
                    * torch.where(
                        x.abs() < 1 / 87.6,
                        87.6 * x.abs(),
                        1 + torch.log(87.6 * x.abs().clamp(1 / 87.6, 1)),
                    )
                    / (1 + math.log(87.6))
                ),
                atol=1e-12,
                note="= the G.711 A-law curve, A = 87.6, on [-1, 1]",
            ),
        ),
    ),
    Spec(
        name="exp_sigmoid",
        checked_against="secondary",
        formula="max_value * exp(log(exponent) * logsigmoid(x)) + threshold",
        published="max_value * sigmoid(x)**log(exponent) + threshold",
        family="sigmoidal",
        citation=ENGEL_2020,
        params=(
            Param("exponent", 10.0, 1.0, open_low=True, doc="sets the power log(exponent)"),
            Param("max_value", 2.0, 0.0, open_low=True, doc="upper level"),
            Param("threshold", 1e-7, 0.0, doc="floor, keeps amplitudes positive"),
        ),
        aliases=("ddsp_exp_sigmoid", "exponential_sigmoid"),
        description="Exponentiated sigmoid of DDSP, 2 sigmoid(x)^ln(10) + 1e-7, the output "
        "nonlinearity of its neural synthesizer's amplitudes and filter magnitudes: a "
        "sigmoid raised to the power ln 10 = 2.30, so that it rises like 10^x over much of "
        "its range (a linear slope in decibels), bounded by max_value = 2 above and floored "
        "at threshold = 1e-7 so that amplitudes stay positive. Evaluated as "
        "max_value exp(ln(exponent) logsigmoid(x)) + threshold, the same function without "
        "underflow of the sigmoid. The paper could not be read here; form and defaults are "
        "those of torchaudio's port of its exp_sigmoid, checked against a second "
        "implementation.",
        properties=Properties(
            monotonic=True,
            lower=1e-7,
            upper=2.0 + 1e-7,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: 2 * torch.sigmoid(x) ** math.log(10) + 1e-7,
                atol=1e-12,
                note="= 2 sigmoid(x)^ln 10 + 1e-7",
            ),
        ),
    ),
)
