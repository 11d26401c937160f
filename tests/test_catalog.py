"""Every catalog entry passes every check; adding an entry adds no test code."""

import pytest

import actlab
from actlab.precision import reference_values, relative_error, verification_points
from actlab.verify import verify

ENTRIES = [spec.name for spec in actlab.catalog()]


def test_catalog_size_and_declarations():
    specs = actlab.catalog()
    assert len(specs) >= 100
    for spec in specs:
        assert spec.citation is not None and spec.citation.title, spec.name
        assert spec.properties is not None, spec.name
        assert spec.description, spec.name


def test_torch_nn_pointwise_activations_are_covered():
    wanted = {"elu", "hardshrink", "hardsigmoid", "hardtanh", "hardswish", "leaky_relu",
              "logsigmoid", "prelu", "relu", "relu6", "rrelu", "selu", "celu", "gelu", "sigmoid",
              "silu", "mish", "softplus", "softshrink", "softsign", "tanh", "tanhshrink",
              "threshold"}
    assert wanted <= {spec.name for spec in actlab.catalog()}


@pytest.mark.parametrize("name", ENTRIES)
def test_entry_verifies(name):
    report = verify(name)
    failures = {c.name: c.detail for c in report.failures()}
    assert not failures


@pytest.mark.parametrize("name", [s.name for s in actlab.catalog() if s.published is not None])
def test_published_formula_is_the_same_function(name):
    spec = actlab.lookup(name)
    x = verification_points()
    x = x[x.abs() <= 20]
    published = reference_values(spec.published_formula, spec.defaults, x)
    written = reference_values(spec.expression, spec.defaults, x)
    defined = published.isfinite()
    assert defined.float().mean() > 0.99
    assert (relative_error(published[defined], written[defined]) <= 1e-12).all()
