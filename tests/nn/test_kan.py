import pytest
import torch

from actlab.errors import ParameterError
from actlab.nn import KANLinear
from actlab.perf.modules import _edge_loop_kan, _plain_kan

CASES = [("bspline", {}), ("bspline", {"base": False, "order": 2}), ("relu", {}),
         ("fourier", {"frequencies": 3}), ("rational", {"groups": 2, "degree": (3, 2)})]


@pytest.mark.parametrize(("basis", "options"), CASES)
def test_gradcheck_over_input_and_parameters(basis, options):
    torch.manual_seed(0)
    layer = KANLinear(4, 3, basis, **options).double()
    names = [n for n, _ in layer.named_parameters()]
    x = torch.randn(5, 4, dtype=torch.float64, requires_grad=True)

    def run(x, *params):
        return torch.func.functional_call(layer, dict(zip(names, params)), (x,))

    assert torch.autograd.gradcheck(run, (x, *layer.parameters()))


@pytest.mark.parametrize(("basis", "options"), CASES)
def test_linear_drop_in_shapes_round_trip_and_unit_variance(basis, options):
    torch.manual_seed(1)
    layer = KANLinear(8, 6, basis, **options)
    y = layer(torch.randn(4096, 8))
    assert 0.5 < y.std().item() < 1.6  # variance-preserving initialization
    copy = KANLinear(8, 6, basis, **options)
    copy.load_state_dict(layer.state_dict())
    x = torch.randn(2, 3, 8)
    assert copy(x).shape == (2, 3, 6)
    torch.testing.assert_close(copy(x), layer(x))


def test_matches_the_plain_formulation_and_the_edge_loop(compiled_kernels):
    torch.manual_seed(2)
    layer = KANLinear(5, 4)
    x = torch.randn(7, 5)
    weight = layer.weight.view(4, 5, layer.basis.size)
    torch.testing.assert_close(layer(x), _plain_kan(layer, x))
    torch.testing.assert_close(layer(x), _edge_loop_kan(layer, weight, x))


def test_bsplines_are_a_partition_of_unity_inside_the_grid():
    layer = KANLinear(3, 1, base=False)
    bases = layer.basis(torch.rand(100, 3) * 2 - 1)
    torch.testing.assert_close(bases.sum(-1), torch.ones(100, 3))


def test_relu_bumps_peak_at_one_midway():
    layer = KANLinear(1, 1, "relu", grid_size=4, order=1, grid_range=(0.0, 4.0))
    starts, ends = layer.basis.starts, layer.basis.ends
    peaks = layer.basis(((starts + ends) / 2)[:, None])
    torch.testing.assert_close(peaks.diagonal(dim1=0, dim2=2)[0], torch.ones(5))


def test_grid_update_moves_knots_to_the_data_and_keeps_the_function():
    torch.manual_seed(3)
    layer = KANLinear(3, 2)
    x = torch.rand(2000, 3) * 2 - 1
    before = layer(x)
    layer.update_grid(x)
    assert layer.basis.grid[:, 3].max() < -0.95 and layer.basis.grid[:, -4].min() > 0.95
    assert (layer(x) - before).abs().max() < 0.05 * before.abs().max()
    wide = torch.rand(2000, 3) * 8 - 4
    layer.update_grid(wide)
    assert layer.basis.grid[:, 3].max() < -3.9 and layer.basis.grid[:, -4].min() > 3.9


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ParameterError, match="basis must be one of"):
        KANLinear(2, 2, "chebyshev")
    with pytest.raises(ParameterError, match="grid_size"):
        KANLinear(2, 2, grid_size=0)
    with pytest.raises(ParameterError, match="options: frequencies"):
        KANLinear(2, 2, "fourier", grid_size=3)
    with pytest.raises(ParameterError, match="4 features"):
        KANLinear(4, 2)(torch.randn(3, 5))
    with pytest.raises(ParameterError, match="needs the bspline basis"):
        KANLinear(2, 2, "relu").update_grid(torch.randn(4, 2))
    with pytest.raises(ParameterError, match="equal"):
        KANLinear(6, 2, "rational", groups=4)
