"""The window on an X server, for the real-mouse drag test (tests/e2e/test_drag_xvfb.py).

    python tests/e2e/drag_app.py ADDRESS FILTER

Opens the main window on ADDRESS, filters it to FILTER and says, one line
each on stdout: ``rows VX VY CX CY`` (screen points of the first volume row
and the first container row) once filled; ``ready X Y`` (the dialog's OK
button) once a dialog opened by a drop can be confirmed; ``applied ID`` and
exits 0 when the change is done. Exits 1 with a line on stderr if the
dialog's change fails.
"""

from __future__ import annotations

import sys
import tempfile

from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from volgui.engine import connect
from volgui.ui.main_window import MainWindow


def say(*words: object) -> None:
    print(*words, flush=True)


def main(address: str, filter_text: str) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication(sys.argv)
    window = MainWindow(connect(address))
    window.move(0, 0)
    window.resize(1200, 760)
    window.graph_panel.hide()  # the tables alone: nothing between the two rows

    def centre(table: object) -> QPoint:
        view = table  # a QTableView
        rect = view.visualRect(view.model().index(0, 0))  # type: ignore[attr-defined]
        return view.viewport().mapToGlobal(rect.center())  # type: ignore[attr-defined]

    def filled() -> None:
        window.set_filter(filter_text)

        def report() -> None:
            if window.volume_table.model().rowCount() and window.container_table.model().rowCount():
                v, c = centre(window.volume_table), centre(window.container_table)
                say("rows", v.x(), v.y(), c.x(), c.y())
                watch.start()
            else:
                QTimer.singleShot(50, report)

        QTimer.singleShot(300, report)  # ok: let the window manager-less X place the window

    def poll() -> None:
        dialog = window.container_actions.dialog
        if dialog is None or not dialog.isVisible():
            return
        ok = dialog.ok_buttons[0]
        if ok.isEnabled():
            watch.stop()
            dialog.applied.connect(lambda cid: (say("applied", cid), app.exit(0)))
            dialog.job.failed.connect(lambda e: (print(e, file=sys.stderr), app.exit(1)))
            at = ok.mapToGlobal(ok.rect().center())
            say("ready", at.x(), at.y())

    watch = QTimer(interval=50)
    watch.timeout.connect(poll)
    window.filled.connect(filled)
    window.show()
    code = app.exec()
    window.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
