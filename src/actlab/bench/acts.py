"""Nonlinearity choices for a sweep, parsed from text such as ``relu,gelu,swish:beta=2,swiglu``.

The text is split and converted with ``float``; nothing is evaluated. Names and parameters are
checked against the catalog, so unknown names list close matches and bad values name the range.
Gated feed-forward blocks (``swiglu``, ``geglu``... of :data:`actlab.nn.feedforward.BLOCKS`) are
choices too, for the tasks whose models have feed-forward blocks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from torch import nn

from actlab.catalog import Spec, lookup
from actlab.catalog.registry import normalize
from actlab.errors import ParameterError
from actlab.nn import Activation, FeedForward
from actlab.nn.blocks import BLOCKS


@dataclass(frozen=True)
class ActChoice:
    """A catalog nonlinearity, or a gated block, with every parameter value fixed (defaults
    filled in). Calling it makes a fresh module.

    >>> choice = ActChoice.of("swish", beta=2)
    >>> choice.label, choice.params_json
    ('swish(beta=2)', '{"beta": 2.0}')
    >>> choice().spec.name, ActChoice.of("swiglu").gated
    ('swish', True)
    """

    name: str
    params: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, name: str, **params: float) -> ActChoice:
        block = normalize(name)
        canonical = block if block in BLOCKS else lookup(name).name
        spec = cls(canonical).spec
        if spec is None and params:
            raise ParameterError(f"{canonical} has no parameters; got {', '.join(params)}")
        values = spec.resolve(params) if spec else {}
        return cls(canonical, tuple(sorted((k, float(v)) for k, v in values.items())))

    @property
    def gated(self) -> bool:
        """Whether this is a gated feed-forward block rather than an elementwise nonlinearity."""
        return self.name in BLOCKS

    @property
    def spec(self) -> Spec | None:
        """The Spec whose parameters this choice sets: the entry's, or a gated block's gate's
        (None for the bilinear block, which has no gate)."""
        gate = BLOCKS[self.name][0] if self.gated else self.name
        return None if gate is None else lookup(gate)

    @property
    def label(self) -> str:
        """The name, with the parameters that differ from the defaults."""
        defaults = self.spec.defaults if self.spec else {}
        changed = [f"{k}={v:g}" for k, v in self.params if v != defaults[k]]
        return f"{self.name}({', '.join(changed)})" if changed else self.name

    @property
    def params_json(self) -> str:
        return json.dumps(dict(self.params), sort_keys=True)

    def __call__(self) -> nn.Module:
        """A fresh elementwise module of this nonlinearity.

        >>> float(ActChoice.of("snake", a=2)().a)
        2.0
        """
        if self.gated:
            raise ParameterError(f"{self.name} is a gated feed-forward block, not an elementwise "
                                 f"nonlinearity; only tasks with feed-forward blocks take it")
        return Activation(self.name, **dict(self.params))

    def feed_forward(self, dim: int) -> nn.Module:
        """A transformer feed-forward block of width ``dim`` (with biases): the gated block at
        the 2/3 hidden width that keeps the parameter count of the plain 4*dim block, or
        Linear-nonlinearity-Linear at 4*dim.

        >>> sum(p.numel() for p in ActChoice.of("swiglu").feed_forward(48).parameters())
        18736
        >>> sum(p.numel() for p in ActChoice.of("gelu").feed_forward(48).parameters())
        18672
        """
        if self.gated:
            return FeedForward(dim, act=self.name, bias=True, **dict(self.params))
        return nn.Sequential(nn.Linear(dim, 4 * dim), self(), nn.Linear(4 * dim, dim))


def parse_acts(acts: str | Sequence[str | ActChoice]) -> list[ActChoice]:
    """Parse ``name[:param=value[:param=value...]]`` items, separated by commas in one text or
    given as a list (which may also hold ActChoices).

    >>> [c.label for c in parse_acts("relu, swish:beta=2, snake:a=0.5, swiglu")]
    ['relu', 'swish(beta=2)', 'snake(a=0.5)', 'swiglu']
    >>> [c.label for c in parse_acts(["gelu", ActChoice.of("swish", beta=2)])]
    ['gelu', 'swish(beta=2)']
    """
    items = acts.split(",") if isinstance(acts, str) else list(acts)
    choices = [item if isinstance(item, ActChoice) else _choice(item.strip(), acts)
               for item in items]
    if len(set(choices)) != len(choices):
        raise ParameterError(f"{acts!r} names the same nonlinearity twice")
    return choices


def _choice(item: str, acts: object) -> ActChoice:
    if not item:
        raise ParameterError(f"empty nonlinearity in {acts!r}; write e.g. relu,gelu,swish:beta=2")
    name, *assignments = item.split(":")
    return ActChoice.of(name.strip(), **dict(_assignment(a, item) for a in assignments))


def _assignment(text: str, item: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    try:
        if not sep or not key.strip():
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise ParameterError(f"cannot read {text!r} in {item!r}: write param=number, "
                             f"e.g. swish:beta=2") from None
