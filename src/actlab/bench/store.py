"""The results database (SQLAlchemy): a SQLite file by default, PostgreSQL by URL.

One row per run in ``runs``, unique on the run key, so concurrent writers can never duplicate a
result; its curve points go to ``curve_points``; the formula text of every nonlinearity that is not
built in goes to ``formulas``, once per name (databases written before that table existed gain it,
empty, when opened). A run and its curves are written in one
transaction once the run is complete, so killing a sweep loses no finished run.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from actlab.bench.task import Curves
from actlab.errors import StoreError


class Base(DeclarativeBase):
    pass


class Run(Base):
    """One completed run: its key, outcome, metrics and the environment it ran in."""

    __tablename__ = "runs"
    __table_args__ = (UniqueConstraint("task", "model", "act", "params", "seed", "config_hash",
                                       name="uq_run_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(64))
    act: Mapped[str] = mapped_column(String(64))
    params: Mapped[str] = mapped_column(String(512))  # canonical JSON of every parameter value
    seed: Mapped[int] = mapped_column(Integer)
    config_hash: Mapped[str] = mapped_column(String(32))
    suite: Mapped[str] = mapped_column(String(16))
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(8))  # "ok" or "failed"
    reason: Mapped[str | None] = mapped_column(Text)
    primary_metric: Mapped[str] = mapped_column(String(64))
    primary_value: Mapped[float | None] = mapped_column(Float)
    metrics: Mapped[dict[str, float]] = mapped_column(JSON)
    seconds: Mapped[float] = mapped_column(Float)
    environment: Mapped[dict[str, Any]] = mapped_column(JSON)
    finished: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CurvePoint(Base):
    """One point of a per-step curve (training loss, test accuracy...) of a run."""

    __tablename__ = "curve_points"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"),
                                        primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class StoredFormula(Base):
    """The formula of a nonlinearity that is not built in, under the name its runs carry."""

    __tablename__ = "formulas"

    act: Mapped[str] = mapped_column(String(64), primary_key=True)
    formula: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class RunKey:
    """What identifies a run: equal keys are the same experiment."""

    task: str
    model: str
    act: str
    params: str
    seed: int
    config_hash: str


@dataclass(frozen=True)
class RunRecord:
    """A finished run as the runner hands it to the store."""

    key: RunKey
    suite: str
    config: dict[str, Any]
    status: str
    reason: str | None
    primary_metric: str
    metrics: dict[str, float]
    curves: Curves
    seconds: float
    environment: dict[str, Any]
    formula: str | None = None  # the nonlinearity's formula text when it is not built in


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "busy_timeout=60000", "synchronous=NORMAL",
                   "foreign_keys=ON"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class Store:
    """A results database at ``url``; the connection is checked (and tables created) at once, so
    an unreachable database fails before any work starts. ``create=False`` refuses to start a
    new SQLite file (for readers, where a new file means a mistyped path).

    >>> store = Store("sqlite://")
    >>> store.completed([]), store.runs()
    (set(), [])
    """

    def __init__(self, url: str, *, create: bool = True):
        self.url = url
        try:
            parsed = make_url(url)
            self.engine: Engine = create_engine(parsed, pool_pre_ping=True)
        except (ArgumentError, ValueError) as err:
            raise StoreError(f"cannot read database URL {hide_password(url)!r} "
                             f"({hide_password(str(err))}); use e.g. "
                             "sqlite:///results/bench.sqlite or "
                             "postgresql+psycopg://user@host/db") from None
        except ImportError as err:
            raise StoreError(f"no driver for {hide_password(url)!r}: {err} (PostgreSQL: pip "
                             "install 'actlab[postgres]')") from None
        if parsed.get_backend_name() == "sqlite":
            path = parsed.database
            if not create and path and path != ":memory:" and not Path(path).is_file():
                raise StoreError(f"no database file {path}")
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._create_tables()

    def _create_tables(self, attempts: int = 3) -> None:
        for attempt in range(attempts):
            try:
                Base.metadata.create_all(self.engine)
                return
            except SQLAlchemyError as err:  # another process may have created them meanwhile
                if attempt == attempts - 1:
                    raise StoreError(f"cannot open database {self.display_url}: "
                                     f"{_first_line(err)}") from None

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def completed(self, keys: Iterable[RunKey]) -> set[RunKey]:
        """The subset of ``keys`` that already have a result (ok or failed)."""
        return set(self.statuses(keys))

    def statuses(self, keys: Iterable[RunKey]) -> dict[RunKey, str]:
        """``{key: "ok" or "failed"}`` for the ``keys`` that have a stored result."""
        wanted = set(keys)
        if not wanted:
            return {}
        tasks = {k.task for k in wanted}
        query = select(Run.task, Run.model, Run.act, Run.params, Run.seed, Run.config_hash,
                       Run.status).where(Run.task.in_(tasks))
        with self._session("read results") as session:
            found = {RunKey(*row[:-1]): row[-1] for row in session.execute(query)}
        return {k: v for k, v in found.items() if k in wanted}

    def record(self, record: RunRecord) -> bool:
        """Write one run and its curves in one transaction, replacing a stored failure of the
        same run; False if the run is already stored as ok."""
        if self._insert(record):
            return True
        key = record.key
        with self._session("replace a failed run") as session, session.begin():
            replaced = session.execute(delete(Run).where(
                Run.task == key.task, Run.model == key.model, Run.act == key.act,
                Run.params == key.params, Run.seed == key.seed,
                Run.config_hash == key.config_hash, Run.status == "failed")).rowcount
        return bool(replaced) and self._insert(record)

    def _insert(self, record: RunRecord) -> bool:
        """Write the run and its curves in one transaction; False on a duplicate key."""
        key = record.key
        metrics = {k: v for k, v in record.metrics.items() if math.isfinite(v)}
        row = Run(task=key.task, model=key.model, act=key.act, params=key.params, seed=key.seed,
                  config_hash=key.config_hash, suite=record.suite, config=record.config,
                  status=record.status, reason=record.reason,
                  primary_metric=record.primary_metric,
                  primary_value=metrics.get(record.primary_metric),
                  metrics=metrics, seconds=record.seconds,
                  environment=record.environment, finished=datetime.now(timezone.utc))
        try:
            with self._session("write a run") as session, session.begin():
                if record.formula is not None and session.get(StoredFormula, key.act) is None:
                    session.add(StoredFormula(act=key.act, formula=record.formula))
                session.add(row)
                session.flush()
                points = [{"run_id": row.id, "name": name, "step": step, "value": value}
                          for name, curve in record.curves.items() for step, value in curve
                          if math.isfinite(value)]
                if points:
                    session.execute(insert(CurvePoint), points)
        except IntegrityError:
            return False
        return True

    def formulas(self) -> dict[str, str]:
        """The stored formulas of the nonlinearities that are not built in: name -> text."""
        with self._session("read formulas") as session:
            return dict(session.execute(select(StoredFormula.act, StoredFormula.formula)).all())

    def check_formulas(self, formulas: dict[str, str]) -> None:
        """Raise StoreError if a name of ``formulas`` is stored with another formula."""
        stored = self.formulas()
        clash = {name: text for name, text in formulas.items()
                 if name in stored and stored[name] != text}
        if clash:
            name, text = next(iter(clash.items()))
            raise StoreError(f"{self.display_url} already holds runs of {name!r} = "
                             f"{stored[name]!r}, not {text!r}; give the new formula another name")

    def runs(self, suite: str | None = None) -> list[Run]:
        """Every stored run (of one suite), detached from the session."""
        query = select(Run).order_by(Run.task, Run.model, Run.act, Run.params, Run.seed)
        if suite is not None:
            query = query.where(Run.suite == suite)
        with self._session("read results") as session:
            rows = list(session.scalars(query))
            session.expunge_all()
        return rows

    def curves(self, run_ids: Iterable[int]) -> dict[int, Curves]:
        """Curves of the given runs: ``{run_id: {name: [(step, value), ...]}}``."""
        ids = list(run_ids)
        result: dict[int, Curves] = {i: {} for i in ids}
        query = select(CurvePoint).where(CurvePoint.run_id.in_(ids)).order_by(
            CurvePoint.run_id, CurvePoint.name, CurvePoint.step)
        with self._session("read curves") as session:
            for p in session.scalars(query):
                result[p.run_id].setdefault(p.name, []).append((p.step, p.value))
        return result

    def _session(self, doing: str) -> _Guarded:
        return _Guarded(Session(self.engine, expire_on_commit=False), doing, self.display_url)

    def close(self) -> None:
        self.engine.dispose()


class _Guarded:
    """A session whose database errors (other than a duplicate key) become StoreErrors."""

    def __init__(self, session: Session, doing: str, url: str):
        self.session, self.doing, self.url = session, doing, url

    def __enter__(self) -> Session:
        return self.session.__enter__()

    def __exit__(self, kind, error, traceback) -> None:
        self.session.__exit__(kind, error, traceback)
        if isinstance(error, SQLAlchemyError) and not isinstance(error, IntegrityError):
            raise StoreError(f"cannot {self.doing} in {self.url}: {_first_line(error)}") from None


def hide_password(text: str) -> str:
    """``text`` with the password of any URL in it replaced by ``***``.

    >>> hide_password("cannot open postgresql://ann:s3cret@db/x")
    'cannot open postgresql://ann:***@db/x'
    """
    return re.sub(r"(://[^/:@\s]*:)[^@\s]*@", r"\1***@", text)


def _first_line(error: Exception) -> str:
    text = hide_password(str(getattr(error, "orig", None) or error))
    return text.splitlines()[0] if text else type(error).__name__
