"""The registry: canonical names and aliases -> Specs."""

from __future__ import annotations

from collections.abc import Callable

from actlab.catalog.spec import Param, Spec
from actlab.errors import SpecError, UnknownNameError

_SPECS: dict[str, Spec] = {}
_NAMES: dict[str, str] = {}  # normalized name or alias -> canonical name


def normalize(name: str) -> str:
    """Names are matched case-insensitively, with '-' and ' ' read as '_'."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def register(spec: Spec, *, replace: bool = False) -> Spec:
    """Add ``spec`` to the catalog; ``replace=True`` overwrites an entry of the same name."""
    if not isinstance(spec, Spec):
        raise SpecError(f"register() takes a Spec, got {type(spec).__name__}")
    keys = [normalize(n) for n in (spec.name, *spec.aliases)]
    if len(set(keys)) != len(keys):
        raise SpecError(f"{spec.name}: an alias repeats the name or another alias")
    old = _SPECS.get(spec.name)
    if old is not None and not replace:
        raise SpecError(f"{spec.name!r} is already in the catalog; pass replace=True to overwrite")
    taken = {k: _NAMES[k] for k in keys if k in _NAMES and _NAMES[k] != spec.name}
    if taken:
        raise SpecError(f"{spec.name}: names already used by other entries: {taken}")
    if old is not None:
        for key in [k for k, v in _NAMES.items() if v == spec.name]:
            del _NAMES[key]
    _SPECS[spec.name] = spec
    _NAMES.update(dict.fromkeys(keys, spec.name))
    return spec


def lookup(name: str | Spec) -> Spec:
    """The Spec registered under ``name`` (or an alias); unknown names list close matches."""
    if isinstance(name, Spec):
        return name
    canonical = _NAMES.get(normalize(name))
    if canonical is None:
        raise UnknownNameError("nonlinearity", name, _NAMES)
    return _SPECS[canonical]


def catalog(family: str | None = None, where: Callable[[Spec], bool] | None = None) -> list[Spec]:
    """Registered Specs sorted by family then name, optionally filtered.

    >>> {s.family for s in catalog(family="piecewise", where=lambda s: not s.params)}
    {'piecewise'}
    """
    specs = sorted(_SPECS.values(), key=lambda s: (s.family, s.name))
    if family is not None:
        families = {s.family for s in specs}
        if family not in families:
            raise UnknownNameError("family", family, families)
        specs = [s for s in specs if s.family == family]
    return [s for s in specs if where is None or where(s)]


def define(formula: str, name: str | None = None, **params: float) -> Spec:
    """A user-defined Spec from formula text; registered when ``name`` is given.

    Every keyword is a parameter with its default value (trainable with ``learnable=True``).

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
    return register(spec) if name is not None else spec
