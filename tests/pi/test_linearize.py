"""Budgeted linearization: budgets are never exceeded, bad budgets are clear errors."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from actlab.bench.models import ConvNet2d
from actlab.errors import ActlabError
from actlab.pi.count import count
from actlab.pi.linearize import BudgetError, linearize
from actlab.pi.sites import MaskedReLU, NoReluError


def data(n: int = 128) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(n, 64, generator=generator)
    return x, (x[:, :32].sum(1) > x[:, 32:].sum(1)).long()


@pytest.fixture(scope="module")
def cnn() -> nn.Module:
    torch.manual_seed(0)
    return ConvNet2d(nn.ReLU, channels=4)  # 4*8*8 + 8*4*4 = 384 ReLUs


@pytest.mark.parametrize("method", ["snl", "autorep", "random"])
@pytest.mark.parametrize("budget", [0, 1, 7, 100, 383, 384])
def test_element_budgets_are_met_exactly(cnn, method, budget):
    small = linearize(
        cnn, budget, method, data=data(), granularity="element", steps=3, finetune_steps=2
    )
    assert count(small, data()[0][:1]).relus == budget


@pytest.mark.parametrize("method", ["snl", "autorep", "random"])
@pytest.mark.parametrize("budget", [0, 15, 16, 17, 100, 200])
def test_channel_budgets_are_never_exceeded(cnn, method, budget):
    small = linearize(
        cnn, budget, method, data=data(), granularity="channel", steps=3, finetune_steps=2
    )
    kept = count(small, data()[0][:1]).relus
    assert kept <= budget
    assert budget - kept < 64  # a channel has 64 or 16 ReLUs: greedy leaves none that fits


def test_the_original_model_is_left_alone(cnn):
    before = [p.clone() for p in cnn.parameters()]
    linearize(cnn, 10, "snl", data=data(), steps=3, finetune_steps=3)
    assert all(torch.equal(a, b) for a, b in zip(before, cnn.parameters()))
    assert not any(isinstance(m, MaskedReLU) for m in cnn.modules())


@pytest.mark.slow
def test_snl_keeps_the_relus_that_matter_more_than_random():
    torch.manual_seed(0)
    x, y = data(512)
    y = (x[:, 0] - 0.5).abs().gt(0.25).long()  # needs a nonlinearity of x[:, 0]
    net = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 2))
    from actlab.pi.linearize import _train  # the same fine-tuning as linearize uses

    _train(net, x, y, 400, 1e-2, 64, nn.functional.cross_entropy, torch.Generator())
    accuracy = lambda m: float((m(x).argmax(1) == y).float().mean())  # noqa: E731
    snl = [
        accuracy(
            linearize(net, 4, "snl", data=(x, y), steps=300, finetune_steps=100, lr=1e-2, seed=s)
        )
        for s in range(3)
    ]
    random = [
        accuracy(linearize(net, 4, "random", data=(x, y), finetune_steps=100, lr=1e-2, seed=s))
        for s in range(3)
    ]
    assert sum(snl) / 3 > sum(random) / 3


@pytest.mark.parametrize("budget", [-1, 385, 2.5, True])
def test_bad_budgets(cnn, budget):
    with pytest.raises(BudgetError, match="budget"):
        linearize(cnn, budget, "snl", data=data(), steps=1, finetune_steps=1)


def test_a_model_without_relus():
    with pytest.raises(NoReluError, match="no ReLU"):
        linearize(nn.Sequential(nn.Linear(64, 2), nn.Tanh()), 0, data=data())


def test_unknown_method_and_granularity(cnn):
    for options in ({"method": "prune"}, {"granularity": "row"}):
        with pytest.raises(ActlabError):
            linearize(cnn, 1, data=data(), **options)
