"""The module benchmarks behind `actlab perf --modules`, with the clock replaced by a stand-in that
runs each piece of work once (tests never time)."""

from actlab.perf import modules


def test_module_benchmarks_run_every_path_and_return_one_row_per_baseline(monkeypatch):
    ran = []
    monkeypatch.setattr(modules, "median_seconds", lambda work, **_: (ran.append(work()), 0.5)[1])
    rows = [*modules.pau(elements=4096, groups=2), *modules.gated("gelu", tokens=4, hidden=8),
            *modules.kan(batch=8, features=4, loop_features=2)]
    assert [(r.name, r.baseline) for r in rows] == [
        ("pau", "plain torch + autograd"),
        ("feedforward gate*up", "actlab eager act * up"),
        ("feedforward gate*up", "torch native act * up"),
        ("kan", "basis-then-matmul in plain torch"),
        ("kan", "loop over edges"),
    ]
    assert len(ran) == 9 and all(r.speedup == 1.0 for r in rows)  # each path ran once
    table = modules.table(rows)
    assert table.columns[-1] == "speed-up" and table.rows[0][-1] == "1.0x"
