"""Files that belong to this machine: measured cost tables and backend choices.

They live under ``$ACTLAB_CACHE`` (default ``$XDG_CACHE_HOME/actlab``, else ``~/.cache/actlab``),
one per device and torch version, and are written atomically so an interrupted run never leaves
half a file.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import torch

from actlab.files import atomic_write


def cache_dir() -> Path:
    """``$ACTLAB_CACHE``, else ``$XDG_CACHE_HOME/actlab``, else ``~/.cache/actlab``."""
    if os.environ.get("ACTLAB_CACHE"):
        return Path(os.environ["ACTLAB_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "actlab"


def machine_key(device: torch.device | str) -> str:
    """A file-name-safe description of ``device`` on this machine, with the torch version."""
    device = torch.device(device)
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
    else:
        name = f"{platform.machine()}-{cpu_model()}-{torch.get_num_threads()}threads"
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    return f"{device.type}-{safe}-torch{torch.__version__.split('+')[0]}"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "cpu"


def machine_file(kind: str, device: torch.device | str) -> Path:
    return cache_dir() / f"{kind}-{machine_key(device)}.json"


def read_json(path: Path) -> dict:
    """The JSON object in ``path``; empty if the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return atomic_write(path, json.dumps(data, indent=1, sort_keys=True).encode())
