import math

import pytest
import torch
import torch.nn.functional as F

import actlab
from actlab.errors import ParameterError
from actlab.nn import (
    AdaptiveActivation,
    FeedForward,
    Fourier,
    Hermite,
    KANLinear,
    PolyNorm,
    PolyReLU,
    Rational,
    Tropical,
)
from actlab.nn.learnable.basis import second_moment

UNITS = {
    "polyrelu": lambda: PolyReLU(),
    "polynorm": lambda: PolyNorm(),
    "hermite": lambda: Hermite(),
    "hermite_gelu": lambda: Hermite(degree=4, init="gelu"),
    "fourier": lambda: Fourier(),
    "fourier_gelu": lambda: Fourier(init="gelu"),
    "tropical": lambda: Tropical(),
    "prelu_channels": lambda: AdaptiveActivation("prelu", channels=4, dim=-1),
    "apa_groups": lambda: AdaptiveActivation("apa", groups=2, dim=-1),
    "dyt": lambda: AdaptiveActivation("dyt", channels=4, dim=-1, per_channel=("gamma", "beta")),
}


@pytest.mark.parametrize("name", sorted(UNITS))
def test_gradcheck_over_input_and_parameters(name):
    torch.manual_seed(0)
    unit = UNITS[name]().double()
    names = [n for n, _ in unit.named_parameters()]
    x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)

    def run(x, *params):
        return torch.func.functional_call(unit, dict(zip(names, params)), (x,))

    assert torch.autograd.gradcheck(run, (x, *unit.parameters()))


@pytest.mark.parametrize("name", sorted(UNITS))
def test_state_dict_round_trip(name):
    unit, copy = UNITS[name](), UNITS[name]()
    with torch.no_grad():
        for p in unit.parameters():
            p.add_(0.05)
    copy.load_state_dict(unit.state_dict())
    x = torch.randn(5, 4)
    torch.testing.assert_close(copy(x), unit(x))


def test_polyrelu_special_case_is_relu_exactly():
    unit = PolyReLU()
    with torch.no_grad():
        unit.coefficients.copy_(torch.tensor([0.0, 1.0, 0.0, 0.0]))
    x = torch.randn(1000)
    assert torch.equal(unit(x), F.relu(x))


def test_polynorm_normalizes_each_power_over_the_hidden_dim():
    unit = PolyNorm(order=2)
    x = torch.randn(6, 32)
    for i in (1, 2):
        with torch.no_grad():
            unit.coefficients.zero_()
            unit.coefficients[i] = 1.0
        rms = unit(x).square().mean(-1).sqrt()
        torch.testing.assert_close(rms, torch.ones(6), atol=1e-5, rtol=0)


def test_apa_at_one_one_is_the_sigmoid_and_tends_to_gumbel():
    x = torch.linspace(-6, 6, 201, dtype=torch.float64)[None].expand(4, -1)
    apa = AdaptiveActivation("apa", channels=4, dim=0).double()
    torch.testing.assert_close(apa(x), torch.sigmoid(x))
    gumbel = AdaptiveActivation("apa", channels=4, dim=0, lam=1e-7).double()
    torch.testing.assert_close(gumbel(x), torch.exp(-torch.exp(-x)), atol=1e-6, rtol=0)


def test_snake_tends_to_the_identity_as_a_goes_to_zero():
    x = torch.linspace(-3, 3, 101, dtype=torch.float64)
    snake = AdaptiveActivation("snake", a=1e-8).double()
    torch.testing.assert_close(snake(x), x, atol=1e-7, rtol=0)


def test_per_channel_values_apply_to_their_channels():
    prelu = AdaptiveActivation("prelu", channels=3)
    with torch.no_grad():
        prelu.a.copy_(torch.tensor([0.0, 0.5, 1.0]))
    y = prelu(-torch.ones(2, 3, 2, 2))
    assert y[0, :, 0, 0].tolist() == [0.0, -0.5, -1.0]
    grouped = AdaptiveActivation("prelu", groups=2, dim=-1)
    grouped(-torch.ones(5, 4)).sum().backward()
    assert grouped.a.grad.tolist() == [-10.0, -10.0]


def test_variance_preserving_initializations():
    for unit in (Hermite(degree=5), Fourier(frequencies=4), Tropical(degree=2)):
        unit = unit.double()
        assert second_moment(lambda x, unit=unit: unit(x).detach()) == pytest.approx(1, abs=1e-6)


def test_hermite_interpolation_matches_value_and_slope():
    unit = Hermite(degree=6, init="gelu").double()
    x = torch.linspace(-1.5, 1.5, 31, dtype=torch.float64, requires_grad=True)
    y = unit(x)
    slope = torch.autograd.grad(y.sum(), x)[0]
    x = x.detach()
    assert (y.detach() - F.gelu(x)).abs().max() < 0.03
    gelu_slope = torch.special.ndtr(x) + x * torch.exp(-x**2 / 2) / math.sqrt(2 * math.pi)
    assert (slope - gelu_slope).abs().max() < 0.06


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ParameterError, match="no learnable"):
        AdaptiveActivation("relu", channels=2)
    with pytest.raises(ParameterError, match="not both"):
        AdaptiveActivation("prelu", channels=4, groups=2)
    with pytest.raises(ParameterError, match="built for 4 channels"):
        AdaptiveActivation("prelu", channels=4)(torch.randn(2, 3))
    with pytest.raises(ParameterError, match="not learnable"):
        AdaptiveActivation("dyt", channels=2, per_channel=("delta",))
    with pytest.raises(ParameterError, match="positive integer"):
        PolyReLU(order=0)
    with pytest.raises(ParameterError, match="fit family"):
        actlab.fit("relu", "tropical")


# --- every unit lowers the loss of a small regression task ------------------------------------

WIDTH = 8


def _pointwise_model(unit: torch.nn.Module) -> torch.nn.Module:
    return torch.nn.Sequential(torch.nn.Linear(1, WIDTH), unit, torch.nn.Linear(WIDTH, 1))


MODELS = {
    **{name: (lambda make=make: _pointwise_model(make())) for name, make in UNITS.items()
       if name not in ("prelu_channels", "apa_groups", "dyt")},
    "prelu_channels": lambda: _pointwise_model(AdaptiveActivation("prelu", channels=WIDTH,
                                                                  dim=-1)),
    "apa_groups": lambda: _pointwise_model(AdaptiveActivation("aglu", groups=2, dim=-1)),
    "pau": lambda: _pointwise_model(Rational()),
    "pau_groups": lambda: _pointwise_model(Rational((3, 2), groups=4, form="sum_abs")),
    "swiglu": lambda: torch.nn.Sequential(torch.nn.Linear(1, WIDTH), FeedForward(WIDTH),
                                          torch.nn.Linear(WIDTH, 1)),
    "xgeglu": lambda: torch.nn.Sequential(torch.nn.Linear(1, WIDTH),
                                          FeedForward(WIDTH, act="xgeglu"),
                                          torch.nn.Linear(WIDTH, 1)),
    **{f"kan_{basis}": (lambda basis=basis: torch.nn.Sequential(
        KANLinear(1, WIDTH, basis, **({"groups": 1} if basis == "rational" else {})),
        KANLinear(WIDTH, 1, basis))) for basis in ("bspline", "relu", "fourier", "rational")},
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_training_lowers_the_loss(name):
    torch.manual_seed(0)
    model = MODELS[name]()
    x = torch.linspace(-2, 2, 128)[:, None]
    y = torch.sin(2 * x)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    losses = []
    for _ in range(60):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < 0.6 * losses[0], losses[::10]


def test_modules_compile_into_one_graph_with_the_model():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 8), Rational(groups=4),
                                FeedForward(8, act="xswiglu"), KANLinear(8, 3))
    x = torch.randn(16, 8)
    model(x).square().sum().backward()
    expected = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    out = torch.compile(model, fullgraph=True)(x)
    out.square().sum().backward()
    torch.testing.assert_close(out, model(x))
    for p, grad in zip(model.parameters(), expected):
        torch.testing.assert_close(p.grad, grad)
