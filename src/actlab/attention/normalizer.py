"""What an attention normalizer is, and the registry that holds them.

A normalizer turns a row of attention scores ``x_ij = scale * q_i . k_j`` into weights ``w_ij``.
Four kinds share one chunked implementation each (:mod:`actlab.attention.chunked`):

- ``"elementwise"``: ``w_ij = f(y_ij)``, no row sum (sigmoid, ReLU/L, any catalog entry);
- ``"row"``: ``w_ij = g(y_ij) / (c + sum_j h(y_ij))`` (softmax, softmax+1, SSMax, softpick,
  power-softmax, Softplus-L1); ``shifts`` marks the exponential ones, evaluated against the
  running row maximum ``m`` (FlashAttention's online softmax), so ``g``, ``h`` and ``c`` are
  written times ``e^(-m)``;
- ``"entmax"``: ``w_ij = [(alpha-1) x_ij - tau_i]_+^(1/(alpha-1))``, ``tau_i`` making the row sum
  to one (sparsemax is alpha = 2);
- ``"stick"``: stick-breaking, ``w_ij = sigmoid(x_ij) prod_{j<k<i} (1 - sigmoid(x_ik))``.

``y = gain(n) * x``, where ``n`` is the number of keys row ``i`` may attend to (its length).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

import torch

from actlab.catalog.registry import normalize
from actlab.catalog.spec import Citation, Param
from actlab.errors import ParameterError, SpecError

Kind = Literal["elementwise", "row", "entmax", "stick"]
Values = Mapping[str, "float | torch.Tensor | None"]
# f(y, m, n, params): y scores after the gain, m the row shift (0 where nothing shifts), n lengths
RowFunction = Callable[[torch.Tensor, torch.Tensor, torch.Tensor, Values], torch.Tensor]
Gain = Callable[[torch.Tensor, Values], torch.Tensor]


@dataclass(frozen=True)
class Normalizer:
    """One attention normalizer, declared once.

    ``num``/``den`` are ``g``/``h`` of the row rule (``den`` is None for elementwise ones) and
    ``dnum``/``dden`` their derivatives in ``y``; ``constant(m, params)`` is ``c e^(-m)``.
    ``optional`` names parameters that may be left unset (None), with what is used instead.
    """

    name: str
    kind: Kind
    rule: str
    citation: Citation | None
    params: tuple[Param, ...] = ()
    sparse: bool = False
    needs_length: bool = False
    description: str = ""
    num: RowFunction | None = None
    dnum: RowFunction | None = None
    den: RowFunction | None = None
    dden: RowFunction | None = None
    constant: Callable[[torch.Tensor, Values], torch.Tensor | float] | None = None
    shifts: bool = False
    gain: Gain | None = None
    optional: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or self.name != self.name.lower():
            raise SpecError(f"normalizer name {self.name!r} must be a lowercase identifier")
        wanted = {"elementwise": ("num", "dnum"), "row": ("num", "dnum", "den", "dden")}
        missing = [f for f in wanted.get(self.kind, ()) if getattr(self, f) is None]
        if missing:
            raise SpecError(f"normalizer {self.name}: a {self.kind} rule needs {missing}")

    @property
    def row_normalized(self) -> bool:
        """Whether each row of weights sums to one (up to softmax+1's and softpick's slack)."""
        return self.kind != "elementwise"

    @property
    def learnable(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.learnable)

    def resolve(self, values: Mapping[str, object]) -> dict[str, float | torch.Tensor | None]:
        """Defaults updated with ``values``; unknown names and out-of-range values raise.

        >>> NORMALIZERS.get("entmax").resolve({"alpha": 1.25})
        {'alpha': 1.25}
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            valid = ", ".join(f"{p.name} in {p.range_text}" for p in self.params) or "none"
            raise ParameterError(
                f"attention normalizer {self.name} has no parameter "
                f"{', '.join(map(repr, unknown))}; its parameters: {valid}"
            )
        resolved: dict[str, float | torch.Tensor | None] = {}
        for name, p in known.items():
            value = values.get(name)
            if value is None and name in self.optional:
                resolved[name] = None
            else:
                resolved[name] = p.check(p.default if value is None else value)
                if isinstance(value, torch.Tensor) and value.numel() == 1:
                    resolved[name] = value  # a tensor (learnable) stays one
        return resolved


class NormalizerRegistry:
    """Normalizers by name and alias; other names fall back to elementwise catalog entries."""

    def __init__(self) -> None:
        self._entries: dict[str, Normalizer] = {}
        self._names: dict[str, str] = {}

    def register(self, normalizer: Normalizer) -> Normalizer:
        keys = [normalize(n) for n in (normalizer.name, *normalizer.aliases)]
        taken = [k for k in keys if k in self._names]
        if taken:
            raise SpecError(f"attention normalizer names already registered: {taken}")
        self._entries[normalizer.name] = normalizer
        self._names.update(dict.fromkeys(keys, normalizer.name))
        return normalizer

    def get(self, name: str) -> Normalizer | None:
        canonical = self._names.get(normalize(name))
        return None if canonical is None else self._entries[canonical]

    def names(self) -> list[str]:
        return list(self._entries)

    def __iter__(self) -> Iterator[Normalizer]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)


NORMALIZERS = NormalizerRegistry()


def log_length(n: torch.Tensor) -> torch.Tensor:
    """``log n`` for row lengths ``n`` (0 where a row has no key: its weights are all zero)."""
    return torch.log(n.clamp_min(1))
