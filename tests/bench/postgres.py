"""A throwaway PostgreSQL server for the tests: a cluster in a temporary directory on 127.0.0.1,
a fresh database per test, everything stopped and removed at the end."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

NOT_INSTALLED = ("PostgreSQL server not installed: the store was NOT tested against PostgreSQL; "
                 "install postgresql (apt-get install postgresql)")
SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")


def _version(bindir: Path) -> float:
    """15 for /usr/lib/postgresql/15/bin."""
    try:
        return float(bindir.parent.name)
    except ValueError:
        return 0.0


def find_bindir() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: pg_config's, the one on PATH, or the
    newest /usr/lib/postgresql/*/bin; None if there is none."""
    candidates = []
    if pg_config := shutil.which("pg_config"):
        bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if bindir.returncode == 0:
            candidates.append(Path(bindir.stdout.strip()))
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version, reverse=True)
    return next((d for d in candidates if all((d / p).is_file() for p in SERVER_PROGRAMS)), None)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A temporary cluster on 127.0.0.1 at a free port, its unix socket in its own directory,
    owned by the ``postgres`` user when run as root (initdb refuses root). Use it with ``with``:
    entering starts it, leaving stops it and removes its files."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="actlab-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.owner = "postgres" if os.geteuid() == 0 else None
        if self.owner:
            shutil.chown(self.root, self.owner, self.owner)
        self.port = free_port()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def __enter__(self) -> Cluster:
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")
            options = (f"-h 127.0.0.1 -p {self.port} -k {self.root} -F "
                       "-c full_page_writes=off -c synchronous_commit=off")
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                      "-o", options, "start")
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        """Run a server program as the cluster's owner; failures carry its output and log."""
        result = subprocess.run([str(self.bindir / program), *args], capture_output=True,
                                text=True, cwd=self.root, user=self.owner, group=self.owner,
                                extra_groups=[] if self.owner else None)
        if result.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} failed (exit {result.returncode}) in {self.root}:\n"
                               f"{result.stdout}{result.stderr}{log}")

    def create_database(self, name: str) -> str:
        """Create database ``name`` and return its URL."""
        execute(self.url("postgres"), f'CREATE DATABASE "{name}"')
        return self.url(name)


def execute(url: str, statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server of ``server_url``, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    execute(server_url, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        execute(server_url, f'DROP DATABASE "{name}" WITH (FORCE)')
