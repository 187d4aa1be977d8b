"""The run dialog and drag-to-mount, on the sandbox engine (pytest-qt, offscreen)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import center_of, drag_onto
from volgui.ui.dnd import volume_mime
from volgui.ui.main_window import MainWindow
from volgui.ui.run_dialog.dialog import RunDialog

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 20_000


def _inspect(docker: Docker, key: str) -> dict[str, Any]:
    return json.loads(docker("inspect", key))[0]


def _shown(qtbot: QtBot, window: MainWindow, *container_ids: str) -> None:
    def ready() -> bool:
        snap = window.snapshot
        return all(snap.container(c) for c in container_ids) and window.idle

    qtbot.waitUntil(ready, timeout=WAIT)


def _row_centre(window: MainWindow, container_id: str) -> QPoint:
    table = window.container_table
    row = table.proxy.mapFromSource(table.source.index(table.source.row_of(container_id), 0))
    return table.visualRect(row).center()


def _running(docker: Docker, unique: Unique, image: str, *args: str) -> tuple[str, str]:
    """A running container (sleeping) and its name."""
    name = unique("rd")
    cid = docker("run", "-d", "--name", name, *args, image, "sleep", "600")
    return cid, name


def _ready(qtbot: QtBot, dialog: RunDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.blocked() or dialog.plan_error != "", timeout=WAIT)


def test_a_drop_on_a_row_opens_change_mode_and_accepting_recreates_with_the_mount(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("photos")
    docker("volume", "create", vol)
    # A file written into the volume before: it must be there afterwards.
    docker("run", "--rm", "-v", f"{vol}:/v", image, "sh", "-c", "echo kept > /v/before.txt")
    cid, name = _running(docker, unique, image, "-e", "COLOUR=blue", "-l", "team=web")
    _shown(qtbot, window, cid)
    before = _inspect(docker, cid)

    assert drag_onto(window.container_table, volume_mime(vol), _row_centre(window, cid))
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "runDialog"
    assert dialog.mode == "change"
    rows = dialog.form.mounts
    assert rows.highlighted is not None
    new_row = rows.rows[rows.highlighted]
    assert new_row.source.currentText() == vol
    assert new_row.destination.text() == f"/mnt/{vol}"
    assert dialog.focusWidget() is new_row.destination
    # The words say what will happen; the settings are read-only.
    words = dialog.summary.words.text()
    assert f"{name} will be replaced by an identical container with {vol} mounted at" in words
    assert "it is running and will be restarted" in words
    assert dialog.form.name.isReadOnly()

    # Change the destination, wait for the plan, accept.
    new_row.destination.setText("/srv/photos")
    new_row.destination.textEdited.emit("/srv/photos")
    _ready(qtbot, dialog)
    assert dialog.plan is not None and not dialog.blocked(), dialog.blocked()
    assert "/srv/photos" in dialog.preview.text()
    with qtbot.waitSignal(dialog.applied, timeout=WAIT) as applied:
        dialog.ok_buttons[0].click()
    new_id = applied.args[0]
    assert new_id != cid

    after = _inspect(docker, name)
    assert after["Id"] == new_id and after["State"]["Running"]
    dests = {m["Destination"]: m for m in after["Mounts"]}
    assert dests["/srv/photos"]["Name"] == vol
    assert "COLOUR=blue" in after["Config"]["Env"]
    assert after["Config"]["Labels"]["team"] == "web"
    assert after["Config"]["Cmd"] == before["Config"]["Cmd"]
    assert docker("exec", name, "cat", "/srv/photos/before.txt") == "kept"
    qtbot.waitUntil(lambda: window.selected_containers() == [new_id], timeout=WAIT)


def test_a_drop_on_a_graph_node_opens_change_mode_prefilled(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("shared")
    docker("volume", "create", vol)
    # Two other containers agree where the volume goes: that is the suggestion.
    for _ in range(2):
        docker("create", "--name", unique("user"), "-v", f"{vol}:/var/shared", image, "true")
    cid = docker("create", "--name", unique("target"), image, "true")
    _shown(qtbot, window, cid)
    graph = window.graph
    qtbot.waitUntil(
        lambda: f"container:{cid}" in graph.nodes and window.idle and not graph.busy(),
        timeout=WAIT,
    )
    assert drag_onto(graph, volume_mime(vol), center_of(graph, f"container:{cid}"))
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.isVisible() and dialog.mode == "change"
    rows = dialog.form.mounts
    assert rows.highlighted is not None
    assert rows.rows[rows.highlighted].destination.text() == "/var/shared"
    words = dialog.summary.words.text()
    assert "it is created and will stay so" in words
    dialog.reject()
    assert not dialog.isVisible()


def test_a_drop_on_a_container_that_already_mounts_the_volume_says_so(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("have")
    cid = docker("create", "--name", unique("has"), "-v", f"{vol}:/data", image, "true")
    _shown(qtbot, window, cid)
    assert drag_onto(window.container_table, volume_mime(vol), _row_centre(window, cid))
    dialog = window.container_actions.dialog
    assert dialog is not None
    assert f"already mounts {vol} at /data" in dialog.summary.drop_note.text()
    assert len(dialog.form.mounts.rows) == 1  # nothing added
    _ready(qtbot, dialog)
    assert dialog.blocked() and not dialog.ok_buttons[0].isEnabled()
    assert "nothing changed" in dialog.ok_buttons[0].toolTip()
    dialog.reject()


def test_a_drop_on_empty_table_space_opens_new_mode_with_the_volume(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("fresh")
    docker("volume", "create", vol)
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: window.snapshot.volume(vol) is not None, timeout=WAIT)
    table = window.container_table
    below = table.viewport().rect().bottomLeft() + QPoint(10, -3)
    assert not table.indexAt(below).isValid()
    assert drag_onto(table, volume_mime(vol), below)
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.mode == "new"
    qtbot.waitUntil(lambda: dialog.form.image.currentText() != "", timeout=WAIT)
    assert f"-v {vol}:/mnt/{vol}" in dialog.preview.text()
    dialog.reject()
