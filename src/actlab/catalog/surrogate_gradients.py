"""More primitives of surrogate gradients for spiking networks: steps whose derivative replaces
the Heaviside spike's in the backward pass, here with shapes that the arc-tangent, error-function,
soft-sign and piecewise families of ``spike_surrogates`` do not reach. None is listed by the
survey of Kunc and Kléma (arXiv:2402.09092)."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

YIN_2021 = Citation(
    "Accurate and efficient time-domain classification with adaptive spiking recurrent neural "
    "networks",
    "Bojian Yin, Federico Corradi, Sander M. Bohté",
    2021,
    arxiv="2103.12593",
    venue="Nature Machine Intelligence 3(10)",
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
)
