"""`actlab identify` and `actlab search` driven as a user would."""

from __future__ import annotations

from typer.testing import CliRunner

from actlab.cli import app

runner = CliRunner()


def test_identify_lists_the_equal_entries_then_the_five_nearest_with_fitted_parameters():
    result = runner.invoke(app, ["identify", "x*sigmoid(1.702*x)", "--markdown"])
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    equal = [row for row in rows if "| equal (" in row]
    assert rows[: len(equal)] == equal and len(rows) - len(equal) == 5
    assert rows[0].startswith("| gelu_sigmoid | equal")  # no parameter: the most specific
    assert any(row.startswith("| swish | equal (symbolic) |") and "beta=1.702" in row
               for row in equal)
    assert any(row.startswith("| gelu | near |") for row in rows)


def test_bad_input_is_one_line_and_exit_status_2(tmp_path):
    bad = runner.invoke(app, ["identify", "x * foo(x)"])
    assert bad.exit_code == 2 and "unknown function 'foo'" in bad.stderr
    zero = runner.invoke(app, ["search", "--budget-runs", "0", "--out", str(tmp_path)])
    assert zero.exit_code == 2 and "at least one run" in zero.stderr
    task = runner.invoke(app, ["search", "--task", "nope", "--out", str(tmp_path)])
    assert task.exit_code == 2 and "unknown task 'nope'" in task.stderr
