"""More primitives of surrogate gradients for spiking networks: steps whose derivative replaces
the Heaviside spike's in the backward pass, here with shapes that the arc-tangent, error-function,
soft-sign and piecewise families of ``spike_surrogates`` do not reach, and the firing-rate curves
of leaky integrate-and-fire neurons (hard and smoothed) that rate-trained spiking networks use.
None is listed by the survey of Kunc and Kléma (arXiv:2402.09092)."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

YIN_2021 = Citation(
    "Accurate and efficient time-domain classification with adaptive spiking recurrent neural "
    "networks",
    "Bojian Yin, Federico Corradi, Sander M. Bohté",
    2021,
    arxiv="2103.12593",
    venue="Nature Machine Intelligence 3(10)",
)
GUO_2022 = Citation(
    "Reducing Information Loss for Spiking Neural Networks",
    "Yufei Guo, Yuanpei Chen, Liwen Zhang, YingLei Wang, Xiaode Liu, Xinyi Tong, Yuanyuan Ou, "
    "Xuhui Huang, Zhe Ma",
    2022,
    arxiv="2307.04356",
    venue="ECCV 2022 (extended on arXiv as InfLoR-SNN)",
)
HUNSBERGER_2015 = Citation(
    "Spiking Deep Networks with LIF Neurons",
    "Eric Hunsberger, Chris Eliasmith",
    2015,
    arxiv="1510.08829",
    venue="arXiv preprint; as Nengo's LIFRate and NengoDL's SoftLIFRate",
)

# the soft LIF rate 1 / (tau_ref + tau_rc q) = sigmoid(-ln(tau_rc / tau_ref) - ln q) / tau_ref,
# q = ln(1 + 1 / j), j = sigma softplus(u), u = (x - 1) / sigma. ln q is written in four pieces
# so that neither it nor its derivative leaves float16 or cancels: q = ln(1 + j) - ln(j) for
# j < 1, ln(1 + 1 / j) for 1 <= j < 1e4, below u = -9 through ln(ln(1 + w)) = ln(w) +
# ln(1 - w/2 + w^2/3) (the series of ln(1 + w) / w, exact to w^3 / 4 < 5e-13) with w = e^u, and
# above j = 1e4 as -ln(j) - 1/(2j), the same series cut after its first term (off by
# 5/(24 j^2) <= 2.1e-9, which moves f by less than that relative)
_U = "(x - 1) / sigma"
_J = f"sigma * softplus({_U})"


def _log_log1p_small(w: str, log_w: str) -> str:
    """ln(ln(1 + w)) for w <= e^-9 as formula text, given w and ln(w)."""
    return f"{log_w} + log1p({w} * ({w} / 3 - 1 / 2))"


_U_LOW = f"min({_U}, -9)"
_LOG_Q_LOW = (
    f"log(log1p(sigma * softplus({_U_LOW})) - log(sigma) - "
    f"({_log_log1p_small('exp(min(x - 1, -9 * sigma) / sigma)', _U_LOW)}))"
)
_J_SMALL = f"min(sigma * softplus(max({_U}, -9)), 1)"
_LOG_Q_SMALL = f"log(log1p({_J_SMALL}) - log({_J_SMALL}))"
_LOG_Q_LARGE = f"log(log1p(1 / clamp({_J}, 1, 10000)))"
_J_HIGH = f"max({_J}, 10000)"
_LOG_Q_HIGH = f"-log({_J_HIGH}) - 1 / (2 * {_J_HIGH})"
_SOFT_LIF_LOG_Q = (
    f"where({_U} <= -9, {_LOG_Q_LOW}, where({_J} < 1, {_LOG_Q_SMALL}, "
    f"where({_J} < 10000, {_LOG_Q_LARGE}, {_LOG_Q_HIGH})))"
)

# the extremes of the multi-Gaussian primitive at h = 0.15, s = 6, sigma = 0.5 (at x = -+1.2722,
# where the gradient changes sign; f(x) + f(-x) = 1 - h), from a 30-digit root of f'
_MULTI_GAUSSIAN_LOW = -0.0950734086807005
_MULTI_GAUSSIAN_HIGH = 0.9450734086807005


def _multi_gaussian_defaults(x: torch.Tensor) -> torch.Tensor:
    """The primitive at the defaults, as three normal CDFs written with erfc."""

    def phi(z: torch.Tensor) -> torch.Tensor:
        return torch.special.erfc(-z / math.sqrt(2)) / 2

    return 1.15 * phi(x / 0.5) - 0.15 * phi((x - 0.5) / 3) - 0.15 * phi((x + 0.5) / 3)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="multi_gaussian_step",
        formula="(1 + h) * normal_cdf(x / sigma) - h * normal_cdf((x - sigma) / (s * sigma)) "
        "- h * normal_cdf((x + sigma) / (s * sigma))",
        family="sigmoidal",
        citation=YIN_2021,
        aliases=("multi_gaussian_surrogate", "multigaussian"),
        params=(
            Param("h", 0.15, 0.0, doc="weight of the two negative side Gaussians"),
            Param("s", 6.0, 0.0, open_low=True, doc="width ratio of the side Gaussians"),
            Param("sigma", 0.5, 0.0, open_low=True, doc="width of the central Gaussian"),
        ),
        description="The primitive of the multi-Gaussian surrogate gradient of adaptive "
        "spiking recurrent networks: its derivative (1 + h) N(x; 0, sigma^2) - h N(x; sigma, "
        "(s sigma)^2) - h N(x; -sigma, (s sigma)^2) is a central Gaussian with two wide "
        "negative lobes, so the step dips to -0.095 near x = -1.27, overshoots to 0.945 near "
        "x = 1.27 and settles at 1 - h = 0.85 (integrated from 0 at -inf). Defaults h = 0.15, "
        "s = 6, sigma = 0.5 from the authors' code, which also scales the gradient by 0.5; "
        "h = 0 is a normal CDF of standard deviation sigma.",
        properties=Properties(
            monotonic=False,
            lower=_MULTI_GAUSSIAN_LOW,
            upper=_MULTI_GAUSSIAN_HIGH,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(_multi_gaussian_defaults, atol=1e-12, note="three erfc at the defaults"),
            Reference(
                "spike_erf",
                params={"h": 0.0, "sigma": 0.5},
                target_params={"alpha": math.sqrt(2)},
                atol=1e-12,
                note="h = 0 is the Gaussian surrogate's primitive",
            ),
        ),
    ),
    Spec(
        name="soft_lif",
        formula=f"sigmoid(-log(tau_rc / tau_ref) - {_SOFT_LIF_LOG_Q}) / tau_ref",
        published="1 / (tau_ref + tau_rc * log1p(1 / (sigma * softplus((x - 1) / sigma))))",
        family="smooth",
        citation=HUNSBERGER_2015,
        aliases=("soft_lif_rate", "softlifrate"),
        params=(
            Param("sigma", 1.0, 0.0, open_low=True, doc="smoothing of the firing threshold"),
            Param("tau_rc", 0.02, 0.0, open_low=True, doc="membrane time constant (s)"),
            Param("tau_ref", 0.002, 0.0, open_low=True, doc="refractory period (s)"),
        ),
        description="The soft LIF rate of spiking deep networks: the steady firing rate "
        "1 / (tau_ref + tau_rc ln(1 + 1 / j)) of a leaky integrate-and-fire neuron driven by "
        "the current x above its threshold 1, with j = sigma ln(1 + e^((x - 1) / sigma)) "
        "a softplus-smoothed j = x - 1, so that the rate has a continuous derivative at the "
        "threshold and a network trained with it can run with spiking LIF neurons. It rises "
        "from 0 (slowly, like 1 / (tau_rc |x| / sigma)) to the saturation rate 1 / tau_ref = "
        "500 Hz. Defaults sigma = 1, tau_rc = 0.02 s, tau_ref = 0.002 s are NengoDL's "
        "SoftLIFRate (amplitude 1); sigma -> 0 gives the hard LIF rate, 0 up to x = 1 and "
        "leaving it with an unbounded slope. Evaluated as sigmoid(-ln((tau_rc / tau_ref) q)) / "
        "tau_ref with q = ln(1 + 1 / j), which keeps the derivative's intermediate values "
        "inside float16.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=500.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: 1 / (0.002 + 0.02 * torch.log1p(1 / F.softplus(x - 1))),
                atol=1e-9,
                note="the published form at the defaults, inside float64's softplus range",
            ),
        ),
        checked_against="secondary",
    ),
    Spec(
        name="lif_rate",
        formula="where(x > 1, 1 / (1 + tau_rc / tau_ref * log1p(1 / where(x > 1, x - 1, 1))), 0) "
        "/ tau_ref",
        published="where(x > 1, 1 / (tau_ref + tau_rc * log(1 + 1 / (x - 1))), 0)",
        family="piecewise",
        citation=HUNSBERGER_2015,
        aliases=("lifrate",),
        params=(
            Param("tau_rc", 0.02, 0.0, open_low=True, doc="membrane time constant (s)"),
            Param("tau_ref", 0.002, 0.0, open_low=True, doc="refractory period (s)"),
        ),
        description="The steady firing rate of a leaky integrate-and-fire neuron driven by a "
        "constant current x (in units of its threshold), 1 / (tau_ref + tau_rc ln(1 + "
        "1 / (x - 1))) above the threshold 1 and 0 below: the rate that soft_lif smooths "
        "(its sigma -> 0 limit) and that a network trained with soft_lif runs with as spiking "
        "LIF neurons. Continuous, but its slope is unbounded as x -> 1 from above (it leaves 0 "
        "like 1 / (tau_rc ln(1 / (x - 1)))), so C0; it saturates at 1 / tau_ref = 500 Hz. "
        "Defaults as soft_lif's (Nengo's LIFRate: tau_rc = 0.02 s, tau_ref = 0.002 s, "
        "amplitude 1). Evaluated as (1 / tau_ref) / (1 + (tau_rc / tau_ref) ln(1 + 1 / (x - 1))), "
        "which keeps the slope's intermediate values inside float16, with the inner "
        "1 / (x - 1) taken only above the threshold, so that neither the value nor the "
        "gradient sees 1/0 below it.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=500.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x > 1, 1 / (0.002 + 0.02 * torch.log1p(1 / (x - 1).clamp_min(1e-300))), 0.0
                ),
                atol=1e-9,
                note="the published form at the defaults",
            ),
        ),
        checked_against="secondary",
    ),
    Spec(
        name="mpr",
        formula="where(x < 0, -expm1(log1p(-min(x, 0)) / 3), where(x > 1, max(x, 1)**(1 / 3), "
        "sinh(3 * clamp(x, 0, 1)) / (2 * sinh(3 / 2) * cosh(3 * clamp(x, 0, 1) - 3 / 2))))",
        published="where(x < 0, 1 - (1 - x)**(1 / 3), where(x > 1, x**(1 / 3), "
        "tanh(3 * (x - 1 / 2)) / (2 * tanh(3 / 2)) + 1 / 2))",
        family="piecewise",
        citation=GUO_2022,
        aliases=("membrane_potential_rectifier",),
        description="The membrane potential rectifier (MPR) of spiking networks: before the "
        "membrane potential u (in units of the firing threshold) is quantized to a 0/1 spike, "
        "it is redistributed towards 0 and 1 by a tanh step tanh(3 (u - 1/2)) / (2 tanh(3/2)) "
        "+ 1/2 on [0, 1], continued by the cube roots 1 - (1 - u)^(1/3) below 0 and u^(1/3) "
        "above 1, which compress the potentials far from the spike values; it passes through "
        "0 and 1 with kinks there (constants from the authors' code). Evaluated near 0 without "
        "cancellation: the tanh step as sinh(3 u) / (2 sinh(3/2) cosh(3 u - 3/2)) and "
        "1 - (1 - u)^(1/3) as -expm1(log1p(-u) / 3).",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x < 0,
                    1 - (1 - x.clamp(max=0)) ** (1 / 3),
                    torch.where(
                        x > 1,
                        x.clamp(min=1) ** (1 / 3),
                        0.5 * torch.tanh(3 * (x - 0.5)) / math.tanh(1.5) + 0.5,
                    ),
                ),
                atol=1e-12,
                note="the three pieces as the authors' code writes them (threshold 0.5)",
            ),
        ),
    ),
)
