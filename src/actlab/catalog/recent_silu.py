"""SiLU variants published from 2023 on that the survey of Kunc and Kléma (arXiv:2402.09092)
does not list: SiLU with a tanh bias (B-SiLU, the Swish-T family) and SiLU joined to the identity
on the positive side (NIPUNA)."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

HORUZ_2025 = Citation(
    "The Resurrection of the ReLU",
    "Coşku Can Horuz, Geoffrey Kasenbacher, Saya Higuchi, Sebastian Kairat, Jendrik Stoltz, "
    "Moritz Pesl, Bernhard A. Moser, Christoph Linse, Thomas Martinetz, Sebastian Otte",
    2025,
    arxiv="2505.22074",
)

SEO_2024 = Citation(
    "Swish-T: Enhancing Swish Activation with Tanh Bias for Improved Neural Network Performance",
    "Youngmin Seo, Jinha Kim, Unsang Park",
    2024,
    arxiv="2407.01012",
)

MADHU_2023 = Citation(
    "NIPUNA: A Novel Optimizer Activation Function for Deep Neural Networks",
    "Golla Madhu et al.",
    2023,
    venue="Axioms 12(3), 246",
)

_SMOOTH = {"smoothness": "Cinf"}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="bsilu",
        checked_against="secondary",
        formula="x * sigmoid(x) + alpha / 2 * tanh(x / 2)",
        published="(x + alpha) * sigmoid(x) - alpha / 2",
        family="gated",
        citation=HORUZ_2025,
        aliases=("b_silu", "bounded_silu"),
        params=(Param("alpha", 1.67, 0.0, doc="shift of the gated input; the paper's 1.67"),),
        description="B-SiLU (x + alpha) sigmoid(x) - alpha / 2, proposed with SUGAR (surrogate "
        "gradient learning for ReLU) as the smooth function whose derivative replaces ReLU's "
        "in the backward pass; it is bounded below by a value near -alpha / 2 and passes "
        "through 0. alpha = 0 is SiLU. Evaluated as x sigmoid(x) + (alpha / 2) tanh(x / 2), "
        "the same function without the cancellation near 0. Swish-T_A (Seo et al. 2024) "
        "x sigmoid(x) + a tanh(x / 2) is this function with alpha = 2 a.",
        properties=Properties(
            monotonic=False,
            lower=-0.8999004665497565,
            upper=None,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference("silu", params={"alpha": 0.0}, atol=1e-15, note="alpha = 0 is SiLU"),
        ),
    ),
    Spec(
        name="swish_t",
        formula="x * sigmoid(beta * x) + alpha * tanh(x)",
        family="gated",
        citation=SEO_2024,
        aliases=("swisht",),
        params=(
            Param("beta", 1.0, learnable=True, doc="trained gate sharpness (initialized to 1)"),
            Param("alpha", 0.1, doc="weight of the tanh bias"),
        ),
        description="Swish-T x sigmoid(beta x) + alpha tanh(x): swish plus a small tanh bias "
        "that lets the unit pass more of its negative inputs early in training; beta is "
        "trained from 1 and alpha = 0.1 (the authors' code). alpha = 0 is swish.",
        properties=Properties(
            monotonic=False,
            lower=-0.3654944196334026,
            upper=None,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference("swish", params={"alpha": 0.0}, atol=1e-15, note="alpha = 0 is swish"),
        ),
    ),
    Spec(
        name="swish_t_b",
        formula="x * sigmoid(beta * x) + alpha * tanh(beta * x / 2)",
        published="sigmoid(beta * x) * (x + 2 * alpha) - alpha",
        family="gated",
        citation=SEO_2024,
        aliases=("swisht_b", "swish_t_c", "swisht_c"),
        params=(
            Param("beta", 1.0, learnable=True, doc="trained gate sharpness (initialized to 1)"),
            Param("alpha", 0.1, doc="size of the bias"),
        ),
        description="Swish-T_B sigmoid(beta x) (x + 2 alpha) - alpha, the variant whose tanh "
        "bias is written through the gate itself: equal to x sigmoid(beta x) + alpha "
        "tanh(beta x / 2), the form evaluated here (no cancellation near 0). At beta = 1 it "
        "is Swish-T_A, the same function as B-SiLU with alpha_B-SiLU = 2 alpha. The paper's "
        "recommended Swish-T_C, sigmoid(beta x) (x + 2 alpha_C / beta) - alpha_C / beta, is "
        "this function with alpha = alpha_C / beta (the bias shrinks as the gate sharpens), "
        "so it is listed here as an alias; both agree at the defaults.",
        properties=Properties(
            monotonic=False,
            lower=-0.337516823255616,
            upper=None,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference(
                "bsilu",
                params={"beta": 1.0},
                target_params={"alpha": 0.2},
                atol=1e-12,
                note="beta = 1 (Swish-T_A) is B-SiLU with alpha = 2 * 0.1",
            ),
            Reference(
                lambda x: torch.sigmoid(x) * (x + 0.2) - 0.1,
                atol=1e-12,
                note="the paper's form at the defaults",
            ),
        ),
    ),
    Spec(
        name="nipuna",
        formula="where(x >= 0, x, x * sigmoid(beta * x))",
        published="max(x * sigmoid(beta * x), x)",
        family="piecewise",
        citation=MADHU_2023,
        aliases=("ssilu", "saturated_silu"),
        params=(
            Param(
                "beta",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="gate sharpness of the swish part",
            ),
        ),
        description="NIPUNA max(x sigmoid(beta x), x): for beta > 0 it is x on the positive side "
        "and swish x sigmoid(beta x) on the negative side. At beta = 1 it is SSiLU, the "
        "saturated SiLU of Chen and Pan (2023), which joins ReLU's positive part to SiLU's "
        "negative part. The left derivative at 0 is 1/2, so the unit is continuous but not "
        "differentiable there.",
        properties=Properties(
            monotonic=False,
            lower=-0.2784645427610738,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x, torch.nn.functional.silu(x)),
                atol=1e-12,
                note="SSiLU: x joined to torch's SiLU",
            ),
            Reference(
                lambda x: torch.maximum(x * torch.sigmoid(x), x),
                atol=1e-12,
                note="the paper's max form",
            ),
        ),
    ),
)
