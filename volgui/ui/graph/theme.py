"""What the mount graph paints with: colours from the palette, cosmetic pens,
the scene that holds the theme and the hover focus, and the node geometry."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from volgui.engine.graph.layout import LayoutOptions
from volgui.engine.graph.model import Node

LOW_DETAIL = 0.4  # below this zoom, nodes are drawn as plain blocks, without labels
OPTIONS = LayoutOptions()


@dataclass(frozen=True)
class Theme:
    """Colours derived from the system palette: light and dark alike."""

    dark: bool
    base: QColor
    text: QColor
    muted: QColor
    highlight: QColor
    fills: dict[str, QColor]
    borders: dict[str, QColor]

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        muted = QColor(text)
        muted.setAlphaF(0.55)
        # (light fill, light border, dark fill, dark border) per kind of node
        table = {
            "volume": ("#dbeafe", "#2563eb", "#1d3557", "#60a5fa"),
            "anonymous": ("#eef4ff", "#6b8fd6", "#1a2638", "#7f9fd4"),
            "anonymous-group": ("#eef4ff", "#6b8fd6", "#1a2638", "#7f9fd4"),
            "bind": ("#fef3c7", "#b45309", "#3f3113", "#fbbf24"),
            "tmpfs": ("#f3e8ff", "#7e22ce", "#33204d", "#c084fc"),
            "running": ("#dcfce7", "#15803d", "#163a24", "#4ade80"),
            "stopped": ("#eef0f3", "#7b8594", "#2b2f36", "#8b95a5"),
            "unused": ("#fff7ed", "#c2410c", "#2e2119", "#fb923c"),
        }
        fills = {k: QColor(v[2] if dark else v[0]) for k, v in table.items()}
        borders = {k: QColor(v[3] if dark else v[1]) for k, v in table.items()}
        return cls(
            dark=dark,
            base=base,
            text=text,
            muted=muted,
            highlight=palette.color(QPalette.ColorRole.Highlight),
            fills=fills,
            borders=borders,
        )

    def greyed(self) -> Theme:
        """The same theme without colour: last-known data while the engine is away.

        Every colour keeps its lightness (so shapes and contrast survive) and
        loses its saturation, the way the tables grey their state marks.
        """
        text = QColor(self.muted)
        text.setAlphaF(0.7)
        return replace(
            self,
            text=text,
            highlight=_grey(self.highlight),
            fills={k: _grey(c) for k, c in self.fills.items()},
            borders={k: _grey(c) for k, c in self.borders.items()},
        )

    def style_key(self, node: Node) -> str:
        if node.kind == "container":
            return "running" if node.running else "stopped"
        if node.unused:
            return "unused"
        return node.kind


def _grey(color: QColor) -> QColor:
    h, _s, lightness, a = color.getHslF()
    return QColor.fromHslF(h if h >= 0 else 0.0, 0.0, lightness, a)


def cosmetic(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)  # crisp at any zoom
    return pen


class GraphScene(QGraphicsScene):
    """Holds what every item paints with: the theme and the hover focus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = Theme.from_palette(QApplication.palette())
        self.focus_nodes: set[str] | None = None  # None: nothing hovered, nothing dimmed
        self.focus_edges: set[str] = set()
        self.focus_anchor: str | None = None  # the hovered node
        self.drop_target: str | None = None

    def dimmed(self, node_id: str) -> bool:
        return self.focus_nodes is not None and node_id not in self.focus_nodes
