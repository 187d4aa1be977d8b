"""Screenshots of the mount graph for the README, in light and dark palettes.

    python tools/graph_screenshots.py --host unix:///tmp/graphdemo/run/docker.sock --out docs
    xvfb-run -a -s "-screen 0 1400x900x24" \
        python tools/graph_screenshots.py --host ... --out docs --window

Point it at a seeded sandbox (`volgui sandbox start --dir /tmp/graphdemo --seed`).
The snapshot is taken before any window exists; the widget only draws it.
``--window`` shoots the whole main window (graph beside the tables) from the
X screen instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from volgui.engine import connect
from volgui.engine.graph.ids import volume_node_id
from volgui.ui.graph import MountGraphPanel


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#24262a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2a2c30",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#17181a",
        QPalette.ColorRole.ToolTipBase: "#2a2c30",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):  # what a dark desktop theme does for disabled widgets
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return p


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def window_shot(host: str, out: Path) -> None:
    """The main window with the graph in it, shop-uploads selected in the graph."""
    from volgui.ui import tasks
    from volgui.ui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    window = MainWindow(connect(host))
    window.resize(1400, 860)
    window.show()
    deadline = time.monotonic() + 30
    while volume_node_id("shop-uploads") not in window.graph.nodes or window.graph.busy():
        if time.monotonic() > deadline:
            raise TimeoutError("the graph did not fill")
        settle(50)
    window.main_splitter.setSizes([620, 780])
    window.side.setSizes([560, 220])
    settle()
    window.graph.fit()
    window.graph.select_ids([volume_node_id("shop-uploads")])
    window.graph._announce_selection()  # as a click does: the tables follow
    settle()
    g = window.frameGeometry()
    path = out / "main-window-graph.png"
    QGuiApplication.primaryScreen().grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(
        str(path)
    )
    print(path)
    window.close()
    window.shutdown()
    tasks.shutdown(wait=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--out", default="docs")
    parser.add_argument("--size", default="1100x640")
    parser.add_argument("--hover", default="shop-uploads", help="volume to hover in the shot")
    parser.add_argument("--window", action="store_true", help="shoot the main window instead")
    args = parser.parse_args(argv)
    snapshot = connect(args.host).snapshot()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.window:
        window_shot(args.host, out)
        return 0
    for name, palette in (("light", app.style().standardPalette()), ("dark", dark_palette())):
        app.setPalette(palette)
        panel = MountGraphPanel()
        panel.resize(width, height)
        panel.show()
        panel.graph.scene_filled.connect(app.quit)
        panel.graph.set_snapshot(snapshot)
        app.exec()
        panel.graph.fit()
        if name == "dark" and args.hover:
            panel.graph.set_focus(volume_node_id(args.hover))
        panel.graph.select_ids(
            [volume_node_id("shop-pgdata")] if name == "light" else [], center=False
        )
        app.processEvents()
        panel.grab().save(str(out / f"mount-graph-{name}.png"))
        panel.close()
        panel.graph.wait_idle()
        print(out / f"mount-graph-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
