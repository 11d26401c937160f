"""The README's Python examples run as written (the benchmark's example trains for minutes: its
call, ``actlab.bench.run``, is tested on a tiny budget in tests/bench/test_run_api.py)."""

import re
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"


def test_readme_python_examples_run(scratch_registry):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    runnable = [b for b in blocks if "from actlab.bench import run" not in b]
    assert len(runnable) == len(blocks) - 1
    namespace: dict = {}
    for block in runnable:
        exec(compile(block, "README.md", "exec"), namespace)  # trusted project documentation
    assert namespace["y"].shape == (8, 16)
    assert namespace["layer"].spec.name == "my_mish"
