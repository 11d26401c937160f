"""Transformer feed-forward blocks, plain and gated (the GLU family), with a fused gate*up product.

A gated block computes ``down(act(x W_gate) * up(x W_up))`` (Shazeer 2020, "GLU Variants Improve
Transformer", arXiv:2002.05202). One ``nn.Linear`` produces gate and up side by side, and
:func:`gated_product` evaluates ``act(gate) * up`` in one fused pass forward and one backward,
with the activation's derivative from its catalog Spec, so any catalog entry works as a gate.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import cache

import torch
from torch import nn

from actlab.catalog.registry import lookup
from actlab.catalog.spec import Spec
from actlab.errors import DeviceError, ParameterError
from actlab.nn.activation import Activation
from actlab.nn.blocks import BLOCKS
from actlab.ops.backend import device_types, reported
from actlab.ops.compile import compiled
from actlab.ops.fused import FusedKernel, prepare


def _evaluate(k: FusedKernel | None, z: torch.Tensor, values: Sequence[torch.Tensor]):
    """f(z) and [df/dz, df/dp...] from a kernel's optimized forms (the identity for None)."""
    if k is None:
        return z, [torch.ones_like(z)]
    return k.value(z, *values), k.gradients(z, *values)


@cache
def _product_kernels(gate: Spec | None, up: Spec | None,
                     device_type: str) -> tuple[Callable, Callable]:
    """Compiled forward and backward of act_gate(g) * act_up(u) on ``device_type``, built once
    per pair and device type."""
    gate_kernel = None if gate is None else prepare(gate, device_type)
    up_kernel = None if up is None else prepare(up, device_type)
    up_defaults = list(up.defaults.values()) if up is not None else []

    def forward(gate_up: torch.Tensor, *values: torch.Tensor) -> torch.Tensor:
        g, u = gate_up.chunk(2, -1)
        return _evaluate(gate_kernel, g, values)[0] * _evaluate(up_kernel, u, up_defaults)[0]

    def backward(grad: torch.Tensor, gate_up: torch.Tensor, *values: torch.Tensor):
        g, u = gate_up.chunk(2, -1)
        fg, dg = _evaluate(gate_kernel, g, values)
        fu, du = _evaluate(up_kernel, u, up_defaults)
        by_gate = grad * fu
        grad_gate_up = torch.cat([by_gate * dg[0], grad * fg * du[0]], -1)
        return grad_gate_up, *((by_gate * d).sum() for d in dg[1:])

    return compiled(forward), compiled(backward)


class _GatedProduct(torch.autograd.Function):
    """``kernels`` is the (forward, backward) pair of :func:`_product_kernels`."""

    @staticmethod
    def forward(ctx, gate_up, kernels: tuple[Callable, Callable], *values):
        ctx.backward_kernel = kernels[1]
        ctx.save_for_backward(gate_up, *values)
        return kernels[0](gate_up, *values)

    @staticmethod
    def backward(ctx, grad):
        gate_up, *values = ctx.saved_tensors
        grad_gate_up, *grad_values = ctx.backward_kernel(grad, gate_up, *values)
        grad_values = [gv.to(v.dtype) if need else None for gv, v, need in
                       zip(grad_values, values, ctx.needs_input_grad[2:])]
        return grad_gate_up, None, *grad_values


def gated_product(gate_up: torch.Tensor, gate: str | Spec | None = "silu",
                  params: Mapping[str, torch.Tensor | float] | None = None,
                  up: str | Spec | None = None) -> torch.Tensor:
    """``act(g) * up(u)`` for ``gate_up = [g, u]`` split in halves along the last dim, fused.

    ``gate`` and ``up`` are catalog names (None: the identity); ``params`` are the gate's
    parameters (scalars; tensors receive gradients), the up nonlinearity uses its defaults.

    >>> gated_product(torch.tensor([[0.0, 2.0, 3.0, 5.0]]), "relu")
    tensor([[ 0., 10.]])
    """
    if gate_up.shape[-1] % 2:
        raise ParameterError(f"gate_up holds gate and up side by side along the last dim, so its "
                             f"size must be even; got {gate_up.shape[-1]}")
    gate_spec = None if gate is None else lookup(gate)
    up_spec = None if up is None else lookup(up)
    return _GatedProduct.apply(gate_up, _product_kernels(gate_spec, up_spec, gate_up.device.type),
                               *_parameter_tensors(gate_spec, params or {}, gate_up.dtype))


def _parameter_tensors(spec: Spec | None, params: Mapping[str, torch.Tensor | float],
                       dtype: torch.dtype) -> list[torch.Tensor]:
    """The gate's parameters in declaration order; numbers are range-checked, tensors kept (they
    may require grad)."""
    if spec is None:
        if params:
            raise ParameterError(f"the identity gate has no parameters; got {', '.join(params)}")
        return []
    numbers = {k: v for k, v in params.items() if not isinstance(v, torch.Tensor)}
    unknown = set(params) - {p.name for p in spec.params}
    values = {**spec.resolve(numbers | dict.fromkeys(unknown, 0.0)),
              **{k: v for k, v in params.items() if isinstance(v, torch.Tensor)}}
    return [v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=dtype)
            for v in values.values()]


def gated_hidden(dim: int) -> int:
    """The hidden width of a gated block with the parameters of a 4*dim plain one: 2/3 * 4 dim.

    >>> gated_hidden(768)
    2048
    """
    return math.ceil(8 * dim / 3)


class FeedForward(nn.Module):
    """A transformer feed-forward block: ``down(act(x W_gate) * x W_up)`` or ``down(act(x W_in))``.

    ``act`` is a block name (``glu bilinear reglu geglu swiglu drelu xglu xgeglu xswiglu``, see
    :data:`BLOCKS`) or any catalog nonlinearity; ``gated`` (default: whether ``act`` is a block
    name) makes a catalog nonlinearity the gate of a GLU. ``hidden`` defaults to 4*dim for plain
    blocks and to :func:`gated_hidden` (2/3 of that, the GLU-variants convention that keeps the
    parameter count) for gated ones. ``params`` set the gate's parameters; learnable ones (the
    expanded-gate alpha, one per block) are ``nn.Parameter`` s.

    Initialization: both projections as ``nn.Linear`` (Kaiming-uniform weights, uniform bias);
    gate parameters at their catalog defaults (alpha = 0: the expanded gates start as the plain
    ones, as in the expanded-gating paper's code).

    >>> block = FeedForward(12)
    >>> block.hidden, block(torch.randn(2, 5, 12)).shape
    (32, torch.Size([2, 5, 12]))
    """

    def __init__(self, dim: int, hidden: int | None = None, act: str = "swiglu",
                 bias: bool = False, *, gated: bool | None = None, **params: float):
        super().__init__()
        block = act.lower()
        self.gated = block in BLOCKS if gated is None else gated
        if block in BLOCKS and not self.gated:
            raise ParameterError(f"{act!r} is a gated block; drop gated=False or name a catalog "
                                 f"nonlinearity")
        gate, up = BLOCKS.get(block, (act, None))
        self.hidden = hidden or (gated_hidden(dim) if self.gated else 4 * dim)
        if self.hidden < 1 or dim < 1:
            raise ParameterError(f"dim and hidden must be positive, got {dim} and {self.hidden}")
        self.block = block
        self.act = None if gate is None else Activation(
            gate, learnable=any(p.learnable for p in lookup(gate).params), **params)
        if self.act is None and params:
            raise ParameterError(f"{act!r} has no parameters; got {', '.join(params)}")
        self.up = None if up is None else lookup(up)
        self.kernels = self._kernels()
        self.proj_in = nn.Linear(dim, self.hidden * (2 if self.gated else 1), bias=bias)
        self.proj_out = nn.Linear(self.hidden, dim, bias=bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(..., dim) -> (..., dim)."""
        return reported(self.block, self.backend_for, x, lambda: self._forward(x))

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.proj_in(x)
        if not self.gated:
            return self.proj_out(self.act(h))
        values = () if self.act is None else self.act.params().values()
        return self.proj_out(_GatedProduct.apply(h, self._kernels_for(h.device.type), *values))

    def backend_for(self, device_type: str) -> str:
        """The backend of the nonlinearity on ``device_type``: fused for a gated block."""
        return "fused" if self.gated else self.act.backend_for(device_type)

    def _kernels(self) -> dict[str, tuple[Callable, Callable]]:
        """The fused gate*up kernels by device type, looked up here (not in forward, where an
        outer torch.compile would trace into the cache and the Spec's symbolic compilation)."""
        if not self.gated:
            return {}
        gate = None if self.act is None else self.act.spec
        return {t: _product_kernels(gate, self.up, t) for t in device_types()}

    def _kernels_for(self, device_type: str) -> tuple[Callable, Callable]:
        if device_type not in self.kernels:
            gate = "" if self.act is None else (
                f" and actlab.get({self.act.spec.name!r}, backend='eager') as the gate, which runs "
                f"on every device torch supports")
            raise DeviceError(device_type, self.kernels, "FeedForward fuses its gate*up product "
                              f"on those only; elsewhere, write the block from nn.Linear "
                              f"layers{gate}")
        return self.kernels[device_type]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "kernels": None}  # compiled closures do not pickle

    def __setstate__(self, state: dict) -> None:
        super().__setstate__(state)
        self.kernels = self._kernels()

    def extra_repr(self) -> str:
        return f"act={self.block}, gated={self.gated}, hidden={self.hidden}"
