"""``volgui.ui.main_window.MainWindow``: the name the design promises; the window lives in
``volgui/ui/window/``, one concern per file."""

from __future__ import annotations

from volgui.ui.window import MainWindow

__all__ = ["MainWindow"]
