"""Encrypted inference under CKKS with TenSEAL (``pip install 'actlab[he]'``).

A model made of ``nn.Linear`` layers and :class:`~actlab.pi.polynomial.Polynomial`
activations (``nn.Flatten`` and ``nn.Identity`` pass through) runs on encrypted vectors: each
linear layer is a plaintext matrix product (one level), each polynomial TenSEAL's ``polyval``
on its power coefficients. The modulus chain gets exactly the depth :func:`actlab.pi.count`
counts, and the depth the run consumed is read from the ciphertext's remaining primes.
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
            raise ParameterError(f"encrypted inference runs nn.Sequential models of nn.Linear and "
                                 f"actlab.pi Polynomial layers; {type(layer).__name__} is "
                                 "neither (replace ReLUs with actlab.pi.polynomialize)")
    return layers


def encrypted_inference(model: nn.Module, inputs: torch.Tensor, *, ring: int = 16384,
                        scale_bits: int = 40, outer_bits: int = 60) -> EncryptedRun:
    """Run ``model`` on each row of ``inputs`` (``(n, features)``) encrypted under CKKS.

    The context: ring degree ``ring``, scale 2^``scale_bits``, a chain of ``outer_bits``-bit
    outer primes around one ``scale_bits``-bit prime per counted level.
    """
    try:
        import tenseal as ts
    except ImportError:
        raise ActlabError("encrypted inference needs TenSEAL: pip install 'actlab[he]'") from None
    layers = _layers(model)
    if inputs.dim() != 2:
        raise ParameterError(f"inputs must be (n, features), got shape {tuple(inputs.shape)}")
    model.eval()
    depth = int(CKKS().costs(count(model, inputs[:1]))["depth"])
    chain = [outer_bits, *[scale_bits] * depth, outer_bits]
    if ring not in RING_BITS or sum(chain) > RING_BITS[ring]:
        raise ParameterError(f"depth {depth} needs {sum(chain)} modulus bits; ring {ring} "
                             f"allows {RING_BITS.get(ring, 0)} (rings: {sorted(RING_BITS)})")
    context = ts.context(ts.SCHEME_TYPE.CKKS, ring, coeff_mod_bit_sizes=chain)
    context.global_scale = 2.0**scale_bits
    context.generate_galois_keys()
    with torch.no_grad():
        plaintext = model(inputs).double()
    start = time.perf_counter()
    outputs, measured = [], 0
    for row in inputs.double():
        vector = ts.ckks_vector(context, row.tolist())
        fresh = _level(vector)
        for layer in layers:
            if isinstance(layer, nn.Linear):
                vector = vector.mm(layer.weight.detach().double().T.tolist())
                if layer.bias is not None:
                    vector = vector + layer.bias.detach().double().tolist()
            elif isinstance(layer, Polynomial):
                vector = vector.polyval(layer.power_coefficients())
        measured = max(measured, fresh - _level(vector))
        outputs.append(vector.decrypt())
    seconds = (time.perf_counter() - start) / len(inputs)
    encrypted = torch.tensor(outputs, dtype=torch.float64)
    return EncryptedRun(encrypted, plaintext, float((encrypted - plaintext).abs().max()), depth,
                        measured, ring, seconds)


def _level(vector) -> int:
    """The primes left in the ciphertext's modulus chain."""
    return vector.data.ciphertext()[0].coeff_modulus_size()
