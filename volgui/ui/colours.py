"""Colours derived from the palette, so a light and a dark palette both read well.

Widgets that draw their own colours (the engine-down banner, the details
pane's HTML, the table titles) take them from here instead of fixed
light-theme hex values; the mount graph's ``Theme`` does the same for the scene.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

_RED = QColor("#d93025")


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its base (where text is written) is darker than mid-grey."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b`` (0: a, 1: b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def muted(palette: QPalette | None = None) -> QColor:
    """Secondary text (counts, hints, table keys): the text colour, halfway to the base."""
    p = palette if palette is not None else QGuiApplication.palette()
    return mix(p.color(QPalette.ColorRole.Text), p.color(QPalette.ColorRole.Base), 0.42)


def greyed_text(palette: QPalette | None = None) -> QColor:
    """Text of last-known data while the engine is away: the palette's disabled text,
    or (a palette that does not set one, as many dark ones do not) the text faded
    most of the way to the base."""
    p = palette if palette is not None else QGuiApplication.palette()
    disabled = p.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    text = p.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    if abs(disabled.lightness() - text.lightness()) >= 40:
        return disabled
    return mix(text, p.color(QPalette.ColorRole.Base), 0.55)


def related_row(palette: QPalette | None = None) -> QColor:
    """Background of the rows related to the selection (a volume's users, say):
    a translucent amber, fainter on a dark base so light text stays readable."""
    p = palette if palette is not None else QGuiApplication.palette()
    return QColor(255, 200, 80, 50) if is_dark(p) else QColor(255, 214, 102, 110)


def danger(palette: QPalette | None = None) -> QColor:
    """Text that says something is wrong (a refused name, "not answering")."""
    p = palette if palette is not None else QGuiApplication.palette()
    return QColor("#f28b82") if is_dark(p) else QColor("#b3261e")


def banner(palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """(background, border, text) of the engine-down banner: a red tint of the base."""
    p = palette if palette is not None else QGuiApplication.palette()
    base, text = p.color(QPalette.ColorRole.Base), p.color(QPalette.ColorRole.Text)
    dark = is_dark(p)
    background = mix(base, _RED, 0.22 if dark else 0.10)
    border = mix(base, _RED, 0.55 if dark else 0.45)
    return background, border, mix(text, _RED, 0.25 if dark else 0.45)
