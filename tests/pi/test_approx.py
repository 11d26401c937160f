"""Polynomial approximations: Remez against known minimax results and 30-digit mpmath,
Chebyshev and least squares, composite sign and ReLU with their error bounds."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from actlab.catalog.registry import lookup
from actlab.errors import ActlabError
from actlab.pi.approx import (
    ApproximationError,
    chebyshev,
    check_equioscillation,
    composite_relu,
    composite_sign,
    least_squares,
    remez,
    sign_stage,
)
from actlab.pi.polynomial import Polynomial


def test_remez_abs_degree_two_is_the_classical_minimax():
    # best quadratic to |x| on [-1, 1]: x^2 + 1/8, error 1/8 at -1, -1/2, 0, 1/2, 1
    fit = remez("abs", (-1.0, 1.0), 2)
    assert fit.module.power_coefficients() == pytest.approx([0.125, 0.0, 1.0], abs=1e-9)
    assert fit.max_error == pytest.approx(0.125, rel=1e-9)
    assert len(fit.extrema) == 4


@pytest.mark.parametrize("degree", [2, 4, 6])
def test_remez_relu_is_half_the_abs_error(degree):
    # relu = (x + |x|) / 2 and x is in every polynomial space: E_n(relu) = E_n(|x|) / 2
    assert remez("relu", (-1.0, 1.0), degree).max_error == pytest.approx(
        remez("abs", (-1.0, 1.0), degree).max_error / 2, rel=1e-7
    )


@pytest.mark.parametrize(
    ("name", "interval", "degree"),
    [("relu", (-1.0, 1.0), 4), ("gelu", (-4.0, 4.0), 6), ("tanh", (-3.0, 3.0), 7)],
)
def test_remez_equioscillates_against_mpmath(name, interval, degree):
    fit = remez(name, interval, degree)
    errors = check_equioscillation(fit.module, lookup(name), fit.extrema)
    levels = np.abs(errors)
    assert len(errors) == degree + 2
    assert (levels.max() - levels.min()) <= 1e-6 * levels.max()
    assert all(a * b < 0 for a, b in zip(errors, errors[1:]))
    assert levels.max() == pytest.approx(fit.max_error, rel=1e-6)


def test_minimax_beats_chebyshev_and_least_squares_in_max_error():
    interval = (-4.0, 4.0)
    best = remez("gelu", interval, 6).max_error
    assert best < chebyshev("gelu", interval, 6).max_error
    assert best < least_squares("gelu", interval, 6).max_error


def test_the_equioscillation_check_rejects_a_non_minimax_polynomial():
    fit = chebyshev("tanh", (-3.0, 3.0), 5)
    with pytest.raises(ApproximationError, match="equioscillate"):
        check_equioscillation(fit.module, lookup("tanh"), np.linspace(-3, 3, 7).tolist())


def test_least_squares_follows_the_sample_distribution():
    generator = torch.Generator().manual_seed(0)
    narrow = torch.randn(20_000, generator=generator) * 0.5
    wide = least_squares("relu", (-4.0, 4.0), 2)
    focused = least_squares("relu", (-4.0, 4.0), 2, samples=narrow)
    x = narrow[:2000].double()
    error = lambda fit: float(((fit.module(x) - torch.relu(x)) ** 2).mean())  # noqa: E731
    assert error(focused) < error(wide) / 2
    edges = torch.linspace(-4, 4, 65)
    counts, _ = torch.histogram(narrow, bins=edges)
    from_histogram = least_squares("relu", (-4.0, 4.0), 2, samples=(edges, counts))
    assert from_histogram.module.power_coefficients() == pytest.approx(
        focused.module.power_coefficients(), abs=0.02
    )


def test_polynomial_module_derivative_matches_autograd():
    fit = chebyshev("swish", (-5.0, 5.0), 7)
    x = torch.linspace(-5, 5, 101, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(fit.module(x).sum(), x)
    assert torch.allclose(fit.module.derivative()(x.detach()), grad, atol=1e-10)
    again = Polynomial.from_power(fit.module.power_coefficients(), fit.interval)
    assert torch.allclose(again(x.detach()), fit.module(x.detach()), atol=1e-9)


def test_sign_stages_have_their_core_properties():
    for n in (1, 2, 3):
        stage = sign_stage(n)
        x = torch.linspace(0, 1, 1001, dtype=torch.float64)
        y = stage(x)
        assert stage.degree == 2 * n + 1
        assert float(stage(torch.tensor([1.0], dtype=torch.float64))) == pytest.approx(1.0)
        assert torch.allclose(stage(-x), -y)  # odd
        assert bool((y[1:] >= y[:-1]).all()) and bool((y <= 1 + 1e-12).all())  # onto [0, 1]


@pytest.mark.parametrize(("n", "stages", "epsilon"), [(1, 6, 0.1), (2, 5, 0.05), (3, 5, 0.05)])
def test_composite_sign_error_bound_holds(n, stages, epsilon):
    fit = composite_sign(n, stages, epsilon)
    x = torch.cat([torch.linspace(epsilon, 1, 4001, dtype=torch.float64)])
    observed = float((fit.module(x) - 1).abs().max())
    assert observed <= fit.max_error + 1e-12
    assert observed == pytest.approx(fit.max_error, rel=1e-9)  # attained at epsilon
    assert fit.depth == stages * math.ceil(math.log2(2 * n + 2))
    assert fit.multiplications == stages * 2 * n


def test_composite_relu_error_bound_holds_on_the_whole_interval():
    fit = composite_relu(bound=8.0, n=3, stages=5, epsilon=0.02)
    x = torch.linspace(-8, 8, 40_001, dtype=torch.float64)
    observed = float((fit.module(x) - torch.relu(x)).abs().max())
    assert observed <= fit.max_error
    assert fit.depth == composite_sign(3, 5, 0.02).depth + 1


@pytest.mark.parametrize(
    "call",
    [
        lambda: remez("relu", (1.0, 1.0), 3),
        lambda: remez("relu", (2.0, -1.0), 3),
        lambda: chebyshev("relu", (-1.0, math.inf), 3),
        lambda: remez("relu", (-1.0, 1.0), 0),
        lambda: remez("relu", (-1.0, 1.0), 500),
        lambda: remez("relu", (-1.0, 1.0), 3, iterations=1),
        lambda: least_squares("relu", (-1.0, 1.0), 4, samples=torch.zeros(100)),
        lambda: composite_sign(epsilon=0.0),
    ],
)
def test_bad_input_is_one_clear_actlab_error(call):
    with pytest.raises(ActlabError):
        call()
