"""The mount graph view (object name ``mountGraph``): a QGraphicsView whose
scene mirrors a :class:`Snapshot`.

Feeding it: :meth:`MountGraph.set_snapshot` hands the snapshot to one layout
job at a time through ``ui/tasks.py`` (graph, layout and diff, see
:mod:`.sync`); the diff is then applied in slices. Zoom, pan and fit live
here; keys and search in :mod:`.navigation`, PNG/SVG in :mod:`.export`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from volgui.engine.graph.ids import container_node_id, volume_node_id
from volgui.engine.graph.layout import Layout
from volgui.engine.graph.model import Graph
from volgui.engine.model import Snapshot
from volgui.ui import tasks
from volgui.ui.dnd import VOLUME_MIME, volume_mime
from volgui.ui.graph.edge_item import EdgeItem
from volgui.ui.graph.export import Export
from volgui.ui.graph.navigation import Navigation
from volgui.ui.graph.node_item import NodeItem
from volgui.ui.graph.sync import Planned, SceneSync, plan
from volgui.ui.graph.theme import GraphScene, Theme


class MountGraph(Navigation, Export, SceneSync, QGraphicsView):
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
        # No BSP index: every refresh adds, moves and removes items, and the
        # index's lazy rebuild of thousands of them took tens of ms on the GUI
        # thread; a linear look-up over ~3,000 items costs well under one.
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
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
        self._job: tasks.Task | None = None  # at most one layout job at a time
        self._job_input: tuple[Snapshot, bool] | None = None
        self._pending = False  # a snapshot came while the job ran: lay it out next
        self._graveyard: list[object] = []  # let go of here, freed on the next job's worker
        self._init_sync()
        self._pump = QTimer(self, singleShot=True, interval=0)
        self._pump.timeout.connect(self._run_batch)
        self._placed = False  # the first view (fit, or top-left of a big graph) is set
        self._search: tuple[str, int] = ("", -1)
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
        if self._snapshot is not None:
            self._graveyard.append(self._snapshot)
        self._snapshot = snapshot
        if self._job is not None:
            self._pending = True  # laid out when the running job is done
            return
        self._start_job()

    def _start_job(self) -> None:
        assert self._snapshot is not None
        self._pending = False
        self._job_input = (self._snapshot, self.collapse_anonymous)
        dead, self._graveyard = self._graveyard, []
        seen = self.mapToScene(self.viewport().rect()).boundingRect().adjusted(-200, -40, 0, 0)
        self._job = tasks.run(
            self,
            self.tr("Laying out the mount graph"),
            plan,
            self._snapshot,
            self.collapse_anonymous,
            self._shown,
            self.graph,
            self.layout_result,
            (seen.left(), seen.top(), seen.right(), seen.bottom()),
            dead,
        )
        self._job.done(self._on_layout).always(self._job_over)

    def set_collapse_anonymous(self, on: bool) -> None:
        """Fold anonymous volumes into "N anonymous" nodes (or unfold them)."""
        if on != self.collapse_anonymous:
            self.collapse_anonymous = on
            if self._snapshot is not None:
                self.set_snapshot(self._snapshot)

    def busy(self) -> bool:
        """A layout, a fill or a glide is under way: nodes may not be where they end."""
        return (
            self._job is not None
            or self._pending
            or self._steps is not None
            or self._anim is not None
        )

    def wait_idle(self, timeout_s: float = 10.0) -> None:
        """For teardown: let the layout job finish (it never blocks long)."""
        deadline = time.monotonic() + timeout_s
        while self._job is not None and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    def _on_layout(self, result: Planned | None) -> None:
        if self._pending:
            return  # a newer snapshot waits: its diff starts from what is shown
        if result is None:  # the same picture as shown: nothing to do
            if self._steps is None:
                self.scene_filled.emit()
            return
        self._graveyard += [self.graph, self.layout_result, self._shown]
        self._shown = self._job_input
        self.layout_seconds = result.seconds
        self._apply(result.graph, result.layout, result.change)
        self.layout_ready.emit(result.layout)

    def _job_over(self) -> None:
        job, self._job = self._job, None
        if job is not None and job.cancelled:  # the window is closing: stop here
            self._pending = False
        elif self._pending and self._snapshot is not None:
            self._start_job()

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
        elif event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Column titles, folded labels and tooltips in the new language."""
        for node in self.nodes.values():
            node.retranslate()
        for edge in self.edges.values():
            edge.retranslate()
        if self.layout_result is not None:
            self._update_headers(self.layout_result)

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
        self.select_ids([volume_node_id(name)])

    def select_container(self, container_id: str) -> None:
        self.select_ids([container_node_id(container_id)])

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

    # -- zoom, pan, fit ---------------------------------------------------------------

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
