"""Screenshots of the mount graph for the README, in light and dark palettes.

    python tools/graph_screenshots.py --host unix:///tmp/graphdemo/run/docker.sock --out docs

Point it at a seeded sandbox (`volgui sandbox start --dir /tmp/graphdemo --seed`).
The snapshot is taken before any window exists; the widget only draws it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from volgui.engine import connect
from volgui.ui.mount_graph import MountGraphPanel


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
    return p


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--out", default="docs")
    parser.add_argument("--size", default="1100x640")
    parser.add_argument("--hover", default="shop-uploads", help="volume to hover in the shot")
    args = parser.parse_args(argv)
    snapshot = connect(args.host).snapshot()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
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
            panel.graph.set_focus(f"volume:{args.hover}")
        panel.graph.select_ids(["volume:shop-pgdata"] if name == "light" else [], center=False)
        app.processEvents()
        panel.grab().save(str(out / f"mount-graph-{name}.png"))
        panel.close()
        panel.graph.wait_idle()
        print(out / f"mount-graph-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
