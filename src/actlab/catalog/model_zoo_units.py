"""Nonlinearities defined in the published code of model families rather than in a library:
the closed-form 1.5-entmax sigmoid that NODE's differentiable oblivious trees use to choose
splits, the SwooshR and SwooshL units of the Zipformer speech encoder, and the invertible value
rescaling that MuZero's value and reward heads are trained in. Constants come from
the authors' code (or implementations of it), as each entry says."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

YAO_2023 = Citation(
    "Zipformer: A faster and better encoder for automatic speech recognition",
    "Zengwei Yao, Liyong Guo, Xiaoyu Yang, Wei Kang, Fangjun Kuang, Yifan Yang, Zengrui Jin, "
    "Long Lin, Daniel Povey",
    2023,
    arxiv="2310.11230",
    venue="ICLR 2024; SwooshR and SwooshL of the icefall recipes (k2-fsa/icefall)",
)

SCHRITTWIESER_2020 = Citation(
    "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model",
    "Julian Schrittwieser, Ioannis Antonoglou, Thomas Hubert, et al.",
    2020,
    arxiv="1911.08265",
    venue="Nature 588, 604-609; Appendix F, after Pohlen et al. (arXiv:1805.11593), Prop. A.2",
)

POPOV_2019 = Citation(
    "Neural Oblivious Decision Ensembles for Deep Learning on Tabular Data",
    "Sergei Popov, Stanislav Morozov, Artem Babenko",
    2019,
    arxiv="1909.06312",
    venue="ICLR 2020; Entmoid15 of the authors' code, lib/nn_utils.py",
)

# SwooshR near the origin, where softplus(-1) and 0.313261687 cancel to 5.2e-10: the
# difference softplus(x - 1) - softplus(-1) = log1p(sigmoid(-1) expm1(x)) and the residual
# softplus(-1) - 0.313261687 taken apart (the latter to double precision)
_SWOOSH_R_OFFSET = 5.182228340489955e-10
_SWOOSH_R = (
    "where(x < 10, log1p(sigmoid(-1) * expm1(min(x, 10))) - 0.08 * x + "
    f"{_SWOOSH_R_OFFSET!r}, softplus(x - 1) - 0.08 * x - 0.313261687)"
)


# h^-1 of the value rescaling without cancellation or overflow: with S = sqrt((1 + 2 eps)^2 +
# 4 eps |x|), the published ((sqrt(...) - 1) / (2 eps))^2 - 1 equals d (2 + d) for
# d = 2|x| / (S + 1 + 2 eps) = (S - 1 - 2 eps) / (2 eps); the first form is used while
# 4 eps |x| < 1 (written x * (2 / D) so that the slope at 0 comes out right), the second beyond
_NEAR = "min(abs(x), 1 / (4 * eps))"
_D_NEAR = f"(sqrt((1 + 2 * eps) ** 2 + 4 * eps * {_NEAR}) + 1 + 2 * eps)"
_D_FAR = "((sqrt((1 + 2 * eps) ** 2 + 4 * eps * abs(x)) - 1 - 2 * eps) / (2 * eps))"
_VALUE_RESCALE_INVERSE = (
    f"where(4 * eps * abs(x) < 1, x * (2 / {_D_NEAR}) * (2 + 2 * {_NEAR} / {_D_NEAR}), "
    f"where(x < 0, -1, 1) * {_D_FAR} * (2 + {_D_FAR}))"
)


def _entmax15_of_pair(x: torch.Tensor) -> torch.Tensor:
    """The first component of 1.5-entmax of the pair (x, 0), p = relu(z / 2 - tau)^2 with tau
    found by bisection so that the pair sums to 1: the definition NODE's closed form replaces."""
    high = torch.clamp(x / 2, min=0)
    low = high - 1
    for _ in range(200):
        tau = (low + high) / 2
        total = torch.relu(x / 2 - tau) ** 2 + torch.relu(-tau) ** 2
        low, high = torch.where(total > 1, tau, low), torch.where(total > 1, high, tau)
    return torch.relu(x / 2 - (low + high) / 2) ** 2


SPECS: tuple[Spec, ...] = (
    Spec(
        name="entmoid15",
        formula="0.5 + clamp(x, -2, 2) * sqrt(8 - clamp(x, -2, 2) ** 2) / 8",
        published="where(x >= 0, 1 - (sqrt(8 - min(abs(x), 2) ** 2) - min(abs(x), 2)) ** 2 / 16, "
        "(sqrt(8 - min(abs(x), 2) ** 2) - min(abs(x), 2)) ** 2 / 16)",
        family="sigmoidal",
        citation=POPOV_2019,
        aliases=("entmoid",),
        description="Entmoid15, the two-class 1.5-entmax as a sigmoid: the first component "
        "of entmax15((x, 0)), which NODE's oblivious decision trees use to choose splits. "
        "The authors' code evaluates it in closed form on |x| (as 1 - y for x >= 0 and y "
        "below, with y = (tau - |x|)^2 / 4 and tau = (|x| + sqrt(8 - x^2)) / 2); both "
        "branches reduce to 1/2 + u sqrt(8 - u^2) / 8 with u = clamp(x, -2, 2), the form "
        "evaluated here. It reaches exactly 0 at x = -2 and 1 at x = 2, which makes the "
        "split choice sparse, and is C1 there. NODE's sparsemoid, clamp((x + 1) / 2, 0, 1), "
        "is the hard sigmoid.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference(_entmax15_of_pair, atol=1e-12, note="entmax15 of the pair (x, 0)"),),
    ),
    Spec(
        name="swoosh_r",
        checked_against="secondary",
        formula=_SWOOSH_R,
        published="log(1 + exp(x - 1)) - 0.08 * x - 0.313261687",
        family="smooth",
        citation=YAO_2023,
        aliases=("swooshr",),
        description="SwooshR, one of the two activations of the Zipformer speech encoder: "
        "softplus(x - 1) - 0.08 x - 0.313261687. The constant is softplus(-1) to nine "
        "digits, so the curve passes (within 5.2e-10) through the origin; the -0.08 x term "
        "keeps a slope of -0.08 on the left, where Swish's gradient vanishes, and the slope "
        "tends to 0.92 on the right. It dips to -0.1145 at x = 1 + ln(0.08 / 0.92). Below x = 10 "
        "it is evaluated as log1p(sigmoid(-1) expm1(x)) - 0.08 x + 5.18e-10, which keeps "
        "the relative accuracy next to the origin that the cancellation loses. The "
        "abstract names SwooshR and SwooshL; the constants were read from implementations "
        "of the authors' icefall code.",
        properties=Properties(
            monotonic=False,
            lower=-0.1144923152314126,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="swoosh_l",
        checked_against="secondary",
        formula="softplus(x - 4) - 0.08 * x - 0.035",
        published="log(1 + exp(x - 4)) - 0.08 * x - 0.035",
        family="smooth",
        citation=YAO_2023,
        aliases=("swooshl",),
        description="SwooshL, the Zipformer's second activation: softplus(x - 4) - 0.08 x "
        "- 0.035, SwooshR's shape moved right by 3 with a smaller offset, so that it is "
        "-0.017 at the origin, dips to -0.0762 at x = 4 + ln(0.08 / 0.92) and is positive "
        "(slope 0.92) only well beyond; the Zipformer uses it where the input is mostly "
        "negative. The constants were read from implementations of the authors' icefall "
        "code.",
        properties=Properties(
            monotonic=False,
            lower=-0.07623062823141259,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="value_rescale",
        checked_against="secondary",
        formula="x / (sqrt(abs(x) + 1) + 1) + eps * x",
        published="sign(x) * (sqrt(abs(x) + 1) - 1) + eps * x",
        family="smooth",
        citation=SCHRITTWIESER_2020,
        params=(Param("eps", 0.001, 0.0, doc="the linear term that keeps h invertible"),),
        aliases=("muzero_h", "signed_hyperbolic"),
        description="The invertible value rescaling h(x) = sign(x) (sqrt(|x| + 1) - 1) + eps x "
        "of Pohlen et al., which MuZero applies to rewards and values (eps = 0.001) before "
        "encoding them on a discrete support, so that returns of very different scales "
        "train alike: it grows like sqrt(|x|) on both sides, with the small linear term "
        "keeping it strictly increasing and invertible in closed form. Evaluated as "
        "x / (sqrt(|x| + 1) + 1) + eps x, the same function without the cancellation of "
        "sqrt(|x| + 1) - 1 next to 0. Its slope 1/2 + eps at the origin has a kink in f'' "
        "there, so it is C1. The formula and eps were read from implementations citing "
        "MuZero's appendix and Pohlen et al.'s Proposition A.2 (its closed-form inverse).",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="value_rescale_inverse",
        checked_against="secondary",
        formula=_VALUE_RESCALE_INVERSE,
        published="sign(x) * (((sqrt(1 + 4 * eps * (abs(x) + 1 + eps)) - 1) / (2 * eps)) ** 2 - 1)",
        family="smooth",
        citation=SCHRITTWIESER_2020,
        params=(Param("eps", 0.001, 0.0, open_low=True, doc="the value rescaling's eps"),),
        aliases=("muzero_h_inverse", "signed_parabolic"),
        description="The closed-form inverse of the value rescaling h (value_rescale), "
        "sign(x) (((sqrt(1 + 4 eps (|x| + 1 + eps)) - 1) / (2 eps))^2 - 1), which MuZero "
        "applies to the expected value of its categorical value and reward heads to return "
        "to the scale of the game's rewards: it grows like x^2 for moderate x and like x / eps "
        "far out. Evaluated as d (2 + d) sign(x) with d = 2|x| / (S + 1 + 2 eps) while "
        "4 eps |x| < 1 and d = (S - 1 - 2 eps) / (2 eps) beyond, S = sqrt((1 + 2 eps)^2 + "
        "4 eps |x|): the same function without the published form's cancellation next to 0 "
        "or overflow of its intermediate terms far out. Slope 2 / (1 + 2 eps) at the origin, "
        "with a kink in f'' there (C1).",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sign(x) * (x**2 + 2 * torch.abs(x)),
                params={"eps": 1e-14},
                atol=1e-5,
                note="sign(x) (x^2 + 2|x|), the inverse at eps -> 0",
            ),
        ),
    ),
)
