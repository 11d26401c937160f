"""Nonlinearity choices for a sweep, parsed from text such as ``relu,gelu,swish:beta=2``.

The text is split and converted with ``float``; nothing is evaluated. Names and parameters are
checked against the catalog, so unknown names list close matches and bad values name the range.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial

from torch import nn

import actlab
from actlab.errors import ParameterError


@dataclass(frozen=True)
class ActChoice:
    """A catalog nonlinearity with every parameter value fixed (defaults filled in).

    >>> choice = ActChoice.of("swish", beta=2)
    >>> choice.label, choice.params_json
    ('swish(beta=2)', '{"beta": 2.0}')
    >>> ActChoice.of("swish").label
    'swish'
    """

    name: str
    params: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, name: str, **params: float) -> ActChoice:
        spec = actlab.lookup(name)
        values = spec.resolve(params)
        return cls(spec.name, tuple(sorted((k, float(v)) for k, v in values.items())))

    @property
    def label(self) -> str:
        """The name, with the parameters that differ from the defaults."""
        defaults = actlab.lookup(self.name).defaults
        changed = [f"{k}={v:g}" for k, v in self.params if v != defaults[k]]
        return f"{self.name}({', '.join(changed)})" if changed else self.name

    @property
    def params_json(self) -> str:
        return json.dumps(dict(self.params), sort_keys=True)

    @property
    def factory(self) -> partial[nn.Module]:
        """A zero-argument callable making a fresh module of this nonlinearity.

        >>> ActChoice.of("snake", a=2).factory().spec.name
        'snake'
        """
        return partial(actlab.get, self.name, **dict(self.params))


def parse_acts(text: str) -> list[ActChoice]:
    """Parse ``name[:param=value[:param=value...]]`` items separated by commas.

    >>> [c.label for c in parse_acts("relu, swish:beta=2, snake:a=0.5")]
    ['relu', 'swish(beta=2)', 'snake(a=0.5)']
    """
    choices = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            raise ParameterError(f"empty nonlinearity in {text!r}; "
                                 "write e.g. relu,gelu,swish:beta=2")
        name, *assignments = item.split(":")
        params = dict(_assignment(a, item) for a in assignments)
        choices.append(ActChoice.of(name.strip(), **params))
    if len(set(choices)) != len(choices):
        raise ParameterError(f"{text!r} names the same nonlinearity twice")
    return choices


def _assignment(text: str, item: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    try:
        if not sep or not key.strip():
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise ParameterError(f"cannot read {text!r} in {item!r}: write param=number, "
                             f"e.g. swish:beta=2") from None
