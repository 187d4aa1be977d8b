"""Colouring a message or a field without style sheets (a style sheet per widget
makes Qt restyle it through QStyleSheetStyle: slow to show, and the dialog must
open within 100 ms of a drop)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from volgui.ui import colours


def danger_text(widget: QWidget) -> None:
    """Write ``widget``'s text in the palette's danger red."""
    p = widget.palette()
    p.setColor(QPalette.ColorRole.WindowText, colours.danger(p))
    widget.setPalette(p)


def mark_bad(widget: QWidget, bad: bool) -> None:
    """Tint an input field red-ish while its value is refused (and back as it was)."""
    before: QPalette | None = getattr(widget, "_volgui_palette", None)
    if bad == (before is not None):
        return
    if not bad:
        assert before is not None
        widget.setPalette(before)
        widget._volgui_palette = None  # type: ignore[attr-defined]
        return
    widget._volgui_palette = QPalette(widget.palette())  # type: ignore[attr-defined]
    p = widget.palette()
    base = p.color(QPalette.ColorRole.Base)
    p.setColor(QPalette.ColorRole.Base, colours.mix(base, colours.danger(p), 0.18))
    widget.setPalette(p)
