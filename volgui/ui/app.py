"""Start the Qt application around an engine.

Placeholder until the main window lands: a window that shows the snapshot
counts, fetched off the GUI thread.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from volgui.engine import Engine, VolguiError


class _Relay(QObject):
    text = Signal(str)


def run(engine: Engine) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    label = QLabel("Loading…", alignment=Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    relay = _Relay()
    relay.text.connect(label.setText)
    pool = ThreadPoolExecutor(max_workers=1)

    def load() -> None:
        try:
            info = engine.info()
            snap = engine.snapshot()
        except VolguiError as e:
            relay.text.emit(str(e))
            return
        kind = " — sandbox engine" if info.sandbox else ""
        relay.text.emit(
            f"{info.address}{kind}\n{len(snap.volumes)} volumes, "
            f"{len(snap.containers)} containers, {len(snap.mounts)} mounts"
        )

    pool.submit(load)
    window.setWindowTitle("volgui")
    window.resize(640, 400)
    window.show()
    code = app.exec()
    pool.shutdown(wait=False)
    return code
