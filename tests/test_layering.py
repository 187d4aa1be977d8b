"""The engine never imports Qt; the widgets never import docker (DESIGN: one direction only)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent / "volgui"


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


def test_engine_is_qt_free() -> None:
    offenders = [p.name for p in (ROOT / "engine").rglob("*.py") if "PySide6" in _imports(p)]
    assert offenders == []


def test_widgets_never_import_docker() -> None:
    offenders = [
        p.name for p in (ROOT / "ui").rglob("*.py") if {"docker", "requests"} & _imports(p)
    ]
    assert offenders == []
