"""The registry: canonical names and aliases -> Specs.

:data:`CATALOG` is the catalog every part of actlab reads; :func:`register`, :func:`lookup`,
:func:`catalog` and :func:`define` act on it. A registry also decides how a Spec pickles: an entry
of :data:`CATALOG` travels by name (its ``native`` may be a lambda), any other Spec by value.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields

from actlab.catalog.identify import Match, nearest, warn_if_rediscovered
from actlab.catalog.spec import Param, Spec
from actlab.errors import SpecError, UnknownNameError


def normalize(name: str) -> str:
    """Names are matched case-insensitively, with '-' and ' ' read as '_'."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


class Registry:
    """Specs by canonical name, and every normalized name or alias -> canonical name."""

    def __init__(self) -> None:
        self._specs: dict[str, Spec] = {}
        self._names: dict[str, str] = {}

    def register(self, spec: Spec, *, replace: bool = False) -> Spec:
        """Add ``spec``; ``replace=True`` overwrites an entry of the same name."""
        if not isinstance(spec, Spec):
            raise SpecError(f"register() takes a Spec, got {type(spec).__name__}")
        keys = [normalize(n) for n in (spec.name, *spec.aliases)]
        if len(set(keys)) != len(keys):
            raise SpecError(f"{spec.name}: an alias repeats the name or another alias")
        old = self._specs.get(spec.name)
        if old is not None and not replace:
            raise SpecError(f"{spec.name!r} is already in the catalog; pass replace=True to "
                            "overwrite")
        taken = {k: self._names[k] for k in keys
                 if k in self._names and self._names[k] != spec.name}
        if taken:
            raise SpecError(f"{spec.name}: names already used by other entries: {taken}")
        if old is not None:
            self._names = {k: v for k, v in self._names.items() if v != spec.name}
        self._specs[spec.name] = spec
        self._names.update(dict.fromkeys(keys, spec.name))
        return spec

    def lookup(self, name: str | Spec) -> Spec:
        """The Spec registered under ``name`` (or an alias); unknown names list close matches."""
        if isinstance(name, Spec):
            return name
        canonical = self._names.get(normalize(name))
        if canonical is None:
            raise UnknownNameError("nonlinearity", name, self._names)
        return self._specs[canonical]

    def holds(self, spec: Spec) -> bool:
        """Whether ``spec`` itself (not an equal copy) is registered here."""
        return self._specs.get(spec.name) is spec

    def catalog(self, family: str | None = None,
                where: Callable[[Spec], bool] | None = None) -> list[Spec]:
        """Registered Specs sorted by family then name, optionally filtered."""
        specs = sorted(self._specs.values(), key=lambda s: (s.family, s.name))
        if family is not None:
            families = {s.family for s in specs}
            if family not in families:
                raise UnknownNameError("family", family, families)
            specs = [s for s in specs if s.family == family]
        return [s for s in specs if where is None or where(s)]

    @contextmanager
    def scratch(self) -> Iterator[Registry]:
        """Registrations made inside the block are undone at its end.

        >>> with CATALOG.scratch():
        ...     _ = define("x * sigmoid(x)", name="scratch_swish")
        ...     "scratch_swish" in {s.name for s in catalog(family="user")}
        True
        >>> "scratch_swish" in {s.name for s in catalog()}
        False
        """
        specs, names = dict(self._specs), dict(self._names)
        try:
            yield self
        finally:
            self._specs, self._names = specs, names


CATALOG = Registry()


def register(spec: Spec, *, replace: bool = False) -> Spec:
    """Add ``spec`` to the catalog; ``replace=True`` overwrites an entry of the same name."""
    return CATALOG.register(spec, replace=replace)


def lookup(name: str | Spec) -> Spec:
    """The catalog's Spec for ``name`` (or an alias); unknown names list close matches."""
    return CATALOG.lookup(name)


def catalog(family: str | None = None, where: Callable[[Spec], bool] | None = None) -> list[Spec]:
    """The catalog's Specs sorted by family then name, optionally filtered.

    >>> {s.family for s in catalog(family="piecewise", where=lambda s: not s.params)}
    {'piecewise'}
    """
    return CATALOG.catalog(family, where)


def define(formula: str, name: str | None = None, **params: float) -> Spec:
    """A user-defined Spec from formula text; registered when ``name`` is given.

    Every keyword is a parameter with its default value (trainable with ``learnable=True``).
    A formula equal to a catalog entry (see :func:`identify`) warns with
    :class:`~actlab.catalog.identify.RediscoveryWarning`.

    >>> spec = define("x * tanh(softplus(beta * x))", beta=1.0)
    >>> spec.params[0].name, spec.family
    ('beta', 'user')
    """
    spec = Spec(
        name=name or "user_defined",
        formula=formula,
        family="user",
        citation=None,
        properties=None,
        params=tuple(Param(k, float(v), learnable=True) for k, v in params.items()),
    )
    warn_if_rediscovered(spec, CATALOG.catalog())
    return register(spec) if name is not None else spec


def identify(formula: str | Spec, top: int = 5, **params: float) -> list[Match]:
    """The ``top`` catalog entries nearest to ``formula`` (``params`` are its parameters with
    their values), equal ones first, then by sup-norm distance on [-6, 6] after fitting each
    entry's parameters.

    >>> [(m.label, m.verdict) for m in identify("max(x, 0)**2", top=1)]
    [('relu_squared', 'equal (symbolic)')]
    """
    return nearest(formula, CATALOG.catalog(), top, **params)


def _reduce(spec: Spec) -> tuple:
    if CATALOG.holds(spec):
        return lookup, (spec.name,)
    return _rebuild, (type(spec), {f.name: getattr(spec, f.name) for f in fields(spec)})


def _rebuild(cls: type[Spec], values: dict) -> Spec:
    return cls(**values)


copyreg.pickle(Spec, _reduce)
