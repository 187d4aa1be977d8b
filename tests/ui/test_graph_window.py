"""The mount graph inside the main window: fed by live updates, selection shared."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import assert_mirrors, center_of, double_click, drag_onto
from volgui.engine.graph.ids import container_node_id, edge_id, volume_node_id
from volgui.ui.dnd import VOLUME_MIME
from volgui.ui.graph import MountGraph
from volgui.ui.inspect_dialog import InspectDialog
from volgui.ui.main_window import MainWindow

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 10_000


def _settled(window: MainWindow) -> bool:
    """The graph shows the window's latest snapshot, every item in place."""
    graph = window.graph
    return (
        not graph.busy()
        and graph.graph.node_map().keys() == graph.nodes.keys()
        and (
            {volume_node_id(v.name) for v in window.snapshot.volumes} <= graph.nodes.keys()
            and {container_node_id(c.id) for c in window.snapshot.containers} <= graph.nodes.keys()
        )
    )


def _pair(docker: Docker, unique: Unique, image: str) -> tuple[str, str]:
    """A volume mounted read-only by a (never started) container: (name, id)."""
    vol = unique("gvol")
    docker("volume", "create", vol)
    cid = docker("create", "--name", unique("gctr"), "-v", f"{vol}:/data:ro", image, "true")
    return vol, cid


def _wait_for(qtbot: QtBot, window: MainWindow, *node_ids: str) -> MountGraph:
    graph = window.graph
    qtbot.waitUntil(
        lambda: all(n in graph.nodes for n in node_ids) and _settled(window), timeout=WAIT
    )
    return graph


def test_the_graph_sits_in_the_window_and_mirrors_its_snapshot(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, volume_node_id(vol), container_node_id(cid))
    assert window.findChild(MountGraph, "mountGraph") is graph
    assert graph.isVisible()
    assert_mirrors(graph, window.snapshot)
    edge = graph.edges[edge_id(cid, "/data")]
    assert edge.edge.read_only and edge.pen().style() == Qt.PenStyle.DashLine


def test_a_volume_created_with_the_cli_appears_as_a_node(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    graph = window.graph
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    shown = dict(graph.nodes)
    vol = unique("cli")
    docker("volume", "create", vol)
    graph = _wait_for(qtbot, window, volume_node_id(vol))
    assert graph.nodes[volume_node_id(vol)].node.unused  # nobody mounts it: set apart
    # Brought in from a diff: every node shown before is the very same item.
    assert {k: graph.nodes.get(k) for k in shown} == shown
    docker("volume", "rm", vol)
    qtbot.waitUntil(lambda: volume_node_id(vol) not in graph.nodes, timeout=WAIT)
    assert {k: graph.nodes.get(k) for k in shown} == shown


def test_clicking_nodes_selects_rows_and_fills_the_details(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, volume_node_id(vol), container_node_id(cid))
    qtbot.mouseClick(
        graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, volume_node_id(vol))
    )
    qtbot.waitUntil(lambda: window.selected_volumes() == [vol])
    assert window.details.subject == vol
    qtbot.mouseClick(
        graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, container_node_id(cid))
    )
    qtbot.waitUntil(lambda: window.selected_containers() == [cid])
    assert window.selected_volumes() == []
    assert window.details.subject == cid


def test_selecting_rows_selects_nodes(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, volume_node_id(vol), container_node_id(cid))
    assert window.select_volume(vol)
    assert graph.selected_ids() == [volume_node_id(vol)]
    assert window.select_container(cid)
    assert graph.selected_ids() == [container_node_id(cid)]
    window.container_table.clearSelection()
    assert graph.selected_ids() == []


def test_double_click_on_a_node_opens_its_details(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, container_node_id(cid))
    double_click(qtbot, graph, container_node_id(cid))
    qtbot.waitUntil(lambda: bool(window.findChildren(InspectDialog)), timeout=WAIT)
    dialog = window.findChildren(InspectDialog)[0]
    assert window.selected_containers() == [cid]
    # the engine's inspect of that very container, fetched off the GUI thread
    qtbot.waitUntil(lambda: f'"Id": "{cid}"' in dialog.text.toPlainText(), timeout=WAIT)
    dialog.close()


def test_the_graph_can_be_hidden_and_remembers_it(window: MainWindow, qtbot: QtBot) -> None:
    assert window.graph_panel.isVisible()
    window.graph_action.trigger()
    assert not window.graph_panel.isVisible()
    window.save_settings()
    assert window.settings.value("view/show_graph", type=bool) is False
    window.graph_action.trigger()
    assert window.graph_panel.isVisible()


def test_a_volume_dropped_on_a_container_node_selects_that_container(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, volume_node_id(vol), container_node_id(cid))
    with qtbot.waitSignal(graph.volume_dropped) as sig:
        assert drag_onto(graph, graph.volume_mime(vol), center_of(graph, container_node_id(cid)))
    assert sig.args == [vol, cid]
    assert window.selected_containers() == [cid]
    dialog = window.container_actions.dialog  # the run dialog, in change mode (issue 12)
    assert dialog is not None and dialog.container is not None and dialog.container.id == cid
    dialog.reject()


def _row_centre(window: MainWindow, container_id: str) -> QPoint:
    table = window.container_table
    row = table.proxy.mapFromSource(table.source.index(table.source.row_of(container_id), 0))
    return table.visualRect(row).center()


def test_a_volume_dropped_on_a_container_row_does_what_a_drop_on_its_node_does(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    other = docker("create", "--name", unique("gother"), image, "true")
    graph = _wait_for(
        qtbot, window, volume_node_id(vol), container_node_id(cid), container_node_id(other)
    )
    table = window.container_table
    name = docker("inspect", "-f", "{{.Name}}", cid).lstrip("/")

    # A volume row drags out as that volume, in the DESIGN's MIME type.
    volumes = window.volume_table
    index = volumes.proxy.mapFromSource(volumes.source.index(volumes.source.row_of(vol), 0))
    assert volumes.dragEnabled() and index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    mime = volumes.model().mimeData([index])
    assert bytes(mime.data(VOLUME_MIME).data()).decode("utf-8") == vol

    # Hovering over the row frames it in the highlight colour; leaving unframes it.
    vp, at = table.viewport(), _row_centre(window, cid)
    actions, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.NoModifier
    QApplication.sendEvent(vp, QDragEnterEvent(at, actions, mime, left, none))
    move = QDragMoveEvent(at, actions, mime, left, none)
    QApplication.sendEvent(vp, move)
    assert move.isAccepted() and table.drop_row == table.indexAt(at).row()
    frame = table.visualRect(table.indexAt(at))
    image = vp.grab().toImage()
    highlight = table.palette().color(QPalette.ColorRole.Highlight)
    assert any(
        image.pixelColor(x, y) == highlight
        for x in range(frame.left() + 20, frame.left() + 60)
        for y in range(frame.top(), frame.top() + 4)
    )
    QApplication.sendEvent(vp, QDragLeaveEvent())
    assert table.drop_row is None

    # Dropped on the container's row: the container is selected and the run dialog
    # opens in change mode for it (issue 12).
    window.select_container(other)
    with qtbot.waitSignal(table.volume_dropped) as sig:
        assert drag_onto(table, mime, _row_centre(window, cid))
    assert sig.args == [vol, cid]
    assert window.selected_containers() == [cid]
    assert graph.selected_ids() == [container_node_id(cid)]
    from_row = window.container_actions.dialog
    assert from_row is not None and from_row.container is not None
    assert from_row.container.name == name
    from_row.reject()
    assert table.drop_row is None  # the drop frame is gone

    # The same drop on the container's node ends in exactly the same state.
    window.select_container(other)
    assert drag_onto(graph, graph.volume_mime(vol), center_of(graph, container_node_id(cid)))
    assert window.selected_containers() == [cid]
    from_node = window.container_actions.dialog
    assert from_node is not from_row and from_node is not None
    assert from_node.container == from_row.container
    from_node.reject()

    # Not a volume: refused, nothing happens. Empty space below the rows is no
    # container: it opens new mode (tests/ui/test_run_dialog.py), not a mount.
    with qtbot.assertNotEmitted(table.volume_dropped):
        text = QMimeData()
        text.setText(vol)
        assert not drag_onto(table, text, _row_centre(window, other))
        below = table.viewport().rect().bottomLeft() + QPoint(10, -3)
        assert not table.indexAt(below).isValid()
        assert drag_onto(table, mime, below)
    assert window.container_actions.dialog is not None
    assert window.container_actions.dialog.mode == "new"
    window.container_actions.dialog.reject()
    assert window.selected_containers() == [cid]


def test_arrow_keys_in_the_graph_select_rows_and_fill_the_details(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    # Two volumes that only one container mounts: a group of its own, so the
    # two sit in adjacent rows of one column whatever else the engine holds.
    upper, lower = unique("gup"), unique("glow")
    for name in (upper, lower):
        docker("volume", "create", name)
    docker(
        "create", "--name", unique("gtwo"), "-v", f"{upper}:/a", "-v", f"{lower}:/b", image, "true"
    )
    ids = [volume_node_id(n) for n in (vol, upper, lower)]
    graph = _wait_for(qtbot, window, *ids, container_node_id(cid))
    if graph.nodes[ids[1]].y() > graph.nodes[ids[2]].y():
        upper, lower = lower, upper
    window.activateWindow()
    graph.setFocus()
    qtbot.waitUntil(graph.hasFocus, timeout=WAIT)
    window.select_volume(vol)
    # Right follows the volume's one mount to its container: the row and details follow.
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    assert graph.selected_ids() == [container_node_id(cid)]
    assert window.selected_containers() == [cid] and window.selected_volumes() == []
    assert window.details.subject == cid
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    assert graph.selected_ids() == [volume_node_id(vol)]
    assert window.selected_volumes() == [vol] and window.details.subject == vol
    # Down moves to the next row of the column, Up comes back; the rows follow.
    window.select_volume(upper)
    assert graph.nodes[volume_node_id(upper)].x() == graph.nodes[volume_node_id(lower)].x()
    qtbot.keyClick(graph, Qt.Key.Key_Down)
    assert graph.selected_ids() == [volume_node_id(lower)]
    assert window.selected_volumes() == [lower] and window.details.subject == lower
    qtbot.keyClick(graph, Qt.Key.Key_Up)
    assert graph.selected_ids() == [volume_node_id(upper)]
    assert window.selected_volumes() == [upper]
    assert graph.hasFocus()  # the tables followed without taking the keyboard


def test_a_host_path_node_selected_in_the_graph_clears_the_tables(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot, tmp_path
) -> None:
    vol, cid = _pair(docker, unique, image)
    host = tmp_path / "shared"
    host.mkdir()
    docker("create", "--name", unique("gbind"), "-v", f"{host}:/srv", image, "true")
    bind = f"bind:{host}"
    graph = _wait_for(qtbot, window, volume_node_id(vol), bind)
    assert window.select_volume(vol)
    assert window.details.subject == vol
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, bind))
    # No row shows a host path: the volume's row and details must not stay as if selected.
    assert graph.selected_ids() == [bind]
    assert window.selected_volumes() == [] and window.selected_containers() == []
    assert window.details.subject is None
    # And a row selected afterwards takes over the graph as before.
    assert window.select_container(cid)
    assert graph.selected_ids() == [container_node_id(cid)]
