"""The toolbar's SVG icons, from ``resources/icons`` (DESIGN's layout)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/NAME.svg``; an empty icon (text only) if it is missing."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
