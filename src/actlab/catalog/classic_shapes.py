"""Classic shapes of the survey's sections 3.8-3.46: a square-based logistic sigmoid, a lifted
inverse-square-root sigmoid, the rational Mishra unit, a parametric softplus, a polynomial
universal unit, the piecewise Mexican-hat and radial-basis units, an evolved tanh-ReLU sum and
the smoothed max-min unit KDAC."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.relu_variants import WURAOLA_2021
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

WANG_2022 = Citation(
    "Why KDAC? A general activation function for knowledge discovery",
    "Zhenhua Wang, Dong Gao, Haozhe Liu, Fanglin Liu",
    2022,
    arxiv="2111.13858",
    venue="Neurocomputing",
)

_MEXICAN_HAT = 2 / (math.sqrt(3) * math.pi**0.25)  # the Ricker wavelet's normalisation


def _sqnl_logistic(x: torch.Tensor) -> torch.Tensor:
    """(SQNL(x) + 1) / 2 with SQNL written as x - x|x|/4 on [-2, 2] and sign(x) outside."""
    sqnl = torch.where(x.abs() > 2, torch.sign(x), x - x * x.abs() / 4)
    return (sqnl + 1) / 2


def _mexican_hat_pieces(x: torch.Tensor) -> torch.Tensor:
    """PMAF at a = 4 as the survey writes it: the wavelet centred at -a for x < 0, at a above."""
    u = torch.where(x < 0, x + 4, x - 4)
    return _MEXICAN_HAT * (1 - u**2) * torch.exp(-(u**2) / 2)


def _radial_pieces(x: torch.Tensor) -> torch.Tensor:
    """PRBF at a = 3, b = 1 as the survey writes it: Gaussians centred at -2a, 0 and 2a."""
    centre = torch.where(x >= 3, 6.0, torch.where(x <= -3, -6.0, 0.0))
    return torch.exp(-((x - centre) ** 2))


# KDAC's smoothed minimum and maximum of width c, h = clamp(1/2 -+ (p - q) / (2c), 0, 1),
# p (1 - h) + h q -+ c h (1 - h), equal min(p, q) - c/4 relu(1 - |p - q|/c)^2 and
# max(p, q) + c/4 relu(1 - |p - q|/c)^2 (the quadratic smoothing of the kink)
_KDAC_NEGATIVE = (
    "(b * x + tanh(x) - abs(b * x - tanh(x))) / 2 - c / 4 * relu(1 - abs(b * x - tanh(x)) / c)**2"
)
_KDAC_REGION = f"where(x > 0, a * x, {_KDAC_NEGATIVE})"
_KDAC_PUBLISHED = (
    f"max(a * x, {_KDAC_REGION}) + c / 4 * relu(1 - abs(a * x - {_KDAC_REGION}) / c)**2"
)
_KDAC_DIFFERENCE = f"abs(a * x - ({_KDAC_NEGATIVE}))"
_KDAC = (
    "where(x > 0, a * x + c / 4, where(x <= -(1 + c) / b, "
    "min(a, b) * x + c / 4 * relu((c + abs(a - b) * x) / c)**2, "
    f"(a * x + {_KDAC_NEGATIVE} + {_KDAC_DIFFERENCE}) / 2 "
    f"+ c / 4 * relu(1 - {_KDAC_DIFFERENCE} / c)**2))"
)


def _kdac_code(x: torch.Tensor) -> torch.Tensor:
    """KDAC as the authors' TensorFlow code computes it, at a = b = 0.1, k = 0.01."""

    def smooth(p: torch.Tensor, q: torch.Tensor, sign: int) -> torch.Tensor:
        h = torch.clamp(0.5 - sign * 0.5 * (p - q) / 0.01, 0, 1)
        return p * (1 - h) + h * q + sign * 0.01 * h * (1 - h)

    negative = torch.where(x > 0, 0.1 * x, smooth(0.1 * x, torch.tanh(x), -1))
    return smooth(0.1 * x, negative, 1)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="logsqnl",
        formula="where(x > 2, 1, where(x >= 0, 1 - (2 - x)**2 / 8, where(x >= -2, (x + 2)**2 / 8, "
        "0)))",
        published="where(x > 2, 1, where(x >= 0, (x - x**2 / 4) / 2 + 1 / 2, "
        "where(x >= -2, (x + x**2 / 4) / 2 + 1 / 2, 0)))",
        family="sigmoidal",
        citation=WURAOLA_2021,
        aliases=("square_logistic_sigmoid",),
        description="Square logistic sigmoid (LogSQNL): the square nonlinearity SQNL moved to [0, "
        "1], (SQNL(x) + 1) / 2, i.e. 0 below -2, (x + 2)^2 / 8 on [-2, 0], 1 - (2 - x)^2 / 8 on "
        "[0, 2] and 1 above; a multiplication-only stand-in for the logistic sigmoid (survey "
        "section 3.8.6), cited to Wuraola, Patel and Nguang's square-based units for embedded "
        "inference, whose summary (arXiv:2109.12686) describes symmetric (tanh-like) and "
        "asymmetric (sigmoid-like) variants. The completed squares keep full relative accuracy "
        "next to x = -2, where the survey's expanded form cancels. As given by the survey; the "
        "original paper could not be checked.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference(_sqnl_logistic, atol=1e-12, note="= (SQNL(x) + 1) / 2"),),
        checked_against="survey",
    ),
    Spec(
        name="mef",
        formula="where(abs(x) > 1, sign(x) / sqrt(1 + 1 / (x * x)), x / sqrt(1 + x * x)) + 1 / 2",
        published="x / sqrt(1 + x**2) + 1 / 2",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("modified_elliott",),
        description="Modified Elliott function x / sqrt(1 + x^2) + 1/2 (survey section 3.8.11): "
        "the inverse square root unit with a = 1 lifted by 1/2, range (-1/2, 3/2), f(0) = 1/2. "
        "Above |x| = 1 it is evaluated as sign(x) / sqrt(1 + 1/x^2) so that x^2 never overflows. "
        "As given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=True,
            lower=-0.5,
            upper=1.5,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: x / torch.sqrt(1 + x * x) + 0.5,
                atol=1e-12,
                note="= ISRU (a = 1) + 1/2, written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="mishra",
        formula="where(abs(x) > 1, sign(x) / (1 + 1 / abs(x)), x / (1 + abs(x))) "
        "* where(x < 0, 1 / (1 - x), "
        "1 + where(abs(x) > 1, sign(x) / (1 + 1 / abs(x)), x / (1 + abs(x)))) / 2",
        published="(x / (1 + abs(x)))**2 / 2 + x / (1 + abs(x)) / 2",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        description="Mishra activation s^2/2 + s/2 with the softsign s = x / (1 + |x|) (survey "
        "section 3.11, which names the unit after the author of the papers that used it): it dips "
        "to -1/8 at x = -1 and rises to 1. Evaluated as s (1 + s) / 2 with 1 + s = 1 / (1 - x) for "
        "x < 0, exact where the two cancel, and s = sign(x) / (1 + 1/|x|) above |x| = 1 so that "
        "the limits at +-inf are 1 and 0. C1: the softsign's second derivative jumps at 0. As "
        "given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=-0.125,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: 0.5 * (x / (1 + x.abs())) ** 2 + 0.5 * x / (1 + x.abs()),
                atol=1e-12,
                note="the survey's form with the softsign written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="psoftplus",
        formula="a * where(x > 10, softplus(x) - b, log1p(expm1(x) / 2) + (log(2) - b))",
        published="a * (softplus(x) - b)",
        family="smooth",
        citation=KUNC_KLEMA_2024,
        aliases=("parametric_softplus",),
        params=(
            Param("a", 1.5, 0.0, open_low=True, doc="slope scale"),
            Param("b", math.log(2), doc="downward shift"),
        ),
        description="Parametric softplus a (softplus(x) - b) with the recommended a = 1.5, b = ln "
        "2 (survey section 3.17.1): the shift b = ln 2 puts f(0) at 0 to bring mean outputs nearer "
        "zero. Below x = 10, softplus(x) - ln 2 is evaluated as log1p(expm1(x) / 2), which does "
        "not cancel near 0. Formula and values from the survey; its source could not be identified "
        "or checked.",
        properties=Properties(
            monotonic=True,
            lower=-1.0397207708399179,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: 1.5 * (F.softplus(x) - math.log(2)),
                atol=1e-12,
                note="torch's softplus",
            ),
            Reference(
                "softplus",
                params={"a": 1.0, "b": 0.0},
                atol=1e-12,
                note="a = 1, b = 0 is softplus",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="puaf",
        formula="where(x >= c, x, where(x <= -c, 0, x * sigmoid(b * log1p("
        "2 * where(abs(x) < c, x, 0) / (c - where(abs(x) < c, x, 0))))))",
        published="where(x > c, x, where(x < -c, 0, x * (c + x)**b / ((c + x)**b + (c - x)**b)))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("polynomial_universal_activation",),
        params=(
            Param("b", 5.0, 1.0, doc="power of the polynomial gate (its smoothness at +-c)"),
            Param("c", 10.0, 0.0, open_low=True, doc="half-width of the gated region"),
        ),
        description="Polynomial universal activation function (PUAF) of Hwang and Kim: z^a times "
        "the polynomial gate (c + z)^b / ((c + z)^b + (c - z)^b) on [-c, c], 0 below and z^a above "
        "(survey section 3.16). This entry is its a = 1 member, with the survey's "
        "swish-approximating b = 5, c = 10 (b = c = 0 is ReLU; a = 0, the sigmoid-like member, is "
        "not covered). The gate is evaluated as sigmoid(b ln((c + z)/(c - z))) with the logarithm "
        "as log1p(2z / (c - z)), evaluated at 0 outside (-c, c) so that the unused branch stays "
        "finite: no power overflows (float16 included) and nothing cancels near 0. It joins the "
        "lines with b - 1 = 4 matching derivatives (reported as Cinf). As given by the survey; the "
        "original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=-0.27696975778537405,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x > 10,
                    x,
                    torch.where(x < -10, 0.0, x * (10 + x) ** 5 / ((10 + x) ** 5 + (10 - x) ** 5)),
                ),
                atol=1e-9,
                note="the survey's form at b = 5, c = 10",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="pmaf",
        formula="where(abs(abs(x) - a) > 40, 0, "
        "2 / (sqrt(3) * pi**(1 / 4)) * (1 - (abs(x) - a)**2) * exp(-(abs(x) - a)**2 / 2))",
        published="where(x < 0, 2 / (sqrt(3) * pi**(1 / 4)) * (1 - (x + a)**2) * "
        "exp(-(x + a)**2 / 2), 2 / (sqrt(3) * pi**(1 / 4)) * (1 - (x - a)**2) * "
        "exp(-(x - a)**2 / 2))",
        family="radial",
        citation=KUNC_KLEMA_2024,
        aliases=("piecewise_mexican_hat",),
        params=(Param("a", 4.0, 0.0, doc="distance of the two hats from the origin"),),
        description="Piecewise Mexican-hat activation function (PMAF): the normalised Mexican-hat "
        "(Ricker) wavelet 2 / (sqrt(3) pi^(1/4)) (1 - u^2) e^(-u^2/2) centred at -a for x < 0 and "
        "at a for x >= 0, with a = 4 as Liu, Zeng and Wang used (survey section 3.23). Even, with "
        "peaks 0.867 at +-a, troughs -0.387 at +-a +- sqrt(3) and a kink at 0. Where |u| > 40 the "
        "wavelet is below 1e-340 and 0 is returned, so that no inf * 0 forms. As given by the "
        "survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=-0.38705276380034687,
            upper=0.8673250705840776,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(_mexican_hat_pieces, atol=1e-12, note="the survey's two-piece form"),
        ),
        checked_against="survey",
    ),
    Spec(
        name="prbf",
        formula="where(abs(x) >= a, where(abs(abs(x) - 2 * a) > 40 * b, 0, "
        "exp(-((abs(x) - 2 * a) / b)**2)), exp(-(x / b)**2))",
        published="where(x >= a, exp(-(x - 2 * a)**2 / b**2), where(x > -a, exp(-x**2 / b**2), "
        "exp(-(x + 2 * a)**2 / b**2)))",
        family="radial",
        citation=KUNC_KLEMA_2024,
        aliases=("piecewise_radial_basis",),
        params=(
            Param("a", 3.0, 0.0, open_low=True, doc="where the side Gaussians take over"),
            Param("b", 1.0, 0.0, open_low=True, doc="width of each Gaussian"),
        ),
        description="Piecewise radial basis function (PRBF): the Gaussian e^(-x^2/b^2) on (-a, a) "
        "and Gaussians centred at +-2a beyond +-a, with a = 3, b = 1 as Liu, Zeng and Wang used "
        "(survey section 3.24); continuous with kinks at +-a, peaks 1 at 0 and +-2a. Where the "
        "distance to the centre exceeds 40 b the value is below 1e-690 and 0 is returned, so that "
        "no inf * 0 forms. As given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference(_radial_pieces, atol=1e-12, note="the survey's three-piece form"),),
        checked_against="survey",
    ),
    Spec(
        name="kdac",
        formula=_KDAC,
        published=_KDAC_PUBLISHED,
        family="piecewise",
        citation=WANG_2022,
        aliases=("knowledge_discovery_activation",),
        params=(
            Param("a", 0.1, 0.0, open_low=True, learnable=True, doc="trained positive slope"),
            Param("b", 0.1, 0.0, open_low=True, learnable=True, doc="trained negative slope"),
            Param("c", 0.01, 0.0, open_low=True, doc="width of the smooth max and min"),
        ),
        description="Knowledge discovery activation function (KDAC), as the authors' code "
        "(pyy-copyto/KDAC, KDAC.py) computes it: smax(a x, r) with r = a x for x > 0 and r = "
        "smin(b x, tanh x) otherwise, where smax and smin are the clamp-smoothed maximum and "
        "minimum of width c: h = clamp(1/2 -+ (p - q) / (2c), 0, 1), p (1 - h) + h q +- c h (1 - "
        "h), which is max(p, q) + c/4 relu(1 - |p - q|/c)^2 (min with -), written with max(p, q) = "
        "(p + q + |p - q|) / 2 so that ties (a = b makes a x and b x tie) differentiate "
        "consistently. a and b are trained from 0.1, c = 0.01 is fixed. For x > 0 both arguments "
        "are a x, so f = a x + c/4 there, and f jumps at 0 (from 0.0014 to 0.0025 at the initial "
        "values); below -(1 + c)/b the smoothed minimum is b x exactly and f = min(a, b) x + c/4 "
        "relu(1 - |a - b| |x| / c)^2, which gives -inf at -inf instead of inf - inf. The survey "
        "(section 3.46) gives the same construction, with an unspecified h where the code uses the "
        "smoothed maximum.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(Reference(_kdac_code, atol=1e-12, note="the authors' code, in torch"),),
    ),
    Spec(
        name="evolved_tanh_relu",
        formula="where(abs(x) > 5, 1, tanh(x**2)) + relu(x)",
        published="tanh(x**2) + relu(x)",
        family="piecewise",
        citation=KUNC_KLEMA_2024,
        description="tanh(x^2) + ReLU(x), the combination of tanh and ReLU that Vijayaprabakaran "
        "and Sathiyamurthy found by neuroevolution as the best recurrent activation of LSTMs on "
        "human-activity recognition (survey section 3.41): a bump tanh(x^2) rising to 1 on both "
        "sides plus a rectifier, so f(0) = 0, f -> 1 as x -> -inf and f ~ x + 1 above. Beyond |x| "
        "= 5, tanh(x^2) is 1 in float64 (to 4e-22) and 1 is used, so that 2x (1 - tanh^2) never "
        "forms inf * 0. As given by the survey; the original paper could not be checked.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: torch.tanh(x * x) + F.relu(x), atol=1e-12, note="torch's tanh and relu"
            ),
        ),
        checked_against="survey",
    ),
)
