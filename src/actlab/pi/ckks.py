"""Encrypted inference under CKKS with TenSEAL (``pip install 'actlab[he]'``).

A model made of ``nn.Linear`` layers and :class:`~actlab.pi.polynomial.Polynomial`
activations (``nn.Flatten`` and ``nn.Identity`` pass through), a linear layer before every
polynomial and one at the end, runs on encrypted vectors: each linear layer is a plaintext
matrix product (one level), each polynomial TenSEAL's ``polyval`` on its power coefficients.
The modulus chain gets exactly the depth :func:`actlab.pi.count` counts, and the depth the run
consumed is read from the ciphertext's remaining primes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import torch
from torch import nn

from actlab.errors import ActlabError, ParameterError
from actlab.pi.count import CKKS, count
from actlab.pi.polynomial import Polynomial

RING_BITS = {8192: 218, 16384: 438, 32768: 881}  # largest coefficient modulus at 128-bit security


@dataclass(frozen=True)
class EncryptedRun:
    """Logits decrypted and in plaintext (``(n, classes)``), their largest absolute difference,
    the depth counted by :func:`actlab.pi.count` and the depth the ciphertexts consumed."""

    encrypted: torch.Tensor
    plaintext: torch.Tensor
    max_difference: float
    counted_depth: int
    measured_depth: int
    ring: int
    seconds_per_input: float


def _layers(model: nn.Module) -> list[nn.Module]:
    layers = list(model) if isinstance(model, nn.Sequential) else [model]
    for layer in layers:
        if not isinstance(layer, nn.Linear | Polynomial | nn.Flatten | nn.Identity):
            raise ParameterError(
                f"encrypted inference runs nn.Sequential models of nn.Linear and "
                f"actlab.pi Polynomial layers; {type(layer).__name__} is "
                "neither (replace ReLUs with actlab.pi.polynomialize)"
            )
    return layers


def encrypted_inference(
    model: nn.Module,
    inputs: torch.Tensor,
    *,
    ring: int = 16384,
    scale_bits: int = 40,
    outer_bits: int = 60,
) -> EncryptedRun:
    """Run ``model`` on each row of ``inputs`` (``(n, features)``) encrypted under CKKS.

    The context: ring degree ``ring``, scale 2^``scale_bits``, a chain of ``outer_bits``-bit
    outer primes around one ``scale_bits``-bit prime per counted level.
    """
    try:
        import tenseal as ts
    except ImportError:
        raise ActlabError("encrypted inference needs TenSEAL: pip install 'actlab[he]'") from None
    program = _program(_layers(model))
    if inputs.dim() != 2:
        raise ParameterError(f"inputs must be (n, features), got shape {tuple(inputs.shape)}")
    model.eval()
    depth = int(CKKS().costs(count(model, inputs[:1]))["depth"])
    chain = [outer_bits, *[scale_bits] * depth, outer_bits]
    if ring not in RING_BITS or sum(chain) > RING_BITS[ring]:
        raise ParameterError(
            f"depth {depth} needs {sum(chain)} modulus bits; ring {ring} "
            f"allows {RING_BITS.get(ring, 0)} (rings: {sorted(RING_BITS)})"
        )
    context = ts.context(ts.SCHEME_TYPE.CKKS, ring, coeff_mod_bit_sizes=chain)
    context.global_scale = 2.0**scale_bits
    context.generate_galois_keys()
    with torch.no_grad():
        plaintext = model(inputs).double()
    start = time.perf_counter()
    outputs, measured = [], 0
    for row in inputs.double():
        vector = ts.ckks_vector(context, [*row.tolist(), 1.0])
        fresh = _level(vector)
        for matrix, tail in program:
            if matrix is None:
                vector = vector.polyval(tail)
            else:
                vector = vector.mm(matrix)
                if tail is not None:
                    vector = vector + tail
        measured = max(measured, fresh - _level(vector))
        outputs.append(vector.decrypt())
    seconds = (time.perf_counter() - start) / len(inputs)
    encrypted = torch.tensor(outputs, dtype=torch.float64)
    return EncryptedRun(
        encrypted,
        plaintext,
        float((encrypted - plaintext).abs().max()),
        depth,
        measured,
        ring,
        seconds,
    )


def _program(layers: list[nn.Module]) -> list[tuple[list | None, list | None]]:
    """The encrypted steps: ``(matrix, bias)`` per linear layer, ``(None, coefficients)`` per
    polynomial.

    TenSEAL adds a plaintext constant or vector to every slot of a ciphertext, and its next
    matrix product reads slots beyond the vector's size, so no constant may be added before a
    matrix product. The vector carries a constant slot instead (value ``kappa``): biases become
    a matrix row, each polynomial runs without its constant term ``c0`` (so ``kappa`` becomes
    ``q(kappa)``), and ``c0`` moves into the next layer's bias. Only the last layer's bias is
    added as a vector.
    """
    steps: list[tuple[list | None, list | None]] = []
    kappa, shift = 1.0, 0.0
    linears = [i for i, layer in enumerate(layers) if isinstance(layer, nn.Linear)]
    previous: nn.Module | None = None
    for i, layer in enumerate(layers):
        if isinstance(layer, Polynomial):
            if not isinstance(previous, nn.Linear):
                raise ParameterError(
                    "encrypted inference needs a linear layer before every polynomial"
                )
            constant, *rest = layer.power_coefficients()
            kappa = sum(a * kappa ** (k + 1) for k, a in enumerate(rest))
            if abs(kappa) < 1e-6:
                raise ParameterError(f"polynomial {i} sends the constant slot to 0; rescale it")
            steps.append((None, [0.0, *rest]))
            shift = constant
        elif isinstance(layer, nn.Linear):
            weight = layer.weight.detach().double()
            bias = (
                layer.bias.detach().double()
                if layer.bias is not None
                else torch.zeros(weight.shape[0], dtype=torch.float64)
            )
            bias = bias + shift * weight.sum(1)
            last = i == linears[-1]
            matrix = torch.zeros(
                weight.shape[1] + 1, weight.shape[0] + (0 if last else 1), dtype=torch.float64
            )
            matrix[:-1, : weight.shape[0]] = weight.T
            if last:
                steps.append((matrix.tolist(), bias.tolist()))
            else:
                matrix[-1, : weight.shape[0]] = bias / kappa
                matrix[-1, -1] = 1 / kappa
                steps.append((matrix.tolist(), None))
            kappa, shift = 1.0, 0.0
        else:
            continue
        previous = layer
    if not linears or linears[-1] < max(
        i for i, layer in enumerate(layers) if isinstance(layer, Polynomial | nn.Linear)
    ):
        raise ParameterError("encrypted inference needs the model to end with a linear layer")
    return steps


def _level(vector) -> int:
    """The primes left in the ciphertext's modulus chain."""
    return vector.data.ciphertext()[0].coeff_modulus_size()
