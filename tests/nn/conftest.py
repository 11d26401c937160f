import pytest


@pytest.fixture(autouse=True)
def _eager_kernels(request, monkeypatch):
    """Compiling a kernel costs seconds per new signature (dtype, shape class, grad mode), so the
    fused kernels' code runs eagerly here, except in tests that request ``compiled_kernels``:
    those check the compiled path against plain references."""
    if "compiled_kernels" not in request.fixturenames:
        monkeypatch.setenv("ACTLAB_COMPILE", "0")


@pytest.fixture
def compiled_kernels():
    """Run the test with actlab's kernels compiled by Inductor."""
