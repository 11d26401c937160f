"""No code path evaluates text: the source never calls eval/exec/compile/sympify or unpickles."""

import ast
from pathlib import Path

import actlab

FORBIDDEN_CALLS = {"eval", "exec", "compile", "sympify", "parse_expr", "__import__", "lambdify"}
ALLOWED_CALLS = {"torch.compile"}  # compiles traced tensor programs, never text
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill"}


def test_source_never_evaluates_text():
    root = Path(actlab.__file__).parent
    offences = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                method = isinstance(node.func, ast.Attribute) and name == "eval" and not node.args
                if (name in FORBIDDEN_CALLS and ast.unparse(node.func) not in ALLOWED_CALLS
                        and not method):  # module.eval(): evaluation mode, not text
                    offences.append(f"{path.name}:{node.lineno} calls {name}")
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                offences += [f"{path.name}:{node.lineno} imports {m}" for m in modules
                             if m.split(".")[0] in FORBIDDEN_MODULES]
    assert not offences
