"""Container actions of the window: menu entries and keys on rows and nodes."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import center_of
from volgui.engine import Engine
from volgui.ui.main_window import MainWindow

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 20_000


def _state(docker: Docker, key: str) -> str:
    return json.loads(docker("inspect", key))[0]["State"]["Status"]


def _select(qtbot: QtBot, window: MainWindow, cid: str) -> None:
    qtbot.waitUntil(
        lambda: window.snapshot.container(cid) is not None and window.idle, timeout=WAIT
    )
    assert window.select_container(cid)


def test_start_stop_restart_act_on_the_selected_container(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    cid = docker("create", "--name", unique("act"), image, "sleep", "600")
    _select(qtbot, window, cid)
    actions = window.container_actions.actions
    actions["start"].trigger()
    qtbot.waitUntil(lambda: _state(docker, cid) == "running", timeout=WAIT)
    started = json.loads(docker("inspect", cid))[0]["State"]["StartedAt"]
    actions["restart"].trigger()
    qtbot.waitUntil(
        lambda: json.loads(docker("inspect", cid))[0]["State"]["StartedAt"] != started,
        timeout=WAIT,
    )
    actions["stop"].trigger()
    qtbot.waitUntil(lambda: _state(docker, cid) == "exited", timeout=WAIT)
    qtbot.waitUntil(lambda: window.snapshot.container(cid).state == "exited", timeout=WAIT)


def test_remove_asks_names_the_volumes_it_keeps_and_keeps_them(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("keep")
    cid = docker("create", "--name", unique("gone"), "-v", f"{vol}:/data", image, "true")
    _select(qtbot, window, cid)
    box = window.container_actions.remove()
    assert isinstance(box, QMessageBox) and box.objectName() == "confirmRemoveContainer"
    assert vol in box.informativeText() and "stay" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _state(docker, cid) == "created"  # cancelled: nothing removed
    box = window.container_actions.remove()
    assert box is not None
    [remove] = [b for b in box.buttons() if b.text() == "Remove"]
    remove.click()
    qtbot.waitUntil(lambda: cid not in docker("ps", "-aq", "--no-trunc").split(), timeout=WAIT)
    assert docker("volume", "inspect", "-f", "{{.Name}}", vol) == vol


def test_copy_run_command_mounts_and_duplicate(
    window: MainWindow, engine: Engine, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, name = unique("dup"), unique("orig")
    cid = docker("create", "--name", name, "-e", "K=v", "-v", f"{vol}:/data", image, "true")
    _select(qtbot, window, cid)
    actions = window.container_actions
    QGuiApplication.clipboard().clear()
    actions.actions["copy_run"].trigger()
    expected = engine.container_spec(cid).to_command()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == expected, timeout=WAIT)

    dialog = actions.mounts()
    assert dialog is not None and dialog.mode == "change" and dialog.container.id == cid
    assert [r.destination.text() for r in dialog.form.mounts.rows] == ["/data"]
    dialog.reject()

    actions.actions["duplicate"].trigger()
    qtbot.waitUntil(
        lambda: actions.dialog is not None and actions.dialog.mode == "new", timeout=WAIT
    )
    dup = actions.dialog
    assert dup.form.name.text() == f"{name}-copy"
    assert f"-v {vol}:/data" in dup.preview.text() and "-e K=v" in dup.preview.text()
    dup.reject()


def test_a_container_node_has_the_same_menu(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    cid = docker("create", "--name", unique("node"), image, "true")
    _select(qtbot, window, cid)
    graph = window.graph
    qtbot.waitUntil(lambda: f"container:{cid}" in graph.nodes and not graph.busy(), timeout=WAIT)
    window.container_table.clearSelection()
    window.container_actions._graph_menu(center_of(graph, f"container:{cid}"))
    menu = window.findChild(QMenu, "containerNodeMenu")
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Start",
        "Stop",
        "Restart",
        "Copy docker run command",
        "Mounts…",
        "Duplicate…",
        "Remove",
    ]
    assert window.selected_containers() == [cid]
    menu.close()
    keys = {k: a.shortcut().toString() for k, a in window.container_actions.actions.items()}
    assert keys["mounts"] == "Ctrl+M" and keys["remove"] == "Del"
    assert Qt.ShortcutContext.WidgetWithChildrenShortcut == (
        window.container_actions.actions["remove"].shortcutContext()
    )
