"""The main window, one concern per file: see ``main_window.py`` for the map."""

from __future__ import annotations

from volgui.ui.window.main_window import MainWindow

__all__ = ["MainWindow"]
