"""Encrypted inference under CKKS (TenSEAL): logits match plaintext, depth matches the count."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from actlab.errors import ActlabError
from actlab.pi.ckks import encrypted_inference
from actlab.pi.polynomial import Polynomial

pytest.importorskip(
    "tenseal", reason="encrypted inference needs TenSEAL (pip install 'actlab[he]')"
)


def test_encrypted_logits_match_plaintext_and_the_counted_depth():
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Linear(6, 5),
        Polynomial.from_power([0.2, 0.5, 0.2], (-4, 4)),
        nn.Linear(5, 4),
        Polynomial.from_power([0.1, 0.4, 0.1, 0.02], (-4, 4)),
        nn.Linear(4, 3),
    )
    run = encrypted_inference(model, torch.rand(2, 6))
    assert run.max_difference < 1e-3
    assert run.counted_depth == run.measured_depth == 1 + 2 + 1 + 2 + 1


@pytest.mark.parametrize(
    "model",
    [
        nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2)),
        nn.Sequential(nn.Linear(4, 4), Polynomial.from_power([0, 1, 1], (-1, 1))),
        nn.Sequential(*[nn.Linear(4, 4) for _ in range(12)]),  # depth 12 does not fit the ring
    ],
)
def test_models_it_cannot_run_are_clear_errors(model):
    with pytest.raises(ActlabError):
        encrypted_inference(model, torch.rand(1, 4))
