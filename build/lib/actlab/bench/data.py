"""Where datasets live: an explicit directory, ``$ACTLAB_DATA``, then the user cache."""

from __future__ import annotations

import logging
import os
import urllib.request
from pathlib import Path

from actlab.errors import DataError, OutputError
from actlab.files import atomic_write

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/actlab`` (``~/.cache/actlab`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "actlab"


def search_path(data_dir: Path | None) -> list[Path]:
    """Directories searched for data files, in order."""
    dirs = [data_dir] if data_dir else []
    if os.environ.get("ACTLAB_DATA"):
        dirs.append(Path(os.environ["ACTLAB_DATA"]))
    return [*dirs, cache_dir() / "data"]


def locate(filename: str, data_dir: Path | None, url: str | None = None) -> Path:
    """The first ``filename`` on :func:`search_path`; else download ``url`` into the user cache;
    else a DataError saying where to put the file."""
    dirs = search_path(data_dir)
    for directory in dirs:
        if (directory / filename).is_file():
            return directory / filename
    if url is not None:
        try:
            return _download(url, dirs[-1] / filename)
        except (OSError, OutputError) as err:
            log.info("downloading %s failed: %s", url, err)
    places = ", ".join(str(d) for d in dirs)
    source = f" (source: {url})" if url else ""
    raise DataError(f"{filename} not found in {places}{source}; put it in one of these "
                    f"directories, or pass --data-dir / set ACTLAB_DATA to its directory")


def _download(url: str, target: Path) -> Path:
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - fixed https source
        return atomic_write(target, response.read())
