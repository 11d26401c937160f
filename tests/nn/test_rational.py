import pytest
import torch

import actlab
from actlab.errors import ParameterError
from actlab.nn.learnable import Rational, rational
from actlab.series import rational_value


@pytest.mark.parametrize("form", ["abs_sum", "sum_abs"])
def test_gradcheck_over_input_and_coefficients(form):
    torch.manual_seed(0)
    x = torch.randn(3, 4, 5, dtype=torch.float64, requires_grad=True)
    a = torch.randn(2, 6, dtype=torch.float64, requires_grad=True)
    b = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda *t: rational(*t, dim=1, form=form), (x, a, b))


@pytest.mark.parametrize("form", ["abs_sum", "sum_abs"])
def test_fused_matches_plain_formula_with_groups(form, compiled_kernels):
    torch.manual_seed(1)
    x = torch.randn(4, 6, 3, dtype=torch.float64, requires_grad=True)
    a = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
    b = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
    grad = torch.randn_like(x)
    fused = rational(x, a, b, dim=1, form=form)
    plain = rational_value(x.view(4, 3, 6), a[:, None], b[:, None], form).view_as(x)
    torch.testing.assert_close(fused, plain)
    for got, want in zip(torch.autograd.grad(fused, (x, a, b), grad),
                         torch.autograd.grad(plain, (x, a, b), grad)):
        torch.testing.assert_close(got, want)


def test_group_g_owns_a_contiguous_block_of_channels():
    a = torch.tensor([[0.0, 1.0], [0.0, 2.0]])  # group 0: x, group 1: 2x
    b = torch.zeros(2, 1)
    y = rational(torch.ones(1, 4, 2), a, b, dim=1)
    assert y[0, :, 0].tolist() == [1.0, 1.0, 2.0, 2.0]


@pytest.mark.parametrize("form", ["abs_sum", "sum_abs"])
def test_pau_fitted_to_leaky_relu_is_within_its_reported_error(form):
    pau = Rational(form=form).double()
    x = torch.empty(5000, dtype=torch.float64).uniform_(-3, 3)
    error = (pau(x) - torch.nn.functional.leaky_relu(x, 0.01)).abs().max().item()
    assert error <= pau.fit_error * 1.01 + 1e-9
    assert pau.fit_error < 0.05


def test_sum_abs_fit_reproduces_the_published_leaky_relu_initialization():
    result = actlab.fit("leaky_relu", "rational", denominator="sum_abs")
    torch.testing.assert_close(result.coefficients["numerator"],
                               torch.tensor([0.0298, 0.6184, 2.3234, 3.0520, 1.4855, 0.2510],
                                            dtype=torch.float64), atol=2e-3, rtol=0)
    torch.testing.assert_close(result.coefficients["denominator"].abs(),
                               torch.tensor([1.1420, 4.3932, 0.8715, 0.3472],
                                            dtype=torch.float64), atol=2e-3, rtol=0)


def test_state_dict_round_trip_and_groups():
    pau = Rational((3, 2), groups=4, dim=1, init="gelu")
    with torch.no_grad():
        pau.numerator.add_(0.1)
    copy = Rational((3, 2), groups=4, dim=1, init="gelu")
    copy.load_state_dict(pau.state_dict())
    x = torch.randn(2, 8, 3)
    torch.testing.assert_close(copy(x), pau(x))
    assert copy.numerator.shape == (4, 4)


def test_bad_groups_and_dims_raise_clear_errors():
    with pytest.raises(ParameterError, match="equal groups"):
        Rational(groups=3)(torch.randn(2, 4))
    with pytest.raises(ParameterError, match="out of range"):
        rational(torch.randn(2), torch.ones(2), torch.ones(1), dim=3)
    with pytest.raises(ParameterError, match="form"):
        Rational(form="plain")


def test_catalog_pau_is_the_sum_abs_rational_at_its_published_initialization():
    spec = actlab.lookup("pau")
    a = torch.tensor([spec.defaults[f"a{j}"] for j in range(6)], dtype=torch.float64)
    b = torch.tensor([spec.defaults[f"b{k}"] for k in range(1, 5)], dtype=torch.float64)
    x = torch.linspace(-5, 5, 1001, dtype=torch.float64)
    torch.testing.assert_close(actlab.fn("pau")(x), rational(x, a, b, form="sum_abs"))
    fitted = Rational(form="sum_abs").double()
    assert (fitted(x) - actlab.fn("pau")(x)).abs().max() < 0.01
