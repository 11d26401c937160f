"""`Tap`: call a function at every activation site of a model while it runs, modules and
functional calls alike, and optionally replace what the site outputs.

Modules are reached with forward hooks; functional calls (``F.gelu(x)`` inside a ``forward``) with
a ``TorchFunctionMode`` that is active only while the model runs (entered by the root module's
pre-hook, left by its post-hook), so a tap stays attached across calls until removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from actlab.probe.sites import Site, functional_entry, is_site_module, module_sites

# on(site, x, h) -> replacement of h or None; x is the site's input (None for a gated product)
Callback = Callable[[Site, torch.Tensor | None, torch.Tensor], torch.Tensor | None]


def swapped_slot(site_name: str) -> str:
    """The child name under which :func:`actlab.surgery.swap` registers the module that replaces
    a functional call (``owner:gelu#0`` -> ``swapped_gelu_0``)."""
    return "swapped_" + site_name.rpartition(":")[2].replace("#", "_")


class Tap:
    """Attach ``on`` to every activation site of ``model`` that ``select`` accepts.

    ``on(site, x, h)`` sees the site's input ``x`` and output ``h`` (detach them to keep
    statistics); returning a tensor replaces ``h``. Use as a context manager, or call
    :meth:`remove` to detach. ``sites`` lists the sites seen so far: module sites at once,
    functional calls once they run. A functional call replaced by a swapped module is seen as
    that module (``replacing=True`` is the swap's own tap, which sees the call).

    >>> import torch.nn.functional as F
    >>> class Net(nn.Module):
    ...     def forward(self, x):
    ...         return F.gelu(x) + torch.relu(x)
    >>> seen = []
    >>> with Tap(Net(), lambda site, x, h: seen.append(site.name)) as tap:
    ...     _ = tap.model(torch.ones(2))
    >>> seen
    [':gelu#0', ':relu#0']
    """

    def __init__(
        self,
        model: nn.Module,
        on: Callback,
        select: Callable[[Site], bool] | None = None,
        functional: bool = True,
        replacing: bool = False,
    ):
        self.model, self.on, self.replacing = model, on, replacing
        self.select = select or (lambda site: True)
        self.sites: dict[str, Site] = {s.name: s for s in module_sites(model) if self.select(s)}
        self._handles: list = []
        self._stack: list[tuple[str, nn.Module]] = []
        self._calls: dict[str, Counter] = {}
        self._busy = False
        self._mode = _Mode(self) if functional else None
        self._attach()

    def __enter__(self) -> Tap:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def remove(self) -> None:
        """Detach every hook; the model runs as before."""
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

    def _attach(self) -> None:
        modules = dict(self.model.named_modules())
        for site in self.sites.values():
            module = modules[site.name]
            if site.kind == "gated":
                self._handles.append(
                    module.proj_out.register_forward_pre_hook(self._gated_hook(site))
                )
            else:
                self._handles.append(module.register_forward_pre_hook(self._keep_input(site)))
                self._handles.append(module.register_forward_hook(self._module_hook(site)))
        if self._mode is None:
            return
        for name, module in modules.items():
            self._handles.append(module.register_forward_pre_hook(self._enter(name, module)))
            self._handles.append(module.register_forward_hook(self._leave, always_call=True))

    def _call(self, site: Site, x: torch.Tensor | None, h: torch.Tensor) -> torch.Tensor | None:
        self._busy = True
        try:
            return self.on(site, x, h)
        finally:
            self._busy = False

    def _keep_input(self, site: Site):
        def hook(module, args):
            x = args[0]
            site.extra["input"] = x.detach().clone() if getattr(module, "inplace", False) else x

        return hook

    def _module_hook(self, site: Site):
        def hook(module, args, output):
            return self._call(site, site.extra.pop("input", args[0]), output)

        return hook

    def _gated_hook(self, site: Site):
        def hook(module, args):
            replaced = self._call(site, None, args[0])
            return None if replaced is None else (replaced, *args[1:])

        return hook

    def _enter(self, name: str, module: nn.Module):
        def hook(module_, args):
            if not self._stack:
                self._mode.__enter__()
            self._stack.append((name, module))
            self._calls[name] = Counter()

        return hook

    def _leave(self, module, args, output) -> None:
        if not self._stack:
            return
        self._stack.pop()
        if not self._stack:
            self._mode.__exit__(None, None, None)

    def functional_call(self, func, args: tuple, kwargs: dict):
        """Run a functional activation called inside the model, tapped as a site."""
        entry = functional_entry(func, args, kwargs)
        owner, module = self._stack[-1] if self._stack else ("", None)
        skip = (
            entry is None
            or self._busy
            or not args
            or not isinstance(args[0], torch.Tensor)
            or any(is_site_module(m) for _, m in self._stack)
        )
        if skip:
            return func(*args, **kwargs)
        name = getattr(func, "__name__", "function")
        counter = self._calls.setdefault(owner, Counter())
        site_name = f"{owner}:{name}#{counter[name]}"
        counter[name] += 1
        if not self.replacing and isinstance(
            getattr(module, swapped_slot(site_name), None), nn.Module
        ):
            return func(*args, **kwargs)
        site = self.sites.get(site_name)
        if site is None:
            site = Site(site_name, "function", entry, owner, {"function": func})
            if not self.select(site):
                return func(*args, **kwargs)
            self.sites[site_name] = site
        x = args[0]
        inplace = kwargs.get("inplace") is True or any(a is True for a in args[1:])
        x_in = x.detach().clone() if inplace else x
        h = func(*args, **kwargs)
        replaced = self._call(site, x_in, h)
        return h if replaced is None else replaced


class _Mode(TorchFunctionMode):
    def __init__(self, tap: Tap):
        super().__init__()
        self.tap = tap

    def __torch_function__(self, func, types, args=(), kwargs=None):
        return self.tap.functional_call(func, args, kwargs or {})
