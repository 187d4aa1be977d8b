"""The Engines sidebar: rows per engine with state and kind, the add dialog, drops."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.contexts import write_context
from tests.services import PodmanService, SSHServer
from volgui.engine import Engine
from volgui.engine.connection import Endpoint
from volgui.engine.engines import AddedEngine
from volgui.engine.sandbox import Sandbox
from volgui.ui.copy_dialog import CopyDialog
from volgui.ui.dnd import volume_mime
from volgui.ui.engine_list import EngineList
from volgui.ui.engines_controller import EnginesController


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "engines.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def controller(
    tmp_path: Path, sandbox_address: str, settings: QSettings
) -> Iterator[EnginesController]:
    """Contexts: default = the sandbox (DOCKER_HOST), and one to a socket that is not there."""
    cfg = tmp_path / "docker-config"
    write_context(cfg, "gone", f"unix://{tmp_path}/nothing.sock")
    env = {"DOCKER_CONFIG": str(cfg), "DOCKER_HOST": sandbox_address}
    c = EnginesController(env=env, settings=settings, podman=[])
    c.reload()
    yield c
    c.close()


def _cell(view: EngineList, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def test_rows_show_state_kind_and_volume_count(
    qtbot: QtBot, controller: EnginesController, qtmodeltester: object
) -> None:
    view = EngineList(controller)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model())  # type: ignore[attr-defined]
    assert view.objectName() == "engineList"
    assert [_cell(view, r, 0) for r in range(2)] == ["default *", "gone"]
    with qtbot.waitSignals([controller.probed, controller.probed], timeout=20000):
        controller.probe_all()
    assert (_cell(view, 0, 1), _cell(view, 0, 2), _cell(view, 0, 4)) == ("up", "docker", "1.41")
    assert _cell(view, 0, 5).isdigit()
    assert _cell(view, 1, 1) == "down: no socket there"


def test_choosing_a_row_follows_that_engine(
    qtbot: QtBot, controller: EnginesController, docker: object, unique: object
) -> None:
    view = EngineList(controller)
    qtbot.addWidget(view)
    with qtbot.waitSignal(controller.snapshot_changed, timeout=20000):
        view.setCurrentIndex(view.model().index(0, 0))
    key = controller.current
    assert key == "context:default"
    name = unique("side")  # type: ignore[operator]
    docker("volume", "create", name)  # type: ignore[operator]
    try:
        qtbot.waitUntil(
            lambda: name in {v.name for v in controller.snapshot(key).volumes},  # type: ignore[union-attr]
            timeout=10000,
        )
    finally:
        docker("volume", "rm", name)  # type: ignore[operator]


def test_add_edit_remove_an_engine_kept_in_settings(
    qtbot: QtBot, controller: EnginesController, settings: QSettings
) -> None:
    view = EngineList(controller)
    qtbot.addWidget(view)
    dialog = view.add_engine()
    dialog.name.setText("lab")
    dialog.host.setText("lab.example:2375")  # no scheme: refused in one line, dialog stays
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "must start with" in dialog.error.text()
    dialog.host.setText("tcp://127.0.0.1:1")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert [a.name for a in controller.added()] == ["lab"]
    assert "lab" in settings.value("engines/added", type=str)
    row = view.engines.row_of("added:lab")
    assert row == 2
    qtbot.waitUntil(lambda: _cell(view, row, 1) == "down: connection refused", timeout=20000)
    view.setCurrentIndex(view.model().index(row, 0))
    assert view.edit_action.isEnabled()
    edit = view.edit_engine()
    assert edit is not None and edit.host.text() == "tcp://127.0.0.1:1"
    edit.name.setText("lab2")
    edit.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert controller.added() == [AddedEngine("lab2", "tcp://127.0.0.1:1")]
    view.setCurrentIndex(view.model().index(view.engines.row_of("added:lab2"), 0))
    view.remove_engine()
    assert controller.added() == [] and view.engines.row_of("added:lab2") == -1


def _followers() -> int:
    return sum(t.name.startswith("volgui-events-") for t in threading.enumerate())


def test_a_removed_row_lets_go_of_its_engine_and_its_event_stream(
    qtbot: QtBot, controller: EnginesController, sandbox_address: str
) -> None:
    """Removing a row stops its live updates and closes its engine, off the GUI
    thread (a stuck remote engine would otherwise hold the window)."""
    before = _followers()
    controller.add_engine(AddedEngine("extra", sandbox_address))
    with qtbot.waitSignal(controller.snapshot_changed, timeout=20000):
        controller.select("added:extra")
    assert _followers() == before + 2  # its reader and its dispatcher
    controller.remove_engine("extra")
    assert "added:extra" not in [e.key for e in controller.entries]
    qtbot.waitUntil(lambda: _followers() == before, timeout=10000)


def test_a_dropped_volume_names_the_engine_and_the_volume(
    qtbot: QtBot, controller: EnginesController
) -> None:
    view = EngineList(controller)
    qtbot.addWidget(view)
    view.resize(500, 200)
    view.show()
    rect = view.visualRect(view.model().index(1, 0))
    mime: QMimeData = volume_mime("shop-pgdata")
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(view.volume_dropped) as got:
        view.dropEvent(event)
    assert got.args == ["context:gone", "shop-pgdata"]
    assert QPoint  # the drop is at the row's centre


def test_four_engines_with_their_kinds(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox_address: str,
    settings: QSettings,
    podman_service: PodmanService,
    ssh_server: SSHServer,
) -> None:
    """Docker (the sandbox), Podman, an engine over SSH, and one that is down."""
    env = {"DOCKER_CONFIG": str(tmp_path / "none"), "DOCKER_HOST": sandbox_address}
    c = EnginesController(env=env, settings=settings, podman=[str(podman_service.socket)])
    try:
        c.reload()
        c.add_engine(AddedEngine("far", f"ssh://{ssh_server.ALIAS}"))
        c.add_engine(AddedEngine("down", f"unix://{tmp_path}/no.sock"))
        view = EngineList(c)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: all(c.probe(e.key) for e in c.entries), timeout=30000)
        rows = {_cell(view, r, 0): (_cell(view, r, 1), _cell(view, r, 2)) for r in range(4)}
        assert rows == {
            "default *": ("up", "docker"),
            "far": ("up", "docker"),
            "down": ("down: no socket there", ""),
            f"podman {podman_service.socket}": ("up", "podman"),
        }
    finally:
        c.close()


def test_a_stopped_engine_shows_down_while_the_others_work(
    qtbot: QtBot, tmp_path: Path, sandbox_address: str, settings: QSettings
) -> None:
    box = Sandbox(tmp_path / "box")
    box.start()
    cfg = tmp_path / "cfg"
    write_context(cfg, "box", box.address)
    c = EnginesController(
        env={"DOCKER_CONFIG": str(cfg), "DOCKER_HOST": sandbox_address},
        settings=settings,
        podman=[],
    )
    try:
        c.reload()
        view = EngineList(c)
        qtbot.addWidget(view)
        with qtbot.waitSignal(c.snapshot_changed, timeout=20000):
            c.select("context:box")
        with qtbot.waitSignal(c.engine_down, timeout=30000):
            box.stop()
        assert _cell(view, 1, 1).startswith("down")
        with qtbot.waitSignal(c.snapshot_changed, timeout=20000):
            c.select("context:default")  # the other engine keeps working
        qtbot.waitUntil(lambda: _cell(view, 0, 1) == "up", timeout=20000)
    finally:
        c.close()
        box.stop()


def test_the_given_engine_is_shown_first_even_when_not_listed(
    qtbot: QtBot, controller: EnginesController, sandbox_address: str
) -> None:
    """--host/--context choose the first engine: its row, or one added for it."""
    with qtbot.waitSignal(controller.snapshot_changed, timeout=20000):
        key = controller.select_endpoint(Endpoint(sandbox_address, "--host"))
    assert key == "context:default" and controller.current == key
    with qtbot.waitSignal(controller.current_changed):
        other = controller.select_endpoint(Endpoint("unix:///nowhere.sock", "--host"))
    assert other == "given:unix:///nowhere.sock"
    assert [e.key for e in controller.entries][-1] == other


def test_the_sandbox_demo_is_named_for_what_it_is(
    qtbot: QtBot, controller: EnginesController, tmp_path: Path
) -> None:
    """make run's sandbox (not listed by any context): "sandbox", not its long socket path."""
    address = f"unix://{tmp_path}/sandbox/run/docker.sock"
    with qtbot.waitSignal(controller.current_changed):
        key = controller.select_endpoint(Endpoint(address, "sandbox"))
    view = EngineList(controller)
    qtbot.addWidget(view)
    row = [e.key for e in controller.entries].index(key)
    assert _cell(view, row, 0) == "sandbox"
    tip = str(view.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(f"sandbox: {address}\n") and "volgui's sandbox engine" in tip


def test_a_copy_target_that_cannot_be_read_is_said_in_the_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The target's volumes are read to warn of a name taken there; when that read
    fails the note says so (no error box), and the copy itself still refuses a
    taken name."""
    gone = Engine.open(Endpoint(f"unix://{tmp_path}/nothing.sock", "test"), lazy=True)
    dialog = CopyDialog(
        "data", None, [("context:gone", "gone")], "context:gone", lambda _k: None, lambda _k: gone
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.reading, timeout=20000)
    note = dialog.note.text()
    assert "Reading the target's volumes failed" in note and "not known" in note
    assert "A new volume is made there" not in note
    assert dialog.ok.isEnabled()
    assert not [b for b in QApplication.topLevelWidgets() if b.objectName() == "errorMessage"]
