"""The house rules a machine can check (DESIGN: one direction only, one idea per file).

- the engine never imports Qt; the widgets never import docker;
- inside ``volgui/engine`` no import cycle, ``TYPE_CHECKING`` imports included;
- pure packages (the docker-run spec, the graph model and layout) import no
  engine module that talks to an engine;
- no module of ``volgui/`` is over 400 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent / "volgui"
MAX_LINES = 400


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(
                node.module.split(".")[0]
                if node.module.startswith(("PySide6", "docker"))
                else node.module
            )
    return names


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _engine_graph() -> dict[str, set[str]]:
    """Module -> the engine modules it imports (anywhere in the file, TYPE_CHECKING too).

    ``from volgui.engine.x import name`` counts as importing ``volgui.engine.x``,
    or ``volgui.engine.x.name`` when that is a module itself; a package's
    ``__init__`` is not followed from its submodules (Python imports it first
    anyway, and re-exports from it are the package's face, not a dependency).
    """
    modules = {
        _module_name(p): p for p in (ROOT / "engine").rglob("*.py") if "__pycache__" not in p.parts
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            for target in targets:
                if target in modules and target != name:
                    deps.add(target)
                    break
        graph[name] = {d for d in deps if d != "volgui.engine"}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                found.append(stack[stack.index(dep) :] + [dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_engine_is_qt_free() -> None:
    offenders = [p.name for p in (ROOT / "engine").rglob("*.py") if "PySide6" in _imports(p)]
    assert offenders == []


def test_widgets_never_import_docker() -> None:
    offenders = [
        p.name for p in (ROOT / "ui").rglob("*.py") if {"docker", "requests"} & _imports(p)
    ]
    assert offenders == []


def test_no_import_cycle_inside_the_engine() -> None:
    assert _cycles(_engine_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


@pytest.mark.parametrize("package", ["volgui.engine.runspec", "volgui.engine.graph"])
def test_pure_packages_import_no_engine_operation(package: str) -> None:
    graph = _engine_graph()
    allowed = (
        "volgui.engine.model",
        "volgui.engine.errors",
        "volgui.engine.validate",
        "volgui.engine.pace",
        package,
    )
    members = [m for m in graph if m == package or m.startswith(package + ".")]
    if not members:
        pytest.skip(f"{package} is not a package yet")
    offenders = {m: sorted(d for d in graph[m] if not d.startswith(allowed)) for m in members}
    assert {m: d for m, d in offenders.items() if d} == {}


def test_every_package_ships() -> None:
    """pyproject lists packages by name (resources/ is mapped in): none may be left out."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT.parent / "pyproject.toml").read_text())["tool"]["setuptools"][
            "packages"
        ]
    )
    on_disk = {_module_name(p) for p in ROOT.rglob("__init__.py") if "__pycache__" not in p.parts}
    assert on_disk - listed == set()


def test_no_module_over_400_lines() -> None:
    sizes = {
        str(p.relative_to(ROOT.parent)): len(p.read_text().splitlines())
        for p in ROOT.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}
