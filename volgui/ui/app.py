"""Start the Qt application around an engine: the window shows at once.

``run(engine)`` shows the main window before anything is fetched; the first
snapshot fills it from a worker thread. With ``VOLGUI_EXIT_WHEN_FILLED`` set
(bench/ui.py, tests), it prints ``filled<TAB>title<TAB>N volumes`` when the first
snapshot is on screen and quits: process start to a filled window, measured.
It also prints ``down<TAB>reason`` each time the engine-down banner appears.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from volgui.engine import Engine
from volgui.ui import i18n, tasks
from volgui.ui.icons import icon
from volgui.ui.main_window import MainWindow


def run(engine: Engine, lang: str | None = None) -> int:
    """Open the window on ``engine``; ``lang`` ("ko", "en") overrides the language
    chosen in View → Language, which overrides the desktop's."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("volgui")
    app.setOrganizationName("volgui")
    app.setDesktopFileName("volgui")
    i18n.install(app, lang or i18n.saved_language())
    app.setWindowIcon(icon("volgui"))
    window = MainWindow(engine)
    if os.environ.get("VOLGUI_EXIT_WHEN_FILLED"):

        def filled() -> None:
            count = len(window.snapshot.volumes)
            print(f"filled\t{window.windowTitle()}\t{count} volumes", flush=True)
            window.close()

        def state(up: bool) -> None:
            if not up:
                print(f"down\t{window.engine.address}: {window.down_reason}", flush=True)

        window.filled.connect(filled)
        window.engine_state.connect(state)
    window.show()
    code = app.exec()
    window.shutdown()
    tasks.shutdown(wait=False)
    return code
