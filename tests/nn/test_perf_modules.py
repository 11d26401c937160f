from actlab.perf import modules


def test_module_benchmarks_return_one_row_per_baseline():
    rows = [*modules.pau(elements=4096, groups=2, min_run_time=0.001),
            *modules.gated("gelu", tokens=4, hidden=8, min_run_time=0.001),
            *modules.kan(batch=8, features=4, loop_features=2, min_run_time=0.001)]
    assert [(r.name, r.baseline) for r in rows] == [
        ("pau", "plain torch + autograd"),
        ("feedforward gate*up", "actlab eager act * up"),
        ("feedforward gate*up", "torch native act * up"),
        ("kan", "basis-then-matmul in plain torch"),
        ("kan", "loop over edges"),
    ]
    assert all(r.seconds > 0 and r.speedup > 0 for r in rows)
