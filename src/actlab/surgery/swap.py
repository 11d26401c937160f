"""`swap`: replace the activations of a trained model, modules and functional calls alike."""

from __future__ import annotations

import copy
import fnmatch
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from actlab.catalog.spec import Spec
from actlab.errors import ActlabError, ModelError
from actlab.nn import Activation
from actlab.ops.backend import Backend
from actlab.probe import Site, Tap, call, module_sites, swapped_slot

Where = None | str | type | tuple[type, ...] | Callable[[Site], bool]
To = str | Spec | nn.Module | Callable[[], nn.Module]


@dataclass(frozen=True)
class Change:
    """One replaced site: its name, kind (module or function), what it was and now is, and the
    path of the module that now computes it."""

    site: str
    kind: str
    before: str
    after: str
    module: str


def factory(to: To, backend: Backend = "auto") -> Callable[[], nn.Module]:
    """A maker of fresh replacement modules: a catalog name or Spec (as ``Activation`` with
    ``backend``), a module (copied per site) or a callable returning modules."""
    if isinstance(to, str | Spec):
        Activation(to, backend=backend)  # an unknown name fails here, before anything changes
        return lambda: Activation(to, backend=backend)
    if isinstance(to, nn.Module):
        return lambda: copy.deepcopy(to)
    if callable(to):
        return to
    raise ModelError(
        f"swap to a catalog name, a Spec, a module or a module factory; got {type(to).__name__}"
    )


def matcher(where: Where, model: nn.Module) -> Callable[[Site], bool]:
    """A predicate over sites: all, a glob over site and entry names, a module type, or one."""
    modules = dict(model.named_modules())
    if where is None:
        return lambda site: True
    if isinstance(where, str):
        return lambda site: (
            fnmatch.fnmatchcase(site.name, where)
            or (site.entry is not None and fnmatch.fnmatchcase(site.entry.name, where))
        )
    if isinstance(where, type | tuple):
        return lambda site: site.kind == "module" and isinstance(modules[site.name], where)
    return where


def describe(module: nn.Module) -> str:
    return (
        module.extra_repr().split(",")[0]
        if isinstance(module, Activation)
        else (type(module).__name__)
    )


def swap(
    model: nn.Module,
    to: To = "relu",
    where: Where = None,
    *,
    example: Any = None,
    forward: Callable[[nn.Module, Any], Any] = call,
    backend: Backend = "auto",
) -> list[Change]:
    """Replace the activations of ``model`` that ``where`` selects with ``to``, in place.

    ``where``: None (every site), a glob over site names or entry names (``"*.intermediate*"``,
    ``"gelu"``), a module type, or a predicate on :class:`~actlab.probe.Site`. Activation modules
    are replaced in their parents; functional calls (``F.gelu`` inside a forward) are found by
    running ``forward(model, example)`` once and are replaced by a module registered on the
    calling module, so learnable replacements train and save with the model. Gated FeedForward
    blocks are not swapped (their gate is fused into the block). On any error the model is left
    as it was. ``backend`` is the replacement ``Activation``'s (``"native"`` avoids compiling).

    >>> net = nn.Sequential(nn.Linear(4, 4), nn.GELU(), nn.Linear(4, 4), nn.Tanh())
    >>> [c.after for c in swap(net, "relu", where=nn.GELU, backend="native")]
    ['relu']
    >>> type(net[1]).__name__, type(net[3]).__name__
    ('Activation', 'Tanh')
    """
    make, chosen = factory(to, backend), matcher(where, model)
    sites = [s for s in module_sites(model) if s.kind == "module"]
    if example is not None:
        with (
            Tap(model, lambda site, x, h: None, lambda s: s.kind == "function") as tap,
            torch.no_grad(),
        ):
            forward(model, example)
        sites += list(tap.sites.values())
    selected = [s for s in sites if chosen(s)]
    if not selected:
        found = ", ".join(s.name for s in sites[:8]) or "none"
        hint = "" if example is not None else " (functional calls are found only with example=)"
        raise ModelError(f"no activation site matches where={where!r}; sites: {found}{hint}")
    modules = dict(model.named_modules())
    done: list[tuple[nn.Module, str, nn.Module | None]] = []
    changes: list[Change] = []
    try:
        replacements = {s.name: make() for s in selected}
        for module in replacements.values():
            if not isinstance(module, nn.Module):
                raise ModelError(f"the swap factory returned {type(module).__name__}, not a module")
        functional: dict[str, nn.Module] = {}
        for site in selected:
            new = replacements[site.name]
            parent = modules[site.owner]
            if site.kind == "module":
                leaf = site.name.rpartition(".")[2]
                old = getattr(parent, leaf)
                parent._modules[leaf] = new
                done.append((parent, leaf, old))
                before, path = describe(old), site.name
            else:
                slot = swapped_slot(site.name)
                parent.add_module(slot, new)
                done.append((parent, slot, None))
                functional[site.name] = new
                before, path = site.entry.label(), f"{site.owner}.{slot}".lstrip(".")
            changes.append(Change(site.name, site.kind, before, describe(new), path))
        if functional:
            _replace_calls(model, functional)
    except Exception as err:
        for parent, leaf, old in reversed(done):
            if old is None:
                del parent._modules[leaf]
            else:
                parent._modules[leaf] = old
        if isinstance(err, ActlabError):
            raise
        raise ModelError(f"swap failed, the model is unchanged: {err}") from err
    return changes


def _replace_calls(model: nn.Module, replacements: dict[str, nn.Module]) -> None:
    """Keep a tap on ``model`` that computes each replaced functional call with its module."""

    def on(site: Site, x: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
        return replacements[site.name](x)

    taps = model.__dict__.setdefault("_actlab_swaps", [])
    taps.append(Tap(model, on, lambda s: s.name in replacements, replacing=True))
