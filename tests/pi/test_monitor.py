"""The escaping-activation monitor: it fires on a planted escape, first site first, while the
values are still finite; its penalty pulls inputs back inside."""

from __future__ import annotations

import torch
from torch import nn

from actlab.pi.monitor import RangeMonitor
from actlab.pi.polynomial import Polynomial


def deep(layers: int = 8) -> nn.Sequential:
    modules: list[nn.Module] = []
    for _ in range(layers):
        modules += [nn.Linear(4, 4), Polynomial.from_power([0.0, 0.5, 0.25], (-2, 2))]
    return nn.Sequential(*modules)


def test_a_planted_escape_is_flagged_at_its_site_before_anything_overflows():
    torch.manual_seed(0)
    model = deep()
    with torch.no_grad():
        model[6].weight.mul_(200.0)  # site "7" (the fourth polynomial) gets inputs far outside
    with RangeMonitor(model) as monitor:
        model(torch.full((1, 4), 0.1))
        first = monitor.first
        assert first is not None and first.site == "7" and first.forward == 1
        assert first.finite
        model(torch.full((1, 4), 0.1))
    assert len({e.site for e in monitor.escapes}) == len(monitor.escapes)
    assert monitor.ranges["7"][1] > 2 or monitor.ranges["7"][0] < -2
    assert "first escape: site 7" in monitor.table().note


def test_no_flag_while_inputs_stay_inside_and_hooks_are_removed():
    model = deep()
    with torch.no_grad():
        for layer in model[::2]:
            layer.weight.mul_(0.01)
    with RangeMonitor(model) as monitor:
        model(torch.rand(3, 4))
    assert monitor.first is None and monitor.forwards == 1
    model(torch.full((1, 4), 1e6))
    assert monitor.forwards == 1


def test_the_penalty_is_zero_inside_and_pulls_back_outside():
    model = nn.Sequential(nn.Linear(1, 1), Polynomial.from_power([0, 1, 1], (-1, 1)))
    with torch.no_grad():
        model[0].weight.fill_(3.0)
        model[0].bias.zero_()
    with RangeMonitor(model) as monitor:
        model(torch.tensor([[0.1]]))
        assert monitor.penalty().item() == 0.0
        model(torch.tensor([[1.0]]))
        penalty = monitor.penalty()
        assert penalty.item() == (3.0 - 0.5) ** 2  # beyond the inner half of (-1, 1)
        penalty.backward()
    assert float(model[0].weight.grad) > 0
