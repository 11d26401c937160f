"""Nonlinearities defined in the published code of model families rather than in a library:
the closed-form 1.5-entmax sigmoid that NODE's differentiable oblivious trees use to choose
splits and the SwooshR and SwooshL units of the Zipformer speech encoder. Constants come from the
authors' code (or implementations of it), as each entry says. MuZero's invertible value rescaling
is the value transforms' signed_hyperbolic."""

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

YAO_2023 = Citation(
    "Zipformer: A faster and better encoder for automatic speech recognition",
    "Zengwei Yao, Liyong Guo, Xiaoyu Yang, Wei Kang, Fangjun Kuang, Yifan Yang, Zengrui Jin, "
    "Long Lin, Daniel Povey",
    2023,
    arxiv="2310.11230",
    venue="ICLR 2024; SwooshR and SwooshL of the icefall recipes (k2-fsa/icefall)",
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
)
