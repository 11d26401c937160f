"""What a card shows about one entry: its text, filter flags, sliders, curves and neighbours."""

from __future__ import annotations

import math
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from actlab.catalog.spec import Citation, Param, Spec

# the atlas' property filters; the page applies exactly these predicates (the test compares)
FILTERS: dict[str, Callable[[Spec], bool]] = {
    "monotonic": lambda s: s.properties is not None and s.properties.monotonic,
    "bounded": lambda s: (
        s.properties is not None
        and s.properties.lower is not None
        and s.properties.upper is not None
    ),
    "zero-centred": lambda s: s.properties is not None and s.properties.zero_centered,
    "self-gated": lambda s: s.properties is not None and s.properties.self_gated,
    "periodic": lambda s: s.properties is not None and s.properties.period is not None,
    "learnable": lambda s: any(p.learnable for p in s.params),
}
SMOOTHNESS = ("discontinuous", "C0", "C1", "Cinf")
LOW, HIGH, POINTS = -5.0, 5.0, 201  # the window every curve is drawn and compared on
SLIDER_STEPS = 200


@dataclass(frozen=True)
class Slider:
    """A range input for one parameter: a window of valid values around the default."""

    name: str
    default: float
    low: float
    high: float
    step: float
    learnable: bool
    doc: str


def slider(param: Param) -> Slider:
    """A window of the valid range around the default (all of it where it is finite and not much
    wider than the default), in steps that land on the default exactly; open ends are never
    reached.

    >>> s = slider(Param("beta", 1.0, 0.0, open_low=True))
    >>> round(s.low, 6), s.default, round(s.high, 6), round(s.step, 6)
    (0.02, 1.0, 4.0, 0.02)
    """
    reach = max(3.0, 3.0 * abs(param.default))
    low = max(param.low, param.default - reach)
    high = min(param.high, param.default + reach)
    if high <= low:  # a single admissible value
        return Slider(param.name, param.default, low, high, 1.0, param.learnable, param.doc)
    step = (high - low) / SLIDER_STEPS
    below = math.floor((param.default - low) / step + 1e-9)
    above = math.floor((high - param.default) / step + 1e-9)
    below -= param.open_low and below > 0 and param.default - below * step <= param.low
    above -= param.open_high and above > 0 and param.default + above * step >= param.high
    return Slider(
        param.name,
        param.default,
        param.default - below * step,
        param.default + above * step,
        step,
        param.learnable,
        param.doc,
    )


def citation_url(citation: Citation) -> str:
    """The paper's arXiv page, or a scholarly search for its title."""
    if citation.arxiv:
        return f"https://arxiv.org/abs/{citation.arxiv}"
    return "https://scholar.google.com/scholar?q=" + urllib.parse.quote_plus(citation.title)


def search_text(spec: Spec) -> str:
    """What the search box matches: name, aliases and authors, lowercase."""
    authors = spec.citation.authors if spec.citation else ""
    return " ".join([spec.name, *spec.aliases, authors]).lower()


def flags(spec: Spec) -> list[str]:
    """The names of the property filters ``spec`` passes."""
    return [name for name, holds in FILTERS.items() if holds(spec)]


def grid() -> torch.Tensor:
    """The ``POINTS`` x values of every card's plot, float64."""
    return torch.linspace(LOW, HIGH, POINTS, dtype=torch.float64)


def curve(spec: Spec) -> torch.Tensor:
    """f at default parameters on :func:`grid`, shape ``(POINTS,)``."""
    f = spec.expression
    (value,) = f.torch_function()(
        grid(), **{k: torch.tensor(v, dtype=torch.float64) for k, v in spec.defaults.items()}
    )
    return value


def nearest(
    specs: Sequence[Spec], k: int = 3, clip: float = 100.0
) -> list[list[tuple[str, float]]]:
    """For each entry, the ``k`` others whose default curves on [-5, 5] are closest in root mean
    square distance (values clipped to +-``clip``, undefined points counted as ``clip``).

    >>> from actlab.catalog import lookup
    >>> nearest([lookup(n) for n in ("relu", "silu", "swish", "tanh")], k=1)[1]
    [('swish', 0.0)]
    """
    curves = torch.stack([curve(s) for s in specs]).nan_to_num(clip, clip, -clip).clamp(-clip, clip)
    distances = torch.cdist(curves, curves) / math.sqrt(POINTS)
    distances.fill_diagonal_(math.inf)
    k = min(k, len(specs) - 1)
    values, index = distances.topk(k, largest=False)
    return [
        [(specs[j].name, round(d, 4)) for d, j in zip(row_d.tolist(), row_i.tolist())]
        for row_d, row_i in zip(values, index)
    ]
