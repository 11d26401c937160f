"""Fused execution of a Spec: the optimized forward and backward, each one compiled pass.

The forward kernel reads x once and writes f(x) (input guards included); the backward kernel reads
the incoming gradient and x once, writes dL/dx and reduces dL/dp for learnable parameters in the
same loop. Only x (and the parameter tensors) are saved between them. Both are generated from the
Spec by :mod:`actlab.ops.optimize` and compiled by Inductor (:mod:`actlab.ops.compile`): vectorized
C++ on CPU, Triton on CUDA, eager ops where compilation is unavailable.

Kernels are built per Spec and device type before use (:func:`prepare`), so a user's
``torch.compile`` of a model that holds them traces straight through without graph breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass
from functools import cache

import torch

from actlab.catalog.spec import Spec
from actlab.errors import ActlabError, DeviceError
from actlab.ops.compile import compiled
from actlab.ops.eager import Params, finite_tails, guarded, kernel, reduce_to
from actlab.ops.optimize import Optimized, optimize


@dataclass(frozen=True)
class FusedKernel:
    """One Spec on one device type: its optimized forms as plain torch functions (to fuse into
    larger kernels), and the autograd.Function running them as compiled passes."""

    optimized: Optimized
    value: Callable[..., torch.Tensor]  # f(x, *params), input guards included
    gradients: Callable[..., list[torch.Tensor]]  # [df/dx, df/dp...](x, *params)
    function: type[torch.autograd.Function]


def device_types() -> tuple[str, ...]:
    """The device types kernels are prepared for: CPU, and CUDA where available."""
    return ("cpu", "cuda") if torch.cuda.is_available() else ("cpu",)


def check_device(device: str) -> str:
    """``device`` if kernels are prepared for it on this machine, else an ActlabError naming the
    choices.

    >>> check_device("cpu")
    'cpu'
    """
    if device not in device_types():
        raise ActlabError(f"device {device!r} is not available here; use "
                          f"{' or '.join(device_types())}")
    return device


def prepare(spec: Spec, device_type: str) -> FusedKernel:
    """Build (once) the fused kernel of ``spec`` for ``device_type``; DeviceError for a device
    type outside :func:`device_types`."""
    if device_type not in device_types():
        raise DeviceError(device_type, device_types())
    return _build(spec, device_type)


@cache
def _build(spec: Spec, device_type: str) -> FusedKernel:
    chosen = optimize(spec, device_type)
    names = tuple(p.name for p in spec.params)
    guards, limits = astuple(kernel(spec).guards), kernel(spec).limits
    forward_of = chosen.forward.torch_function(spec.expression)
    gradients_of = chosen.backward.torch_function(spec.backward_formula)

    def value(x: torch.Tensor, *values) -> torch.Tensor:
        params = dict(zip(names, values))
        return guarded(x, lambda z: forward_of(z, **params)[0], *guards)

    def gradients(x: torch.Tensor, *values) -> list[torch.Tensor]:
        return gradients_of(finite_tails(x, limits), **dict(zip(names, values)))

    forward = compiled(value)

    @compiled
    def backward_input(grad: torch.Tensor, x: torch.Tensor, *values) -> torch.Tensor:
        return grad * gradients(x, *values)[0]

    @compiled
    def backward_all(grad: torch.Tensor, x: torch.Tensor, *values) -> list[torch.Tensor]:
        derivatives = gradients(x, *values)
        return [grad * derivatives[0], *(reduce_to(grad * d, v) if isinstance(v, torch.Tensor)
                                         else (grad * d).sum()
                                         for d, v in zip(derivatives[1:], values))]

    class Fused(torch.autograd.Function):
        generate_vmap_rule = True

        @staticmethod
        def forward(x, *values):
            return forward(x.detach(), *values)  # one graph whether or not x requires grad

        @staticmethod
        def setup_context(ctx, inputs, output):
            x, *values = inputs
            tensors = [v for v in values if isinstance(v, torch.Tensor)]
            ctx.save_for_backward(x, *tensors)
            ctx.floats = [None if isinstance(v, torch.Tensor) else v for v in values]

        @staticmethod
        def backward(ctx, grad):
            x, *tensors = ctx.saved_tensors
            it = iter(tensors)
            values = [next(it) if f is None else f for f in ctx.floats]
            wanted = ctx.needs_input_grad[1:]
            if not any(wanted):
                return backward_input(grad, x, *values), *(None for _ in values)
            grad_x, *grad_params = backward_all(grad, x, *values)
            return grad_x, *(g if w else None for g, w in zip(grad_params, wanted))

    Fused.__name__ = Fused.__qualname__ = f"Fused_{spec.name}"
    return FusedKernel(chosen, value, gradients, Fused)


def apply(spec: Spec, x: torch.Tensor, params: Params) -> torch.Tensor:
    """``spec`` at ``x`` through its fused kernel for ``x``'s device type."""
    return apply_kernel(prepare(spec, x.device.type), x, params)


def apply_kernel(kernel: FusedKernel, x: torch.Tensor, params: Params) -> torch.Tensor:
    """``kernel`` (prepared for ``x``'s device type) at ``x``, output shaped like ``x``.

    With scalar parameters the kernel sees ``x`` flattened in memory order, so every shape, rank
    and stride of the same size and dtype shares one compiled graph, and a channels-last input
    gives a channels-last output, as eager ops do."""
    values = params.values()
    run = kernel.function.apply if _traced() else _direct(kernel.function)
    if any(isinstance(v, torch.Tensor) and v.dim() for v in values):
        return run(x, *values)
    order = _memory_order(x)
    dense = x.permute(order)
    y = run(dense.reshape(-1), *values).view(dense.shape)
    return y.permute(sorted(range(x.dim()), key=order.__getitem__))


def _memory_order(x: torch.Tensor) -> tuple[int, ...]:
    """The dimension order in which ``x`` is laid out: NHWC for channels-last images, the
    logical order otherwise."""
    if x.dim() in (4, 5) and not x.is_contiguous():
        last = torch.channels_last if x.dim() == 4 else torch.channels_last_3d
        if x.is_contiguous(memory_format=last):
            return (0, *range(2, x.dim()), 1)
    return tuple(range(x.dim()))


def _traced() -> bool:
    """Inside torch.compile or a torch.func transform, which need ``Function.apply`` itself."""
    return torch.compiler.is_compiling() or torch._C._are_functorch_transforms_active()


def _direct(function: type[torch.autograd.Function]) -> Callable[..., torch.Tensor]:
    """``function.apply`` without the ``inspect.signature`` binding of default arguments that
    ``Function.apply`` repeats on every call for functions with ``setup_context`` (a third of
    the time of a small call; the fused functions have no defaults)."""
    return super(torch.autograd.Function, function).apply
