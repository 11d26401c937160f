"""The declaration of one nonlinearity: a Spec and the small records it is made of."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

import torch

from actlab.errors import ParameterError, SpecError
from actlab.formula import Formula

Smoothness = Literal["discontinuous", "C0", "C1", "Cinf"]
Source = Literal["original", "secondary", "survey"]


@dataclass(frozen=True)
class Param:
    """A named scalar parameter with its default and valid range (bounds inclusive unless open)."""

    name: str
    default: float
    low: float = -math.inf
    high: float = math.inf
    open_low: bool = False
    open_high: bool = False
    learnable: bool = False
    doc: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise SpecError(f"a parameter name is an identifier, got {self.name!r}")
        object.__setattr__(self, "default", self.check(self.default))

    @property
    def range_text(self) -> str:
        left = "(" if self.open_low or self.low == -math.inf else "["
        right = ")" if self.open_high or self.high == math.inf else "]"
        return f"{left}{self.low:g}, {self.high:g}{right}"

    def check(self, value: object) -> float:
        """Return ``value`` as a float, or raise ParameterError naming the valid range."""
        if isinstance(value, torch.Tensor):
            if value.numel() == 0:
                raise ParameterError(f"parameter {self.name!r} is an empty tensor")
            if value.is_complex() or value.device.type == "meta":
                raise ParameterError(f"parameter {self.name!r} must hold real numbers, got a "
                                     f"{value.dtype} tensor on {value.device}")
            if value.numel() != 1:
                return self._check_tensor(value)
            value = value.item()
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(f"parameter {self.name!r} must be a number, got {value!r}")
        value = float(value)
        low_ok = value > self.low if self.open_low else value >= self.low
        high_ok = value < self.high if self.open_high else value <= self.high
        if not (math.isfinite(value) and low_ok and high_ok):
            raise ParameterError(f"parameter {self.name!r} = {value:g} is out of range: "
                                 f"valid values are {self.range_text}")
        return value

    def _check_tensor(self, value: torch.Tensor) -> torch.Tensor:
        for v in (value.min().item(), value.max().item()):
            self.check(v)
        return value


@dataclass(frozen=True)
class Citation:
    """Where a nonlinearity was published."""

    title: str
    authors: str
    year: int
    arxiv: str | None = None
    venue: str | None = None

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.venue, self.arxiv and f"arXiv:{self.arxiv}") if p)
        return f'{self.authors} ({self.year}). "{self.title}". {where}'.rstrip(". ") + "."


@dataclass(frozen=True)
class Properties:
    """Declared mathematical properties; `actlab verify` checks each one numerically.

    ``lower``/``upper`` are bounds (None: unbounded on that side); ``period`` is a formula in the
    parameters giving P with f(x + P) - f(x) constant (periodic, possibly plus a linear trend).
    """

    monotonic: bool
    lower: float | None
    upper: float | None
    smoothness: Smoothness
    zero_at_zero: bool
    zero_centered: bool
    self_gated: bool = False
    sparse: bool = False
    period: str | None = None

    def labels(self) -> list[str]:
        flags = {"monotonic": self.monotonic, "zero-centred": self.zero_centered,
                 "self-gated": self.self_gated, "sparse": self.sparse,
                 "periodic": self.period is not None, "f(0)=0": self.zero_at_zero}
        bounds = f"range [{_bound(self.lower, '-inf')}, {_bound(self.upper, 'inf')}]"
        return [self.smoothness, bounds, *(k for k, v in flags.items() if v)]


def _bound(value: float | None, infinite: str) -> str:
    return infinite if value is None else f"{value:g}"


@dataclass(frozen=True)
class Reference:
    """An identity tying an entry to an independent reference, checked by `actlab verify`.

    ``target`` is another catalog name or a torch callable ``f(x)``; ``params`` are this entry's
    parameter values for which ``f_self(x) == target(x, **target_params)`` within ``atol``.
    """

    target: str | Callable[[torch.Tensor], torch.Tensor]
    params: Mapping[str, float] = field(default_factory=dict)
    target_params: Mapping[str, float] = field(default_factory=dict)
    atol: float = 1e-5
    note: str = ""

    def __hash__(self) -> int:
        return hash((self.target, tuple(self.params.items()), self.atol, self.note))


@dataclass(frozen=True)
class Spec:
    """One nonlinearity, declared once. Everything else (module, functional, derivative, docs row,
    tests) is derived from it.

    ``derivative`` overrides the backward pass with another formula (hysteresis and
    straight-through units); ``published`` is the formula as its paper writes it, where
    ``formula`` is a numerically safer form of the same function (``actlab perf`` compiles it as
    the peer a user would write); ``native`` is torch's own implementation
    ``native(x, **params)``, if any, and ``inplace`` says whether it accepts ``inplace=True``.
    ``checked_against`` says where the formula and defaults were checked: the original paper (or
    its authors' code), a secondary source that cites it (an implementation, documentation) where
    the original's body could not be read, or only the survey of Kunc and Kléma
    (arXiv:2402.09092).
    """

    name: str
    formula: str
    family: str
    citation: Citation | None
    properties: Properties | None
    params: tuple[Param, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str = ""
    derivative: str | None = None
    native: Callable[..., torch.Tensor] | None = field(default=None, compare=False)
    inplace: bool = False
    references: tuple[Reference, ...] = ()
    rtol: float = 1e-5
    published: str | None = None
    checked_against: Source = "original"

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier() or (
                self.name != self.name.lower()):
            raise SpecError(f"spec name {self.name!r} must be a lowercase identifier")
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise SpecError(f"{self.name}: duplicate parameter names {names}")
        if self.checked_against not in get_args(Source):
            raise SpecError(f"{self.name}: checked_against is one of {get_args(Source)}, "
                            f"got {self.checked_against!r}")
        if self.inplace and self.native is None:
            raise SpecError(f"{self.name}: inplace needs a native implementation")
        self.expression  # noqa: B018  (parse now: a malformed formula never enters the catalog)
        if self.derivative is not None:
            self.backward_formula  # noqa: B018
        self.published_formula  # noqa: B018

    @cached_property
    def published_formula(self) -> Formula:
        """The formula as published: ``published`` where given, else ``formula``."""
        if self.published is None:
            return self.expression
        return Formula(self.published, tuple(p.name for p in self.params))

    @cached_property
    def expression(self) -> Formula:
        return Formula(self.formula, tuple(p.name for p in self.params))

    @cached_property
    def backward_formula(self) -> Formula:
        """The formula whose x-derivative the backward pass uses (the forward one by default)."""
        if self.derivative is None:
            return self.expression
        return Formula(self.derivative, tuple(p.name for p in self.params))

    @property
    def custom_backward(self) -> bool:
        return self.derivative is not None

    @property
    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}

    def resolve(self, params: Mapping[str, object]) -> dict[str, object]:
        """Defaults updated with ``params``; unknown names and out-of-range values raise."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(params) - set(known))
        if unknown:
            valid = ", ".join(f"{p.name} in {p.range_text}" for p in self.params) or "none"
            raise ParameterError(f"{self.name} has no parameter {', '.join(map(repr, unknown))}; "
                                 f"its parameters: {valid}")
        return {name: known[name].check(params.get(name, p.default)) for name, p in known.items()}

    def derivative_expression(self, wrt: str = "x"):
        """Symbolic derivative used in backward: of the backward formula for x, of f otherwise."""
        source = self.backward_formula if wrt == "x" else self.expression
        return source.derivative(wrt)

    def __hash__(self) -> int:
        return hash((self.name, self.formula, self.derivative, self.params))
