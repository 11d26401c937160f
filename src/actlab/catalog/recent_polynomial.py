"""Polynomial units published from 2022 on that the survey of Kunc and Kléma (arXiv:2402.09092)
does not list: low-degree replacements of GELU and ReLU for private (MPC and homomorphically
encrypted) inference."""

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

LI_2023 = Citation(
    "MPCFormer: fast, performant and private Transformer inference with MPC",
    "Dacheng Li, Rulin Shao, Hongyi Wang, Han Guo, Eric P. Xing, Hao Zhang",
    2023,
    arxiv="2211.01452",
    venue="ICLR 2023",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="mpcformer_quad",
        formula="a * x**2 + b * x + c",
        family="polynomial",
        citation=LI_2023,
        aliases=("quad_gelu",),
        params=(
            Param("a", 0.125, doc="x^2 coefficient"),
            Param("b", 0.25, doc="x coefficient"),
            Param("c", 0.5, doc="constant"),
        ),
        description="Quad 0.125 x^2 + 0.25 x + 0.5, MPCFormer's replacement of GELU: a "
        "quadratic that secure multi-party computation evaluates with one multiplication, "
        "trained into the model by distillation rather than fitted to GELU. Its minimum is "
        "0.375 at x = -1.",
        properties=Properties(
            monotonic=False,
            lower=0.375,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(lambda x: 0.125 * (x + 1) ** 2 + 0.375, atol=1e-9,
                      note="= (x + 1)^2 / 8 + 3/8"),
            Reference("square", params={"a": 1.0, "b": 0.0, "c": 0.0}, atol=0.0,
                      note="a = 1, b = c = 0 is x^2"),
        ),
    ),
)
