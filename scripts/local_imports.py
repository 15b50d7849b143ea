"""List imports made inside functions that do not say why (part of `make lint`).

An import belongs at the top of its module. Inside a function it hides a cycle or a layer
break from the reader and from import-linter's eye; it is allowed where Django requires it
(`AppConfig.ready`) and where a comment on the line or the line above says why.
Exit status 1 when any is found.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "migrations", "tests", "bench", "scripts", "var", "node_modules", ".git"}
# Django needs settings before these import anything of it.
ENTRY_POINTS = {"manage.py", "conftest.py"}


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if not parts & SKIPPED and path.name not in ENTRY_POINTS:
            yield path


def unexplained(path):
    source = path.read_text()
    lines = source.splitlines()
    tree = ast.parse(source)
    seen = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name == "ready" and path.name == "apps.py":
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom) or node.lineno in seen:
                continue
            seen.add(node.lineno)
            line = lines[node.lineno - 1]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            if "#" not in line and not above.startswith("#"):
                yield node.lineno, line.strip()


def main():
    found = [
        f"{path.relative_to(ROOT)}:{lineno}: {line}"
        for path in python_files()
        for lineno, line in unexplained(path)
    ]
    for row in found:
        print(row)
    if found:
        print(f"{len(found)} imports inside functions without a comment saying why.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
