"""Units of implicit neural representations, wavelet Kolmogorov-Arnold networks and stationary
Bayesian networks: a damped sinusoid, mother wavelets, periodic triangle-type waves
and Matérn activations. None is listed by the survey of Kunc and Kléma (arXiv:2402.09092)."""

import math

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

SHAH_SITAWARIN_2023 = Citation(
    "Positional Embedding-Aware Activations",
    "Kathan Shah, Chawin Sitawarin",
    2023,
    arxiv="2306.15242",
)
BOZORGASL_CHEN_2024 = Citation(
    "Wav-KAN: Wavelet Kolmogorov-Arnold Networks",
    "Zavareh Bozorgasl, Hao Chen",
    2024,
    arxiv="2405.12832",
)
MERONEN_2021 = Citation(
    "Periodic Activation Functions Induce Stationarity",
    "Lassi Meronen, Martin Trapp, Arno Solin",
    2021,
    arxiv="2110.13572",
    venue="NeurIPS 2021",
)
MERONEN_2020 = Citation(
    "Stationary Activations for Uncertainty Calibration in Deep Learning",
    "Lassi Meronen, Christabella Irwanto, Arno Solin",
    2020,
    arxiv="2010.09494",
    venue="NeurIPS 2020",
)

_MEXICAN_HAT_SCALE = 2 / (math.sqrt(3) * math.pi**0.25)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="spder",
        formula="sin(x) * sqrt(abs(x))",
        family="periodic",
        citation=SHAH_SITAWARIN_2023,
        aliases=("sin_sqrt_damped",),
        description="SPDER activation sin(x) sqrt(|x|): a sinusoid times the sublinear damping "
        "sqrt(|x|), so that the unit keeps the magnitude of its input (a learned positional "
        "embedding) while oscillating. The paper's SPDER layer scales its pre-activation by "
        "omega_0 = 30 before this function, as SIREN does; here that factor belongs to the "
        "preceding linear map. Odd and unbounded; C1 at 0, where the second derivative grows "
        "like |x|^(-1/2). Formula from the abstract (sine times a sublinear damping) and the "
        "authors' code (damping sqrt(|x|)).",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sin(x) * torch.sqrt(torch.abs(x)),
                atol=1e-12,
                note="= sin(x) sqrt(|x|) written directly",
            ),
        ),
    ),
    Spec(
        name="mexican_hat_wavelet",
        published=f"{_MEXICAN_HAT_SCALE!r} * (x**2 - 1) * exp(-x**2 / 2)",
        formula=f"where(abs(x) < 40, {_MEXICAN_HAT_SCALE!r} * (x * x - 1) * exp(-x * x / 2), 0)",
        family="radial",
        citation=BOZORGASL_CHEN_2024,
        aliases=("wav_kan_mexican_hat",),
        description="Mexican hat mother wavelet of Wav-KAN, 2 / (sqrt(3) pi^(1/4)) (x^2 - 1) "
        "e^(-x^2/2), applied per edge to (x - translation) / scale with both trained. The sign "
        "follows the authors' code (a well at 0, the negative of the textbook Ricker wavelet): "
        "minimum -0.867 at 0, maxima 0.387 at +-sqrt(3). Set to 0 for |x| >= 40, where the value "
        "is below every float format, so that x^2 e^(-x^2/2) never forms inf * 0.",
        properties=Properties(
            monotonic=False,
            lower=-0.8673250705840776,
            upper=0.38705276380034687,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: _MEXICAN_HAT_SCALE * (x * x - 1) * torch.exp(-x * x / 2),
                atol=1e-12,
                note="the code's expression written directly",
            ),
        ),
    ),
    Spec(
        name="dog_wavelet",
        published="-x * exp(-x**2 / 2)",
        formula="where(abs(x) < 40, -x * exp(-x * x / 2), 0)",
        family="radial",
        citation=BOZORGASL_CHEN_2024,
        aliases=("wav_kan_dog", "derivative_of_gaussian"),
        description="Derivative-of-Gaussian mother wavelet of Wav-KAN, -x e^(-x^2/2) (the "
        "derivative of e^(-x^2/2)), applied per edge to (x - translation) / scale with both "
        "trained; as in the authors' code. Odd, extrema -+e^(-1/2) at x = +-1. Set to 0 for "
        "|x| >= 40, where the value is below every float format.",
        properties=Properties(
            monotonic=False,
            lower=-0.6065306597126334,
            upper=0.6065306597126334,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: -x * torch.exp(-x * x / 2),
                atol=1e-12,
                note="= -x e^(-x^2/2) written directly",
            ),
        ),
    ),
    Spec(
        name="meyer_wavelet",
        formula="where(abs(x) <= 0.5, sin(pi * abs(x)), where(abs(x) >= 1, 0, sin(pi * abs(x)) "
        "* sin(pi / 2 * (2 - 2 * clamp(abs(x), 0.5, 1))**4 * (35 - 84 * (2 - 2 * clamp(abs(x), "
        "0.5, 1)) + 70 * (2 - 2 * clamp(abs(x), 0.5, 1))**2 - 20 * (2 - 2 * clamp(abs(x), 0.5, 1))"
        "**3))))",
        published="where(abs(x) <= 0.5, sin(pi * abs(x)), where(abs(x) >= 1, 0, sin(pi * abs(x)) "
        "* cos(pi / 2 * (2 * abs(x) - 1)**4 * (35 - 84 * (2 * abs(x) - 1) + 70 * (2 * abs(x) - 1)"
        "**2 - 20 * (2 * abs(x) - 1)**3))))",
        family="radial",
        citation=BOZORGASL_CHEN_2024,
        aliases=("wav_kan_meyer",),
        description="Meyer-type wavelet of Wav-KAN as the authors' code defines it: with v = "
        "|x|, sin(pi v) times a window equal to 1 for v <= 1/2, 0 for v >= 1 and cos(pi/2 "
        "nu(2v - 1)) between, nu(t) = t^4 (35 - 84 t + 70 t^2 - 20 t^3) the Meyer auxiliary "
        "polynomial. Even, range [0, 1] (1 at |x| = 1/2), zero outside (-1, 1); a kink at 0 "
        "from sin(pi |x|). The window is evaluated as sin(pi/2 nu(2 - 2v)), equal since nu(t) + "
        "nu(1 - t) = 1, which keeps relative accuracy where it tends to 0 at |x| = 1; its "
        "argument is clamped to [1/2, 1], where it is used, so the discarded branch never "
        "overflows.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
    Spec(
        name="sine_cosine",
        formula="sin(x) + cos(x)",
        family="periodic",
        citation=MERONEN_2021,
        aliases=("sincos",),
        description="Sine-cosine activation sin(x) + cos(x) = sqrt(2) sin(x + pi/4), one of the "
        "periodic activations shown to induce stationary Gaussian-process priors in Bayesian "
        "networks; as in the authors' code. Range [-sqrt(2), sqrt(2)], f(0) = 1, period 2 pi.",
        properties=Properties(
            monotonic=False,
            lower=-math.sqrt(2),
            upper=math.sqrt(2),
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(
            Reference(
                lambda x: math.sqrt(2) * torch.sin(x + math.pi / 4),
                atol=1e-12,
                note="= sqrt(2) sin(x + pi/4)",
            ),
        ),
    ),
    Spec(
        name="triangle_wave",
        formula="pi / (2 * sqrt(2)) * where(abs(cos(x)) >= abs(sin(x)), atan(sin(x) / "
        "max(abs(cos(x)), abs(sin(x)))), sin(x) / max(abs(cos(x)), abs(sin(x))) * (pi / 2 - "
        "atan(abs(cos(x)) / max(abs(cos(x)), abs(sin(x))))))",
        family="periodic",
        citation=MERONEN_2021,
        aliases=("triangular_wave",),
        description="Triangle wave activation pi / (2 sqrt(2)) tw(x), tw(x) = (x - pi "
        "floor(x/pi + 1/2)) (-1)^floor(x/pi + 1/2) = arcsin(sin x), the wave of slope +-1 "
        "between -pi/2 and pi/2 (authors' code; the constant normalises its variance under "
        "a uniform phase). Evaluated without a floor as atan(sin x / |cos x|) where |cos x| >= "
        "|sin x| and sign(sin x) (pi/2 - atan(|cos x| / |sin x|)) elsewhere, both ratios below 1 "
        "in magnitude. Odd, period 2 pi, kinks at pi/2 + k pi.",
        properties=Properties(
            monotonic=False,
            lower=-(math.pi**2) / (4 * math.sqrt(2)),
            upper=math.pi**2 / (4 * math.sqrt(2)),
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(
            Reference(
                lambda x: math.pi / (2 * math.sqrt(2)) * torch.asin(torch.sin(x)),
                atol=1e-6,
                note="= pi / (2 sqrt(2)) arcsin(sin x)",
            ),
        ),
    ),
    Spec(
        name="periodic_relu",
        formula="pi / 4 * (where(abs(cos(x)) >= abs(sin(x)), atan(sin(x) / max(abs(cos(x)), "
        "abs(sin(x)))), sin(x) / max(abs(cos(x)), abs(sin(x))) * (pi / 2 - atan(abs(cos(x)) / "
        "max(abs(cos(x)), abs(sin(x)))))) + where(abs(sin(x)) >= abs(cos(x)), atan(cos(x) / "
        "max(abs(cos(x)), abs(sin(x)))), cos(x) / max(abs(cos(x)), abs(sin(x))) * (pi / 2 - "
        "atan(abs(sin(x)) / max(abs(cos(x)), abs(sin(x)))))))",
        family="periodic",
        citation=MERONEN_2021,
        aliases=("periodic_rectifier",),
        description="Periodic ReLU pi/4 (tw(x) + tw(x + pi/2)), tw the triangle wave arcsin(sin "
        "x) (authors' code): a trapezoidal wave, flat at pi^2/8 on [0, pi/2] and at -pi^2/8 on "
        "[-pi, -pi/2], with ramps of slope pi/2 between, period 2 pi. tw(x + pi/2) = arcsin(cos "
        "x) is evaluated like triangle_wave with sine and cosine exchanged.",
        properties=Properties(
            monotonic=False,
            lower=-(math.pi**2) / 8,
            upper=math.pi**2 / 8,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(
            Reference(
                lambda x: math.pi / 4 * (torch.asin(torch.sin(x)) + torch.asin(torch.cos(x))),
                atol=1e-6,
                note="= pi/4 (arcsin(sin x) + arcsin(cos x))",
            ),
        ),
    ),
    Spec(
        name="matern12",
        published="sqrt(2) * heaviside(x) * exp(-x)",
        formula="where(x >= 0, sqrt(2) * exp(-relu(x)), 0)",
        family="radial",
        citation=MERONEN_2020,
        aliases=("matern_activation_12",),
        description="Matérn activation with smoothness nu = 1/2, A H(x) x^(nu - 1/2) e^(-lambda "
        "x) with lambda = sqrt(2 nu) = 1 and A = sqrt(2): a network of such units has the "
        "Matérn-1/2 (exponential) covariance. Constants as in the authors' code, H(0) = 1 "
        "there. Discontinuous at 0, range [0, sqrt(2)].",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=math.sqrt(2),
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
    ),
    Spec(
        name="matern32",
        published="2 * 3**0.75 * heaviside(x) * x * exp(-sqrt(3) * x)",
        formula="2 * 3**0.75 * min(relu(x), 450) * exp(-sqrt(3) * min(relu(x), 450))",
        family="radial",
        citation=MERONEN_2020,
        aliases=("matern_activation_32",),
        description="Matérn activation with smoothness nu = 3/2, A H(x) x e^(-sqrt(3) x), A = "
        "sqrt(2 sqrt(pi) lambda^(2 nu) Gamma(nu + 1/2) / Gamma(nu)) / Gamma(nu + 1/2) = 2 "
        "3^(3/4) (authors' code): zero for x <= 0, a kink at 0, maximum 2 3^(1/4) / e at x = "
        "1/sqrt(3). The input is capped at 450, where the value (below 1e-335) already rounds "
        "to 0 in float64, so that A x never overflows.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=0.968313144850441,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
    Spec(
        name="matern52",
        published="2 * 5**1.25 / sqrt(3) * heaviside(x) * x**2 * exp(-sqrt(5) * x)",
        formula="2 * 5**1.25 / sqrt(3) * min(relu(x), 340)**2 * exp(-sqrt(5) * min(relu(x), 340))",
        family="radial",
        citation=MERONEN_2020,
        aliases=("matern_activation_52",),
        description="Matérn activation with smoothness nu = 5/2, A H(x) x^2 e^(-sqrt(5) x), A = "
        "2 5^(5/4) / sqrt(3) (the same normalisation as matern32; authors' code): zero for x "
        "<= 0, C1 at 0, maximum 0.9347 at x = 2/sqrt(5). The input is capped at 340, where the "
        "value (below 1e-324) already rounds to 0 in float64.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=0.9347229305733856,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
)
