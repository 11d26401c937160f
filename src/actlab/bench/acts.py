"""Nonlinearity choices for a sweep, parsed from text such as ``relu,gelu,swish:beta=2,swiglu``.

The text is split and converted with ``float``; nothing is evaluated. Names and parameters are
checked against the catalog, so unknown names list close matches and bad values name the range.
Gated feed-forward blocks (``swiglu``, ``geglu``... of :data:`actlab.nn.feedforward.BLOCKS`) are
choices too, for the tasks whose models have feed-forward blocks.

A nonlinearity that is not a built-in entry (``actlab.define(..., name=...)`` in this process, or
a formula given directly with :meth:`ActChoice.defined`) carries its formula text, so that
spawned workers (process pool, Ray), the results database and later reruns can rebuild it.
A choice also names the attention normalizer (:mod:`actlab.attention`, softmax by default) of
the tasks with attention.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from torch import nn

from actlab.attention import lookup as lookup_normalizer
from actlab.catalog import CATALOG, Param, Spec, lookup
from actlab.catalog.registry import normalize
from actlab.errors import ParameterError, SpecError, UnknownNameError
from actlab.nn import Activation, FeedForward
from actlab.nn.blocks import BLOCKS

DEFAULT_ATTENTION = "softmax"


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
    formula: str | None = None  # the formula text of a nonlinearity that is not built in
    attention: str = DEFAULT_ATTENTION
    attention_params: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, name: str, **params: float) -> ActChoice:
        """A catalog entry (built in, or registered in this process) or a gated block."""
        block = normalize(name)
        if block in BLOCKS:
            canonical, formula = block, None
        else:
            entry = lookup(name)
            canonical = entry.name
            formula = None if CATALOG.ships(entry) else entry.formula
        spec = cls(canonical, formula=formula).spec if formula is None else lookup(canonical)
        if spec is None and params:
            raise ParameterError(f"{canonical} has no parameters; got {', '.join(params)}")
        values = spec.resolve(params) if spec else {}
        return cls(canonical, tuple(sorted((k, float(v)) for k, v in values.items())), formula)

    @classmethod
    def defined(cls, formula: str, name: str | None = None, **params: float) -> ActChoice:
        """A formula as a choice, named ``name`` (default: ``f_`` and a digest of the formula
        and its parameter names); ``params`` are its parameters with their values.

        >>> import torch
        >>> choice = ActChoice.defined("x * sigmoid(beta * x)", beta=1.5)
        >>> choice.name, choice.label, float(choice()(torch.tensor(0.0)))
        ('f_392d4f41a4', 'f_392d4f41a4(beta=1.5)', 0.0)
        """
        name = name or "f_" + hashlib.sha256(
            json.dumps([formula, sorted(params)]).encode()).hexdigest()[:10]
        choice = cls(name, tuple(sorted((k, float(v)) for k, v in params.items())), formula)
        try:
            lookup(name)
        except UnknownNameError:
            choice.spec  # noqa: B018  (parse now: a bad formula fails here, not in a worker)
            return choice
        raise ParameterError(f"{name!r} is a catalog entry; name the formula {formula!r} "
                             "otherwise")

    @classmethod
    def stored(cls, name: str, values: Mapping[str, object],
               formulas: Mapping[str, str] | None = None) -> ActChoice:
        """The choice a run was stored with, from its :attr:`params_json` values read back
        (``formulas``: the formula texts the database stores by name).

        >>> ActChoice.stored("gelu", {"attention": {"name": "ssmax", "params": {"s": 0.5}}}).label
        'gelu [attn=ssmax(s=0.5)]'
        """
        values = dict(values)
        attention = values.pop("attention", None)
        stored = choice(name, values, formulas or {})
        if attention is None:
            return stored
        return stored.with_attention(attention["name"], **attention["params"])

    def with_attention(self, name: str, **params: float) -> ActChoice:
        """This choice with the attention normalizer ``name`` (parameters checked, the optional
        ones left unset unless given).

        >>> ActChoice.of("gelu").with_attention("sigmoid", b=-2).label
        'gelu [attn=sigmoid(b=-2)]'
        """
        rule = lookup_normalizer(name)
        values = rule.resolve(params)
        fixed = tuple(sorted((k, float(v)) for k, v in values.items() if v is not None))
        return replace(self, attention=rule.name, attention_params=fixed)

    @property
    def attention_label(self) -> str:
        """The normalizer with the parameters that differ from its defaults."""
        rule = lookup_normalizer(self.attention)
        defaults = {p.name: p.default for p in rule.params if p.name not in rule.optional}
        changed = [f"{k}={v:g}" for k, v in self.attention_params if defaults.get(k) != v]
        return f"{rule.name}({', '.join(changed)})" if changed else rule.name

    @property
    def gated(self) -> bool:
        """Whether this is a gated feed-forward block rather than an elementwise nonlinearity."""
        return self.name in BLOCKS

    @property
    def spec(self) -> Spec | None:
        """The Spec whose parameters this choice sets: the entry's (rebuilt from its formula
        when it carries one), or a gated block's gate's (None for the bilinear block)."""
        if self.formula is not None:
            try:
                return Spec(self.name, self.formula, "user", None, None,
                            tuple(Param(k, v) for k, v in self.params))
            except SpecError as err:
                raise ParameterError(f"cannot use {self.name!r}: {err}") from None
        gate = BLOCKS[self.name][0] if self.gated else self.name
        return None if gate is None else lookup(gate)

    @property
    def label(self) -> str:
        """The name, with the parameters that differ from the defaults (all of them for a
        formula that is not built in), and the attention normalizer unless plain softmax."""
        defaults = self.spec.defaults if self.spec and self.formula is None else {}
        changed = [f"{k}={v:g}" for k, v in self.params if v != defaults.get(k)]
        label = f"{self.name}({', '.join(changed)})" if changed else self.name
        return label if self.plain_attention else f"{label} [attn={self.attention_label}]"

    @property
    def plain_attention(self) -> bool:
        """Whether the attention normalizer is softmax with no parameter set."""
        return self.attention == DEFAULT_ATTENTION and not self.attention_params

    @property
    def params_json(self) -> str:
        """Every parameter value as canonical JSON; a normalizer other than plain softmax under
        ``"attention"`` (so runs stored before normalizers were a choice keep their keys)."""
        values: dict[str, object] = dict(self.params)
        if not self.plain_attention:
            values["attention"] = {"name": self.attention, "params": dict(self.attention_params)}
        return json.dumps(values, sort_keys=True)

    def __call__(self) -> nn.Module:
        """A fresh elementwise module of this nonlinearity. A formula that is not built in runs
        eager: compiling a kernel for one short run would cost more than it saves.

        >>> float(ActChoice.of("snake", a=2)().a)
        2.0
        """
        if self.gated:
            raise ParameterError(f"{self.name} is a gated feed-forward block, not an elementwise "
                                 f"nonlinearity; only tasks with feed-forward blocks take it")
        if self.formula is not None:
            return Activation(self.spec, backend="eager", **dict(self.params))
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


def parse_acts(acts: str | Sequence[str | ActChoice],
               formulas: Mapping[str, str] | None = None) -> list[ActChoice]:
    """Parse ``name[:param=value[:param=value...]]`` items, separated by commas in one text or
    given as a list (which may also hold ActChoices). A name that is not in the catalog is
    looked up in ``formulas`` (name -> formula text, as a results database stores them).

    >>> [c.label for c in parse_acts("relu, swish:beta=2, snake:a=0.5, swiglu")]
    ['relu', 'swish(beta=2)', 'snake(a=0.5)', 'swiglu']
    >>> [c.label for c in parse_acts(["gelu", ActChoice.of("swish", beta=2)])]
    ['gelu', 'swish(beta=2)']
    """
    items = acts.split(",") if isinstance(acts, str) else list(acts)
    choices = [item if isinstance(item, ActChoice) else _choice(item.strip(), acts, formulas or {})
               for item in items]
    if len(set(choices)) != len(choices):
        raise ParameterError(f"{acts!r} names the same nonlinearity twice")
    return choices


def parse_attention(attention: str | Sequence[str]) -> list[tuple[str, dict[str, float]]]:
    """Parse ``name[:param=value...]`` attention normalizers (comma-separated or a list).

    >>> parse_attention("softmax, ssmax:s=0.5")
    [('softmax', {}), ('ssmax', {'s': 0.5})]
    """
    items = attention.split(",") if isinstance(attention, str) else list(attention)
    parsed = []
    for item in items:
        name, *assignments = item.strip().split(":")
        if not name.strip():
            raise ParameterError(f"empty attention normalizer in {attention!r}; write e.g. "
                                 "softmax,sigmoid,ssmax:s=0.5")
        values = dict(_assignment(a, item) for a in assignments)
        rule = lookup_normalizer(name.strip())
        rule.resolve(values)
        parsed.append((rule.name, values))
    if len({(n, tuple(sorted(v.items()))) for n, v in parsed}) != len(parsed):
        raise ParameterError(f"{attention!r} names the same attention normalizer twice")
    return parsed


def _choice(item: str, acts: object, formulas: Mapping[str, str]) -> ActChoice:
    if not item:
        raise ParameterError(f"empty nonlinearity in {acts!r}; write e.g. relu,gelu,swish:beta=2")
    name, *assignments = item.split(":")
    return choice(name.strip(), dict(_assignment(a, item) for a in assignments), formulas)


def choice(name: str, params: Mapping[str, float], formulas: Mapping[str, str]) -> ActChoice:
    """The catalog entry or gated block ``name``, else the formula ``formulas[name]``.

    >>> choice("f_1", {}, {"f_1": "x * tanh(x)"}).formula
    'x * tanh(x)'
    """
    try:
        return ActChoice.of(name, **params)
    except UnknownNameError:
        if name not in formulas:
            raise
        return ActChoice.defined(formulas[name], name, **params)


def _assignment(text: str, item: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    try:
        if not sep or not key.strip():
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise ParameterError(f"cannot read {text!r} in {item!r}: write param=number, "
                             f"e.g. swish:beta=2") from None
