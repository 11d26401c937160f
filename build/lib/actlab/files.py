"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from actlab.errors import OutputError


def atomic_write(path: Path, payload: bytes) -> Path:
    """Write ``payload`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``. On any failure (full disk, no permission) nothing is left behind and an
    OutputError says why."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a report is meant to be read
        os.replace(temp, path)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    return path


def check_writable(directory: Path) -> Path:
    """Create ``directory`` if needed and prove a file can be written there."""
    atomic_write(Path(directory) / ".actlab-write-check", b"").unlink()
    return Path(directory)
