"""Screenshots of the main window for the README, taken from a real X screen.

    volgui sandbox start --dir /tmp/uidemo --seed
    xvfb-run -a -s "-screen 0 1400x900x24" \\
        python tools/ui_screenshots.py --dir /tmp/uidemo --out docs

Grabs the screen (not the widget), so dialogs and the banner show as a user
sees them. ``--palette dark`` shoots the same in Fusion with a dark palette,
each file named ``*-dark.png``; ``--lang ko`` shoots the window in Korean (the
README.ko.md screenshots: ``--lang ko --out docs/ko``). The last shot stops the
sandbox engine to show the banner, then starts it (and the containers that were
running) again.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from volgui.engine.sandbox import Sandbox
from volgui.ui import i18n, tasks
from volgui.ui.engines_controller import EnginesController
from volgui.ui.main_window import MainWindow


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(done: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshot state not reached")
        settle(50)


def shoot(window: QWidget, path: Path) -> None:
    settle()
    g = window.frameGeometry()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(str(path))
    print(path)


def only(address: str) -> EnginesController:
    """A sidebar of this one engine: none of the user's contexts, added engines or Podman."""
    private = tempfile.mkdtemp()
    settings = QSettings(f"{private}/engines.ini", QSettings.Format.IniFormat)
    env = {"DOCKER_HOST": address, "DOCKER_CONFIG": private}
    return EnginesController(env=env, settings=settings, podman=[])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True, help="a seeded sandbox directory")
    parser.add_argument("--out", default="docs")
    parser.add_argument("--palette", choices=("light", "dark"), default="light")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    args = parser.parse_args(argv)
    suffix = "-dark" if args.palette == "dark" else ""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    i18n.install(app, args.lang)
    if args.palette == "dark":
        from graph_screenshots import dark_palette  # tools/, beside this script

        app.setPalette(dark_palette())
    box = Sandbox(Path(args.dir))
    engine = box.start()
    window = MainWindow(engine, engines=only(box.address))
    window.retry_first, window.retry_max = 1.0, 2.0
    window.move(0, 0)
    window.resize(1360, 820)
    window.show()
    wait_for(lambda: window.is_filled)

    window.compute_sizes()
    wait_for(lambda: not window.computing_sizes)
    window.select_volume("shop-uploads")
    window.statusBar().clearMessage()
    shoot(window, out / f"main-window{suffix}.png")

    window.select_container("shop-web")
    inspecting = QCoreApplication.translate("DetailsPane", "Inspecting…")
    wait_for(lambda: inspecting not in window.details.toPlainText())
    shoot(window, out / f"main-window-container{suffix}.png")

    dialog = window.new_volume()
    dialog.name.setText("shop pgdata")
    dialog.labels.setPlainText("app=shop\ntier=db")
    shoot(window, out / f"new-volume{suffix}.png")
    dialog.reject()

    window.select_volume("shop-redis")
    box_remove = window.remove_selected()
    shoot(window, out / f"remove-in-use{suffix}.png")
    if box_remove is not None:
        box_remove.reject()

    prune = window.prune()
    prune.include_named.setChecked(True)
    wait_for(lambda: prune.preview is not None)
    shoot(window, out / f"prune{suffix}.png")
    prune.reject()

    running = [c.id for c in window.snapshot.containers if c.state == "running"]
    box.stop()
    wait_for(lambda: window.banner.isVisible())
    shoot(window, out / f"engine-down{suffix}.png")
    # Containers have no restart policy: start again the ones that ran.
    restarted = box.start()
    for cid in running:
        restarted.api.start(cid)
    restarted.close()
    wait_for(lambda: window.engine_up)

    window.close()
    wait_for(lambda: not tasks.runner().running)
    tasks.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
