"""Smoothed rectifiers: ReLU and Leaky ReLU with the kink removed by a quadratic patch (SmeLU), a
Gaussian convolution (SAU), a smooth maximum (SMU) or a correction term (CRReLU), and the
erf-gated ErfAct and Pserf."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

SHAMIR_2020 = Citation(
    "Smooth Activations and Reproducibility in Deep Networks",
    "Gil I. Shamir, Dong Lin, Lorenzo Coviello", 2020, arxiv="2010.09931")
BISWAS_AUTHORS = "Koushik Biswas, Sandeep Kumar, Shilpak Banerjee, Ashish Kumar Pandey"
BISWAS_SAU_2021 = Citation(
    "SAU: Smooth activation function using convolution with approximate identities",
    BISWAS_AUTHORS, 2021, arxiv="2109.13210")
BISWAS_SMU_2021 = Citation(
    "SMU: smooth activation function for deep networks using smoothing maximum technique",
    BISWAS_AUTHORS, 2021, arxiv="2111.04682", venue="CVPR 2022")
BISWAS_ERFACT_2021 = Citation(
    "ErfAct and Pserf: Non-monotonic Smooth Trainable Activation Functions",
    BISWAS_AUTHORS, 2021, arxiv="2109.04386")
SUN_2024 = Citation(
    "A Method on Searching Better Activation Functions", "Haoyuan Sun et al.", 2024,
    arxiv="2405.12954")

# SMU as alpha x + (1 - alpha) x Phi(sqrt(2) z), z = mu (1 - alpha) x, replaced by its limits
# x and alpha x where |z| >= 6 (erfc(6) < 3e-17); x sits inside each branch so that the gradient
# multiplies mu by x (small there) before anything else, and no product can overflow.
_SMU_Z = "mu * (1 - alpha) * x"
_SMU = (f"where(abs({_SMU_Z}) < 6, alpha * x + (1 - alpha) / 2 * x * "
        f"erfc(-clamp({_SMU_Z}, -6, 6)), where(x > 0, x, alpha * x))")
# SAU's exact convolution, used for |x| < 40 sigma (beyond, it equals Leaky ReLU to within
# sigma e^-800); x is clamped inside so that no branch is evaluated at huge x / sigma.
_SAU_X = "clamp(x, -40 * sigma, 40 * sigma)"
_SAU = (f"where(abs(x) < 40 * sigma, alpha * {_SAU_X} + (1 - alpha) * ({_SAU_X} * "
        f"normal_cdf({_SAU_X} / sigma) + sigma * normal_pdf({_SAU_X} / sigma)), "
        "where(x > 0, x, alpha * x))")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="smelu",
        formula="where(x <= -beta, 0, where(x >= beta, x, (x + beta)**2 / (4 * beta)))",
        family="smooth",
        citation=SHAMIR_2020,
        params=(Param("beta", 1.0, 0.0, open_low=True, doc="half-width of the quadratic patch"),),
        description="Smooth ReLU: 0 for x <= -beta, (x + beta)^2 / (4 beta) for |x| <= beta and x "
                    "for x >= beta (ReLU convolved with a box). The paper sweeps beta and gives "
                    "no default; we use beta = 1 (common implementations use 2).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C1",
                              zero_at_zero=False, zero_centered=False, sparse=True),
        references=(Reference("relu", params={"beta": 1e-6}, atol=1e-6,
                              note="beta -> 0 gives ReLU (max gap beta/4)"),),
    ),
    Spec(
        name="sau",
        published=(
            "alpha * x + (1 - alpha)"
            " * (x * normal_cdf(x / sigma) + sigma * normal_pdf(x / sigma))"
        ),
        formula=_SAU,
        family="smooth",
        citation=BISWAS_SAU_2021,
        aliases=("smooth_activation_unit",),
        params=(Param("alpha", 0.15, 0.0, 1.0, learnable=True, doc="Leaky ReLU slope"),
                Param("sigma", 5e-5, 0.0, open_low=True, learnable=True,
                      doc="width of the Gaussian kernel (1/n in the paper)")),
        description="Smooth activation unit: Leaky ReLU convolved with a Gaussian of width sigma, "
                    "alpha x + (1 - alpha) (x Phi(x/sigma) + sigma phi(x/sigma)). The paper's "
                    "printed closed form omits the factor (1 - alpha) on the Gaussian term; we "
                    "use the exact convolution (replaced by its Leaky ReLU limit beyond 40 sigma, "
                    "where they agree to 1e-300). Defaults alpha = 0.15 (trained), sigma = 5e-5 "
                    "(n = 20000) as reported for the experiments.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=True),
        references=(Reference("leaky_relu", params={"sigma": 1e-6},
                              target_params={"negative_slope": 0.15}, atol=1e-6,
                              note="sigma -> 0 gives Leaky ReLU (max gap 0.4 (1-alpha) sigma)"),),
    ),
    Spec(
        name="crrelu",
        published="relu(x) + eps * x * exp(-x**2 / 2)",
        formula="relu(x) + eps * where(abs(x) < 40, x * exp(-x**2 / 2), 0)",
        family="smooth",
        citation=SUN_2024,
        params=(Param("eps", 0.01, learnable=True, doc="weight of the correction term"),),
        description="Correction Regularized ReLU: ReLU(x) + eps x e^(-x^2/2) with a learnable eps "
                    "(initialized to 0.01). The correction (below 1e-340 for |x| >= 40) is taken "
                    "as 0 there so that its gradient cannot overflow.",
        properties=Properties(monotonic=False, lower=-0.006065306597126334, upper=None,
                              smoothness="C0", zero_at_zero=True, zero_centered=True),
        references=(Reference("relu", params={"eps": 0.0}, atol=1e-12,
                              note="eps = 0 gives ReLU"),),
    ),
    Spec(
        name="smu",
        published="((1 + alpha) * x + (1 - alpha) * x * erf(mu * (1 - alpha) * x)) / 2",
        formula=_SMU,
        family="smooth",
        citation=BISWAS_SMU_2021,
        aliases=("smooth_maximum_unit",),
        params=(Param("alpha", 0.25, 0.0, 1.0, doc="Leaky ReLU slope being smoothed"),
                Param("mu", 1e6, 0.0, open_low=True, learnable=True,
                      doc="smoothing scale; large mu approaches Leaky ReLU")),
        description="Smooth maximum unit: ((1 + alpha) x + (1 - alpha) x erf(mu (1 - alpha) x))"
                    " / 2, a smooth max(x, alpha x). Defaults alpha = 0.25 (fixed) and mu = 1e6 "
                    "(trained) are those of the authors' code. Written as alpha x + (1 - alpha) x "
                    "erfc(-z) / 2, z = mu (1 - alpha) x, with erfc(-z) taken as 0 or 2 where "
                    "|z| >= 6 (exact in float64).",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        references=(
            Reference(F.gelu, params={"alpha": 0.0, "mu": 0.7071067811865476}, atol=1e-12,
                      note="SMU(alpha=0, mu=1/sqrt(2)) = GELU"),
            Reference("leaky_relu", params={"mu": 1e9}, target_params={"negative_slope": 0.25},
                      atol=1e-9, note="mu -> inf gives Leaky ReLU(alpha)"),
        ),
    ),
    Spec(
        name="erfact",
        published="x * erf(alpha * exp(beta * x))",
        formula="x * where(alpha * exp(beta * x) < 6, erf(min(alpha * exp(beta * x), 6)), 1)",
        family="smooth",
        citation=BISWAS_ERFACT_2021,
        params=(Param("alpha", 0.75, 0.0, open_low=True, learnable=True),
                Param("beta", 0.75, learnable=True)),
        description="ErfAct: x erf(alpha e^(beta x)), non-monotonic and self-gated, with trainable "
                    "alpha, beta (initialized to 0.75). erf is taken as 1 where its argument "
                    "is >= 6 (exact in float64) so that the gradient cannot overflow.",
        properties=Properties(monotonic=False, lower=-0.405280845173458, upper=None,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True,
                              self_gated=True),
    ),
    Spec(
        name="pserf",
        published="x * erf(gamma * softplus(delta * x))",
        formula="where(delta * x > -1000, x * erf(gamma * softplus(delta * x)), 0)",
        family="smooth",
        citation=BISWAS_ERFACT_2021,
        params=(Param("gamma", 1.25, 0.0, open_low=True, learnable=True),
                Param("delta", 0.85, 0.0, open_low=True, learnable=True)),
        description="Parametric Serf: x erf(gamma softplus(delta x)) with trainable gamma, delta "
                    "(initialized to 1.25 and 0.85). The value (below 1e-400) is taken as 0 for "
                    "delta x <= -1000 so that the gradient cannot overflow.",
        properties=Properties(monotonic=False, lower=-0.5060068753569110, upper=None,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True,
                              self_gated=True),
        references=(Reference(lambda x: x * torch.erf(F.softplus(x)),
                              params={"gamma": 1.0, "delta": 1.0}, atol=1e-12,
                              note="Pserf(gamma=1, delta=1) = Serf x erf(softplus(x))"),),
    ),
)
