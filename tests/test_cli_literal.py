"""User text reaches the terminal literally: square brackets are never Rich markup, and a bad
argument is one line on stderr with exit status 2, whatever it contains."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from actlab.cli import app

runner = CliRunner()
MARKUP = ["[/]", "[bold]"]


def commands(text: str, blocker: str, db: str, out: str) -> list[list[str]]:
    """Every command with ``text`` in one text argument at a time (``blocker`` is a regular
    file, so a path below it cannot be written; ``db`` an existing results database; ``out`` an
    empty directory). A repeated option takes its last value."""
    bench = ["bench", "--acts", "relu", "--tasks", "digits", "--seeds", "1", "--out", out]
    return [
        ["list", "--family", text],
        ["show", text],
        ["plot", text],
        ["plot", "relu", "-o", f"{blocker}/{text}.png"],
        ["verify", text],
        ["perf", "--names", text],
        ["perf", "--names", "relu", "--dtype", text],
        ["perf", "--names", "relu", "--device", text],
        [*bench, "--acts", text],
        [*bench, "--acts", f"relu,{text}"],
        [*bench, "--tasks", text],
        [*bench, "--suite", text],
        [*bench, "--db", text],
        [*bench, "--backend", text],
        [*bench, "--device", text],
        [*bench, "--baseline", text],
        [*bench, "--out", f"{blocker}/{text}"],
        ["report", "--db", text],
        ["report", "--db", db, "--baseline", text],
        ["report", "--db", db, "--suite", text],
        ["report", "--db", db, "-o", f"{blocker}/{text}.html"],
    ]


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    from bench.helpers import record

    from actlab.bench import Store

    root = tmp_path_factory.mktemp("literal")
    (root / "out").mkdir()
    (root / "file").write_text("not a directory")
    url = f"sqlite:///{root / 'r.sqlite'}"
    Store(url).record(record(0))
    return str(root / "file"), url, str(root / "out")


@pytest.mark.parametrize("text", MARKUP)
def test_every_command_prints_bracketed_text_literally(text, places):
    for args in commands(text, *places):
        result = runner.invoke(app, args)
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 2, (args, result.output, result.exception)
        assert len(lines) == 1 and lines[0].startswith("error: "), (args, result.stderr)
        assert text.split("/")[0] in lines[0], (args, lines[0])


def test_the_postgres_hint_keeps_its_extra():
    result = runner.invoke(app, ["report", "--db", "postgresql+pg8000://u@h/db"])
    assert result.exit_code == 2 and "actlab[postgres]" in result.stderr


def bad_arguments(tmp: str) -> list[list[str]]:
    return [
        ["perf", "--names", ","],
        ["perf", "--names", ""],
        ["perf", "--names", "relu,"],
        ["perf", "--names", "relu", "--size", str(10**15)],
        ["plot", "relu", "-o", f"{tmp}/x.txt"],
        ["plot", "relu", "--low", "-inf", "--high", "inf", "-o", f"{tmp}/x.png"],
        ["plot", "relu", "--low", "nan", "-o", f"{tmp}/x.png"],
    ]


def test_bad_arguments_are_one_line_errors_and_write_nothing(tmp_path):
    for args in bad_arguments(str(tmp_path)):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
    assert list(tmp_path.iterdir()) == []


class _Timed:
    name, auto = "relu", "eager"


def test_perf_records_float32_choices_only_and_reports_an_unwritable_cache(
    monkeypatch, tmp_path, fresh_cache
):
    from actlab.ops.machine import machine_file
    from actlab.perf import activations

    monkeypatch.setattr(activations, "measure", lambda specs, **options: [_Timed()])
    monkeypatch.setattr(
        activations,
        "table",
        lambda results: __import__("actlab").tables.Table.of(("name",), [("relu",)]),
    )
    half = runner.invoke(app, ["perf", "--names", "relu", "--size", "1024", "--dtype", "float16"])
    assert half.exit_code == 0 and "not recorded" in half.stderr
    assert not machine_file("choices", "cpu").exists()
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("ACTLAB_CACHE", str(tmp_path / "file" / "cache"))
    result = runner.invoke(app, ["perf", "--names", "relu", "--size", "1024"])
    assert result.exit_code == 2 and result.stderr.strip().startswith("error: cannot write")
