"""The window on an X server, for the text-fits test (tests/e2e/test_text_fits.py).

    QT_SCALE_FACTOR=2 python tests/e2e/fits_app.py ADDRESS LANG SHOT.png

Opens the main window in LANG on ADDRESS and, once filled, the run dialog in
new mode; writes a screenshot of each (SHOT.png, SHOT-run.png) and prints one
JSON line: every visible text wider than the room its widget gives it
(labels, buttons, check boxes, tabs, table and graph headers, menus, the
placeholder of an empty line edit).
"""

from __future__ import annotations

import json
import sys
import tempfile

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStyle,
    QStyleOptionFrame,
    QTabBar,
    QToolButton,
    QWidget,
)

from volgui.engine import connect
from volgui.ui import i18n
from volgui.ui.main_window import MainWindow

SLACK = 2  # px: rounding between the metrics and the style's own sums


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _offenders(top: QWidget) -> list[str]:
    out: list[str] = []

    def check(widget: QWidget, text: str, room: int, what: str) -> None:
        need = QFontMetrics(widget.font()).horizontalAdvance(text)
        if text and need > room + SLACK:
            name = widget.objectName() or type(widget).__name__
            out.append(f"{what} {name}: {text!r} needs {need}px, has {room}px")

    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 1:
            continue
        if isinstance(w, QLabel) and not w.wordWrap():
            text = w.text()
            if text and "<" not in text and "\n" not in text:
                check(w, text, w.contentsRect().width(), "label")
        elif isinstance(w, QLineEdit) and not w.text():
            check(w, w.placeholderText(), _text_room(w), "placeholder")
        elif isinstance(w, QAbstractButton):
            icon_only = (
                isinstance(w, QToolButton)
                and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
                and not w.icon().isNull()
            )
            if _clean(w.text()) and not icon_only and w.width() + SLACK < w.sizeHint().width():
                out.append(
                    f"button {w.objectName() or type(w).__name__}: {_clean(w.text())!r} "
                    f"wants {w.sizeHint().width()}px, has {w.width()}px"
                )
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                rect = w.tabRect(i)
                hint = w.tabSizeHint(i).width()
                if rect.width() + SLACK < hint:
                    out.append(f"tab {w.tabText(i)!r} wants {hint}px, has {rect.width()}px")
        elif isinstance(w, QHeaderView) and w.orientation().name == "Horizontal":
            model = w.model()
            if model is None:
                continue
            for i in range(model.columnCount()):
                if w.isSectionHidden(i):
                    continue
                text = str(model.headerData(i, w.orientation()) or "")
                hint = w.sectionSizeFromContents(i).width()
                if w.sectionSize(i) + SLACK < hint and i != model.columnCount() - 1:
                    out.append(f"header {text!r} wants {hint}px, has {w.sectionSize(i)}px")
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                rect = w.actionGeometry(action)
                need = QFontMetrics(w.font()).horizontalAdvance(_clean(action.text()))
                if rect.width() + SLACK < need:
                    out.append(f"menu {action.text()!r} needs {need}px, has {rect.width()}px")
    return out


def _text_room(edit: QLineEdit) -> int:
    """What QLineEdit::paintEvent gives its text: the contents rect less the
    text margins and the icon buttons inside it (the clear button's room is
    kept even while it is faded out)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    inside = [b for b in edit.findChildren(QToolButton) if b.parent() is edit]
    return rect.width() - margins.left() - margins.right() - sum(b.width() for b in inside)


def main(address: str, lang: str, shot: str) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication(sys.argv)
    i18n.install(app, lang)
    window = MainWindow(connect(address))
    window.resize(1280, 780)
    window.show()
    found: dict[str, list[str]] = {}  # offenders by part, and the menu titles

    def filled() -> None:
        QTimer.singleShot(500, look_at_window)  # ok: the graph's first fill and layout settle

    def look_at_window() -> None:
        found["window"] = _offenders(window)
        found["menus"] = [a.text() for a in window.menuBar().actions()]
        window.grab().save(shot)
        window.container_actions.open_new()
        QTimer.singleShot(500, look_at_dialog)

    def look_at_dialog() -> None:
        dialog = window.container_actions.dialog
        assert dialog is not None
        found["run dialog"] = _offenders(dialog)
        dialog.grab().save(shot.replace(".png", "-run.png"))
        dialog.reject()
        print(json.dumps(found), flush=True)
        app.exit(0)

    window.filled.connect(filled)
    QTimer.singleShot(60_000, lambda: app.exit(1))
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
