"""actlab's error hierarchy: every error says what went wrong and what to do instead."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ActlabError(Exception):
    """Base class of every error actlab raises on purpose."""


class UnknownNameError(ActlabError, KeyError):
    """A name (nonlinearity, family, task...) that is not registered."""

    def __init__(self, kind: str, name: str, known: Iterable[str]):
        known = sorted(set(known))
        close = difflib.get_close_matches(name.lower(), known, n=5, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        listing = "" if close else f" Known names: {_preview(known)}."
        self.name, self.close_matches = name, close
        super().__init__(f"unknown {kind} {name!r}.{hint}{listing}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class GatedBlockError(UnknownNameError):
    """A gated feed-forward block's name (swiglu, geglu...) where a nonlinearity was expected."""

    def __init__(self, name: str, block: str, gate: str | None):
        self.name, self.close_matches = name, []
        gate_hint = f"; its gate alone is actlab.get({gate!r})" if gate else ""
        KeyError.__init__(self, f"{name!r} is a gated feed-forward block, not an elementwise "
                                f"nonlinearity: use actlab.nn.FeedForward(dim, act=\"{block}\")"
                                f"{gate_hint}")


EAGER_FALLBACK = "backend='eager' runs on every device torch supports"


class DeviceError(ActlabError, RuntimeError):
    """An input on a device type that actlab prepared no kernel for."""

    def __init__(self, device_type: str, supported: Iterable[str], fallback: str = EAGER_FALLBACK):
        self.device_type, self.supported = device_type, tuple(supported)
        super().__init__(f"no kernel prepared for device type {device_type!r}: actlab builds its "
                         f"kernels for {', '.join(self.supported)}. {fallback}")


class ForwardError(ActlabError, RuntimeError):
    """A failure inside a nonlinearity's forward. The message names the entry, the backend and the
    input's shape, dtype and device; ``__cause__`` is the original error."""


class ParameterError(ActlabError, ValueError):
    """A parameter that is unknown, out of its valid range or of the wrong type."""


class FormulaError(ActlabError, ValueError):
    """Formula text that is malformed, unsafe or uses undeclared names."""


class SpecError(ActlabError, ValueError):
    """A Spec that cannot enter the catalog (duplicate name, bad declaration...)."""


def _preview(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f", ... ({len(names)} in all)" if len(names) > limit else "")


class DataError(ActlabError):
    """A dataset that is missing or unreadable; the message says where to put it."""


class StoreError(ActlabError):
    """A results database that cannot be opened or written."""


class OutputError(ActlabError):
    """An output file or directory that cannot be written (permissions, full disk)."""


class ModelError(ActlabError, ValueError):
    """A model, or data for it, that a probe or a surgery cannot work with (no activation sites,
    a selection that matches nothing, a loss that is not finite, mismatched calibration data)."""
