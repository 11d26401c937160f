"""Catalog nonlinearities with learnable parameters per channel or per channel group.

``actlab.get(name, learnable=True)`` trains one scalar per parameter (shared by every channel);
:class:`AdaptiveActivation` gives each channel (or each group of channels) its own value, as
PReLU's channel-wise slopes, per-channel APA/AGLU kappa and lambda, or DyT's per-channel gamma
and beta. It runs on the same backends as :class:`~actlab.nn.activation.Activation` (fused by
default), whose backward sums each parameter's gradient back to the parameter's shape.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch

from actlab.catalog.spec import Spec
from actlab.errors import ParameterError
from actlab.nn.activation import Activation
from actlab.nn.blocks import lookup_nonlinearity
from actlab.ops.backend import Backend


class AdaptiveActivation(Activation):
    """A catalog nonlinearity whose learnable parameters have one value per channel or group.

    ``channels`` C gives parameters of shape (C,), ``groups`` G (dividing the channel count)
    parameters of shape (G,) shared by consecutive channels; neither gives one shared scalar.
    The channels run along ``dim`` (1 for NCHW images, -1 for the features of a transformer).
    ``per_channel`` names the learnable parameters that vary by channel (default: all of them;
    e.g. DyT keeps alpha scalar and gamma, beta per channel). Parameters the Spec marks as not
    learnable are fixed buffers.

    Initialization: every value starts at ``params`` or the catalog default (PReLU a = 0.25,
    APA kappa = lambda = 1, expanded gates alpha = 0, ...).

    >>> act = AdaptiveActivation("prelu", channels=3)
    >>> act.a.shape, act(torch.randn(2, 3, 4, 4)).shape
    (torch.Size([3]), torch.Size([2, 3, 4, 4]))
    """

    def __init__(self, name: str | Spec, *, channels: int | None = None,
                 groups: int | None = None, dim: int = 1,
                 per_channel: Iterable[str] | None = None, backend: Backend = "auto",
                 **params: float):
        spec = lookup_nonlinearity(name)
        learnable = [p.name for p in spec.params if p.learnable]
        if channels is not None and groups is not None:
            raise ParameterError("give channels (one value per channel) or groups (one per "
                                 "group of channels), not both")
        count = channels if channels is not None else groups
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)
                                  or count < 1):
            raise ParameterError(f"channels/groups must be a positive integer, got {count!r}")
        varying = set(learnable if per_channel is None else per_channel)
        if not varying <= set(learnable):
            raise ParameterError(f"per_channel names {sorted(varying - set(learnable))}, which "
                                 f"are not learnable parameters of {spec.name} "
                                 f"(learnable: {', '.join(learnable) or 'none'})")
        self.channels, self.groups, self.dim, self.count = channels, groups, dim, count
        self.varying = tuple(n for n in learnable if n in varying and count is not None)
        super().__init__(spec, learnable=True, backend=backend, **params)

    def _shape_of(self, param: str) -> tuple[int, ...]:
        return (self.count,) if param in self.varying else ()

    def params(self, x: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
        """The parameter tensors shaped to broadcast against ``x`` along ``dim``."""
        if not self.varying or x is None:
            return super().params()
        if x.dim() == 0 or not -x.dim() <= self.dim < x.dim():
            raise ParameterError(f"dim {self.dim} is out of range for an input of shape "
                                 f"{tuple(x.shape)}")
        dim = self.dim % x.dim()
        size = x.shape[dim]
        if self.channels is not None and size != self.channels:
            raise ParameterError(f"{self.spec.name} was built for {self.channels} channels along "
                                 f"dim {self.dim}; the input has {size}")
        if self.groups is not None and size % self.groups:
            raise ParameterError(f"{size} channels (dim {self.dim}) do not split into "
                                 f"{self.groups} equal groups")
        trailing = (1,) * (x.dim() - dim - 1)
        shaped = {}
        for p in self.spec.params:
            value = getattr(self, p.name)
            if p.name in self.varying:
                if self.groups is not None:
                    value = value.repeat_interleave(size // self.groups)
                value = value.view(size, *trailing)
            shaped[p.name] = value
        return shaped

    def extra_repr(self) -> str:
        parts = [self.spec.name]
        if self.channels is not None:
            parts.append(f"channels={self.channels}")
        if self.groups is not None:
            parts.append(f"groups={self.groups}")
        if self.varying:
            parts.append(f"dim={self.dim}, per_channel={','.join(self.varying)}")
        return ", ".join([*parts, self._backend_repr()])
