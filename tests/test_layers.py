"""The layers of docs/architecture.md, enforced: the import-linter contracts in pyproject.toml
hold, every part of the package has its place in them, and an upward import breaks them."""

from __future__ import annotations

import ast
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

from importlinter.api import read_configuration

import actlab

ROOT = Path(__file__).parents[1]
PACKAGE = Path(actlab.__file__).parent
LINT = Path(sys.executable).with_name("lint-imports")


def lint(cwd: Path, *paths: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": ":".join(map(str, paths)), "PATH": "/usr/bin:/bin"}
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def layer_names() -> set[str]:
    contracts = read_configuration(str(ROOT / "pyproject.toml"))["contracts_options"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return {name.strip("() ") for layer in layers for name in re.split(r"[|:]", layer)}


def test_the_contracts_hold():
    result = lint(ROOT, PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_module_of_the_package_has_a_layer():
    modules = {m.name for m in pkgutil.iter_modules([str(PACKAGE)])}
    assert modules - layer_names() == set(), "add the new module to the layers in pyproject.toml"


def test_an_upward_import_breaks_the_contract(tmp_path):
    copy = tmp_path / "src" / "actlab"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    eager = copy / "ops" / "eager.py"
    eager.write_text(eager.read_text() + "\nfrom actlab.bench import store  # noqa\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    result = lint(tmp_path, copy.parent)
    assert result.returncode == 1
    assert "actlab.ops.eager -> actlab.bench.store" in result.stdout


def test_no_module_imports_the_facade():
    """Inside the package, modules import what they use, never ``actlab`` itself."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and not node.level else [])
            if "actlab" in names:
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
