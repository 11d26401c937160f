"""Speed and memory measurements behind ``actlab perf`` (benchmarks, never tests)."""
