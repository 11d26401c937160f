"""Point-wise maps of language models' token mixers and output heads (2023 on): the Taylor score
of Based and the s(x) of StableMax, which stand in for the exponential of softmax, the
data-dependent decay gates of gated linear attention, RWKV-6 and RWKV-7, and the positive
hidden-state map of minGRU and minLSTM, each applied element by element to a projection of the
token. The survey of Kunc and Kléma (arXiv:2402.09092) lists none of them."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

ARORA_2024 = Citation(
    "Simple linear attention language models balance the recall-throughput tradeoff",
    "Simran Arora, Sabri Eyuboglu, Michael Zhang, Aman Timalsina, Silas Alberti, Dylan Zinsley, "
    "James Zou, Atri Rudra, Christopher Ré",
    2024,
    arxiv="2402.18668",
    venue="ICML 2024",
)
YANG_2024 = Citation(
    "Gated Linear Attention Transformers with Hardware-Efficient Training",
    "Songlin Yang, Bailin Wang, Yikang Shen, Rameswar Panda, Yoon Kim",
    2024,
    arxiv="2312.06635",
    venue="ICML 2024",
)
PENG_2024 = Citation(
    "Eagle and Finch: RWKV with Matrix-Valued States and Dynamic Recurrence",
    "Bo Peng et al.",
    2024,
    arxiv="2404.05892",
    venue="COLM 2024",
)
PENG_2025 = Citation(
    'RWKV-7 "Goose" with Expressive Dynamic State Evolution',
    "Bo Peng et al.",
    2025,
    arxiv="2503.14456",
)

FENG_2024 = Citation(
    "Were RNNs All We Needed?",
    "Leo Feng, Frederick Tung, Mohamed Osama Ahmed, Yoshua Bengio, Hossein Hajimirsadeghi",
    2024,
    arxiv="2410.01201",
)
PRIETO_2025 = Citation(
    "Grokking at the Edge of Numerical Stability",
    "Lucas Prieto, Melih Barsbey, Pedro A. M. Mediano, Tolga Birdal",
    2025,
    arxiv="2501.04697",
    venue="ICLR 2025",
)


def _positive(**declared) -> Properties:
    """Properties of a unit that is positive at 0, where it replaces e^x or gates a state."""
    return Properties(zero_at_zero=False, zero_centered=False, **declared)


# e^(-1/2): RWKV-7's decay exp(-e^(-1/2) sigmoid(x)) lies in (exp(-e^(-1/2)), 1)
_RWKV7_RATE = math.exp(-0.5)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="based_taylor",
        formula="1 + x * (1 + x / 2)",
        published="1 + x + x**2 / 2",
        family="polynomial",
        citation=ARORA_2024,
        aliases=("taylor_exp2",),
        checked_against="secondary",
        description="The second-order Taylor polynomial 1 + s + s^2 / 2 of e^s, which Based's "
        "linear attention applies to the query-key score s = q.k in place of the exponential "
        "of softmax attention (its feature map is the concatenation of 1, q and the "
        "flattened q q^T / sqrt(2), whose inner products give this polynomial). It is "
        "positive everywhere, with its minimum 1/2 at s = -1: the floor that keeps Based "
        "from giving an irrelevant key a near-zero weight, which ReBased's learned affine map "
        "removes. The same polynomial is the 'Taylor softmax' numerator of de Brébisson and "
        "Vincent (2016). Formula as quoted by Aksenov et al. (arXiv:2402.10644).",
        properties=_positive(monotonic=False, lower=0.5, upper=None, smoothness="Cinf"),
        references=(
            Reference(
                lambda x: 1 + x + x * x / 2,
                atol=1e-12,
                note="the polynomial as written",
            ),
        ),
    ),
    Spec(
        name="gla_gate",
        formula="exp(logsigmoid(x) / tau)",
        published="sigmoid(x)**(1 / tau)",
        family="sigmoidal",
        citation=YANG_2024,
        aliases=("gated_linear_attention_gate",),
        params=(Param("tau", 16.0, low=0.0, open_low=True, doc="temperature of the gate logits"),),
        description="The forget gate of gated linear attention: sigmoid(x)^(1/tau) with "
        "tau = 16, a per-key-dimension decay in (0, 1) computed from the token; the "
        "temperature pushes the gate towards 1, so the recurrent state forgets slowly (at "
        "x = 0 the gate is 2^(-1/16) = 0.958). Evaluated in log space, as "
        "exp(logsigmoid(x) / tau), the form of the authors' flash-linear-attention code, "
        "where tau is the gate_logit_normalizer (default 16). "
        "tau = 1 is the logistic sigmoid.",
        properties=_positive(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf"),
        references=(
            Reference(torch.sigmoid, params={"tau": 1.0}, atol=1e-12, note="tau = 1: sigmoid"),
            Reference(
                lambda x: torch.sigmoid(x) ** (1 / 16),
                atol=1e-12,
                note="sigmoid(x)^(1/16) as published",
            ),
        ),
    ),
    Spec(
        name="rwkv6_decay",
        formula="exp(-exp(min(x, 7)))",
        published="exp(-exp(x))",
        family="sigmoidal",
        citation=PENG_2024,
        checked_against="secondary",
        description="The data-dependent decay of RWKV-6 (Finch), exp(-exp(x)), computed channel "
        "by channel from the token: it falls from 1 at -inf to 0 at +inf with e^-1 at 0, so "
        "any decay rate in (0, 1) is reachable (RWKV-7 later bounded it below). The same "
        "double exponential parameterizes the eigenvalue magnitudes of the Linear Recurrent "
        "Unit (Orvieto et al. 2023). It is gumbel(-x), and the kappa = -1, lam -> 0 limit of "
        "APA (which needs lam > 0). Decreasing, hence not monotonic in this catalog's "
        "increasing sense. Evaluated with x capped at 7, where exp(-e^7) = e^-1097 is already "
        "0 in float64, so the slope of the capped branch is 0 rather than inf * 0. Formula as "
        "in the RWKV-6 implementations.",
        properties=_positive(monotonic=False, lower=0.0, upper=1.0, smoothness="Cinf"),
        references=(
            Reference(
                lambda x: torch.exp(-torch.exp(x)),
                atol=1e-15,
                note="exp(-exp(x)) as published",
            ),
        ),
    ),
    Spec(
        name="rwkv7_decay",
        formula=f"exp(-{_RWKV7_RATE!r} * sigmoid(x))",
        published="exp(-exp(-0.5) * sigmoid(x))",
        family="sigmoidal",
        citation=PENG_2025,
        checked_against="secondary",
        description="The in-context decay of RWKV-7's state, exp(-e^(-1/2) sigmoid(x)), "
        "computed channel by channel from the token: it falls from 1 (no decay) at -inf to "
        "exp(-e^(-1/2)) = 0.5452 at +inf, so every channel keeps at least about half of its "
        "state per step, which bounds the state's growth. Decreasing, hence not monotonic "
        "in this catalog's increasing sense. Constants as in the RWKV-7 implementations "
        "(0.606531 = e^(-1/2)).",
        properties=_positive(
            monotonic=False, lower=math.exp(-_RWKV7_RATE), upper=1.0, smoothness="Cinf"
        ),
        references=(
            Reference(
                lambda x: torch.exp(-0.606531 * torch.sigmoid(x)),
                atol=1e-6,
                note="the implementations' rounded constant 0.606531",
            ),
        ),
    ),
    Spec(
        name="stablemax",
        formula="where(x >= 0, x + 1, 1 / (1 - x))",
        family="piecewise",
        citation=PRIETO_2025,
        aliases=("stablemax_s",),
        checked_against="secondary",
        description="The s(x) of StableMax, x + 1 for x >= 0 and 1 / (1 - x) below, which "
        "replaces the exponential of softmax: StableMax(x)_i = s(x_i) / sum_j s(x_j). Its "
        "linear and reciprocal growth keeps large logits from absorbing the small ones in "
        "floating point ('softmax collapse'), which the authors find blocks grokking without "
        "regularization. Positive and increasing, with s(0) = s'(0) = 1 like e^x; the second "
        "derivative jumps from 2 to 0 at 0, so it is C1. Its logarithm is symlog. Formula as "
        "in the implementations of StableMax cross-entropy (for example the Hierarchical "
        "Reasoning Model's).",
        properties=_positive(monotonic=True, lower=0.0, upper=None, smoothness="C1"),
        references=(
            Reference(
                lambda x: torch.exp(torch.sign(x) * torch.log1p(x.abs())),
                atol=1e-12,
                note="exp(symlog(x))",
            ),
        ),
    ),
    Spec(
        name="mingru_g",
        formula="where(x >= 0, x + 0.5, sigmoid(x))",
        family="piecewise",
        citation=FENG_2024,
        aliases=("minlstm_g",),
        checked_against="secondary",
        description="The g(x) of minGRU and minLSTM: x + 1/2 for x >= 0 and sigmoid(x) below, "
        "applied to the candidate hidden state so that it stays positive and its logarithm "
        "exists, which the log-space parallel scan over the sequence needs (the paper's "
        "appendix B.3). Continuous at 0, where both pieces are 1/2, with a slope jump from "
        "1/4 to 1 (C0); it grows like x above and decays like e^x below. Formula as in the "
        "appendix's code, reproduced by the implementations.",
        properties=_positive(monotonic=True, lower=0.0, upper=None, smoothness="C0"),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x + 0.5, torch.sigmoid(x)),
                atol=1e-15,
                note="the two pieces as written",
            ),
        ),
    ),
    Spec(
        name="mingru_log_g",
        formula="where(x >= 0, log(relu(x) + 0.5), -softplus(-x))",
        family="piecewise",
        citation=FENG_2024,
        aliases=("minlstm_log_g",),
        checked_against="secondary",
        description="log g(x), the logarithm of minGRU's positive map mingru_g, computed "
        "piecewise as log(x + 1/2) for x >= 0 and -softplus(-x) = log sigmoid(x) below, "
        "the form the log-space scan of minGRU and minLSTM consumes (appendix B.3). It "
        "equals -log 2 at 0 with a slope jump from 1/2 to 2 (C0), and follows x far "
        "below 0 and log(x) far above. The relu keeps the unused branch's logarithm "
        "defined for negative x.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.log(torch.where(x >= 0, x + 0.5, torch.sigmoid(x))),
                atol=1e-8,
                note="log of mingru_g (values reach |x| = 100)",
            ),
        ),
    ),
)
