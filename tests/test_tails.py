"""Relative accuracy where f is small, and float16 stability of the eager path."""

import dataclasses

import mpmath
import pytest
import torch

import actlab
from actlab import lookup
from actlab.formula import Formula
from actlab.ops import eager
from actlab.verify import verify


def relative(got: torch.Tensor, want: float) -> float:
    return abs(got.double().item() - want) / abs(want)


@pytest.mark.parametrize(
    "name, x, want",
    [
        ("gelu", -10.0, lambda x: x * mpmath.ncdf(x)),
        ("gelu", -37.0, lambda x: x * mpmath.ncdf(x)),
        ("xgelu", -20.0, lambda x: x * mpmath.ncdf(x)),
        ("phish", -20.0, lambda x: x * mpmath.tanh(x * mpmath.ncdf(x))),
        (
            "laplace",
            -5.0,
            lambda x: mpmath.ncdf((x - mpmath.sqrt(0.5)) / mpmath.sqrt(1 / (4 * mpmath.pi))),
        ),
        ("silu", -700.0, lambda x: x / (1 + mpmath.exp(-x))),
        ("shifted_softplus", 1e-12, lambda x: mpmath.log((1 + mpmath.exp(x)) / 2)),
        ("tanhshrink", 1e-3, lambda x: x - mpmath.tanh(x)),
        ("tempered_sigmoid", 1e-9, lambda x: 2 / (1 + mpmath.exp(-2 * x)) - 1),
    ],
)
def test_float64_forward_keeps_relative_accuracy(name, x, want):
    y = eager.apply(lookup(name), torch.tensor([x], dtype=torch.float64), lookup(name).defaults)
    with mpmath.workdps(40):
        assert relative(y, float(want(mpmath.mpf(x)))) < 1e-12


@pytest.mark.parametrize(
    "name, x, scale",
    [
        ("tanh", -20.0, 1.0),
        ("penalized_tanh", -20.0, 0.25),
        ("lecun_tanh", -30.0, 1.7159 * 2 / 3),
    ],
)
def test_tanh_derivative_tails(name, x, scale):
    spec = lookup(name)
    inner = 2 * x / 3 if name == "lecun_tanh" else x
    at = torch.tensor([x], dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(eager.apply(spec, at, spec.defaults).sum(), at)
    with mpmath.workdps(40):
        want = float(scale / mpmath.cosh(inner) ** 2)
    assert relative(grad, want) < 1e-12


def test_gelu_derivative_left_tail():
    spec = lookup("gelu")
    at = torch.tensor([-9.0], dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(eager.apply(spec, at, spec.defaults).sum(), at)
    with mpmath.workdps(40):
        x = mpmath.mpf(-9)
        want = float(mpmath.ncdf(x) + x * mpmath.npdf(x))
    assert relative(grad, want) < 1e-12


def test_float16_stability_of_named_entries():
    sau = actlab.get("sau", backend="eager").half()
    x = torch.linspace(-6e-4, -1e-4, 500).half().requires_grad_()
    y = sau(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    assert y.isfinite().all() and g.isfinite().all()

    star = lookup("starrelu")
    y = eager.apply(star, torch.tensor([257.75], dtype=torch.float16), star.defaults)
    assert relative(y, 59420.879) < 1e-3

    x = torch.tensor([2.998046875], dtype=torch.float16, requires_grad=True)
    hard = lookup("hardsigmoid")
    (g,) = torch.autograd.grad(eager.apply(hard, x, hard.defaults).sum(), x)
    assert relative(g, 1 / 6) < 1e-3

    x = torch.tensor([-2.998046875], dtype=torch.float16)
    assert (
        relative(eager.apply(lookup("hardswish"), x, {}), -2.998046875 * (3 - 2.998046875) / 6)
        < 1e-2
    )


def test_squares_are_scaled_before_squaring():
    f = Formula("s * relu(x)**2 - x**2 / sigma**2", ("s", "sigma")).torch_function()
    x = torch.tensor([300.0], dtype=torch.float16)
    (y,) = f(
        x, s=torch.tensor(0.5, dtype=torch.float16), sigma=torch.tensor(1e3, dtype=torch.float16)
    )
    assert relative(y, 0.5 * 300**2 - 0.09) < 1e-3


def test_forward_check_catches_relative_error_where_f_is_small():
    cancelling = dataclasses.replace(
        lookup("shifted_softplus"), name="cancelling", formula="softplus(x) - log(2)"
    )
    check = {c.name: c for c in verify(cancelling, ["forward"]).checks}["forward"]
    assert check.ok is False and "relative error" in check.detail
