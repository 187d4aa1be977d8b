"""The main window against the sandbox engine: what it shows and what it changes.

Every assertion about the engine reads it back through the docker CLI.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from volgui.engine.events import Notice
from volgui.ui import tasks
from volgui.ui.main_window import MainWindow
from volgui.ui.prune_dialog import PruneDialog
from volgui.ui.volume_table import NAME, SIZE

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 10_000


def volumes_in_engine(docker: Docker) -> set[str]:
    return set(docker("volume", "ls", "-q").split())


def volume_rows(window: MainWindow) -> set[str]:
    return {v.name for v in window.volume_model.items}


def container_rows(window: MainWindow) -> set[str]:
    return {c.id for c in window.container_model.items}


def test_tables_equal_the_engine(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("data")
    name = unique("app")
    docker("volume", "create", vol)
    cid = docker("create", "--name", name, "-v", f"{vol}:/data:ro", image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    window.refresh()
    with qtbot.waitSignal(window.snapshot_changed, timeout=WAIT):
        pass
    assert volume_rows(window) == volumes_in_engine(docker)
    assert container_rows(window) == set(docker("ps", "-aq", "--no-trunc").split())
    used_by = window.snapshot.volume(vol).used_by
    assert used_by == (cid,)
    row = window.volume_model.row_of(vol)
    assert window.volume_model.index(row, 2).data() == "1 container"
    assert window.volume_model.index(row, SIZE).data() == "—"
    c_row = window.container_model.row_of(cid)
    assert window.container_model.index(c_row, 0).data() == name
    assert window.container_model.index(c_row, 2).data() == "created"


def test_status_bar_and_title_name_the_sandbox(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.idle, timeout=WAIT)
    text = window.engine_label.text()
    assert window.engine.address in text
    assert "sandbox engine" in text
    assert "Docker " in text
    assert "sandbox engine" in window.windowTitle()
    assert window.counts_label.text().startswith(f"{len(window.snapshot.volumes)} volume")
    assert window.refreshed_label.text().startswith("refreshed ")


def test_cli_changes_appear_without_refresh(
    window: MainWindow,
    docker: Docker,
    unique: Unique,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The event stream's notice names the volume: no full refresh brought it."""
    qtbot.waitUntil(lambda: window.is_filled and window.idle, timeout=WAIT)
    asked: list[Notice] = []
    request = window._request  # every refresh, full or not, is asked for here
    monkeypatch.setattr(window, "_request", lambda n: (asked.append(n), request(n)))
    vol = unique("live")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    docker("volume", "rm", vol)
    qtbot.waitUntil(lambda: vol not in volume_rows(window), timeout=WAIT)
    assert [n for n in asked if n.resync] == []
    assert sum(vol in n.volumes for n in asked) >= 2  # its create and its destroy


def test_selection_survives_live_updates(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    keep, other = unique("keep"), unique("other")
    docker("volume", "create", keep)
    qtbot.waitUntil(lambda: keep in volume_rows(window), timeout=WAIT)
    assert window.select_volume(keep)
    docker("volume", "create", other)
    qtbot.waitUntil(lambda: other in volume_rows(window), timeout=WAIT)
    assert window.selected_volumes() == [keep]


def test_new_volume_dialog_validates_and_creates(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    before = volumes_in_engine(docker)
    dialog = window.new_volume()
    assert dialog.objectName() == "volumeDialog" and dialog.isVisible()
    assert not dialog.create_button.isEnabled()
    dialog.name.setText("-bad name")
    assert not dialog.create_button.isEnabled()
    assert "invalid volume name" in dialog.problem.text()
    name = unique("made")
    dialog.name.setText(name)
    dialog.labels.setPlainText("app=test\nnot a pair")
    assert not dialog.create_button.isEnabled()
    assert "label row 2" in dialog.problem.text()
    dialog.labels.setPlainText("app=test\ntier = db")
    dialog.options.setPlainText("type=tmpfs\ndevice=tmpfs\no=size=1m")
    assert dialog.create_button.isEnabled() and dialog.problem.text() == ""
    with qtbot.waitSignal(dialog.created, timeout=WAIT):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    inspected = json.loads(docker("volume", "inspect", name))[0]
    assert inspected["Labels"] == {"app": "test", "tier": "db"}
    assert inspected["Options"] == {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"}
    assert volumes_in_engine(docker) == before | {name}
    qtbot.waitUntil(lambda: window.selected_volumes() == [name], timeout=WAIT)


def test_new_volume_refuses_an_existing_name(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    name = unique("taken")
    docker("volume", "create", name)
    qtbot.waitUntil(lambda: name in volume_rows(window), timeout=WAIT)
    dialog = window.new_volume()
    dialog.name.setText(name)
    assert not dialog.create_button.isEnabled()
    assert "already exists" in dialog.problem.text()
    dialog.reject()


def _select_volumes(window: MainWindow, names: list[str]) -> None:
    table = window.volume_table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for name in names:
        row = table.source.row_of(name)
        table.selectionModel().select(table.proxy.mapFromSource(table.source.index(row, 0)), flags)


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    assert isinstance(button, QPushButton)
    button.click()


def test_remove_asks_then_removes_exactly_the_selection(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    a, b, bystander = unique("rm-a"), unique("rm-b"), unique("rm-keep")
    for name in (a, b, bystander):
        docker("volume", "create", name)
    qtbot.waitUntil(lambda: {a, b, bystander} <= volume_rows(window), timeout=WAIT)
    before = volumes_in_engine(docker)
    _select_volumes(window, [a, b])
    box = window.remove_selected()
    assert box is not None and box.isVisible() and box.objectName() == "confirmRemove"
    assert a in box.informativeText() and b in box.informativeText()
    assert bystander not in box.informativeText()
    _click(box, "Cancel")
    # A removal would be under way now (tasks start at once): none is.
    assert not [t.what for t in tasks.runner().running if t.what.startswith("Removing")]
    assert volumes_in_engine(docker) == before
    box = window.remove_selected()
    assert box is not None
    _click(box, "Remove")
    qtbot.waitUntil(lambda: a not in volumes_in_engine(docker), timeout=WAIT)
    qtbot.waitUntil(lambda: b not in volumes_in_engine(docker), timeout=WAIT)
    assert volumes_in_engine(docker) == before - {a, b}
    qtbot.waitUntil(lambda: not ({a, b} & volume_rows(window)), timeout=WAIT)


def test_removing_a_volume_in_use_names_its_containers(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    vol, user = unique("busy"), unique("user")
    docker("volume", "create", vol)
    cid = docker("create", "--name", user, "-v", f"{vol}:/data", image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    qtbot.waitUntil(lambda: window.snapshot.volume(vol).used_by == (cid,), timeout=WAIT)
    assert window.select_volume(vol)
    box = window.remove_selected()
    assert box is not None and f"{vol} is in use by {user}" in box.informativeText()
    _click(box, "Remove")

    def error_shown() -> list[QMessageBox]:
        return [m for m in window.findChildren(QMessageBox, "errorMessage") if m.isVisible()]

    qtbot.waitUntil(lambda: bool(error_shown()), timeout=WAIT)
    message = error_shown()[0].text()
    assert f"Removing volume {vol} failed" in message and user in message
    assert not error_shown()[0].isModal()
    assert vol in volumes_in_engine(docker)


def test_prune_removes_exactly_the_previewed_list(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    anon = docker("volume", "create")  # no name: 64 hex digits, anonymous
    named, used = unique("unused"), unique("used")
    docker("volume", "create", named)
    docker("volume", "create", used)
    docker("create", "-v", f"{used}:/data", image, "true")
    dialog = window.prune()
    assert isinstance(dialog, PruneDialog) and dialog.objectName() == "pruneDialog"
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert anon in dialog.names and named not in dialog.names and used not in dialog.names
    listed = [
        dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())
    ]
    assert listed == dialog.names
    dialog.include_named.setChecked(True)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert {anon, named} <= set(dialog.names) and used not in dialog.names
    shown = dialog.names
    before = volumes_in_engine(docker)
    with qtbot.waitSignal(dialog.pruned, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.prune_button, Qt.MouseButton.LeftButton)
    assert set(blocker.args[0].removed) == set(shown)
    assert volumes_in_engine(docker) == before - set(shown)
    qtbot.waitUntil(lambda: not (set(shown) & volume_rows(window)), timeout=WAIT)


def test_compute_sizes_shows_bytes(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot, tmp_path
) -> None:
    vol = unique("sized")
    cid = docker("create", "-v", f"{vol}:/data", image, "true")
    payload = tmp_path / "payload.bin"
    payload.write_bytes(b"x" * 300_000)
    docker("cp", str(payload), f"{cid}:/data/payload.bin")
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    window.compute_sizes()
    assert window.busy.isVisible() and window.computing_sizes
    assert not window.sizes_action.isEnabled()
    qtbot.waitUntil(lambda: not window.computing_sizes, timeout=30_000)
    assert not window.busy.isVisible()
    assert window.volume_model.sizes[vol] >= 300_000
    row = window.volume_model.row_of(vol)
    assert window.volume_model.index(row, SIZE).data().endswith("KiB")


def test_compute_sizes_can_be_cancelled(
    window: MainWindow,
    docker: Docker,
    unique: Unique,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vol = unique("uncounted")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    asked, go_on = threading.Event(), threading.Event()
    answers: list[dict[str, int]] = []
    real = window.engine.volume_sizes

    def held_sizes() -> dict[str, int]:  # /system/df, held until the user cancelled
        asked.set()
        go_on.wait(WAIT / 1000)
        answers.append(real())
        return answers[-1]

    monkeypatch.setattr(window.engine, "volume_sizes", held_sizes)
    window.compute_sizes()
    assert window.cancel_sizes_button.isVisible()
    qtbot.waitUntil(asked.is_set, timeout=WAIT)
    qtbot.mouseClick(window.cancel_sizes_button, Qt.MouseButton.LeftButton)
    assert not window.computing_sizes and not window.busy.isVisible()
    assert window.sizes_action.isEnabled()
    go_on.set()
    tasks.shutdown(wait=True)  # /system/df answered and its worker is done
    QCoreApplication.processEvents()  # a result it posted would be delivered now
    assert vol in answers[0]  # the engine did answer...
    assert window.volume_model.sizes == {}  # ...and the window dropped it


def test_closing_while_a_closed_dialogs_read_still_runs(
    window: MainWindow,
    docker: Docker,
    unique: Unique,
    image: str,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The run dialog closed (and so deleted) while it still reads the container's
    settings, then the window closed: the read is cancelled and closing raises
    nothing (an exception out of closeEvent crashed PySide 6.11 reporting it)."""
    cid = docker("create", "--name", unique("held"), image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    asked, go_on = threading.Event(), threading.Event()
    engine = window.container_actions.engine
    real = engine.container_spec

    def held_spec(*args: object) -> object:  # inspect, held until the window closed
        asked.set()
        go_on.wait(WAIT / 1000)
        return real(*args)

    monkeypatch.setattr(engine, "container_spec", held_spec)
    dialog = window.container_actions.open_change(cid)
    assert dialog is not None
    qtbot.waitUntil(asked.is_set, timeout=WAIT)
    reading = [t for t in tasks.runner().running if t.owner is dialog]
    assert any(t.what.startswith("Reading the settings") for t in reading)
    dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(dialog)
    window.close()
    go_on.set()
    assert not window.isVisible()
    assert all(t.cancelled and not t.running for t in reading)


def test_selection_highlights_the_other_side(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    v1, v2, other = unique("hl-1"), unique("hl-2"), unique("hl-x")
    docker("volume", "create", other)
    cid = docker("create", "-v", f"{v1}:/a", "-v", f"{v2}:/b:ro", image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    qtbot.waitUntil(lambda: {v1, v2, other} <= volume_rows(window), timeout=WAIT)
    selected: list[list[str]] = []
    window.volumes_selected.connect(selected.append)
    assert window.select_volume(v1)
    assert selected[-1] == [v1]
    assert window.container_model.highlighted == {cid}
    assert v1 in window.details.toPlainText() and "/a" in window.details.toPlainText()
    assert window.select_container(cid)
    assert window.selected_volumes() == []
    assert window.volume_model.highlighted == {v1, v2}
    row = window.volume_model.row_of(v2)
    assert window.volume_model.index(row, NAME).data(Qt.ItemDataRole.FontRole).bold()
    qtbot.waitUntil(lambda: "Mounts" in window.details.toPlainText(), timeout=WAIT)


def test_delete_key_asks_to_remove(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("key")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    window.select_volume(vol)
    window.activateWindow()
    window.volume_table.setFocus()
    qtbot.waitUntil(window.volume_table.hasFocus, timeout=WAIT)
    qtbot.keyClick(window.volume_table, Qt.Key.Key_Delete)
    boxes = [b for b in window.findChildren(QMessageBox, "confirmRemove") if b.isVisible()]
    assert len(boxes) == 1 and vol in boxes[0].informativeText()
    _click(boxes[0], "Cancel")
    window.filter_box.setFocus()
    qtbot.waitUntil(window.filter_box.hasFocus, timeout=WAIT)
    qtbot.keyClicks(window.filter_box, "ab")
    qtbot.keyClick(window.filter_box, Qt.Key.Key_Delete)  # a text key here, not Remove
    assert not [b for b in window.findChildren(QMessageBox, "confirmRemove") if b.isVisible()]
    assert vol in volumes_in_engine(docker)


def test_ctrl_f_focuses_the_filter(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.volume_table.setFocus()
    qtbot.waitUntil(window.volume_table.hasFocus, timeout=WAIT)
    qtbot.keyClick(window.volume_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_box.hasFocus()


def test_context_menu_offers_copy_inspect_remove(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("menu")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    window.select_volume(vol)
    window.volume_table.customContextMenuRequested.emit(window.volume_table.rect().center())
    menus = window.findChildren(QMenu, "volumeMenu")
    texts = [a.text() for a in menus[-1].actions() if a.text()]
    data = ["Export…", "Import…", "Clone…", "Empty…", "Rename…", "Copy to engine…"]
    assert texts == ["Copy name", "Inspect", "Remove", *data]
    menus[-1].close()
    window.copy_selected()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == vol
    dialog = window.inspect_selected("volume")
    assert dialog is not None
    qtbot.waitUntil(lambda: f'"Name": "{vol}"' in dialog.text.toPlainText(), timeout=WAIT)
    dialog.close()


def test_filter_box_filters_both_tables(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    vol, other = unique("zzfilter"), unique("other")
    docker("volume", "create", other)
    cid = docker("create", "-v", f"{vol}:/x", image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    qtbot.waitUntil(lambda: {vol, other} <= volume_rows(window), timeout=WAIT)
    window.filter_box.setText(vol)
    assert window.volume_table.proxy.rowCount() == 1
    assert window.container_table.proxy.rowCount() == 1
    total = len(window.volume_model.items)
    assert f"(1 of {total} shown)" in window.volumes_title.text()
    window.filter_box.clear()
    assert f"({total})" in window.volumes_title.text()


def test_column_widths_and_geometry_persist(
    qtbot: QtBot, gui_engine, leave_engine_clean: None, throwaway_settings
) -> None:
    first = MainWindow(gui_engine, follow_events=False)
    qtbot.addWidget(first)
    first.show()
    first.volume_table.setColumnWidth(NAME, 333)
    first.resize(700, 500)  # the offscreen screen is 800x600
    first.anonymous_box.setChecked(False)
    first.close()
    assert list(throwaway_settings.rglob("*.ini")), "settings went to the throwaway scope"
    second = MainWindow(gui_engine, follow_events=False)
    qtbot.addWidget(second)
    assert second.volume_table.columnWidth(NAME) == 333
    assert (second.width(), second.height()) == (700, 500)
    assert not second.anonymous_box.isChecked()
    with qtbot.waitSignal(second.filled, timeout=WAIT):
        pass
    second.close()


def test_f5_refreshes_and_ctrl_n_opens_new_volume(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    window.activateWindow()
    window.volume_table.setFocus()
    qtbot.waitUntil(window.volume_table.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(window.snapshot_changed, timeout=WAIT):
        qtbot.keyClick(window.volume_table, Qt.Key.Key_F5)
    qtbot.keyClick(window.volume_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(QDialog, "volumeDialog") if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_details_show_a_containers_tmpfs_from_inspect(
    window: MainWindow, docker: Docker, image: str, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("det")
    cid = docker("create", "--tmpfs", "/scratch:size=1m", "-v", f"{vol}:/data:ro", image, "true")
    qtbot.waitUntil(lambda: cid in container_rows(window), timeout=WAIT)
    assert window.select_container(cid)
    # /scratch is not in the list endpoint's Mounts: only the inspect shows it.
    qtbot.waitUntil(lambda: "/scratch" in window.details.toPlainText(), timeout=WAIT)
    text = window.details.toPlainText()
    assert "size=1m" in text and vol in text and "read-only" in text


def test_tab_walks_out_of_the_tables_and_through_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    window.filter_box.setFocus()
    qtbot.waitUntil(window.filter_box.hasFocus, timeout=WAIT)
    walked = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget().objectName())
    # Tab leaves a table (it does not walk its cells) and goes where the eye goes.
    assert walked == [
        "showAnonymous",
        "volumeTable",
        "containerTable",
        "graphFit",
        "graphZoomOut",
        "graphZoomIn",
        "graphSearch",
        "graphCollapseAnonymous",
        "graphExport",
        "mountGraph",
        "detailsPane",
        "detailsTabBar",
        "engineList",
        "filterBox",
    ]


def test_shortcuts_work_with_the_toolbar_hidden(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialog, QToolBar

    vol = unique("keys")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in volume_rows(window), timeout=WAIT)
    bar = window.findChild(QToolBar, "mainToolBar")
    assert bar is not None
    bar.hide()  # the user can, from the toolbar's context menu

    def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        window.activateWindow()
        window.volume_table.setFocus()
        qtbot.waitUntil(window.volume_table.hasFocus, timeout=WAIT)
        qtbot.keyClick(window.volume_table, key, mods)

    def shown(name: str) -> list[QDialog]:
        return [d for d in window.findChildren(QDialog, name) if d.isVisible()]

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(window.snapshot_changed, timeout=WAIT):
        press(Qt.Key.Key_F5)
    press(Qt.Key.Key_N, ctrl)
    assert len(shown("volumeDialog")) == 1
    shown("volumeDialog")[0].reject()
    press(Qt.Key.Key_P, ctrl | shift)
    assert len(shown("pruneDialog")) == 1
    prune = shown("pruneDialog")[0]
    assert isinstance(prune, PruneDialog)
    qtbot.waitUntil(lambda: prune.preview is not None, timeout=WAIT)
    prune.reject()
    press(Qt.Key.Key_S, ctrl | shift)
    assert window.computing_sizes
    qtbot.waitUntil(lambda: not window.computing_sizes, timeout=30_000)
    assert vol in window.volume_model.sizes
    press(Qt.Key.Key_G, ctrl)
    assert not window.graph_panel.isVisible()
    press(Qt.Key.Key_G, ctrl)
    assert window.graph_panel.isVisible()
    window.select_volume(vol)
    press(Qt.Key.Key_C, ctrl)
    assert QGuiApplication.clipboard().text() == vol
