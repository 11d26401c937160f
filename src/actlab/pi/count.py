"""Count a model's nonlinearities for one input and turn the counts into protocol costs.

:func:`count` runs the model once with forward hooks on every site (see :mod:`actlab.pi.sites`)
and linear layer and returns a :class:`Count`: per site its kind and element count per example
(the ReLU count DeepReDuce and SNL report), and the ordered chain of multiplicative levels. Cost
models turn it into numbers; their parameters are stated in ``docs/private-inference.md``:

- :class:`MPC`: two-party inference with ReLUs as garbled circuits on additive shares
  (Gazelle/Delphi style): comparisons, AND gates and communication;
- :class:`CKKS`: multiplicative depth along the forward (plaintext-weight linear layers and
  average pools 1 level each, polynomial sites their own depth; batch norm is assumed folded)
  and ciphertext-ciphertext multiplications per slot-packed ciphertext;
- :class:`TFHE`: programmable bootstraps (one per nonlinear element, ``window - 1`` per max-pool
  output) at a bit width.

>>> model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
>>> c = count(model, torch.randn(1, 4))
>>> c.relus, [(s.name, s.kind, s.elements) for s in c.sites]
(8, [('1', 'relu', 8)])
>>> MPC().costs(c)["communication_bytes"]
28672.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
from torch import nn

from actlab.errors import ParameterError
from actlab.pi.polynomial import Composite, Polynomial
from actlab.pi.sites import Kind, MaskedReLU, walk
from actlab.tables import Table


@dataclass(frozen=True)
class Site:
    """One nonlinearity site for one example: ``elements`` it sees, ``relus`` it evaluates
    (ReLU-equivalent comparisons: kept ReLUs; ``window - 1`` per max-pool output), and for
    polynomial sites their degree, CKKS depth and ciphertext multiplications."""

    name: str
    kind: Kind
    module: str
    elements: int
    relus: int
    degree: int | None = None
    depth: int | None = None
    multiplications: int | None = None


@dataclass(frozen=True)
class Count:
    """The sites of a model for one example, and its multiplicative levels in forward order
    (``(name, levels)`` per linear layer and polynomial site)."""

    sites: tuple[Site, ...]
    levels: tuple[tuple[str, int], ...] = field(default=())

    @property
    def relus(self) -> int:
        """ReLU-equivalent comparisons per example (ReLUs plus max-pool comparisons)."""
        return sum(site.relus for site in self.sites)

    @property
    def polynomial(self) -> bool:
        """Whether every site is a polynomial (the model runs under CKKS as it is)."""
        return all(site.kind == "polynomial" for site in self.sites)

    def table(self) -> Table:
        """One row per site."""
        rows = [
            (
                s.name,
                s.kind,
                s.module,
                s.elements,
                s.relus,
                *("" if v is None else v for v in (s.degree, s.depth, s.multiplications)),
            )
            for s in self.sites
        ]
        return Table.of(
            ("site", "kind", "module", "elements", "relus", "degree", "depth", "ct-ct mults"),
            rows,
            "nonlinearity sites (per example)",
            f"{self.relus} ReLU-equivalent comparisons per example in {len(self.sites)} sites",
        )


def count(model: nn.Module, example_input: torch.Tensor) -> Count:
    """The sites of ``model`` and their element counts per example.

    ``example_input`` is a batch (its first dimension is the batch); counts are per example.
    The model runs once, in inference mode, without gradients.
    """
    if not isinstance(example_input, torch.Tensor) or example_input.dim() < 1:
        raise ParameterError("example_input must be a tensor whose first dimension is the batch")
    batch = example_input.shape[0]
    if batch < 1:
        raise ParameterError("example_input needs at least one example")
    sites: list[Site] = []
    levels: list[tuple[str, int]] = []

    def observe(name: str, module: nn.Module, kind: Kind, x: torch.Tensor, y: torch.Tensor):
        if kind == "linear":
            levels.append((name, 1))
            return
        elements = x.numel() // batch
        relus, degree, depth, mults = 0, None, None, None
        if kind == "relu":
            relus = module.relu_elements if isinstance(module, MaskedReLU) else elements
        elif kind == "maxpool":
            relus = (y.numel() // batch) * (_window(module) - 1)
        elif kind == "polynomial":
            degree, depth, mults = module.degree, module.depth, module.multiplications
            levels.append((name, depth))
        sites.append(Site(name, kind, type(module).__name__, elements, relus, degree, depth, mults))

    hooks = [
        module.register_forward_hook(
            lambda m, args, out, name=name, kind=kind: observe(name, m, kind, args[0], out)
        )
        for name, module, kind in walk(model)
    ]
    training = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(example_input)
    finally:
        model.train(training)
        for hook in hooks:
            hook.remove()
    return Count(tuple(sites), tuple(levels))


def _window(pool: nn.Module) -> int:
    size = pool.kernel_size
    dims = {nn.MaxPool1d: 1, nn.MaxPool2d: 2, nn.MaxPool3d: 3}[type(pool)]
    return math.prod(size) if isinstance(size, tuple) else size**dims


@dataclass(frozen=True)
class MPC:
    """Two-party inference, ReLU as a garbled circuit on ``bits``-bit additive shares.

    Per ReLU: ``3 * bits`` AND gates (add the shares, select x or 0 by the sign bit, re-mask
    the output), each ``2 * security`` bits with half-gates garbling, plus ``bits`` input labels
    of ``security`` bits sent by oblivious transfer. Polynomial sites: ``degree - 1`` Beaver
    multiplications per element, each opening two ring elements per party (``4 * bits``
    bits). Linear layers are local (their homomorphic preprocessing is not modelled).
    """

    bits: int = 32
    security: int = 128
    name: str = "mpc"

    def relu_bits(self) -> int:
        return 3 * self.bits * 2 * self.security + self.bits * self.security

    def costs(self, c: Count) -> dict[str, float]:
        polynomial = sum(
            s.elements * max((s.degree or 1) - 1, 0) for s in c.sites if s.kind == "polynomial"
        )
        bits = c.relus * self.relu_bits() + polynomial * 4 * self.bits
        return {
            "comparisons": float(c.relus),
            "and_gates": float(3 * self.bits * c.relus),
            "beaver_multiplications": float(polynomial),
            "communication_bytes": bits / 8,
        }


@dataclass(frozen=True)
class CKKS:
    """CKKS with ``slots`` values per ciphertext (half the ring degree): depth along the
    forward and ciphertext-ciphertext multiplications, ``ceil(elements / slots)``
    ciphertexts per site. Sites that are not polynomials cannot run: their count is reported
    under ``non_polynomial_sites``."""

    slots: int = 8192
    name: str = "ckks"

    def costs(self, c: Count) -> dict[str, float]:
        polynomial = [s for s in c.sites if s.kind == "polynomial"]
        mults = sum(s.multiplications * math.ceil(s.elements / self.slots) for s in polynomial)
        return {
            "depth": float(sum(levels for _, levels in c.levels)),
            "ct_ct_multiplications": float(mults),
            "non_polynomial_sites": float(len(c.sites) - len(polynomial)),
        }


@dataclass(frozen=True)
class TFHE:
    """TFHE with every nonlinear element a programmable bootstrap (PBS) on ``bits``-bit
    integers: one per element of ReLU, polynomial and other sites, ``window - 1`` per max-pool
    output (max(a, b) = b + relu(a - b))."""

    bits: int = 8
    name: str = "tfhe"

    def costs(self, c: Count) -> dict[str, float]:
        pbs = sum(s.relus if s.kind in ("relu", "maxpool") else s.elements for s in c.sites)
        return {"pbs": float(pbs), "pbs_bits": float(self.bits)}


CostModel = MPC | CKKS | TFHE
COST_MODELS: dict[str, type] = {"mpc": MPC, "ckks": CKKS, "tfhe": TFHE}


def cost_table(c: Count, models: list[CostModel] | None = None) -> Table:
    """Every cost of ``c`` under ``models`` (default: all three with default parameters)."""
    chosen = models if models is not None else [cls() for cls in COST_MODELS.values()]
    rows = [
        (model.name, key, f"{value:,.0f}")
        for model in chosen
        for key, value in model.costs(c).items()
    ]
    return Table.of(
        ("protocol", "cost", "per example"),
        rows,
        "private-inference cost",
        "parameters: " + "; ".join(repr(model) for model in chosen),
    )


def polynomial_sites(model: nn.Module) -> list[tuple[str, Polynomial | Composite]]:
    """The polynomial modules of ``model`` with their qualified names."""
    return [(name, module) for name, module, kind in walk(model) if kind == "polynomial"]
