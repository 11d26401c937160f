"""Transfer functions of physical neural-network hardware: the closed forms with which optical
neural networks model their nonlinear elements (the saturable absorber of an all-optical
network, the logistic fit of an SOA-based optical neuron, the sin^2 transfer of a
Mach-Zehnder modulator), each with the constants its authors train with. The survey of Kunc and
Kléma (arXiv:2402.09092) lists none of them."""

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

GUO_2019 = Citation(
    "End-to-end optical backpropagation for training neural networks",
    "Xianxin Guo, Thomas D. Barrett, Zhiming M. Wang, A. I. Lvovsky",
    2019,
    arxiv="1912.12256",
    venue="defaults from the authors' code (tomdbar/all-optical-neural-networks, SatAbsNL)",
)

# 1 / (1 + x^2 / I_sat) = w^2 / (w^2 + (1 - w)^2) with w = 1 / (1 + |x| / sqrt(I_sat)): no square
# of x, which would overflow (and turn the derivative into inf / inf) long before exp(.) is 1
_W = "(1 / (1 + abs(x) / sqrt(i_sat)))"

MOURGIAS_ALEXANDRIS_2019 = Citation(
    "An all-optical neuron with sigmoid activation function",
    "George Mourgias-Alexandris, Apostolos Tsakyridis, Nikolaos Passalis, Anastasios Tefas, "
    "Konstantinos Vyrsokinos, Nikos Pleros",
    2019,
    venue="Optics Express 27(7), 9620-9630",
)

PASSALIS_2019 = Citation(
    "Training Deep Photonic Convolutional Neural Networks With Sinusoidal Activations",
    "Nikolaos Passalis, George Mourgias-Alexandris, Apostolos Tsakyridis, Nikos Pleros, "
    "Anastasios Tefas",
    2019,
    venue="IEEE Transactions on Emerging Topics in Computational Intelligence",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="saturable_absorber",
        formula=f"x * exp(-(od / 2) * {_W}**2 / ({_W}**2 + (1 - {_W})**2))",
        published="x * exp(-(od / 2) / (1 + x**2 / i_sat))",
        family="physical neuron",
        citation=GUO_2019,
        params=(
            Param("od", 5.0, low=0.0, doc="optical depth of the absorber (for intensity)"),
            Param("i_sat", 1.0, low=0.0, open_low=True, doc="saturation intensity"),
        ),
        aliases=("sa_nonlinearity", "satabs"),
        description="The saturable-absorption nonlinearity of Guo, Barrett, Wang and "
        "Lvovsky's all-optical neural network, for a signal encoded in the field amplitude: "
        "E exp(-(OD/2) / (1 + E^2 / I_sat)). A weak field is attenuated by exp(-OD/2) "
        "(0.082 at the default OD = 5), a strong one bleaches the absorber and passes almost "
        "unattenuated, so the unit is an odd, increasing, unbounded curve whose slope rises "
        "from exp(-OD/2) at 0 past 1 (to 1.13 at |E| = 2.72 at the defaults) as the absorber "
        "saturates, and settles back to 1 far out. Its weak-probe response, the transmission "
        "exp(-(OD/2) / (1 + E^2 / I_sat)) itself, approximates the derivative well enough to "
        "carry the gradient optically, which is what the paper trains with. The paper plots "
        "the response at OD = 10; OD = 5 and I_sat = 1 are the defaults of the authors' code.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="photonic_sigmoid",
        checked_against="secondary",
        formula="a1 + (a2 - a1) * sigmoid((x - x0) / d)",
        published="a2 + (a1 - a2) / (1 + exp((x - x0) / d))",
        family="physical neuron",
        citation=MOURGIAS_ALEXANDRIS_2019,
        params=(
            Param("a1", 0.06, doc="output power far below threshold"),
            Param("a2", 1.005, doc="output power far above threshold"),
            Param("x0", 0.145, doc="input power at the midpoint"),
            Param("d", 0.033, low=0.0, open_low=True, doc="width of the transition"),
        ),
        aliases=("soa_mzi_sigmoid", "optical_sigmoid"),
        description="The transfer function of Mourgias-Alexandris et al.'s all-optical neuron, "
        "a deeply saturated, differentially biased SOA-Mach-Zehnder interferometer followed "
        "by an SOA cross-gain-modulation gate, as the logistic curve fitted to its measured "
        "output: A2 + (A1 - A2) / (1 + e^((x - x0) / d)) with A1 = 0.060, A2 = 1.005, "
        "x0 = 0.145 and d = 0.033 (normalised optical powers). Photonic-network papers of "
        "the same group train with it as the 'photonic sigmoid'. The paper's body could not "
        "be read here; the constants are those of two independent implementations that "
        "agree (a third, in a neural-architecture-search code, uses d = 0.073).",
        properties=Properties(
            monotonic=True,
            lower=0.06,
            upper=1.005,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference("sigmoid", params={"a1": 0.0, "a2": 1.0, "x0": 0.0, "d": 1.0}, atol=1e-12),
        ),
    ),
    Spec(
        name="photonic_sinusoidal",
        checked_against="secondary",
        formula="sin(pi / 2 * clamp(x, 0, 1))**2",
        family="physical neuron",
        citation=PASSALIS_2019,
        aliases=("mzi_sin2",),
        description="The sinusoidal activation of Passalis et al.'s deep photonic "
        "convolutional networks, the power transfer function of a Mach-Zehnder modulator "
        "driven over half its switching range: sin^2(pi x / 2) on [0, 1], 0 below and 1 "
        "above. It starts and ends with zero slope, so the clipped curve is C1 and "
        "increasing, and a network built on it needs its inputs brought into [0, 1]. The "
        "paper's body could not be read here; the formula is that of an implementation "
        "that pairs it with the photonic sigmoid (PhotonicSinusoidal).",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
)
