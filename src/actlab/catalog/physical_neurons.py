"""Transfer functions of physical neural-network hardware: the closed forms with which optical
neural networks model their nonlinear elements, such as the saturable absorber of an all-optical
network, each with the constants its authors train with. The survey of Kunc and Kléma
(arXiv:2402.09092) lists none of them."""

from actlab.catalog.spec import Citation, Param, Properties, Spec

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
)
