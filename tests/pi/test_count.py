"""Counts and protocol costs on a hand-counted toy model."""

from __future__ import annotations

import pytest
import torch
from torch import nn

import actlab
from actlab.errors import ActlabError
from actlab.pi.count import CKKS, MPC, TFHE, cost_table, count
from actlab.pi.polynomial import Polynomial
from actlab.pi.sites import MaskedReLU


def toy() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 2, 3, padding=1),  # 2 x 4 x 4
        nn.ReLU(),  # 32 ReLUs
        nn.MaxPool2d(2),  # 2 x 2 x 2 outputs, 3 comparisons each: 24
        nn.Flatten(),
        nn.Linear(8, 4),
        Polynomial.from_power([0.1, 0.5, 0.2], (-4, 4)),  # 4 elements, degree 2
        nn.Linear(4, 3),
    )


def test_the_toy_model_by_hand():
    c = count(toy(), torch.randn(2, 1, 4, 4))  # counts are per example
    assert [(s.name, s.kind, s.elements, s.relus) for s in c.sites] == [
        ("1", "relu", 32, 32),
        ("2", "maxpool", 32, 24),
        ("5", "polynomial", 4, 0),
    ]
    assert c.relus == 56
    assert c.levels == (("0", 1), ("4", 1), ("5", 2), ("6", 1))


def test_costs_by_hand():
    c = count(toy(), torch.randn(1, 1, 4, 4))
    mpc = MPC(bits=32, security=128).costs(c)
    assert mpc["comparisons"] == 56 and mpc["and_gates"] == 3 * 32 * 56
    assert mpc["beaver_multiplications"] == 4
    assert mpc["communication_bytes"] == (56 * (3 * 32 * 256 + 32 * 128) + 4 * 4 * 32) / 8
    assert CKKS().costs(c) == {
        "depth": 5.0,
        "ct_ct_multiplications": 1.0,
        "non_polynomial_sites": 2.0,
    }
    assert TFHE(bits=6).costs(c) == {"pbs": 60.0, "pbs_bits": 6.0}
    assert len(cost_table(c).rows) == 4 + 3 + 2


def test_masked_and_catalog_relus_count_what_they_evaluate():
    site = MaskedReLU((3, 5), "element")
    site.mask[0, :2] = 0
    model = nn.Sequential(
        nn.Linear(4, 15),
        nn.Unflatten(1, (3, 5)),
        site,
        nn.Flatten(),
        actlab.get("relu", backend="eager"),
        actlab.get("gelu", backend="eager"),
    )
    c = count(model, torch.randn(1, 4))
    assert [(s.kind, s.relus) for s in c.sites] == [("relu", 13), ("relu", 15), ("other", 0)]
    assert not c.polynomial


def test_count_leaves_training_mode_as_it_was():
    model = toy().train()
    count(model, torch.randn(1, 1, 4, 4))
    assert model.training


def test_example_input_must_be_a_batch():
    with pytest.raises(ActlabError):
        count(toy(), torch.tensor(1.0))


def test_the_cli_counts_a_benchmark_network():
    from typer.testing import CliRunner

    from actlab.cli import app

    result = CliRunner().invoke(app, ["pi", "count", "--task", "mnist1d", "--markdown"])
    assert result.exit_code == 0, result.output
    assert "850 ReLU-equivalent comparisons" in result.output
    bad = CliRunner().invoke(app, ["pi", "count", "--task", "cifar"])
    assert bad.exit_code == 2 and "no network cifar/cnn" in bad.output
