"""`actlab bench` and `actlab report` as a user runs them: bad input is one clear line and exit
code 2, with nothing written; a small sweep writes the database and the report."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from actlab.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("args", "message"), [
    (["--acts", "relu,relux"], "unknown nonlinearity 'relux'. Did you mean: relu"),
    (["--acts", "relu,swish:beta=-1"], "out of range: valid values are [0, inf)"),
    (["--acts", "relu,swish:beta"], "write param=number"),
    (["--acts", "relu,swish:gamma=1"], "swish has no parameter 'gamma'"),
    (["--acts", "relu,,gelu"], "empty nonlinearity"),
    (["--acts", "gelu"], "baseline 'relu' is not among the nonlinearities"),
    (["--tasks", "digits,mnist2d"], "unknown task 'mnist2d'. Did you mean: mnist1d"),
    (["--suite", "huge"], "unknown suite 'huge'"),
    (["--seeds", "0"], "at least one seed"),
    (["--device", "tpu"], "device 'tpu' is not available"),
    (["--db", "sqlite:////no/such/dir/b.sqlite"], "cannot open database"),
    (["--db", "mysql+nodriver://x@y/z"], "database URL"),
    (["--backend", "slurm", "--tasks", "digits"], "unknown backend 'slurm'"),
])
def test_bad_input_exits_2_with_one_line(args, message, tmp_path, corpus_dir):
    result = runner.invoke(app, ["bench", "--out", str(tmp_path / "out"), "--data-dir",
                                 str(corpus_dir), *args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "out" / "report.html").exists()


def test_missing_data_says_where_to_put_it(offline, tmp_path):
    result = runner.invoke(app, ["bench", "--tasks", "shakespeare_char", "--out", str(tmp_path),
                                 "--data-dir", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "tinyshakespeare.txt not found" in result.stderr
    assert not list(tmp_path.glob("*.sqlite"))


def test_unwritable_output_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["bench", "--tasks", "digits", "--out", str(blocker / "out")])
    assert result.exit_code == 2 and "cannot write" in result.stderr


SWEEP = ["bench", "--tasks", "digits", "--acts", "relu,swish:beta=2", "--seeds", "1",
         "--workers", "2"]


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    """A small sweep's output directory and the result of the command that made it."""
    out = tmp_path_factory.mktemp("results")
    return out, runner.invoke(app, [*SWEEP, "--out", str(out)])


def test_small_sweep_writes_database_report_and_summary(swept, tmp_path):
    out, result = swept
    assert result.exit_code == 0, result.output
    assert (out / "bench.sqlite").exists() and (out / "report.html").exists()
    assert "digits / mlp" in result.stdout and "swish(beta=2)" in result.stdout
    assert "4 runs done, 0 already stored" in result.stdout
    rerun = runner.invoke(app, [*SWEEP, "--out", str(out)])
    assert "0 runs done, 4 already stored" in rerun.stdout

    report = runner.invoke(app, ["report", "--db", f"sqlite:///{out / 'bench.sqlite'}", "-o",
                                 str(tmp_path / "again.html")])
    assert report.exit_code == 0 and (tmp_path / "again.html").read_text().startswith(
        "<!DOCTYPE html>")


@pytest.mark.parametrize(("db", "message"), [
    ("sqlite:////no/such/dir/b.sqlite", "no database file"),
    ("postgresql+nodriver://u@localhost/db", "database URL"),
])
def test_report_of_a_missing_database(db, message, tmp_path):
    result = runner.invoke(app, ["report", "--db", db, "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_report_of_an_empty_suite(swept, tmp_path):
    result = runner.invoke(app, ["report", "--db", f"sqlite:///{swept[0] / 'bench.sqlite'}",
                                 "--suite", "full", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no runs of suite full" in result.stderr


def test_report_to_an_unwritable_path(swept, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["report", "--db", f"sqlite:///{swept[0] / 'bench.sqlite'}",
                                 "-o", str(blocker / "report.html")])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert blocker.read_text() == ""
