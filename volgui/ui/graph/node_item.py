"""One node of the mount graph: a volume, an "N anonymous" group, a host path,
a tmpfs or a container. Volumes drag out (MIME ``application/x-volgui-volume``);
containers take a dropped volume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from volgui.engine.graph.model import Node
from volgui.ui.dnd import VOLUME_MIME, dropped_volume
from volgui.ui.graph.theme import LOW_DETAIL, OPTIONS, cosmetic
from volgui.ui.graph.words import words

if TYPE_CHECKING:
    from volgui.ui.graph.edge_item import EdgeItem
    from volgui.ui.graph.view import MountGraph


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
        self.retranslate()
        self.setAcceptDrops(node.kind == "container")
        self.setCursor(
            Qt.CursorShape.OpenHandCursor if node.is_volume else Qt.CursorShape.PointingHandCursor
        )
        self.update()

    def retranslate(self) -> None:
        """The label and tooltip in the window's language (graph/words.py)."""
        shown = self._graph._shown
        self.label = words.label(self.node)
        self._elided = None
        self.setToolTip(words.tooltip(self.node, shown[0] if shown else None))
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
        box = self._box_rect
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
        pen = cosmetic(border, 1.3, style)
        if self.isSelected() or scene.drop_target == node.id:
            halo = QColor(theme.highlight)
            halo.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 8, 8)
            pen = cosmetic(theme.highlight, 2.2)
        if node.kind == "anonymous-group":  # a small stack of cards
            painter.setPen(cosmetic(border, 1.0, style))
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
            text = QStaticText(metrics.elidedText(self.label, mode, text_rect.width()))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), font)  # laid out once, drawn many times
            self._elided = (font.key(), text, (text_rect.height() - metrics.height()) / 2)
        painter.drawStaticText(text_rect.topLeft() + QPointF(0, self._elided[2]), self._elided[1])

    def _paint_icon(self, painter: QPainter, r: QRectF, color: QColor) -> None:
        kind = self.node.kind
        painter.setPen(cosmetic(color, 1.2))
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
