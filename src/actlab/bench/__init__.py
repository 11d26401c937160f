"""The benchmark: train real tasks with each nonlinearity over seeds, store every run in a
database, compare with sound statistics and write a self-contained HTML report.

>>> from actlab.bench import parse_acts, plan
>>> specs = plan(parse_acts("relu,gelu"), seeds=2, tasks=["digits"])
>>> len(specs), specs[0].key.task, specs[0].key.model
(8, 'digits', 'mlp')
"""

from actlab.bench.acts import ActChoice, parse_acts
from actlab.bench.benchmark import BenchResult, run
from actlab.bench.runner import Progress, RunSpec, execute, plan, sweep
from actlab.bench.store import RunKey, RunRecord, Store
from actlab.bench.task import Metric, Published, Task
from actlab.bench.tasks import get_task, task_names
from actlab.errors import DataError, OutputError, StoreError

__all__ = [
    "ActChoice", "BenchResult", "DataError", "Metric", "OutputError", "Progress", "Published",
    "RunKey", "RunRecord", "RunSpec", "Store", "StoreError", "Task", "execute", "get_task",
    "parse_acts", "plan", "run", "sweep", "task_names",
]  # fmt: skip
