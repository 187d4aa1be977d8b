"""The run dialog and drag-to-mount, on the sandbox engine (pytest-qt, offscreen)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import center_of, drag_onto
from volgui.engine.runspec import RunSpec, parse_command
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


def _drop_on_row(window: MainWindow, vol: str, cid: str) -> RunDialog:
    assert drag_onto(window.container_table, volume_mime(vol), _row_centre(window, cid))
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_files_in_the_writable_layer_gate_ok_until_discard_is_ticked(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("gate")
    docker("volume", "create", vol)
    cid, name = _running(docker, unique, image)
    docker("exec", name, "sh", "-c", "echo scribble > /root/notes.txt")
    _shown(qtbot, window, cid)
    dialog = _drop_on_row(window, vol, cid)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    summary = dialog.summary
    assert summary.layer.isVisible()
    assert "/root/notes.txt" in summary.paths.text()
    ok = dialog.ok_buttons[0]
    assert not ok.isEnabled() and "Discard these changes" in ok.toolTip()
    summary.discard.setChecked(True)
    assert ok.isEnabled(), ok.toolTip()
    summary.discard.setChecked(False)
    assert not ok.isEnabled()
    summary.discard.setChecked(True)
    with qtbot.waitSignal(dialog.applied, timeout=WAIT):
        ok.click()
    after = _inspect(docker, name)
    assert any(m.get("Name") == vol for m in after["Mounts"])
    assert docker("exec", name, "ls", "/root") == ""  # discarded, as the box said


def test_a_failed_start_rolls_back_and_the_dialog_says_the_old_container_is_back(
    window: MainWindow,
    docker: Docker,
    unique: Unique,
    image: str,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    vol = unique("fault")
    docker("volume", "create", vol)
    cid, name = _running(docker, unique, image)
    _shown(qtbot, window, cid)
    dialog = _drop_on_row(window, vol, cid)
    rows = dialog.form.mounts
    assert rows.highlighted is not None
    row = rows.rows[rows.highlighted]
    # An empty host folder over /bin: the new container is created, the old one
    # stopped and renamed, then `sleep` is not there to start: the start fails.
    empty = tmp_path / "empty"
    empty.mkdir()
    row.kind.setCurrentText("bind")
    row.source.setEditText(str(empty))
    row.destination.setText("/bin")
    row.destination.textEdited.emit("/bin")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    with qtbot.waitSignal(dialog.job.failed, timeout=WAIT):
        dialog.ok_buttons[0].click()
    assert dialog.isVisible()
    said = dialog.result.text()
    assert "The old container is back as it was." in said
    assert "starting the new" in said  # the step that failed, in the engine's words
    assert "rolling back" in " ".join(dialog.progress.lines)
    old = _inspect(docker, name)
    assert old["Id"] == cid and old["State"]["Running"]
    assert not any(m["Destination"] == "/bin" for m in old["Mounts"])
    names = docker("ps", "-a", "--format", "{{.Names}}").split()
    assert not [n for n in names if n.startswith(f"{name}-volgui-")]
    dialog.reject()


RICH = (
    "docker run -d --name {name} -h box1 -u nobody -w /tmp --read-only --restart unless-stopped "
    "-p 127.0.0.1::80 --expose 9000 -e A=1 -e EMPTY= -e FROM_ENV -l team=web -l tier=db "
    "-v {vol}:/data:ro --mount type=volume,source={vol2},target=/more,volume-nocopy "
    "--tmpfs /run:size=64m --entrypoint /bin/sh {image} -c 'sleep 600'"
)


def _new_dialog(window: MainWindow, qtbot: QtBot) -> RunDialog:
    dialog = window.container_actions.open_new()
    qtbot.waitUntil(lambda: dialog.form.image.count() > 0, timeout=WAIT)
    return dialog


def test_the_line_and_the_form_follow_each_other_over_every_flag(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    dialog = _new_dialog(window, qtbot)
    form, preview = dialog.form, dialog.preview
    # Typing in the form: the line follows at once.
    form.image.setEditText(image)
    qtbot.keyClicks(form.name, "typed-name")
    assert "--name typed-name" in preview.text()
    qtbot.keyClicks(form.ports, "8080:80")
    assert "-p 8080:80" in preview.text()

    # A line with every kind of flag the form knows: the form takes all of it...
    line = RICH.format(name=unique("rich"), vol=unique("v"), vol2=unique("w"), image=image)
    spec = parse_command(line)
    preview.editor.setPlainText(line)
    assert preview.error == ""
    assert form.name.text() == spec.name
    assert form.env.entries() == list(spec.env)
    assert form.labels.rows() == list(spec.labels)
    assert form.restart.currentText() == "unless-stopped"
    assert len(form.mounts.rows) == 3
    for f in form.sections.fields.values():
        assert f.values() == f.flag.values(spec), f.flag.long
    # ... and holds it: rebuilt from the fields alone, it is the same line.
    form.base = RunSpec(image="")
    dialog._form_changed()
    assert preview.text() == spec.to_command()
    assert parse_command(preview.text()) == spec
    assert not dialog.blocked(), dialog.blocked()

    # Each remaining flag set in its section shows on the line, long or short.
    words = shlex.split(preview.text())
    for f in form.sections.fields.values():
        if f.flag.values(spec):
            assert f.flag.long in words or f.flag.short in words, f.flag.long
    dialog.reject()


def test_a_bad_line_shows_the_parsers_message_and_keeps_the_form(
    window: MainWindow, image: str, qtbot: QtBot
) -> None:
    dialog = _new_dialog(window, qtbot)
    form, preview = dialog.form, dialog.preview
    preview.editor.setPlainText(f"docker run --name good {image} true")
    assert form.name.text() == "good"
    preview.editor.setPlainText(f"docker run --name bad --bogus {image} true")
    message = dialog.findChild(QLabel, "commandError")
    assert message is not None and message.isVisible()
    assert "--bogus" in message.text() and "unknown flag" in message.text()
    assert form.name.text() == "good"  # the last good form stays
    ok = dialog.ok_buttons[1]
    assert not ok.isEnabled() and "does not parse" in ok.toolTip()
    # Field validation as you type, next to the field, OK disabled with the reason.
    preview.editor.setPlainText(f"docker run --name good {image} true")
    assert ok.isEnabled()
    form.name.setText("-bad")
    form.name.textEdited.emit("-bad")
    beside = form.errors["name"]
    assert beside.isVisible() and "invalid container name" in beside.text()
    assert not ok.isEnabled() and "invalid container name" in ok.toolTip()
    dialog.reject()


def _comparable(inspect: dict[str, Any]) -> dict[str, Any]:
    config = dict(inspect["Config"])
    # docker CLI 28 passes -e through a map: its Env order differs from run to run.
    config["Env"] = sorted(config.get("Env") or [])
    host = dict(inspect["HostConfig"])
    return {"Config": config, "HostConfig": host}


def test_create_and_start_makes_the_container_the_docker_cli_makes_from_the_line(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol, vol2 = unique("v"), unique("w")
    ours, theirs = unique("ours"), unique("cli")
    dialog = _new_dialog(window, qtbot)
    dialog.preview.editor.setPlainText(RICH.format(name=ours, vol=vol, vol2=vol2, image=image))
    assert not dialog.blocked(), dialog.blocked()
    with qtbot.waitSignal(dialog.applied, timeout=WAIT) as applied:
        dialog.ok_buttons[1].click()  # Create and start
    cli_line = RICH.format(name=theirs, vol=vol, vol2=vol2, image=image)
    args = shlex.split(cli_line)[2:]
    docker("run", *args)
    a, b = _inspect(docker, applied.args[0]), _inspect(docker, theirs)
    assert a["Name"] == f"/{ours}" and a["State"]["Running"] and b["State"]["Running"]
    ca, cb = _comparable(a), _comparable(b)
    differ = {
        f"{part}.{k}": (ca[part].get(k), cb[part].get(k))
        for part in ca
        for k in set(ca[part]) | set(cb[part])
        if ca[part].get(k) != cb[part].get(k)
    }
    assert not differ
    qtbot.waitUntil(lambda: window.selected_containers() == [a["Id"]], timeout=WAIT)


def test_closing_the_window_during_a_recreate_waits_for_it(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    vol = unique("late")
    cid = docker("create", "--name", unique("closing"), image, "true")
    _shown(qtbot, window, cid)
    dialog = _drop_on_row(window, vol, cid)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.blocked(), timeout=WAIT)
    dialog.ok_buttons[0].click()
    assert dialog.job.running  # its result comes through the event loop, not yet run
    window.close()
    assert window.isVisible()  # not cut off halfway
    box = window.findChild(QMessageBox, "closeWaits")
    assert box is not None and "finished or rolled back" in box.text()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    after = _inspect(docker, dialog.container.name)  # type: ignore[union-attr]
    assert after["Id"] != cid and any(m.get("Name") == vol for m in after["Mounts"])


def test_a_drop_on_empty_graph_space_opens_new_mode_and_a_volume_node_takes_none(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("bare")
    docker("volume", "create", vol)
    graph = window.graph
    qtbot.waitUntil(lambda: f"volume:{vol}" in graph.nodes and not graph.busy(), timeout=WAIT)
    # A volume node is no drop target: refused, no dialog.
    assert not drag_onto(graph, volume_mime(vol), center_of(graph, f"volume:{vol}"))
    assert window.container_actions.dialog is None
    rect = graph.viewport().rect()
    empty = next(
        QPoint(x, y)
        for y in range(rect.bottom() - 5, 0, -15)
        for x in range(5, rect.right(), 15)
        if graph.itemAt(QPoint(x, y)) is None
    )
    assert drag_onto(graph, volume_mime(vol), empty)
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.mode == "new" and dialog.isVisible()
    rows = dialog.form.mounts
    assert rows.highlighted is not None
    assert rows.rows[rows.highlighted].source.currentText() == vol
    dialog.reject()
