"""SVG icons from ``resources/icons``, shipped as the ``volgui.resources`` package data."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/NAME.svg``; an empty icon (text only) if it is missing."""
    path = files("volgui.resources").joinpath("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
