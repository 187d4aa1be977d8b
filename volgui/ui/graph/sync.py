"""Scene sync: the scene mirrors the model, one item per id, from a diff.

The graph, its layout and the diff from what is shown are computed on a
worker (:func:`plan`, through ``ui/tasks.py``, pure Python); the GUI thread
only applies the diff, in time-boxed batches (:data:`BATCH_BUDGET_S`), so it
never stalls and the view never jumps. Diffs are applied in the order they
were computed, each from the graph the one before led to. The pictures a
refresh replaces are released on the worker of the next job, not here.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from volgui.engine import pace
from volgui.engine.graph.diff import Diff, Rect, diff
from volgui.engine.graph.layout import Layout, compute
from volgui.engine.graph.model import Edge, Graph, Node
from volgui.engine.model import Snapshot
from volgui.ui.graph.edge_item import EdgeItem
from volgui.ui.graph.node_item import NodeItem
from volgui.ui.graph.theme import OPTIONS, cosmetic
from volgui.ui.graph.words import words

BATCH_BUDGET_S = 0.006  # one batch of scene work; the GUI thread stays responsive
ANIMATE_AT_MOST = 40  # more moved nodes than that jump instead of gliding


@dataclass(frozen=True)
class Planned:
    """What the worker hands back: the next picture and how to get there."""

    graph: Graph
    layout: Layout
    change: Diff
    seconds: float


def plan(
    snapshot: Snapshot,
    collapse: bool,
    shown: tuple[Snapshot, bool] | None,
    graph: Graph,
    lay: Layout | None,
    seen: Rect | None,
    dead: list[object],
) -> Planned | None:
    """On a worker: graph, layout and diff for ``snapshot`` (no Qt, no engine).

    ``dead`` holds the pictures the GUI thread let go of: the last references
    are dropped here, so freeing thousands of objects costs the GUI nothing.
    A refresh often brings the very picture already shown (a resync, an event
    about something else): then say so (``None``) instead of laying it out again.
    """
    _free(dead)  # the last references: freed on this thread, a slice at a time
    start = time.perf_counter()
    if shown == (snapshot, collapse):
        return None
    new_graph, new_lay = compute(snapshot, collapse, OPTIONS)
    change = diff(graph, lay, new_graph, new_lay, seen)
    return Planned(new_graph, new_lay, change, time.perf_counter() - start)


def _free(dead: list[object]) -> None:
    """Let go of ``dead`` (pictures: graphs, layouts, snapshots) in slices.

    Dropping a whole graph is one C-level cascade that holds the GIL, and the
    GUI thread waits it out; taken apart, the pieces go a slice at a time, and
    the GUI thread goes first between slices (engine/pace.py).
    """
    pieces: list[object] = []
    while dead:
        obj = dead.pop()
        if isinstance(obj, tuple):
            dead.extend(obj)
            continue
        for value in getattr(obj, "__dict__", {}).values():
            if isinstance(value, (tuple, list)):
                pieces.extend(value)
            elif isinstance(value, dict):
                pieces.extend(value.items())
        del obj
    while pieces:
        del pieces[-64:]
        pace.pause()


class SceneSync:
    """Mixin of :class:`~volgui.ui.graph.view.MountGraph`: applies diffs to its scene.

    Uses the view's ``_scene``, ``nodes``, ``edges``, ``_headers``,
    ``_unused_frame``, ``_pump`` (a zero-interval single-shot timer) and
    ``scene_filled`` signal.
    """

    _scene: Any
    nodes: dict[str, NodeItem]
    edges: dict[str, EdgeItem]

    def _init_sync(self) -> None:
        self._queue: deque[Iterator[None]] = deque()  # the diffs to apply, in order
        self._steps: Iterator[None] | None = None  # the one being applied
        self._anim: QVariantAnimation | None = None
        self._glide: list[tuple[NodeItem, QPointF, QPointF]] = []
        self._filled_once = False
        self._syncing = 0

    def _apply(self, graph: Graph, lay: Layout, change: Diff) -> None:
        """Start turning what is shown into ``graph``, a few milliseconds at a time."""
        self._pump.stop()
        self._land_glide()
        self.graph, self.layout_result = graph, lay
        self._queue.append(self._steps_of(change, lay))
        self._steps = self._queue[0]
        self._set_scene_rect(lay)
        if not self._placed and self.isVisible():
            self._place_first_view()
        self._pump.start()

    def _land_glide(self) -> None:
        """A glide under way ends where it was going: the next diff starts from there."""
        anim, self._anim = self._anim, None
        if anim is None:
            return
        anim.stop()
        anim.deleteLater()
        for item, _, end in self._glide:
            if item.scene() is self._scene:
                self._move_node(item, end)
        self._glide = []

    def _steps_of(self, change: Diff, lay: Layout) -> Iterator[None]:
        """The scene changes, one small step per ``next()``: remove, update, add, move."""
        for eid in change.remove_edges:
            self._remove_edge(eid)
            yield
        for nid in change.remove_nodes:
            self._remove_node(nid)
            yield
        for node in change.update_nodes:
            item = self.nodes.get(node.id)
            if item is not None:
                item.set_node(node)
                yield
        for node, (x, y) in change.add_nodes:
            self._add_node(node, QPointF(x, y))
            yield
        if self._filled_once and 0 < len(change.moves) <= ANIMATE_AT_MOST:
            moves = [
                (item, item.pos(), QPointF(x, y))
                for nid, (x, y) in change.moves
                if (item := self.nodes.get(nid)) is not None
            ]
            if moves:
                self._animate(moves)
        else:
            # One node a step: 200 new volumes move every node below them, and
            # resolving 2,000 moves at once was a 9-27 ms step (bench/ui.py).
            for nid, (x, y) in change.moves:
                if (item := self.nodes.get(nid)) is not None:
                    self._move_node(item, QPointF(x, y))
                    yield
        for edge in change.put_edges:
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
                try:
                    next(self._steps)
                except StopIteration:
                    self._queue.popleft()
                    if not self._queue:
                        self._steps = None
                        break
                    self._steps = self._queue[0]
        finally:
            self._syncing -= 1
        if self._steps is not None:
            self._pump.start()

    def _add_node(self, node: Node, pos: QPointF) -> None:
        if node.id in self.nodes:  # never in a diff that follows the shown graph; be safe
            self.nodes[node.id].set_node(node)
            self._move_node(self.nodes[node.id], pos)
            return
        item = NodeItem(self, node)
        item.setPos(pos)
        self._scene.addItem(item)
        self.nodes[node.id] = item

    def _remove_node(self, nid: str) -> None:
        item = self.nodes.pop(nid, None)
        if item is None:
            return
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
                self._anim, self._glide = None, []
            anim.deleteLater()

        self._glide = moves
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
        if len(self._queue) > 1:
            return  # a newer diff follows at once: it says when the scene mirrors
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
            item.setText(words.header(header, len(lay.unused_order)))
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
        self._unused_frame.setPen(cosmetic(color, 1.0, Qt.PenStyle.DashLine))
        fill = QColor(color)
        fill.setAlphaF(0.06)
        self._unused_frame.setBrush(fill)
