"""The mount graph widget: the scene mirrors the snapshot, and the user can work it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QImage,
    QPalette,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import (
    ANON,
    ANON_DANGLING,
    BACKUP,
    WEB,
    fill,
    make_graph,
    sample_snapshot,
    snapshot_off_thread,
)
from volgui.engine import Engine
from volgui.engine.graph import mount_node_id
from volgui.engine.model import Container, Snapshot, Volume
from volgui.ui import mount_graph
from volgui.ui.mount_graph import VOLUME_MIME, MountGraph, MountGraphPanel


@pytest.fixture
def graph(qtbot: QtBot) -> Iterator[MountGraph]:
    yield from make_graph(qtbot)


def _center(view: MountGraph, node_id: str) -> QPoint:
    item = view.nodes[node_id]
    view.ensureVisible(item, 10, 10)
    return view.mapFromScene(item.sceneBoundingRect().center())


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
    node_items = [i for i in items if isinstance(i, mount_graph.NodeItem)]
    edge_items = [i for i in items if isinstance(i, mount_graph.EdgeItem)]
    assert len(node_items) == len(view.nodes) and len(edge_items) == len(view.edges)
    expected = {f"volume:{v.name}" for v in snap.volumes}
    expected |= {mount_node_id(m) for m in snap.mounts}
    expected |= {f"container:{c.id}" for c in snap.containers}
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


def test_scene_mirrors_an_in_memory_snapshot(qtbot: QtBot, graph: MountGraph) -> None:
    snap = sample_snapshot()
    fill(qtbot, graph, snap)
    assert_mirrors(graph, snap)
    assert graph.objectName() == "mountGraph"
    lay = graph.layout_result
    assert lay is not None and lay.crossings_after <= lay.crossings_before
    # unused volumes sit apart, left of every used source
    unused_x = {graph.nodes[n].x() for n in ("volume:orphan", f"volume:{ANON_DANGLING}")}
    assert max(unused_x) < graph.nodes["volume:data"].x()
    assert graph.nodes["volume:orphan"].node.unused


def test_a_refresh_updates_from_a_diff_keeping_items(qtbot: QtBot, graph: MountGraph) -> None:
    snap = sample_snapshot()
    fill(qtbot, graph, snap)
    kept_volume = graph.nodes["volume:data"]
    kept_edge = graph.edges[f"mount:{WEB}:/data"]
    web = snap.container(WEB)
    assert web is not None
    stopped_web = Container(web.id, web.name, web.image, "exited", mounts=web.mounts[:1])
    others = [c for c in snap.containers if c.id != WEB]
    vols = [v for v in snap.volumes if v.name != "orphan"] + [Volume("fresh")]
    snap2 = Snapshot.build(vols, [stopped_web, *others])
    fill(qtbot, graph, snap2)
    assert_mirrors(graph, snap2)
    assert graph.nodes["volume:data"] is kept_volume  # same item: the view did not rebuild
    assert graph.edges[f"mount:{WEB}:/data"] is kept_edge
    assert "volume:orphan" not in graph.nodes and "volume:fresh" in graph.nodes
    assert not graph.nodes[f"container:{WEB}"].node.running
    assert f"mount:{WEB}:/logs" not in graph.edges


def test_anonymous_volumes_fold_into_one_node(qtbot: QtBot, graph: MountGraph) -> None:
    snap = sample_snapshot()
    fill(qtbot, graph, snap)
    with qtbot.waitSignal(graph.scene_filled):
        graph.set_collapse_anonymous(True)
    assert f"volume:{ANON}" not in graph.nodes
    assert graph.nodes["anonymous:used"].node.label == "1 anonymous"
    assert graph.nodes["anonymous:unused"].node.unused
    assert len(graph.edges) == len(snap.mounts)
    with qtbot.waitSignal(graph.scene_filled):
        graph.set_collapse_anonymous(False)
    assert_mirrors(graph, snap)


def test_hover_highlights_neighbours_and_dims_the_rest(qtbot: QtBot, graph: MountGraph) -> None:
    fill(qtbot, graph, sample_snapshot())
    assert graph.focused_nodes() is None
    qtbot.mouseMove(graph.viewport(), _center(graph, "volume:logs"))
    qtbot.waitUntil(lambda: graph.focused_nodes() is not None)
    assert graph.focused_nodes() == {"volume:logs", f"container:{WEB}", f"container:{BACKUP}"}
    assert graph.is_dimmed("volume:data") and not graph.is_dimmed(f"container:{BACKUP}")
    qtbot.mouseMove(graph.viewport(), QPoint(2, 2))  # empty background
    qtbot.waitUntil(lambda: graph.focused_nodes() is None)
    assert not graph.is_dimmed("volume:data")


def test_click_selects_and_says_so(qtbot: QtBot, graph: MountGraph) -> None:
    fill(qtbot, graph, sample_snapshot())
    with qtbot.waitSignal(graph.volume_selected) as sig:
        qtbot.mouseClick(
            graph.viewport(), Qt.MouseButton.LeftButton, pos=_center(graph, "volume:data")
        )
    assert sig.args == ["data"]
    assert graph.selected_ids() == ["volume:data"]
    with qtbot.waitSignal(graph.container_selected) as sig:
        qtbot.mouseClick(
            graph.viewport(), Qt.MouseButton.LeftButton, pos=_center(graph, f"container:{BACKUP}")
        )
    assert sig.args == [BACKUP]
    with qtbot.waitSignal(graph.node_activated) as sig:
        qtbot.mouseDClick(
            graph.viewport(), Qt.MouseButton.LeftButton, pos=_center(graph, f"container:{BACKUP}")
        )
    assert sig.args == ["container", BACKUP]
    # selecting from elsewhere (the tables) does not echo back
    with qtbot.assertNotEmitted(graph.selection_changed):
        graph.select_volume("logs")
    assert graph.selected_ids() == ["volume:logs"]


def _drag(view: MountGraph, mime: QMimeData, target: QPoint) -> bool:
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


def test_dragging_a_volume_onto_a_container_delivers_the_volume(
    qtbot: QtBot, graph: MountGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(qtbot, graph, sample_snapshot())
    started: list[QMimeData] = []

    def fake_exec(drag: mount_graph.QDrag, *args: object) -> Qt.DropAction:
        started.append(drag.mimeData())  # the system drag loop cannot run offscreen
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(mount_graph.QDrag, "exec", fake_exec)
    start = _center(graph, "volume:logs")
    qtbot.mousePress(graph.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(graph.viewport(), start + QPoint(QApplication.startDragDistance() + 5, 3))
    qtbot.waitUntil(lambda: bool(started))
    qtbot.mouseRelease(graph.viewport(), Qt.MouseButton.LeftButton, pos=start)
    mime = started[0]
    assert bytes(mime.data(VOLUME_MIME).data()).decode("utf-8") == "logs"
    with qtbot.waitSignal(graph.volume_dropped) as sig:
        assert _drag(graph, mime, _center(graph, f"container:{BACKUP}"))
    assert sig.args == ["logs", BACKUP]
    # volumes and empty space are no drop targets; other MIME types are refused
    with qtbot.assertNotEmitted(graph.volume_dropped):
        assert not _drag(graph, mime, _center(graph, "volume:data"))
        other = QMimeData()
        other.setText("logs")
        assert not _drag(graph, other, _center(graph, f"container:{BACKUP}"))


def test_keyboard_moves_between_nodes(qtbot: QtBot, graph: MountGraph) -> None:
    fill(qtbot, graph, sample_snapshot())
    graph.setFocus()
    graph.select_volume("data")
    below = [
        i
        for i in graph.nodes.values()
        if i.x() == graph.nodes["volume:data"].x() and i.y() > graph.nodes["volume:data"].y()
    ]
    with qtbot.waitSignal(graph.selection_changed):
        qtbot.keyClick(graph, Qt.Key.Key_Down)
    assert graph.selected_ids() == [min(below, key=lambda i: i.y()).node.id]
    graph.select_volume("logs")
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    assert graph.selected_ids()[0] in {f"container:{WEB}", f"container:{BACKUP}"}
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    assert graph.selected_ids() in (["volume:logs"], ["volume:data"])
    with qtbot.waitSignal(graph.node_activated):
        qtbot.keyClick(graph, Qt.Key.Key_Return)


# The offscreen platform warns when a window with a layout is shown: not our doing.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_search_centres_the_node_and_zoom_and_fit(qtbot: QtBot) -> None:
    panel = MountGraphPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 300)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.graph
    snap = Snapshot.build(
        [Volume(f"vol{i:03d}") for i in range(120)] + [Volume("needle-volume")], []
    )
    fill(qtbot, view, snap)
    view.set_zoom(1.0)
    with qtbot.waitSignal(view.volume_selected) as sig:
        qtbot.keyClicks(panel.search, "needle")
    assert sig.args == ["needle-volume"]
    item = view.nodes["volume:needle-volume"]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(item.sceneBoundingRect().center())
    before = view.zoom()
    view.zoom_by(2)
    assert view.zoom() == pytest.approx(before * 1.44)
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.scene().itemsBoundingRect())
    panel.close()
    view.wait_idle()


def test_export_png_and_svg(qtbot: QtBot, graph: MountGraph, tmp_path: Path) -> None:
    fill(qtbot, graph, sample_snapshot())
    png, svg = tmp_path / "g.png", tmp_path / "g.svg"
    assert graph.export_png(str(png))
    image = QImage(str(png))
    rect = graph.scene().itemsBoundingRect()
    assert image.width() >= rect.width() and image.height() >= rect.height()
    assert graph.export_svg(str(svg))
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "backup" in text and "한글-설정" in text


def test_follows_the_palette_and_renders_korean(qtbot: QtBot, graph: MountGraph) -> None:
    fill(qtbot, graph, sample_snapshot())
    assert not graph.scene().theme.dark
    dark = QPalette(graph.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#151515"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    graph.setPalette(dark)
    assert graph.scene().theme.dark
    assert graph.backgroundBrush().color() == QColor("#151515")
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Korean), "no Korean font"
    assert "웹 사이트 콘텐츠" in graph.nodes["volume:data"].toolTip()


def test_scene_mirrors_the_sandbox_engine(
    qtbot: QtBot,
    graph: MountGraph,
    engine: Engine,
    docker,  # type: ignore[no-untyped-def]
    image: str,
    unique,  # type: ignore[no-untyped-def]
    leave_engine_clean: None,
    tmp_path: Path,
) -> None:
    shared, spare = unique("shared"), unique("spare")
    docker("volume", "create", shared)
    docker("volume", "create", spare)
    docker(
        "create",
        "--name",
        unique("reader"),
        "-v",
        f"{shared}:/in:ro",
        "-v",
        f"{tmp_path}:/host",
        "--mount",
        "type=tmpfs,destination=/scratch",
        image,
        "true",
    )
    docker(
        "create", "--name", unique("writer"), "-v", f"{shared}:/out", "-v", "/anon", image, "true"
    )
    snap = snapshot_off_thread(engine)
    fill(qtbot, graph, snap)
    assert_mirrors(graph, snap)
    assert graph.nodes[f"volume:{spare}"].node.unused
    assert len(graph.nodes[f"volume:{shared}"].edges) == 2
