"""The mount graph inside the main window: fed by live updates, selection shared."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import assert_mirrors, center_of, double_click, drag_onto
from volgui.ui.dnd import VOLUME_MIME
from volgui.ui.inspect_dialog import InspectDialog
from volgui.ui.main_window import MainWindow
from volgui.ui.mount_graph import MountGraph

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
            {f"volume:{v.name}" for v in window.snapshot.volumes} <= graph.nodes.keys()
            and {f"container:{c.id}" for c in window.snapshot.containers} <= graph.nodes.keys()
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
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}")
    assert window.findChild(MountGraph, "mountGraph") is graph
    assert graph.isVisible()
    assert_mirrors(graph, window.snapshot)
    edge = graph.edges[f"mount:{cid}:/data"]
    assert edge.edge.read_only and edge.pen().style() == Qt.PenStyle.DashLine


def test_a_volume_created_with_the_cli_appears_as_a_node(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    refreshes: list[object] = []
    window.refresh_action.triggered.connect(refreshes.append)
    vol = unique("cli")
    docker("volume", "create", vol)
    graph = _wait_for(qtbot, window, f"volume:{vol}")
    assert graph.nodes[f"volume:{vol}"].node.unused  # nobody mounts it: set apart
    docker("volume", "rm", vol)
    qtbot.waitUntil(lambda: f"volume:{vol}" not in graph.nodes, timeout=WAIT)
    assert refreshes == []


def test_clicking_nodes_selects_rows_and_fills_the_details(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}")
    qtbot.mouseClick(
        graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, f"volume:{vol}")
    )
    qtbot.waitUntil(lambda: window.selected_volumes() == [vol])
    assert window.details.subject == vol
    qtbot.mouseClick(
        graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, f"container:{cid}")
    )
    qtbot.waitUntil(lambda: window.selected_containers() == [cid])
    assert window.selected_volumes() == []
    assert window.details.subject == cid


def test_selecting_rows_selects_nodes(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}")
    assert window.select_volume(vol)
    assert graph.selected_ids() == [f"volume:{vol}"]
    assert window.select_container(cid)
    assert graph.selected_ids() == [f"container:{cid}"]
    window.container_table.clearSelection()
    assert graph.selected_ids() == []


def test_double_click_on_a_node_opens_its_details(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, cid = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, f"container:{cid}")
    double_click(qtbot, graph, f"container:{cid}")
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
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}")
    with qtbot.waitSignal(graph.volume_dropped) as sig:
        assert drag_onto(graph, graph.volume_mime(vol), center_of(graph, f"container:{cid}"))
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
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}", f"container:{other}")
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
    assert graph.selected_ids() == [f"container:{cid}"]
    from_row = window.container_actions.dialog
    assert from_row is not None and from_row.container is not None
    assert from_row.container.name == name
    from_row.reject()
    assert table.drop_row is None  # the drop frame is gone

    # The same drop on the container's node ends in exactly the same state.
    window.select_container(other)
    assert drag_onto(graph, graph.volume_mime(vol), center_of(graph, f"container:{cid}"))
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
    vol2, _ = _pair(docker, unique, image)
    graph = _wait_for(qtbot, window, f"volume:{vol}", f"container:{cid}", f"volume:{vol2}")
    window.activateWindow()
    graph.setFocus()
    qtbot.waitUntil(graph.hasFocus, timeout=WAIT)
    window.select_volume(vol)
    # Right follows the volume's one mount to its container: the row and details follow.
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    assert graph.selected_ids() == [f"container:{cid}"]
    assert window.selected_containers() == [cid] and window.selected_volumes() == []
    assert window.details.subject == cid
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    assert graph.selected_ids() == [f"volume:{vol}"]
    assert window.selected_volumes() == [vol] and window.details.subject == vol
    # Down (or Up, at the column's end) moves within the column; the other way comes back.
    there, back = Qt.Key.Key_Down, Qt.Key.Key_Up
    qtbot.keyClick(graph, there)
    if graph.selected_ids() == [f"volume:{vol}"]:
        there, back = back, there
        qtbot.keyClick(graph, there)
    moved = graph.selected_ids()
    assert len(moved) == 1 and moved != [f"volume:{vol}"]
    assert graph.nodes[moved[0]].x() == graph.nodes[f"volume:{vol}"].x()
    if graph.nodes[moved[0]].node.is_volume:  # (a host path or tmpfs has no row)
        assert window.selected_volumes() == [graph.nodes[moved[0]].node.key]
    qtbot.keyClick(graph, back)
    assert graph.selected_ids() == [f"volume:{vol}"] and window.selected_volumes() == [vol]
    assert graph.hasFocus()  # the tables followed without taking the keyboard


def test_a_host_path_node_selected_in_the_graph_clears_the_tables(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot, tmp_path
) -> None:
    vol, cid = _pair(docker, unique, image)
    host = tmp_path / "shared"
    host.mkdir()
    docker("create", "--name", unique("gbind"), "-v", f"{host}:/srv", image, "true")
    bind = f"bind:{host}"
    graph = _wait_for(qtbot, window, f"volume:{vol}", bind)
    assert window.select_volume(vol)
    assert window.details.subject == vol
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=center_of(graph, bind))
    # No row shows a host path: the volume's row and details must not stay as if selected.
    assert graph.selected_ids() == [bind]
    assert window.selected_volumes() == [] and window.selected_containers() == []
    assert window.details.subject is None
    # And a row selected afterwards takes over the graph as before.
    assert window.select_container(cid)
    assert graph.selected_ids() == [f"container:{cid}"]
