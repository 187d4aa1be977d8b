"""Screenshots of the Files tab and a data progress dialog for the README (under Xvfb).

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/data_screenshots.py \\
        --host unix:///tmp/sbx/run/docker.sock --volume VOLUME --out docs

``--lang ko`` shoots them in Korean (``--out docs/ko`` for README.ko.md).
The progress dialog is fed byte counts by hand (a real export of a small
volume ends before the screen is grabbed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.ui_screenshots import only, shoot, wait_for  # noqa: E402
from volgui.engine import connect  # noqa: E402
from volgui.ui import i18n, tasks  # noqa: E402
from volgui.ui.main_window import MainWindow  # noqa: E402
from volgui.ui.progress import ProgressDialog  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--volume", required=True)
    parser.add_argument("--out", default="docs")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    args = parser.parse_args(argv)
    app = QApplication([])
    i18n.install(app, args.lang)
    window = MainWindow(connect(args.host), engines=only(args.host))
    window.move(0, 0)
    window.resize(1360, 820)
    window.show()
    wait_for(lambda: window.is_filled)
    window.select_volume(args.volume)
    window.details_tabs.setCurrentWidget(window.files_tab)
    model = window.files_tab.model
    wait_for(lambda: model.rowCount() > 0)
    view = window.files_tab.view
    view.setColumnWidth(0, 230)
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data().startswith("2026"):
            view.expand(index)
            wait_for(lambda index=index: model.rowCount(index) > 1)
        if index.data() == "README.txt":
            view.setCurrentIndex(index)
            wait_for(lambda: bool(window.files_tab.preview.toPlainText()))
    shoot(window, Path(args.out) / "files-tab.png")
    title = QCoreApplication.translate("DataActions", "Exporting volume {name}")
    dialog = ProgressDialog(title.format(name=args.volume), 256 * 1024 * 1024, window)
    dialog.started = time.monotonic() - 2.5
    dialog.show()
    dialog._show_bytes(96 * 1024 * 1024)
    shoot(window, Path(args.out) / "data-progress.png")
    dialog.done(0)
    window.close()
    tasks.shutdown()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
