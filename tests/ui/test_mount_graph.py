"""The mount graph widget: the scene mirrors the snapshot, and the user can work it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QColor,
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
    assert_mirrors,
    center_of,
    double_click,
    drag_onto,
    fill,
    make_graph,
    sample_snapshot,
    snapshot_off_thread,
)
from volgui.engine import Engine
from volgui.engine.model import Container, Snapshot, Volume
from volgui.ui.dnd import VOLUME_MIME
from volgui.ui.graph import MountGraph, MountGraphPanel, sync, view


@pytest.fixture
def graph(qtbot: QtBot) -> Iterator[MountGraph]:
    yield from make_graph(qtbot)


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
    target = center_of(graph, "volume:logs")
    # Qt drops a move to where the cursor already is (an earlier test may have
    # left it there): start from somewhere else.
    qtbot.mouseMove(graph.viewport(), target + QPoint(0, 200))
    qtbot.mouseMove(graph.viewport(), target)
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
            graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, "volume:data")
        )
    assert sig.args == ["data"]
    assert graph.selected_ids() == ["volume:data"]
    with qtbot.waitSignal(graph.container_selected) as sig:
        qtbot.mouseClick(
            graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, f"container:{BACKUP}")
        )
    assert sig.args == [BACKUP]
    with qtbot.waitSignal(graph.node_activated) as sig:
        double_click(qtbot, graph, f"container:{BACKUP}")
    assert sig.args == ["container", BACKUP]
    # selecting from elsewhere (the tables) does not echo back
    with qtbot.assertNotEmitted(graph.selection_changed):
        graph.select_volume("logs")
    assert graph.selected_ids() == ["volume:logs"]


def test_dragging_a_volume_onto_a_container_delivers_the_volume(
    qtbot: QtBot, graph: MountGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(qtbot, graph, sample_snapshot())
    started: list[QMimeData] = []

    def fake_exec(drag: view.QDrag, *args: object) -> Qt.DropAction:
        started.append(drag.mimeData())  # the system drag loop cannot run offscreen
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(view.QDrag, "exec", fake_exec)
    start = center_of(graph, "volume:logs")
    qtbot.mousePress(graph.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(graph.viewport(), start + QPoint(QApplication.startDragDistance() + 5, 3))
    qtbot.waitUntil(lambda: bool(started))
    qtbot.mouseRelease(graph.viewport(), Qt.MouseButton.LeftButton, pos=start)
    mime = started[0]
    assert bytes(mime.data(VOLUME_MIME).data()).decode("utf-8") == "logs"
    with qtbot.waitSignal(graph.volume_dropped) as sig:
        assert drag_onto(graph, mime, center_of(graph, f"container:{BACKUP}"))
    assert sig.args == ["logs", BACKUP]
    # volumes and empty space are no drop targets; other MIME types are refused
    with qtbot.assertNotEmitted(graph.volume_dropped):
        assert not drag_onto(graph, mime, center_of(graph, "volume:data"))
        other = QMimeData()
        other.setText("logs")
        assert not drag_onto(graph, other, center_of(graph, f"container:{BACKUP}"))


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


def test_the_same_snapshot_again_is_not_laid_out_again(qtbot: QtBot, graph: MountGraph) -> None:
    snap = sample_snapshot()
    fill(qtbot, graph, snap)
    items = dict(graph.nodes)
    again = Snapshot.build(snap.volumes, snap.containers)  # equal, not the same object
    with qtbot.assertNotEmitted(graph.layout_ready, wait=100):
        fill(qtbot, graph, again)
    assert graph.nodes == items
    fill(qtbot, graph, Snapshot.build([*snap.volumes, Volume("one-more")], snap.containers))
    assert "volume:one-more" in graph.nodes


def test_few_moved_nodes_glide_and_many_jump(
    qtbot: QtBot, graph: MountGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    glides: list[int] = []
    glide = graph._animate
    monkeypatch.setattr(graph, "_animate", lambda moves: (glides.append(len(moves)), glide(moves)))
    names = [f"v{i:02d}" for i in range(60)]
    fill(qtbot, graph, Snapshot.build([Volume(n) for n in names], []))
    assert glides == []  # the first fill places, it does not glide

    def ends_in_place() -> None:
        lay = graph.layout_result
        assert lay is not None
        qtbot.waitUntil(lambda: graph._anim is None and not graph.busy())
        for nid, item in graph.nodes.items():
            assert (item.x(), item.y()) == lay.positions[nid]

    # Dropping the first of 60 shifts all the others: they jump, no glide.
    fill(qtbot, graph, Snapshot.build([Volume(n) for n in names[1:]], []))
    assert glides == []
    ends_in_place()
    # Dropping the first of a few shifts only a few: they glide, and land in place.
    fill(qtbot, graph, Snapshot.build([Volume(n) for n in names[1:6]], []))
    fill(qtbot, graph, Snapshot.build([Volume(n) for n in names[2:6]], []))
    assert len(glides) >= 1 and 0 < glides[-1] <= sync.ANIMATE_AT_MOST
    ends_in_place()


def test_keyboard_focus_shows_on_the_views_frame(qtbot: QtBot, graph: MountGraph) -> None:
    fill(qtbot, graph, sample_snapshot())
    highlight = graph.palette().color(QPalette.ColorRole.Highlight)

    def frame_lit() -> bool:
        image = graph.grab().toImage()
        middle = graph.height() // 2, graph.width() // 2
        return (
            image.pixelColor(0, middle[0]) == highlight
            and image.pixelColor(middle[1], 0) == highlight
        )

    viewport = graph.viewport().geometry()
    graph.activateWindow()
    graph.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(graph.hasFocus)
    assert frame_lit()
    assert graph.viewport().geometry() == viewport  # the picture does not shift
    graph.clearFocus()
    qtbot.waitUntil(lambda: not graph.hasFocus())
    assert not frame_lit()
