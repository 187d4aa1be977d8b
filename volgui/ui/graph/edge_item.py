"""One mount in the mount graph: a curve from its source to its container,
dashed when read-only; hovered, it names its destination."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from volgui.engine.graph.model import Edge
from volgui.ui.graph.node_item import NodeItem
from volgui.ui.graph.theme import LOW_DETAIL, Theme, cosmetic
from volgui.ui.graph.words import words


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
        self.retranslate()
        self.apply_theme(theme)
        self.update_path()

    def retranslate(self) -> None:
        """The tooltip in the window's language (graph/words.py)."""
        self.setToolTip(words.edge_tooltip(self.edge, self.source.label, self.target.label))

    def apply_theme(self, theme: Theme) -> None:
        kind = {"volume": "volume", "bind": "bind", "tmpfs": "tmpfs"}.get(self.edge.mount_type)
        color = QColor(theme.borders[kind or "volume"])
        color.setAlphaF(0.75)
        style = Qt.PenStyle.DashLine if self.edge.read_only else Qt.PenStyle.SolidLine
        self.setPen(cosmetic(color, 1.4, style))
        self._fast_pen = cosmetic(color, 1.0)

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
