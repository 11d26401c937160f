"""The benchmark tasks: every module in this package defines one ``TASK`` (a
:class:`~actlab.bench.task.Task`); adding a task is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from actlab.bench.task import Task
from actlab.errors import ParameterError, UnknownNameError


@cache
def _tasks() -> dict[str, Task]:
    tasks: dict[str, Task] = {}
    for module in pkgutil.iter_modules(__path__):
        task = importlib.import_module(f"{__name__}.{module.name}").TASK
        if task.name in tasks:
            raise ParameterError(f"two task modules declare the task {task.name!r}")
        tasks[task.name] = task
    return tasks


def get_task(name: str) -> Task:
    """The task called ``name``; unknown names list close matches.

    >>> get_task("digits").models
    ('mlp', 'cnn')
    """
    tasks = _tasks()
    if name not in tasks:
        raise UnknownNameError("task", name, tasks)
    return tasks[name]


def task_names() -> list[str]:
    """Every task, in module order.

    >>> task_names()[:2]
    ['deep_narrow', 'digits']
    """
    return list(_tasks())
