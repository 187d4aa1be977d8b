"""Screenshots of drag-to-mount and the run dialog for the README, from a real X screen.

    volgui sandbox start --dir /tmp/uidemo --seed
    xvfb-run -a -s "-screen 0 1400x900x24" \\
        python tools/run_dialog_screenshots.py --dir /tmp/uidemo --out docs

Shoots: a volume dragged over a container row (the row framed as the drop
target), the dialog in change mode after that drop, and in new mode (a volume
dropped on empty space), with its compose view. ``--lang ko`` shoots them in
Korean (the README.ko.md screenshots: ``--lang ko --out docs/ko``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from ui_screenshots import only, settle, shoot, wait_for  # tools/, beside this script

from volgui.engine.sandbox import Sandbox
from volgui.ui import i18n, tasks
from volgui.ui.dnd import volume_mime
from volgui.ui.main_window import MainWindow

COPY, LEFT, NONE = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.NoModifier


def hover(view: QAbstractScrollArea, volume: str, at: QPoint, drop: bool) -> None:
    mime, vp = volume_mime(volume), view.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(at, COPY, mime, LEFT, NONE))
    QApplication.sendEvent(vp, QDragMoveEvent(at, COPY, mime, LEFT, NONE))
    if drop:
        QApplication.sendEvent(vp, QDropEvent(QPointF(at), COPY, mime, LEFT, NONE))


def row_of(window: MainWindow, name: str) -> QPoint:
    table = window.container_table
    c = window.snapshot.container(name)
    assert c is not None, name
    index = table.proxy.mapFromSource(table.source.index(table.source.row_of(c.id), 0))
    return table.visualRect(index).center()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True, help="a seeded sandbox directory")
    parser.add_argument("--out", default="docs")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    i18n.install(app, args.lang)
    box = Sandbox(Path(args.dir))
    engine = box.start()
    window = MainWindow(engine, engines=only(box.address))
    window.move(0, 0)
    window.resize(1360, 820)
    window.show()
    wait_for(lambda: window.is_filled and window.idle)
    table = window.container_table

    # A drop in progress: "shop-uploads" held over shop-cache's row.
    window.select_volume("shop-uploads")
    hover(table, "shop-uploads", row_of(window, "shop-cache"), drop=False)
    shoot(window, out / "drag-to-mount.png")

    # Dropped: change mode, at the place the other containers mount it.
    hover(table, "shop-uploads", row_of(window, "shop-cache"), drop=True)
    dialog = window.container_actions.dialog
    assert dialog is not None
    dialog.move(130, 90)
    wait_for(lambda: dialog.plan is not None and not dialog.blocked())
    shoot(window, out / "run-dialog-change.png")
    dialog.reject()

    # Dropped on empty space: new mode, with the volume at /mnt/<volume>.
    below = table.viewport().rect().bottomLeft() + QPoint(20, -4)
    hover(table, "scratch", below, drop=True)
    dialog = window.container_actions.dialog
    assert dialog is not None
    dialog.move(130, 90)
    wait_for(lambda: dialog.form.image.count() > 0)
    form = dialog.form
    form.name.setText("scratch-shell")
    form.command.setText("sleep 3600")
    form.ports.setText("8080:80")
    form.env.set_entries(["TZ=Asia/Seoul"])
    form.sections.expand("Runtime")
    form.changed.emit()
    settle()
    shoot(window, out / "run-dialog-new.png")
    dialog.preview.compose_button.setChecked(True)
    shoot(window, out / "run-dialog-compose.png")
    dialog.reject()

    window.close()
    wait_for(lambda: not tasks.runner().running)
    tasks.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
