"""Several engines in one window: the sidebar, switching engines, dragging a volume across.

Two real engines: the session sandbox (the window's own, DOCKER_HOST) and a
second sandbox dockerd started for this module, listed as the docker context
``side``. Real widgets, real mouse clicks on the sidebar, drops delivered as
the drag events Qt sends. The last test stops the second engine.
"""

from __future__ import annotations

import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.contexts import write_context
from tests.engine.test_recreate_kill import IDLE, _finish, _signal_at, _start
from tests.ui.graph_fixtures import drag_onto
from volgui.engine import Engine
from volgui.engine.engines import AddedEngine
from volgui.engine.sandbox import Sandbox, import_busybox
from volgui.ui import tasks
from volgui.ui.copy_dialog import CopyDialog
from volgui.ui.engines_controller import EnginesController
from volgui.ui.main_window import MainWindow
from volgui.ui.progress import ProgressDialog
from volgui.ui.run_dialog.dialog import RunDialog

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 20_000
MAIN, SIDE = "context:default", "context:side"
SNAPSHOT_PATHS = ("/volumes", "/containers/json")


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """The second engine, with busybox (to look inside its volumes)."""
    sandbox = Sandbox(tmp_path_factory.mktemp("side"))
    engine = sandbox.start()
    try:
        import_busybox(engine)
        engine.close()
        yield sandbox
    finally:
        sandbox.stop()


def on(box: Sandbox, *args: str) -> str:
    """The docker CLI against the second engine."""
    proc = subprocess.run(
        ["docker", "-H", box.address, *args], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"docker -H {box.address} {' '.join(args)}: {proc.stderr}"
    return proc.stdout.strip()


@pytest.fixture
def window(
    qtbot: QtBot,
    tmp_path: Path,
    gui_engine: Engine,
    sandbox_address: str,
    box: Sandbox,
    leave_engine_clean: None,
) -> Iterator[MainWindow]:
    """The window on the session sandbox, the second engine listed as context ``side``."""
    cfg = tmp_path / "docker-config"
    write_context(cfg, "side", box.address)
    settings = QSettings(str(tmp_path / "engines.ini"), QSettings.Format.IniFormat)
    env = {"DOCKER_CONFIG": str(cfg), "DOCKER_HOST": sandbox_address}
    engines = EnginesController(env=env, settings=settings, podman=[])
    w = MainWindow(gui_engine, engines=engines)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.filled, timeout=WAIT):
        w.show()
    yield w
    w.close()


def _names(window: MainWindow) -> set[str]:
    return {v.name for v in window.volume_model.items}


def _click_row(qtbot: QtBot, window: MainWindow, key: str) -> None:
    view = window.engine_list
    rect = view.visualRect(view.engines.index(view.engines.row_of(key), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _row_centre(window: MainWindow, key: str) -> QPoint:
    view = window.engine_list
    return view.visualRect(view.engines.index(view.engines.row_of(key), 0)).center()


def _cell(window: MainWindow, key: str, column: int) -> str:
    model = window.engine_list.engines
    return str(model.index(model.row_of(key), column).data())


def _counting(engine: Engine) -> list[str]:
    """The paths of the snapshot requests ``engine`` sends from now on (any thread)."""
    seen: list[str] = []

    def hook(_method: str, url: str) -> None:
        path = url.split("?")[0]
        if path.endswith(SNAPSHOT_PATHS):
            seen.append(path)

    engine.request_hooks.append(hook)
    return seen


def test_the_sidebar_lists_both_and_choosing_one_shows_it(
    window: MainWindow, box: Sandbox, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    here, there = unique("here"), unique("there")
    docker("volume", "create", here)
    on(box, "volume", "create", there)
    view = window.engine_list
    assert view.objectName() == "engineList"
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert [n.rstrip(" *") for n in names] == ["default", "side"]
    assert view.currentIndex().row() == view.engines.row_of(MAIN)  # --host's engine is shown
    qtbot.waitUntil(lambda: here in _names(window), timeout=WAIT)
    assert "default" in window.windowTitle()
    # The shown engine's row counts the window's snapshot (its probe lists nothing).
    count = lambda: str(len(window.snapshot.volumes))  # noqa: E731
    qtbot.waitUntil(lambda: _cell(window, MAIN, 5) == count(), timeout=WAIT)

    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(lambda: there in _names(window) and window.idle, timeout=WAIT)
    assert here not in _names(window)
    assert window.engine is window.engines.engine(SIDE)
    assert f"side · {box.address}" in window.windowTitle()
    qtbot.waitUntil(lambda: "side" in window.engine_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: _cell(window, SIDE, 1) == "up", timeout=WAIT)

    # Back and forth again: each engine's snapshot is kept; nothing is read anew.
    main_reads, side_reads = _counting(window.engines.engine(MAIN)), _counting(window.engine)
    _click_row(qtbot, window, MAIN)
    qtbot.waitUntil(lambda: here in _names(window) and window.idle, timeout=WAIT)
    assert there not in _names(window) and "default" in window.windowTitle()
    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(lambda: there in _names(window) and window.idle, timeout=WAIT)
    assert main_reads == [] and side_reads == []

    # The engine on screen stays live: a volume made by its CLI shows up unasked.
    later = unique("later")
    on(box, "volume", "create", later)
    qtbot.waitUntil(lambda: later in _names(window), timeout=WAIT)
    on(box, "volume", "rm", there, later)


def test_switching_engines_leaves_the_files_tab_empty_not_on_the_old_volume(
    window: MainWindow, box: Sandbox, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    """A volume of the shown engine selected, the Files tab open, then another engine
    shown from its kept snapshot: nothing of the first engine is listed (or looked
    for) on the second one."""
    here, there = unique("here"), unique("there")
    docker("volume", "create", here)
    on(box, "volume", "create", there)
    _click_row(qtbot, window, SIDE)  # read once: its snapshot is kept from now on
    qtbot.waitUntil(lambda: there in _names(window) and window.idle, timeout=WAIT)
    _click_row(qtbot, window, MAIN)
    qtbot.waitUntil(lambda: here in _names(window) and window.idle, timeout=WAIT)
    window.details_tabs.setCurrentWidget(window.files_tab)
    with qtbot.waitSignal(window.files_tab.model.loaded, timeout=WAIT):
        assert window.select_volume(here)
    assert window.files_tab.model.volume == here

    _click_row(qtbot, window, SIDE)
    # At once: the old selection must not start a listing of `here` on this engine.
    assert window.selected_volumes() == [] and window.files_tab.model.volume is None
    assert window.files_tab.model.rowCount() == 0
    qtbot.waitUntil(lambda: there in _names(window) and window.idle, timeout=WAIT)
    assert window.files_tab.model.volume is None
    on(box, "volume", "rm", there)


def test_a_duplicate_read_before_a_switch_opens_no_dialog_on_the_other_engine(
    window: MainWindow, docker: Docker, unique: Unique, image: str, qtbot: QtBot
) -> None:
    """Duplicate… reads the container's settings, then opens the new-container
    dialog: when another engine is shown by then, nothing opens there."""
    name = unique("orig")
    cid = docker("create", "--name", name, image, "true")
    qtbot.waitUntil(lambda: window.select_container(cid) and window.idle, timeout=WAIT)
    main = window.engine
    held = threading.Event()
    reading = threading.Event()

    def hold(_method: str, url: str) -> None:  # the settings read waits for the switch
        if f"/containers/{cid}/json" in url:
            reading.set()
            held.wait(WAIT / 1000)

    main.request_hooks.append(hold)
    try:
        window.container_actions.actions["duplicate"].trigger()
        qtbot.waitUntil(reading.is_set, timeout=WAIT)
        _click_row(qtbot, window, SIDE)
        qtbot.waitUntil(lambda: window.engine_key == SIDE and window.idle, timeout=WAIT)
        held.set()
        qtbot.waitUntil(lambda: name in window.statusBar().currentMessage(), timeout=WAIT)
    finally:
        held.set()
        main.request_hooks.remove(hold)
    assert "another engine" in window.statusBar().currentMessage()
    assert window.findChild(RunDialog) is None


def test_a_row_added_while_the_chosen_engine_is_still_read_keeps_that_choice(
    window: MainWindow, qtbot: QtBot, sandbox_address: str
) -> None:
    """Chosen while a read of it is in flight, the window waits for that read; a row
    added meanwhile does not send the selection back to the engine shown before."""
    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(lambda: window.engine_key == SIDE and window.idle, timeout=WAIT)
    side = window.engine
    held, reading = threading.Event(), threading.Event()

    def hold(_method: str, url: str) -> None:
        if url.split("?")[0].endswith("/volumes"):
            reading.set()
            held.wait(WAIT / 1000)

    side.request_hooks.append(hold)
    try:
        window.refresh()
        qtbot.waitUntil(reading.is_set, timeout=WAIT)
        _click_row(qtbot, window, MAIN)  # the read of `side` goes on in the background
        qtbot.waitUntil(lambda: window.engine_key == MAIN, timeout=WAIT)
        _click_row(qtbot, window, SIDE)  # ... and is waited for
        window.engines.add_engine(AddedEngine("extra", sandbox_address))
        qtbot.waitUntil(lambda: window.engine_list.engines.row_of("added:extra") >= 0, timeout=WAIT)
        current = window.engine_list.currentIndex().row()
        assert current == window.engine_list.engines.row_of(SIDE)
        held.set()
        qtbot.waitUntil(lambda: window.engine_key == SIDE and window.idle, timeout=WAIT)
    finally:
        held.set()
        side.request_hooks.remove(hold)
    assert window.engine is side


def _tree(box: Sandbox | None, image: str, volume: str) -> str:
    """Every path in ``volume`` with its type, mode, size and checksum (busybox)."""
    script = (
        "cd /v && find . | sort | while read -r p; do "
        'if [ -f "$p" ]; then echo "$p $(stat -c %a:%s "$p") $(md5sum < "$p")"; '
        'else echo "$p $(stat -c %F:%a "$p")"; fi; done'
    )
    args = ["run", "--rm", "-v", f"{volume}:/v:ro", image, "sh", "-c", script]
    if box is None:
        proc = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout
    return on(box, *args) + "\n"


def _drop_on(window: MainWindow, volume: str, key: str) -> CopyDialog:
    table = window.volume_table
    index = table.proxy.mapFromSource(table.source.index(table.source.row_of(volume), 0))
    mime = table.model().mimeData([index])  # what dragging the row carries
    assert drag_onto(window.engine_list, mime, _row_centre(window, key))
    dialog = window.copy_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _copy(qtbot: QtBot, dialog: CopyDialog, window: MainWindow) -> None:
    with qtbot.waitSignal(dialog.copy_accepted, timeout=WAIT):
        dialog.ok.click()
    progress = window.data_actions.last
    assert isinstance(progress, ProgressDialog)
    with qtbot.waitSignal(progress.finished_ok, timeout=60_000):
        pass
    assert window.copy_dialog is None  # closed, and freed: not one kept per copy
    qtbot.waitUntil(lambda: not window.findChildren(CopyDialog), timeout=WAIT)


def test_a_volume_dragged_onto_the_other_engine_is_copied_exactly(
    window: MainWindow,
    box: Sandbox,
    docker: Docker,
    unique: Unique,
    image: str,
    qtbot: QtBot,
) -> None:
    vol = unique("moved")
    fill = (
        "mkdir -p /v/etc/deep/er /v/empty && echo hello > /v/hello.txt && "
        "head -c 300000 /dev/urandom > /v/etc/deep/blob && chmod 600 /v/etc/deep/blob && "
        "i=0; while [ $i -lt 50 ]; do echo $i > /v/etc/deep/er/f$i; i=$((i+1)); done && "
        "ln -s hello.txt /v/link"
    )
    docker("run", "--rm", "-v", f"{vol}:/v", image, "sh", "-c", fill)
    qtbot.waitUntil(lambda: vol in _names(window), timeout=WAIT)

    dialog = _drop_on(window, vol, SIDE)
    assert dialog.name.text() == vol and dialog.target.currentData() == SIDE
    qtbot.waitUntil(lambda: not dialog.reading, timeout=WAIT)
    assert not dialog.replace.isVisible() and dialog.ok.isEnabled()
    _copy(qtbot, dialog, window)
    copied = _tree(box, image, vol)
    assert "./etc/deep/er/f49 " in copied and "./link " in copied and "./empty " in copied
    assert copied == _tree(None, image, vol)

    # The same name again: said in words, refused until the user agrees to replace.
    docker("run", "--rm", "-v", f"{vol}:/v", image, "sh", "-c", "echo new > /v/new && rm /v/link")
    dialog = _drop_on(window, vol, SIDE)
    qtbot.waitUntil(lambda: not dialog.reading and dialog.taken(), timeout=WAIT)
    assert "exists on side already" in dialog.note.text()
    assert dialog.replace.isVisibleTo(dialog) and not dialog.ok.isEnabled()
    dialog.replace.click()
    assert dialog.ok.isEnabled()
    _copy(qtbot, dialog, window)
    assert _tree(box, image, vol) == _tree(None, image, vol)

    # The target's own list shows it.
    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(lambda: vol in _names(window) and window.idle, timeout=WAIT)
    on(box, "volume", "rm", vol)


def test_copy_to_engine_from_the_menu_offers_the_sidebars_engines(
    window: MainWindow, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    vol = unique("menu")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: window.select_volume(vol), timeout=WAIT)
    window.data_actions.actions["copy"].trigger()
    dialog = window.copy_dialog
    assert isinstance(dialog, CopyDialog) and dialog.isVisible()
    items = [dialog.target.itemText(i) for i in range(dialog.target.count())]
    assert items == ["side", "Another address…"]  # every engine but the one shown
    address_label = dialog.form.labelForField(dialog.address)
    assert not dialog.address.isVisibleTo(dialog) and not address_label.isVisibleTo(dialog)
    dialog.target.setCurrentIndex(1)
    assert dialog.address.isVisibleTo(dialog) and address_label.isVisibleTo(dialog)
    dialog.target.setCurrentIndex(0)
    dialog.name.setText("bad name!")
    assert not dialog.ok.isEnabled() and "bad name!" in dialog.note.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not tasks.runner().running, timeout=WAIT)


def test_an_interrupted_change_on_the_other_engine_is_asked_about_when_it_is_shown(
    window: MainWindow, box: Sandbox, image: str, unique: Unique, qtbot: QtBot
) -> None:
    """DESIGN 4b on every engine: a mount killed half-way there is never finished silently."""
    name, volume = unique("cut"), unique("cutv")
    cid = on(box, "run", "-d", "--name", name, image, *IDLE)
    proc = _start(box.address, "mount", name, f"{volume}:/v")
    _signal_at(proc, "[3/6]", signal.SIGKILL)
    _finish(proc)
    first = window.recover_prompt
    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(lambda: window.recover_prompt is not first, timeout=WAIT)
    prompt = window.recover_prompt
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT)
    [item] = [i for i in prompt.items if i.name == name]
    assert item.old_id == cid
    # Nothing changed on the engine until the user chooses: clean up by rolling back.
    prompt.choose(item, "rollback")
    qtbot.waitUntil(
        lambda: not on(box, "ps", "-aq", "--filter", "label=volgui.change"), timeout=WAIT
    )
    assert on(box, "inspect", "-f", "{{.Name}} {{.State.Running}}", cid) == f"/{name} true"
    on(box, "rm", "-f", cid)
    on(box, "volume", "rm", "-f", volume)


def test_editing_the_shown_engines_address_shows_the_engine_there(
    window: MainWindow,
    box: Sandbox,
    docker: Docker,
    unique: Unique,
    qtbot: QtBot,
    sandbox_address: str,
) -> None:
    """The same row (its key is its name), a new address: the window follows it there,
    live updates included, instead of keeping the closed engine of the old address."""
    here, there, later = unique("here"), unique("there"), unique("later")
    docker("volume", "create", here)
    on(box, "volume", "create", there)
    key = "added:mine"
    window.engines.add_engine(AddedEngine("mine", sandbox_address))
    qtbot.waitUntil(lambda: window.engine_list.engines.row_of(key) >= 0, timeout=WAIT)
    _click_row(qtbot, window, key)
    qtbot.waitUntil(
        lambda: window.engine_key == key and here in _names(window) and window.idle,
        timeout=WAIT,
    )
    before = window.engine
    window.engines.replace_engine("mine", AddedEngine("mine", box.address))
    qtbot.waitUntil(lambda: there in _names(window) and window.idle, timeout=WAIT)
    assert here not in _names(window)
    assert window.engine is window.engines.engine(key) and window.engine is not before
    assert window.engine.address == box.address and window.engine_key == key
    on(box, "volume", "create", later)  # followed there: the event reaches the window
    qtbot.waitUntil(lambda: later in _names(window), timeout=WAIT)


def test_a_stopped_engine_shows_down_while_the_other_keeps_working(
    window: MainWindow, box: Sandbox, docker: Docker, unique: Unique, qtbot: QtBot
) -> None:
    """Runs last: it stops the module's second engine."""
    _click_row(qtbot, window, SIDE)
    qtbot.waitUntil(
        lambda: window.engine is window.engines.engine(SIDE) and window.idle, timeout=WAIT
    )
    _click_row(qtbot, window, MAIN)
    qtbot.waitUntil(
        lambda: window.engine is window.engines.engine(MAIN) and window.idle, timeout=WAIT
    )
    box.stop()
    qtbot.waitUntil(lambda: _cell(window, SIDE, 1).startswith("down"), timeout=30_000)
    assert window.engine_up and not window.banner.isVisible()
    vol = unique("still")
    docker("volume", "create", vol)
    qtbot.waitUntil(lambda: vol in _names(window), timeout=WAIT)
    assert _cell(window, MAIN, 1) == "up"
