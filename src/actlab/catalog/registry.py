"""The registry: canonical names and aliases -> Specs.

:data:`CATALOG` is the catalog every part of actlab reads; :func:`register`, :func:`lookup`,
:func:`catalog` and :func:`define` act on it. A registry also decides how a Spec pickles:

- an entry shipped with actlab travels by name plus a digest of its formula, derivative and
  parameters (its ``native`` may be a lambda); loading checks the digest, so a pickle never
  silently runs a different formula;
- any other Spec (defined or registered by the user) travels by value, its formula
  text included, and is re-parsed by the safe formula parser on loading, in any process. Where
  the loading process has registered the same name with a different formula, loading fails
  with a SpecError instead of swapping one for the other.
"""

from __future__ import annotations

import copyreg
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields

from actlab.catalog.identify import Match, nearest, warn_if_rediscovered
from actlab.catalog.spec import Param, Spec
from actlab.errors import ParameterError, SpecError, UnknownNameError


def normalize(name: str) -> str:
    """Names are matched case-insensitively, with '-' and ' ' read as '_'."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


class Registry:
    """Specs by canonical name, and every normalized name or alias -> canonical name."""

    def __init__(self) -> None:
        self._specs: dict[str, Spec] = {}
        self._names: dict[str, str] = {}
        self._shipped: set[str] = set()

    def register(self, spec: Spec, *, replace: bool = False, shipped: bool = False) -> Spec:
        """Add ``spec``; ``replace=True`` overwrites an entry of the same name. ``shipped``
        marks actlab's own entries, which pickle by name and digest."""
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
        (self._shipped.add if shipped else self._shipped.discard)(spec.name)
        return spec

    def lookup(self, name: str | Spec) -> Spec:
        """The Spec registered under ``name`` (or an alias); unknown names list close matches."""
        if isinstance(name, Spec):
            return name
        if not isinstance(name, str):
            raise ParameterError(f"a nonlinearity is given by its name (a str) or a Spec, got "
                                 f"{type(name).__name__} {name!r}")
        canonical = self._names.get(normalize(name))
        if canonical is None:
            raise UnknownNameError("nonlinearity", name, self._names)
        return self._specs[canonical]

    def holds(self, spec: Spec) -> bool:
        """Whether ``spec`` itself (not an equal copy) is registered here."""
        return self._specs.get(spec.name) is spec

    def ships(self, spec: Spec) -> bool:
        """Whether ``spec`` itself is one of actlab's own entries."""
        return self.holds(spec) and spec.name in self._shipped

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
        specs, names, shipped = dict(self._specs), dict(self._names), set(self._shipped)
        try:
            yield self
        finally:
            self._specs, self._names, self._shipped = specs, names, shipped


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
        params=tuple(Param(k, v, learnable=True) for k, v in params.items()),
    )
    warn_if_rediscovered(spec, CATALOG.catalog())
    return register(spec) if name is not None else spec


def digest(spec: Spec) -> str:
    """A short hash of what ``spec`` computes: formula, derivative and parameter declarations.

    >>> len(digest(lookup("relu")))
    16
    """
    declared = [spec.formula, spec.derivative, [list(vars(p).values()) for p in spec.params]]
    return hashlib.sha256(json.dumps(declared).encode()).hexdigest()[:16]


def identify(formula: str | Spec, top: int = 5, **params: float) -> list[Match]:
    """Every catalog entry equal to ``formula`` (``params`` are its parameters with their
    values), then the ``top`` nearest others, by sup-norm distance on [-6, 6] after fitting each
    entry's parameters.

    >>> [(m.label, m.verdict) for m in identify("max(x, 0)**2", top=1)][0]
    ('relu_squared', 'equal (symbolic)')
    """
    return nearest(formula, CATALOG.catalog(), top, **params)


def _reduce(spec: Spec) -> tuple:
    if CATALOG.ships(spec):
        return _shipped_entry, (spec.name, digest(spec))
    return _rebuild, (type(spec), {f.name: getattr(spec, f.name) for f in fields(spec)})


def _shipped_entry(name: str, expected: str) -> Spec:
    spec = lookup(name)
    if digest(spec) != expected:
        raise SpecError(f"the pickled {name!r} was saved by an actlab whose {name} computes "
                        f"something else (digest {expected}, here {digest(spec)}); load it with "
                        "the actlab version that saved it")
    return spec


def _rebuild(cls: type[Spec], values: dict) -> Spec:
    """A Spec from its pickled fields (its formula re-parsed); the registered one if this
    process holds the same, a SpecError if it holds a different one under the same name."""
    spec = cls(**values)
    registered = CATALOG._specs.get(spec.name)
    if registered is None:
        return spec
    if digest(registered) == digest(spec):
        return registered
    raise SpecError(f"the pickled {spec.name!r} is {spec.formula!r}, but {spec.name!r} here is "
                    f"{registered.formula!r}; rename one of them")


copyreg.pickle(Spec, _reduce)
