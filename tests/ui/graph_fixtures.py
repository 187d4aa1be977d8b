"""Fixtures and in-memory snapshots for the mount graph's tests.

Kept apart from tests/ui/conftest.py (owned by the main window's tests):
test modules import what they need from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from pytestqt.qtbot import QtBot

from volgui.engine import Engine
from volgui.engine.graph.ids import container_node_id, mount_node_id, volume_node_id
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.ui.graph import MountGraph
from volgui.ui.graph.edge_item import EdgeItem
from volgui.ui.graph.node_item import NodeItem

WEB, BACKUP, IDLE, ANON_USER = "1" * 64, "2" * 64, "3" * 64, "4" * 64
ANON, ANON_DANGLING = "a" * 64, "b" * 64


def sample_snapshot() -> Snapshot:
    """Every kind of node: volumes (used, unused, anonymous), bind, tmpfs, containers."""
    vols = [
        Volume("data", labels={"description": "웹 사이트 콘텐츠"}),
        Volume("logs"),
        Volume("orphan"),
        Volume(ANON),
        Volume(ANON_DANGLING),
    ]
    cons = [
        Container(
            WEB,
            "web",
            "img",
            "running",
            mounts=(
                Mount(WEB, "volume", "data", "/data"),
                Mount(WEB, "volume", "logs", "/logs", read_only=True),
                Mount(WEB, "bind", "/srv/한글-설정", "/etc/app", read_only=True),
                Mount(WEB, "tmpfs", None, "/tmp"),
            ),
        ),
        Container(
            BACKUP,
            "backup",
            "img",
            "exited",
            mounts=(
                Mount(BACKUP, "volume", "data", "/source", read_only=True),
                Mount(BACKUP, "volume", "logs", "/logs"),
            ),
        ),
        Container(
            ANON_USER,
            "anon-user",
            "img",
            "running",
            mounts=(Mount(ANON_USER, "volume", ANON, "/x"),),
        ),
        Container(IDLE, "idle", "img", "created"),
    ]
    return Snapshot.build(vols, cons)


def snapshot_off_thread(engine: Engine) -> Snapshot:
    """engine.snapshot() on a worker thread: tests obey the GUI-thread rule too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(engine.snapshot).result(timeout=60)


def make_graph(qtbot: QtBot) -> Iterator[MountGraph]:
    """Body of a `graph` fixture: a shown MountGraph, its layout job done after."""
    view = MountGraph()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.wait_idle()


def fill(qtbot: QtBot, view: MountGraph, snapshot: Snapshot) -> None:
    """Give the view a snapshot and wait until the scene mirrors it."""
    with qtbot.waitSignal(view.scene_filled, timeout=10_000):
        view.set_snapshot(snapshot)


def center_of(view: MountGraph, node_id: str) -> QPoint:
    """Where node ``node_id`` is on the viewport (scrolled into view first)."""
    item = view.nodes[node_id]
    view.ensureVisible(item, 10, 10)
    return view.mapFromScene(item.sceneBoundingRect().center())


def double_click(qtbot: QtBot, view: MountGraph, node_id: str) -> None:
    """Double-click a node. QTest's widget double click sends no final release and
    leaves its button "held" for every later test (hover then never happens):
    finish the gesture as a real mouse does."""
    pos = center_of(view, node_id)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _kinds(view: MountGraph) -> Counter[str]:
    return Counter(
        ("container-running" if i.node.running else "container-stopped")
        if i.node.kind == "container"
        else i.node.kind
        for i in view.nodes.values()
    )


def assert_mirrors(view: MountGraph, snap: Snapshot) -> None:
    """One node per volume, host path, tmpfs and container; one edge per mount."""
    items = view.scene().items()
    node_items = [i for i in items if isinstance(i, NodeItem)]
    edge_items = [i for i in items if isinstance(i, EdgeItem)]
    assert len(node_items) == len(view.nodes) and len(edge_items) == len(view.edges)
    expected = {volume_node_id(v.name) for v in snap.volumes}
    expected |= {mount_node_id(m) for m in snap.mounts}
    expected |= {container_node_id(c.id) for c in snap.containers}
    assert set(view.nodes) == expected
    kinds = _kinds(view)
    assert kinds["volume"] == sum(not v.anonymous for v in snap.volumes)
    assert kinds["anonymous"] == sum(v.anonymous for v in snap.volumes)
    assert kinds["bind"] == len({m.source for m in snap.mounts if m.type == "bind"})
    assert kinds["tmpfs"] == sum(m.type == "tmpfs" for m in snap.mounts)
    assert kinds["container-running"] == sum(c.running for c in snap.containers)
    assert kinds["container-stopped"] == sum(not c.running for c in snap.containers)
    mounts = {(mount_node_id(m), m.container, m.destination, m.read_only) for m in snap.mounts}
    edges = {
        (e.source.node.id, e.target.node.key, e.edge.destination, e.edge.read_only)
        for e in view.edges.values()
    }
    assert edges == mounts and len(view.edges) == len(snap.mounts)
    lay = view.layout_result
    assert lay is not None
    for nid, item in view.nodes.items():  # where the layout put them (after any glide)
        assert (item.x(), item.y()) == lay.positions[nid]
    for e in view.edges.values():
        dashed = e.pen().style() == Qt.PenStyle.DashLine
        assert dashed == e.edge.read_only
        assert e.pen().isCosmetic()


def drag_onto(view: QAbstractScrollArea, mime: QMimeData, target: QPoint) -> bool:
    """What a drag over the viewport delivers: enter, move, drop. Returns accepted."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    vp = view.viewport()
    QApplication.sendEvent(vp, QDragEnterEvent(target, actions, mime, buttons, mods))
    move = QDragMoveEvent(target, actions, mime, buttons, mods)
    QApplication.sendEvent(vp, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(target), actions, mime, buttons, mods)
    QApplication.sendEvent(vp, drop)
    return drop.isAccepted()
