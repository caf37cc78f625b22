"""No module of the package imports another that imports it back (issue 17).

A circle works only as long as one side imports the other inside a function, late enough; it
hides which module owns what (quiz.py and verantwoording.py used to write into each other's
nodes). The imports are read with `ast`, also those inside functions, so a circle cannot hide
behind a late import."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "miskraam"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path, known: set[str]) -> set[str]:
    """The package's modules that this file imports, anywhere in it (top level, functions,
    `if` blocks): `from .x import y` imports x; `from . import x` imports the submodule x,
    not the package around it."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from . import b` imports the submodule b; `from .x import name`, the module x
            targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin
                       for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in known and target != name)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    files = sorted(root.rglob("*.py"))
    known = {module_name(path, root) for path in files}
    return {module_name(path, root): imported_modules(path, root, known) for path in files}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each once, as the modules along it (first module repeated last)."""
    found: list[list[str]] = []
    seen: set[frozenset] = set()

    def walk(start: str, module: str, path: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target == start:
                key = frozenset(path)
                if key not in seen:
                    seen.add(key)
                    found.append([*path, start])
            elif target not in path and target > start:  # each circle from its smallest name
                walk(start, target, [*path, target])

    for module in sorted(graph):
        walk(module, module, [module])
    return found


def test_the_reader_finds_a_circle_through_an_import_inside_a_function(tmp_path):
    package = tmp_path / "pakket"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("from . import a\n", encoding="utf-8")
    (package / "a.py").write_text("from .sub.b import thing\n", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "b.py").write_text(
        "def later():\n    from ..a import other\n    return other\n", encoding="utf-8")
    (package / "sub" / "c.py").write_text("from . import b\n", encoding="utf-8")
    graph = import_graph(package)
    assert graph["pakket.sub.b"] == {"pakket.a"}
    assert graph["pakket.sub.c"] == {"pakket.sub.b"}
    assert circles(graph) == [["pakket.a", "pakket.sub.b", "pakket.a"]]


def test_no_module_imports_another_that_imports_it_back():
    found = [" → ".join(circle) for circle in circles(import_graph())]
    assert not found, "importcirkels in miskraam: " + "; ".join(found)


def test_no_test_module_imports_another():
    """Shared test helpers live in conftest.py or audit.py (docs/architecture.md, "Tests"): a
    test module imported by another runs its module-level code twice and its fixtures in the
    wrong file."""
    tests = Path(__file__).parent
    found = [f"{path.name}: {line.strip()}" for path in sorted(tests.glob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*(from\s+(\.|tests\.)test_\w+\s+import|import\s+tests\.test_)", line)]
    assert not found, found
