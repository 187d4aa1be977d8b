"""The mount graph: volumes, host paths and tmpfs left, containers right.

:class:`MountGraph` (object name ``mountGraph``) mirrors a :class:`Snapshot`:
the graph and its layout are computed on a worker thread
(:mod:`volgui.engine.layout`, Qt-free), then the scene is brought up to date
from a diff — one item per id in a dict, added, updated, moved or removed —
in small time-boxed batches, so the GUI thread never stalls and the view
never jumps. :class:`MountGraphPanel` adds a toolbar (Fit, zoom, search,
anonymous-volume folding, export) around it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QMimeData,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QShowEvent,
    QStaticText,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.layout import Edge, Graph, Layout, LayoutOptions, Node, compute
from volgui.engine.model import Snapshot
from volgui.ui.dnd import VOLUME_MIME, dropped_volume, volume_mime

BATCH_BUDGET_S = 0.006  # one batch of scene work; the GUI thread stays responsive
ANIMATE_AT_MOST = 40  # more moved nodes than that jump instead of gliding
LOW_DETAIL = 0.4  # below this zoom, nodes are drawn as plain blocks, without labels
OPTIONS = LayoutOptions()


# -- colours ------------------------------------------------------------------


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


def _cosmetic(
    color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)  # crisp at any zoom
    return pen


# -- scene --------------------------------------------------------------------


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


class NodeItem(QGraphicsItem):
    """One volume, anonymous-volume group, host path, tmpfs or container."""

    def __init__(self, graph: MountGraph, node: Node) -> None:
        super().__init__()
        self._graph = graph
        self.node = node
        self.edges: dict[str, EdgeItem] = {}
        self._elided: tuple[str, QStaticText, float] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.set_node(node)
        self._press: QPointF | None = None

    def set_node(self, node: Node) -> None:
        self.node = node
        self._compute_geometry()
        self._elided = None
        self.setToolTip(node.tooltip or node.label)
        self.setAcceptDrops(node.kind == "container")
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if node.is_volume else Qt.CursorShape.PointingHandCursor
        )
        self.update()

    # geometry: small kinds (host paths, tmpfs) are lower, centred in their row;
    # computed once per node (Qt asks for it thousands of times per paint)
    def _compute_geometry(self) -> None:
        h, w = OPTIONS.node_height, OPTIONS.node_width
        small = self.node.kind in ("bind", "tmpfs")
        box = QRectF(0, 3, w, h - 6) if small else QRectF(0, 0, w, h)
        if box != getattr(self, "_box_rect", None):
            self.prepareGeometryChange()
        self._box_rect = box
        self._bounds = box.adjusted(-3, -3, 6, 6)
        self._shape = QPainterPath()
        self._shape.addRect(box)

    def _box(self) -> QRectF:
        return self._box_rect

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def anchor_out(self) -> QPointF:
        return self.pos() + QPointF(OPTIONS.node_width, OPTIONS.node_height / 2)

    def anchor_in(self) -> QPointF:
        return self.pos() + QPointF(0, OPTIONS.node_height / 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self._graph._scene
        theme = scene.theme
        node = self.node
        key = theme.style_key(node)
        fill, border = theme.fills[key], theme.borders[key]
        if scene.dimmed(node.id):
            painter.setOpacity(0.3)
        box = self._box()
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOW_DETAIL:
            # zoomed far out: a coloured block is all one can see (and it is cheap)
            selected = self.isSelected() or scene.drop_target == node.id
            color = theme.highlight if selected else QColor(border)
            if node.unused and not selected:
                color.setAlphaF(0.4)  # a wall of unused volumes should not shout
            painter.fillRect(box, color)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = Qt.PenStyle.SolidLine
        if node.kind in ("anonymous", "anonymous-group"):
            style = Qt.PenStyle.DashLine
        pen = _cosmetic(border, 1.3, style)
        if self.isSelected() or scene.drop_target == node.id:
            halo = QColor(theme.highlight)
            halo.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 8, 8)
            pen = _cosmetic(theme.highlight, 2.2)
        if node.kind == "anonymous-group":  # a small stack of cards
            painter.setPen(_cosmetic(border, 1.0, style))
            painter.setBrush(fill)
            painter.drawRoundedRect(box.translated(4, 4), 5, 5)
            painter.drawRoundedRect(box.translated(2, 2), 5, 5)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        radius = {"container": 3.0, "tmpfs": box.height() / 2}.get(node.kind, 6.0)
        painter.drawRoundedRect(box, radius, radius)
        icon = QRectF(box.left() + 7, box.top() + box.height() / 2 - 6, 12, 12)
        self._paint_icon(painter, icon, border)
        # the label, elided to the box; the tooltip holds the whole text
        painter.setPen(theme.muted if (node.unused or key == "stopped") else theme.text)
        font = painter.font()
        if node.kind in ("bind", "tmpfs"):
            font.setPointSizeF(max(6.0, font.pointSizeF() - 1))
        painter.setFont(font)
        text_rect = box.adjusted(25, 0, -6, 0)
        if self._elided is None or self._elided[0] != font.key():
            mode = (
                Qt.TextElideMode.ElideMiddle
                if node.kind in ("bind", "anonymous")
                else Qt.TextElideMode.ElideRight
            )
            metrics = QFontMetricsF(font)
            text = QStaticText(metrics.elidedText(node.label, mode, text_rect.width()))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), font)  # laid out once, drawn many times
            self._elided = (font.key(), text, (text_rect.height() - metrics.height()) / 2)
        painter.drawStaticText(text_rect.topLeft() + QPointF(0, self._elided[2]), self._elided[1])

    def _paint_icon(self, painter: QPainter, r: QRectF, color: QColor) -> None:
        kind = self.node.kind
        painter.setPen(_cosmetic(color, 1.2))
        if kind in ("volume", "anonymous", "anonymous-group"):  # a cylinder
            painter.setBrush(Qt.BrushStyle.NoBrush)
            top = QRectF(r.left(), r.top(), r.width(), 4)
            painter.drawEllipse(top)
            painter.drawLine(r.topLeft() + QPointF(0, 2), r.bottomLeft() - QPointF(0, 2))
            painter.drawLine(r.topRight() + QPointF(0, 2), r.bottomRight() - QPointF(0, 2))
            painter.drawArc(QRectF(r.left(), r.bottom() - 4, r.width(), 4), 180 * 16, 180 * 16)
        elif kind == "bind":  # a folder
            path = QPainterPath()
            path.moveTo(r.left(), r.bottom() - 1)
            path.lineTo(r.left(), r.top() + 2)
            path.lineTo(r.left() + 4, r.top() + 2)
            path.lineTo(r.left() + 6, r.top() + 4)
            path.lineTo(r.right(), r.top() + 4)
            path.lineTo(r.right(), r.bottom() - 1)
            path.closeSubpath()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        elif kind == "tmpfs":  # a memory chip
            painter.setBrush(Qt.BrushStyle.NoBrush)
            chip = r.adjusted(2, 2, -2, -2)
            painter.drawRect(chip)
            for i in range(3):
                x = chip.left() + 1.5 + i * (chip.width() - 3) / 2
                painter.drawLine(QPointF(x, chip.top() - 2), QPointF(x, chip.top()))
                painter.drawLine(QPointF(x, chip.bottom()), QPointF(x, chip.bottom() + 2))
        else:  # a container: a state dot, filled when running
            dot = QRectF(r.center().x() - 4, r.center().y() - 4, 8, 8)
            painter.setBrush(color if self.node.running else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(dot)

    # -- interaction: hover focus, volume drag, container drop -----------------

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._graph.set_focus(self.node.id)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._graph.set_focus(None)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = event.screenPos().toPointF() if self.node.is_volume else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.screenPos().toPointF() - self._press).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._press = None
                self._graph.start_volume_drag(self.node.key)
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # After the click sequence ends: a window opened in its middle would
        # take the button release, and the view would keep an implicit grab.
        node_id, graph = self.node.id, self._graph
        QTimer.singleShot(0, graph, lambda: graph.activate(node_id))
        event.accept()

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if event.mimeData().hasFormat(VOLUME_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._graph.set_drop_target(self.node.id)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragEnterEvent(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._graph.set_drop_target(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._graph.set_drop_target(None)
        volume = dropped_volume(event.mimeData())
        if volume is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._graph.drop_volume(volume, self.node.key)


class EdgeItem(QGraphicsPathItem):
    """One mount: a curve from its source to its container, dashed when read-only."""

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem, theme: Theme) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self._ends = (QPointF(), QPointF())
        self._fast_pen = QPen()
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.set_edge(edge, source, target, theme)

    def set_edge(self, edge: Edge, source: NodeItem, target: NodeItem, theme: Theme) -> None:
        self.edge = edge
        self.source, self.target = source, target
        ro = " (read-only)" if edge.read_only else ""
        self.setToolTip(
            f"{source.node.label} → {target.node.label}:{edge.destination}{ro}\n"
            f"{edge.mount_type} mount"
        )
        self.apply_theme(theme)
        self.update_path()

    def apply_theme(self, theme: Theme) -> None:
        kind = {"volume": "volume", "bind": "bind", "tmpfs": "tmpfs"}.get(self.edge.mount_type)
        color = QColor(theme.borders[kind or "volume"])
        color.setAlphaF(0.75)
        style = Qt.PenStyle.DashLine if self.edge.read_only else Qt.PenStyle.SolidLine
        self.setPen(_cosmetic(color, 1.4, style))
        self._fast_pen = _cosmetic(color, 1.0)

    def update_path(self) -> None:
        a, b = self.source.anchor_out(), self.target.anchor_in()
        self._ends = (a, b)
        dx = max(40.0, (b.x() - a.x()) / 2)
        path = QPainterPath(a)
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b)
        stroker = QPainterPathStroker()
        stroker.setWidth(6)
        self.prepareGeometryChange()
        self._shape = stroker.createStroke(path)
        self._bounds = self._shape.boundingRect().adjusted(0, -16, 0, 4)  # + the hover label
        self.setPath(path)

    def shape(self) -> QPainterPath:
        return self._shape

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.source._graph._scene
        focused = self.edge.id in scene.focus_edges
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOW_DETAIL:
            # zoomed far out: straight, solid, unsmoothed lines are what shows anyway
            if scene.focus_nodes is not None and not focused:
                painter.setOpacity(0.18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(self._fast_pen)
            painter.drawLine(self._ends[0], self._ends[1])
            return
        pen = QPen(self.pen())
        # a selected node's mounts stand out too, so the picture answers "who uses it"
        chosen = focused or self.source.isSelected() or self.target.isSelected()
        if scene.focus_nodes is not None and not focused:
            painter.setOpacity(0.18)
        elif chosen:
            pen.setWidthF(2.6)
            color = pen.color()
            color.setAlphaF(1.0)
            pen.setColor(color)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        if focused:
            # The destination, written at the end away from the hovered node,
            # where the highlighted lines fan out and labels do not pile up.
            text = self.edge.destination + (" (ro)" if self.edge.read_only else "")
            font = QFont(painter.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))
            painter.setFont(font)
            painter.setPen(scene.theme.text)
            a, b = self._ends
            if scene.focus_anchor == self.target.node.id:
                painter.drawText(QPointF(a.x() + 8, a.y() - 4), text)
            else:
                width = QFontMetricsF(font).horizontalAdvance(text)
                painter.drawText(QPointF(b.x() - width - 8, b.y() - 4), text)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        view = self.source._graph
        view.set_focus(None, edge=self.edge.id)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.source._graph.set_focus(None)
        super().hoverLeaveEvent(event)


# -- the layout job -----------------------------------------------------------


class _Relay(QObject):
    done = Signal(int, object)


class _LayoutJob(QRunnable):
    """graph + layout on a worker thread: pure Python, no Qt, no engine.

    A refresh often brings the very picture already shown (a resync, an event
    about something else): then say so (``None``) instead of laying it out again.
    """

    def __init__(
        self,
        generation: int,
        snapshot: Snapshot,
        collapse: bool,
        shown: tuple[Snapshot, bool] | None,
        relay: _Relay,
    ):
        super().__init__()
        self.generation, self.snapshot, self.collapse = generation, snapshot, collapse
        self.shown, self.relay = shown, relay

    def run(self) -> None:
        start = time.perf_counter()
        result: tuple[Graph, Layout, float] | None = None
        if self.shown != (self.snapshot, self.collapse):
            graph, lay = compute(self.snapshot, self.collapse, OPTIONS)
            result = (graph, lay, time.perf_counter() - start)
        try:
            self.relay.done.emit(self.generation, result)
        except RuntimeError:  # the view went away meanwhile
            pass


# -- the view -----------------------------------------------------------------


class MountGraph(QGraphicsView):
    """The mount graph view (object name ``mountGraph``).

    Signals:
      selection_changed(list[str])   node ids the user selected (not emitted
                                     when selection is set through select_*)
      volume_selected(str)           one volume selected: its name
      container_selected(str)        one container selected: its full id
      node_activated(str, str)       double-click or Enter: (kind, key)
      volume_dropped(str, str)       a volume dropped on a container: (volume name, container id)
      layout_ready(object)           a layout was computed: the Layout
      scene_filled()                 the scene mirrors the latest snapshot
    """

    selection_changed = Signal(list)
    volume_selected = Signal(str)
    container_selected = Signal(str)
    node_activated = Signal(str, str)
    volume_dropped = Signal(str, str)
    layout_ready = Signal(object)
    scene_filled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mountGraph")
        self._scene = GraphScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self._headers: dict[str, QGraphicsSimpleTextItem] = {}
        self._unused_frame = QGraphicsRectItem()
        self._unused_frame.setZValue(-1)
        self._unused_frame.setVisible(False)
        self._scene.addItem(self._unused_frame)
        self.graph = Graph()
        self.layout_result: Layout | None = None
        self.layout_seconds = 0.0
        self.collapse_anonymous = False
        self._snapshot: Snapshot | None = None
        self._shown: tuple[Snapshot, bool] | None = None  # what the scene mirrors
        self._generation = 0
        self._steps: Iterator[None] | None = None
        self._pump = QTimer(self, singleShot=True, interval=0)
        self._pump.timeout.connect(self._run_batch)
        self._filled_once = False
        self._placed = False  # the first view (fit, or top-left of a big graph) is set
        self._syncing = 0
        self._anim: QVariantAnimation | None = None
        self._search: tuple[str, int] = ("", -1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_layout)
        self._scene.selectionChanged.connect(self._on_selection)
        self._greyed = False
        self._apply_palette()
        self._frame_style, self._line_width = self.frameStyle(), self.lineWidth()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- feeding it -------------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot) -> None:
        """Bring the view up to date with ``snapshot`` (layout off the GUI thread)."""
        self._snapshot = snapshot
        self._generation += 1
        self._pool.start(
            _LayoutJob(
                self._generation, snapshot, self.collapse_anonymous, self._shown, self._relay
            )
        )

    def set_collapse_anonymous(self, on: bool) -> None:
        """Fold anonymous volumes into "N anonymous" nodes (or unfold them)."""
        if on != self.collapse_anonymous:
            self.collapse_anonymous = on
            if self._snapshot is not None:
                self.set_snapshot(self._snapshot)

    def busy(self) -> bool:
        """A layout or a fill is under way."""
        return self._pool.activeThreadCount() > 0 or self._steps is not None

    def wait_idle(self) -> None:
        """For teardown: let the layout thread finish (it never blocks long)."""
        self._pool.waitForDone()

    def _on_layout(self, generation: int, result: tuple[Graph, Layout, float] | None) -> None:
        if generation != self._generation:
            return  # a newer snapshot is on its way
        if result is None:  # the same picture as shown: nothing to do
            if self._steps is None:
                self.scene_filled.emit()
            return
        if self._snapshot is not None:
            self._shown = (self._snapshot, self.collapse_anonymous)
        graph, lay, seconds = result
        self.layout_seconds = seconds
        self._apply(graph, lay)
        self.layout_ready.emit(lay)

    # -- the diff ------------------------------------------------------------------

    def _apply(self, graph: Graph, lay: Layout) -> None:
        """Start turning what is shown into ``graph``, a few milliseconds at a time."""
        self._pump.stop()
        if self._anim is not None:  # a glide under way: the new diff moves on from here
            self._anim.stop()
            self._anim.deleteLater()
            self._anim = None
        self.graph, self.layout_result = graph, lay
        # What was still queued for an older snapshot is dropped: every step is
        # whole, so the dicts hold the truth and the new diff redoes the rest.
        self._steps = self._diff(graph, lay)
        self._set_scene_rect(lay)
        if not self._placed and self.isVisible():
            self._place_first_view()
        self._pump.start()

    def _place_first_view(self) -> None:
        """Before the first fill: the whole graph if it is readable, else its top-left
        columns at a readable zoom. Set now, so the fill starts with what is seen."""
        lay = self.layout_result
        if lay is None:
            return
        self._placed = True
        self.fit()
        if self.zoom() < 0.4:
            self.set_zoom(0.8)
            x = next((h.x for h in lay.headers if h.key == "sources:0"), 0.0)
            y = min((h.y for h in lay.headers), default=0.0)
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(x - 40 + seen.width() / 2, y - 20 + seen.height() / 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            self._place_first_view()

    def _diff(self, graph: Graph, lay: Layout) -> Iterator[None]:
        """The scene changes, one small step per ``next()``: remove, update, add, move."""
        new_nodes = graph.node_map()
        new_edges = {e.id: e for e in graph.edges}
        for eid in [e for e in self.edges if e not in new_edges]:
            self._remove_edge(eid)
            yield
        for nid in [n for n in self.nodes if n not in new_nodes]:
            self._remove_node(nid)
            yield
        moves: list[tuple[NodeItem, QPointF, QPointF]] = []
        added: list[Node] = []
        for k, node in enumerate(graph.nodes):
            if k % 256 == 255:
                yield  # even comparing thousands of nodes is done in slices
            x, y = lay.positions[node.id]
            item = self.nodes.get(node.id)
            if item is None:
                added.append(node)
                continue
            if item.node != node:
                item.set_node(node)
                yield
            if item.pos() != QPointF(x, y):
                moves.append((item, item.pos(), QPointF(x, y)))
        # What the user sees first: later batches then land off-screen and cost
        # no repaint at all.
        seen = self.mapToScene(self.viewport().rect()).boundingRect().adjusted(-200, -40, 0, 0)
        left, top, right, bottom = seen.left(), seen.top(), seen.right(), seen.bottom()

        def hidden(point: tuple[float, float]) -> tuple[bool, float, float]:
            x, y = point
            return (not (left <= x <= right and top <= y <= bottom), y, x)

        added.sort(key=lambda n: hidden(lay.positions[n.id]))
        for node in added:
            self._add_node(node, QPointF(*lay.positions[node.id]))
            yield
        if self._filled_once and 0 < len(moves) <= ANIMATE_AT_MOST:
            self._animate(moves)
        else:
            for item, _, end in moves:
                self._move_node(item, end)
                yield
        changed = [e for e in graph.edges if e.id not in self.edges or self.edges[e.id].edge != e]
        changed.sort(
            key=lambda e: min(hidden(lay.positions[e.source]), hidden(lay.positions[e.target]))
        )
        for edge in changed:
            self._put_edge(edge)
            yield
        self._finish(lay)

    def _run_batch(self) -> None:
        """Run scene changes for a few milliseconds, then give the loop back."""
        if self._steps is None:
            return
        deadline = time.perf_counter() + BATCH_BUDGET_S
        self._syncing += 1
        try:
            while time.perf_counter() < deadline:
                next(self._steps)
        except StopIteration:
            self._steps = None
        finally:
            self._syncing -= 1
        if self._steps is not None:
            self._pump.start()

    def _add_node(self, node: Node, pos: QPointF) -> None:
        item = NodeItem(self, node)
        item.setPos(pos)
        self._scene.addItem(item)
        self.nodes[node.id] = item

    def _remove_node(self, nid: str) -> None:
        item = self.nodes.pop(nid)
        for eid in list(item.edges):
            self._remove_edge(eid)
        item.edges.clear()  # no node <-> edge cycle left: freed at once, not by a GC pass
        if self._scene.focus_nodes is not None and nid in self._scene.focus_nodes:
            self.set_focus(None)
        self._scene.removeItem(item)

    def _move_node(self, item: NodeItem, pos: QPointF) -> None:
        item.setPos(pos)
        for edge in item.edges.values():
            edge.update_path()

    def _put_edge(self, edge: Edge) -> None:
        source, target = self.nodes.get(edge.source), self.nodes.get(edge.target)
        if source is None or target is None:
            return
        item = self.edges.get(edge.id)
        if item is None:
            item = EdgeItem(edge, source, target, self._scene.theme)
            self._scene.addItem(item)
            self.edges[edge.id] = item
        else:
            item.source.edges.pop(edge.id, None)
            item.target.edges.pop(edge.id, None)
            item.set_edge(edge, source, target, self._scene.theme)
        source.edges[edge.id] = item
        target.edges[edge.id] = item

    def _remove_edge(self, eid: str) -> None:
        item = self.edges.pop(eid, None)
        if item is None:
            return
        item.source.edges.pop(eid, None)
        item.target.edges.pop(eid, None)
        self._scene.removeItem(item)

    def _animate(self, moves: list[tuple[NodeItem, QPointF, QPointF]]) -> None:
        anim = QVariantAnimation(self)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setDuration(280)
        anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

        def step(value: Any) -> None:
            t = float(value)
            for item, start, end in moves:
                if item.scene() is self._scene:
                    self._move_node(item, start + (end - start) * t)

        def done() -> None:
            if self._anim is anim:
                self._anim = None
            anim.deleteLater()

        anim.valueChanged.connect(step)
        anim.finished.connect(done)
        anim.start()
        self._anim = anim

    def _content_rect(self, lay: Layout | None = None) -> QRectF:
        """Where the graph is drawn, from the layout (no walk over thousands of items)."""
        lay = lay or self.layout_result
        if lay is None or not lay.positions:
            return QRectF()
        top = min((h.y for h in lay.headers), default=0.0)
        return QRectF(-10, top - 10, lay.width + 20, lay.height - top + 20)

    def _set_scene_rect(self, lay: Layout) -> None:
        self._scene.setSceneRect(self._content_rect(lay).adjusted(-20, -20, 20, 20))

    def _finish(self, lay: Layout) -> None:
        self._update_headers(lay)
        self._filled_once = True
        if self._anim is not None:
            # mirrored once the nodes have glided there (a stopped glide never says so)
            self._anim.finished.connect(self.scene_filled.emit)
        else:
            self.scene_filled.emit()

    def _update_headers(self, lay: Layout) -> None:
        wanted = {h.key: h for h in lay.headers}
        for key in [k for k in self._headers if k not in wanted]:
            self._scene.removeItem(self._headers.pop(key))
        font = QFont(self.font())
        font.setBold(True)
        for key, header in wanted.items():
            item = self._headers.get(key)
            if item is None:
                item = QGraphicsSimpleTextItem()
                item.setFont(font)
                item.setZValue(2)
                self._scene.addItem(item)
                self._headers[key] = item
            item.setText(header.text)
            item.setBrush(self._scene.theme.text)
            item.setPos(header.x, header.y)
        unused = [lay.positions[n] for n in lay.unused_order]
        if unused:
            xs, ys = [p[0] for p in unused], [p[1] for p in unused]
            rect = QRectF(
                min(xs), min(ys), max(xs) - min(xs) + OPTIONS.node_width, max(ys) - min(ys)
            )
            rect.setHeight(rect.height() + OPTIONS.node_height)
            self._unused_frame.setRect(rect.adjusted(-8, -8, 8, 8))
        self._unused_frame.setVisible(bool(unused))
        self._style_unused_frame()

    def _style_unused_frame(self) -> None:
        theme = self._scene.theme
        color = QColor(theme.borders["unused"])
        self._unused_frame.setPen(_cosmetic(color, 1.0, Qt.PenStyle.DashLine))
        fill = QColor(color)
        fill.setAlphaF(0.06)
        self._unused_frame.setBrush(fill)

    # -- looks ---------------------------------------------------------------------

    @property
    def greyed(self) -> bool:
        return self._greyed

    def set_greyed(self, greyed: bool) -> None:
        """Draw the graph without colour (engine away: last-known data), or in colour again."""
        if greyed != self._greyed:
            self._greyed = greyed
            self._apply_palette()

    def _apply_palette(self) -> None:
        theme = Theme.from_palette(self.palette())
        if self._greyed:
            theme = theme.greyed()
        self._scene.theme = theme
        self.setBackgroundBrush(theme.base)
        for edge in self.edges.values():
            edge.apply_theme(theme)
        for header in self._headers.values():
            header.setBrush(theme.text)
        self._style_unused_frame()
        self._scene.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if old is self or now is self:
            self._show_focus(now is self)

    def _show_focus(self, on: bool) -> None:
        # Fusion draws no focus frame round a view, so a keyboard user could
        # not tell that the arrow keys now walk the graph: while it has focus,
        # its frame is a plain box, as wide, in the highlight colour.
        if on:
            width = self.frameWidth()
            self.setFrameShape(QFrame.Shape.Box)
            self.setFrameShadow(QFrame.Shadow.Plain)
            self.setLineWidth(width)
            self.setForegroundRole(QPalette.ColorRole.Highlight)
        else:
            self.setFrameStyle(self._frame_style)
            self.setLineWidth(self._line_width)
            self.setForegroundRole(QPalette.ColorRole.WindowText)

    # -- hover, selection, activation, drag and drop --------------------------------

    def set_focus(self, node_id: str | None, edge: str | None = None) -> None:
        """Highlight a node (or an edge) with its neighbours; dim everything else."""
        scene = self._scene
        scene.focus_anchor = node_id
        if node_id is not None and node_id in self.nodes:
            item = self.nodes[node_id]
            scene.focus_edges = set(item.edges)
            scene.focus_nodes = {node_id}
            for e in item.edges.values():
                scene.focus_nodes.add(e.source.node.id)
                scene.focus_nodes.add(e.target.node.id)
        elif edge is not None and edge in self.edges:
            e = self.edges[edge]
            scene.focus_edges = {edge}
            scene.focus_nodes = {e.source.node.id, e.target.node.id}
        else:
            scene.focus_nodes, scene.focus_edges = None, set()
        scene.update()

    def focused_nodes(self) -> set[str] | None:
        """What hovering highlights right now (None: nothing is dimmed)."""
        return None if self._scene.focus_nodes is None else set(self._scene.focus_nodes)

    def is_dimmed(self, node_id: str) -> bool:
        return self._scene.dimmed(node_id)

    def selected_ids(self) -> list[str]:
        return sorted(i.node.id for i in self._scene.selectedItems() if isinstance(i, NodeItem))

    def _on_selection(self) -> None:
        self._scene.update()  # the selected nodes' mounts are drawn bolder
        if not self._syncing:
            self._announce_selection()

    def select_ids(self, ids: Iterable[str], center: bool = True) -> None:
        """Select these nodes (from the tables, say) without echoing a signal."""
        wanted = [self.nodes[i] for i in ids if i in self.nodes]
        self._syncing += 1
        try:
            self._scene.clearSelection()
            for item in wanted:
                item.setSelected(True)
        finally:
            self._syncing -= 1
        if wanted and center:
            self.ensureVisible(wanted[0], 60, 60)

    def select_volume(self, name: str) -> None:
        self.select_ids([f"volume:{name}"])

    def select_container(self, container_id: str) -> None:
        self.select_ids([f"container:{container_id}"])

    def activate(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is not None:
            self.node_activated.emit(item.node.kind, item.node.key)

    def volume_mime(self, name: str) -> QMimeData:
        return volume_mime(name)

    def start_volume_drag(self, name: str) -> None:
        drag = QDrag(self)
        drag.setMimeData(self.volume_mime(name))
        drag.exec(Qt.DropAction.CopyAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)  # the scene routes it to the container under the cursor
        if event.mimeData().hasFormat(VOLUME_MIME):
            event.acceptProposedAction()  # keep the drag coming; moves decide per node

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self.set_drop_target(None)

    def set_drop_target(self, node_id: str | None) -> None:
        if self._scene.drop_target != node_id:
            self._scene.drop_target = node_id
            self._scene.update()

    def drop_volume(self, volume: str, container_id: str) -> None:
        self.select_container(container_id)
        self.volume_dropped.emit(volume, container_id)

    # -- navigation ------------------------------------------------------------------

    def fit(self) -> None:
        """Show the whole graph (never magnified past 1.25×)."""
        rect = self._scene.sceneRect()  # the content and a margin: no scroll bars after
        if self.layout_result is None or rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.25:
            self.set_zoom(1.25)
        self.centerOn(rect.center())

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(6.0, max(0.03, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())

    def zoom_by(self, steps: float) -> None:
        self.set_zoom(self.zoom() * math.pow(1.2, steps))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift+wheel scrolls
            return
        self.zoom_by(event.angleDelta().y() / 120)
        event.accept()

    def find(self, text: str) -> str | None:
        """Select and centre the next node whose label or key contains ``text``."""
        needle = text.strip().casefold()
        if not needle:
            return None
        order = self._reading_order()
        matches = [
            nid
            for nid in order
            if needle in self.nodes[nid].node.label.casefold()
            or needle in self.nodes[nid].node.key.casefold()
        ]
        if not matches:
            return None
        previous, index = self._search
        index = (index + 1) % len(matches) if previous == needle else 0
        self._search = (needle, index)
        nid = matches[index]
        self.select_ids([nid], center=False)
        self.centerOn(self.nodes[nid])
        self._announce_selection()
        return nid

    def _announce_selection(self) -> None:
        """The user selected (click, search, key press): tell the world."""
        ids = self.selected_ids()
        self.selection_changed.emit(ids)
        if len(ids) == 1:
            node = self.nodes[ids[0]].node
            if node.is_volume:
                self.volume_selected.emit(node.key)
            elif node.kind == "container":
                self.container_selected.emit(node.key)

    def _reading_order(self) -> list[str]:
        return sorted(self.nodes, key=lambda n: (self.nodes[n].x(), self.nodes[n].y()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.selected_ids()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = self._neighbour(current[0] if current else None, key)
            if target is not None:
                self.select_ids([target], center=False)
                self.ensureVisible(self.nodes[target], 60, 60)
                self._announce_selection()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.activate(current[0])
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(-1)
        else:
            super().keyPressEvent(event)

    def _neighbour(self, current: str | None, key: int) -> str | None:
        """The node the arrow key leads to: up/down in a column, left/right across."""
        if not self.nodes:
            return None
        if current is None or current not in self.nodes:
            return self._reading_order()[0]
        item = self.nodes[current]
        x, y = item.x(), item.y()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            down = key == Qt.Key.Key_Down
            same = [
                i for i in self.nodes.values() if i.x() == x and (i.y() > y if down else i.y() < y)
            ]
            if not same:
                return None
            return min(same, key=lambda i: abs(i.y() - y)).node.id
        right = key == Qt.Key.Key_Right
        linked = [e.target if right else e.source for e in item.edges.values()]
        linked = [i for i in linked if (i.x() > x if right else i.x() < x)]
        if not linked:
            columns = sorted({i.x() for i in self.nodes.values()})
            beside = [c for c in columns if (c > x if right else c < x)]
            if not beside:
                return None
            column = beside[0] if right else beside[-1]
            linked = [i for i in self.nodes.values() if i.x() == column]
        return min(linked, key=lambda i: (abs(i.y() - y), i.y())).node.id

    # -- export ----------------------------------------------------------------------

    def _export_rect(self) -> QRectF:
        return self._scene.itemsBoundingRect().adjusted(-24, -24, 24, 24)

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        """Save the whole graph as a PNG (at most 16,000 pixels a side)."""
        rect = self._export_rect()
        scale = min(scale, 16000 / max(rect.width(), rect.height(), 1))
        image = QImage(
            max(1, int(rect.width() * scale)),
            max(1, int(rect.height() * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(self._scene.theme.base)
        self._render_into(image, QRectF(image.rect()), rect)
        return image.save(path, "PNG")

    def export_svg(self, path: str) -> bool:
        """Save the whole graph as SVG (vector: crisp at any size)."""
        rect = self._export_rect()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle("volgui mount graph")
        generator.setDescription("volumes, host paths and tmpfs mounted by containers")
        target = QRectF(0, 0, rect.width(), rect.height())
        self._render_into(generator, target, rect, background=True)
        return True

    def _render_into(
        self, device: Any, target: QRectF, source: QRectF, background: bool = False
    ) -> None:
        focus = (self._scene.focus_nodes, self._scene.focus_edges)
        selected = self._scene.selectedItems()
        self._syncing += 1
        try:
            self._scene.focus_nodes, self._scene.focus_edges = None, set()
            self._scene.clearSelection()
            painter = QPainter(device)
            if background:
                painter.fillRect(target, self._scene.theme.base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._scene.render(painter, target, source)
            painter.end()
            for item in selected:
                item.setSelected(True)
        finally:
            self._scene.focus_nodes, self._scene.focus_edges = focus
            self._syncing -= 1


class MountGraphPanel(QWidget):
    """The graph with its toolbar: Fit, zoom, search, fold anonymous, export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mountGraphPanel")
        self.graph = MountGraph(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)

        def button(text: str, tip: str, slot: Callable[[], None], name: str) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setObjectName(name)
            b.clicked.connect(slot)
            bar.addWidget(b)
            return b

        button("Fit", "Show the whole graph", self.graph.fit, "graphFit")
        button("−", "Zoom out (−, or the wheel)", lambda: self.graph.zoom_by(-1), "graphZoomOut")
        button("+", "Zoom in (+, or the wheel)", lambda: self.graph.zoom_by(1), "graphZoomIn")
        self.search = QLineEdit(self)
        self.search.setObjectName("graphSearch")
        self.search.setPlaceholderText("Find a node… (Enter: next)")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._find)
        self.search.textEdited.connect(self._find_first)
        bar.addWidget(self.search, 1)
        self.collapse = QCheckBox("Fold anonymous", self)
        self.collapse.setObjectName("graphCollapseAnonymous")
        self.collapse.setToolTip('Show anonymous volumes as one "N anonymous" node')
        self.collapse.toggled.connect(self.graph.set_collapse_anonymous)
        bar.addWidget(self.collapse)
        export = button("Export", "Save the graph as PNG or SVG", lambda: None, "graphExport")
        menu = QMenu(export)
        png = QAction("PNG image…", menu)
        png.triggered.connect(lambda: self._ask_export("png"))
        svg = QAction("SVG drawing…", menu)
        svg.triggered.connect(lambda: self._ask_export("svg"))
        menu.addActions([png, svg])
        export.setMenu(menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(bar)
        box.addWidget(self.graph, 1)

    def _find_first(self, text: str) -> None:
        self.graph._search = ("", -1)
        self.graph.find(text)

    def _find(self) -> None:
        self.graph.find(self.search.text())

    def _ask_export(self, kind: str) -> None:
        dialog = QFileDialog(self, f"Export the mount graph as {kind.upper()}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(f"{kind.upper()} (*.{kind})")
        dialog.selectFile(f"mount-graph.{kind}")
        save = self.graph.export_png if kind == "png" else self.graph.export_svg
        dialog.fileSelected.connect(save)
        dialog.open()  # never a blocking exec()
