"""`Activation`: the nn.Module form of any catalog entry."""

from __future__ import annotations

import torch
from torch import nn

from actlab.catalog.spec import Spec
from actlab.errors import ParameterError
from actlab.nn import bounds
from actlab.nn.blocks import lookup_nonlinearity
from actlab.ops import backend as backends
from actlab.ops.backend import Backend


class Activation(nn.Module):
    """A catalog nonlinearity as a module.

    Fixed parameters are buffers and learnable ones ``nn.Parameter`` s, so both travel in the
    ``state_dict``. ``backend`` picks the implementation: ``"fused"`` runs the optimized formula
    as one compiled pass forward and one backward, saving only the input; ``"eager"`` runs the
    formula op by op with the same analytical backward; ``"native"`` calls torch's own op where
    the Spec names one; ``"auto"`` (default) takes the fastest measured on this machine for the
    input's device type. ``backend`` is the concrete backend on CPU, ``backend_for(device_type)``
    the one on any device type.

    >>> act = Activation("swish", beta=1.5, learnable=True, backend="eager")
    >>> act
    Activation(swish, beta=1.5, learnable, backend=eager)
    >>> [name for name, _ in act.named_parameters()]
    ['beta']
    """

    def __init__(
        self,
        spec: str | Spec,
        *,
        learnable: bool = False,
        inplace: bool = False,
        backend: Backend = "auto",
        **params: float,
    ):
        super().__init__()
        self.spec = lookup_nonlinearity(spec)
        values = self.spec.resolve(params)
        if learnable and not any(p.learnable for p in self.spec.params):
            raise ParameterError(f"{self.spec.name} has no learnable parameters")
        if inplace and not self.spec.inplace:
            raise ParameterError(f"{self.spec.name} cannot run in place; drop inplace=True")
        self.learnable, self.inplace = learnable, inplace
        self.requested: str = "native" if inplace else backend
        self.exact = {k: v for k, v in values.items() if isinstance(v, float)}
        dtype = torch.get_default_dtype()
        for p in self.spec.params:
            if abs(self.exact.get(p.name, 0.0)) > torch.finfo(dtype).max:
                raise ParameterError(f"parameter {p.name!r} = {values[p.name]:g} does not fit in "
                                     f"{dtype}")
            value = torch.full(self._shape_of(p.name), values[p.name], dtype=dtype)
            if learnable and p.learnable:
                self.register_parameter(p.name, nn.Parameter(value))
                if bounds.bounded(p):
                    bounds.guard(getattr(self, p.name), p)
            else:
                self.register_buffer(p.name, value)
        self._prepare()

    def _apply(self, fn, recurse: bool = True):
        """``.to(dtype)`` and friends; a parameter still at its constructor value takes that
        value at the new dtype's full precision (a float64 module holds float64 defaults)."""
        before = {name: getattr(self, name).detach().clone() for name in self.exact}
        super()._apply(fn, recurse)
        for name, old in before.items():
            new, value = getattr(self, name), self.exact[name]
            at_constructor = bool((old == torch.tensor(value, dtype=old.dtype)).all())
            if new.dtype != old.dtype and new.is_floating_point() and at_constructor:
                with torch.no_grad():
                    new.fill_(value)
        for p in self.spec.params:  # parameters may be new tensors now
            if self.learnable and p.learnable and bounds.bounded(p):
                bounds.guard(getattr(self, p.name), p)
        return self

    def _load_from_state_dict(self, state_dict, prefix, *args, **kwargs) -> None:
        """Reject out-of-range or non-finite parameter values before anything is copied."""
        bounds.check_all((state_dict[prefix + p.name], p) for p in self.spec.params
                         if prefix + p.name in state_dict)
        super()._load_from_state_dict(state_dict, prefix, *args, **kwargs)

    def _shape_of(self, param: str) -> tuple[int, ...]:
        """The shape a parameter is stored in (scalars here; per channel in subclasses)."""
        return ()

    def _prepare(self) -> None:
        self._run = backends.implementation(self.spec, self.requested, inplace=self.inplace,
                                            learnable=self.learnable)

    @property
    def backend(self) -> str:
        """The concrete backend on CPU."""
        return self.backend_for("cpu")

    def backend_for(self, device_type: str) -> str:
        """The concrete backend that runs inputs on ``device_type``."""
        return self._run.backend_for(device_type)

    def params(self, x: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
        """The parameter tensors by name, shaped to broadcast against ``x``."""
        return {p.name: getattr(self, p.name) for p in self.spec.params}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """f(x) elementwise: any shape in, the same shape out."""
        return backends.reported(self.spec.name, self.backend_for, x,
                                 lambda: self._run(x, self.params(x)))

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_run": None}  # compiled kernels are rebuilt, not pickled

    def __setstate__(self, state: dict) -> None:
        if "requested" not in state:  # pickled before the backend was chosen per device
            state["requested"] = state.pop("backend")
        state.setdefault("exact", {})  # pickled before values followed the dtype
        super().__setstate__(state)
        self._prepare()

    def extra_repr(self) -> str:
        parts = [self.spec.name, *(f"{k}={v.item():g}" for k, v in self.params().items())]
        parts += [flag for flag in ("learnable", "inplace") if getattr(self, flag)]
        if not self.inplace:
            parts.append(self._backend_repr())
        return ", ".join(parts)

    def _backend_repr(self) -> str:
        """``backend=`` the request; for ``auto``, what it runs as on each device type."""
        if self.requested != "auto":
            return f"backend={self.requested}"
        chosen = ", ".join(f"{t}: {b}" for t, b in self._run.chosen.items())
        return f"backend=auto ({chosen})"
