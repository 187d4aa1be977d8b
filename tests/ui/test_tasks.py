"""tasks.py: results and errors come back on the GUI thread; the guard bites."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from volgui.engine import Engine, NotFound
from volgui.ui import tasks
from volgui.ui.main_window import MainWindow


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, gui_engine: Engine) -> None:
    tasks.watch(gui_engine)
    seen: list[tuple[object, bool]] = []
    task = tasks.run(None, "Pinging", lambda: (gui_engine.ping(), "pong")[1])
    task.done(lambda r: seen.append((r, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [("pong", True)]
    assert not task.running


def test_failure_goes_to_one_error_message(qtbot: QtBot, gui_engine: Engine, unique) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    name = unique("missing")
    task = tasks.run(owner, f"Inspecting volume {name}", gui_engine.inspect_volume, name)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert isinstance(blocker.args[0], NotFound)
    boxes = owner.findChildren(QMessageBox, "errorMessage")
    assert len(boxes) == 1
    assert boxes[0].text() == f"Inspecting volume {name} failed: no such volume: {name}"
    assert not boxes[0].isModal()


def test_handled_failure_shows_no_message(qtbot: QtBot, gui_engine: Engine) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    errors_seen: list[BaseException] = []
    task = tasks.run(owner, "x", gui_engine.inspect_volume, "no-such-volume-here").fail(
        errors_seen.append
    )
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(errors_seen) == 1 and not owner.findChildren(QMessageBox)


def test_cancel_delivers_nothing(qtbot: QtBot) -> None:
    gate = threading.Event()
    got: list[object] = []
    task = tasks.run(None, "Waiting", lambda: gate.wait(10) and "late").done(got.append)
    task.cancel()
    assert not task.running and task.cancelled
    gate.set()
    tasks.runner().shutdown(wait=True)  # the worker returned; its result is dropped
    QCoreApplication.processEvents()  # a result posted before shutdown() is delivered here
    assert got == []


def test_an_owner_deleted_before_the_answer_hears_nothing(qtbot: QtBot) -> None:
    """Not even ``always``: its callbacks are the owner's, and its widgets are gone."""
    gate = threading.Event()
    owner = QWidget()
    heard: list[str] = []
    task = tasks.run(owner, "Waiting", lambda: gate.wait(10) and "late")
    task.done(lambda _r: heard.append("done")).always(lambda: heard.append("always"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not isValid(owner), timeout=10_000)
    gate.set()
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert heard == [] and task not in tasks.runner().running


def test_cancelling_a_stream_runs_its_closer(qtbot: QtBot) -> None:
    closed = threading.Event()

    def streaming(cancel: tasks.CancelToken) -> str:
        cancel.on_cancel(closed.set)
        closed.wait(10)
        return "stopped" if cancel.cancelled else "timed out"

    task = tasks.run_stream(None, "Streaming", streaming)
    task.cancel()
    assert closed.is_set()


def test_guard_fails_an_engine_call_on_the_gui_thread(gui_engine: Engine) -> None:
    tasks.watch(gui_engine)
    with pytest.raises(tasks.GuiThreadViolation):
        gui_engine.ping()
    assert tasks.violations and "/_ping" in tasks.violations[0]
    tasks.violations.clear()  # this violation was the point of the test


def test_guard_lets_workers_call(qtbot: QtBot, gui_engine: Engine) -> None:
    tasks.watch(gui_engine)
    task = tasks.run(None, "Listing", gui_engine.snapshot)
    with qtbot.waitSignal(task.succeeded, timeout=10_000):
        pass
    assert tasks.violations == []


def test_the_windows_engine_is_guarded(window: MainWindow) -> None:
    # Every UI test runs this way: the window's engine refuses the GUI thread.
    with pytest.raises(tasks.GuiThreadViolation):
        window.engine.snapshot()
    tasks.violations.clear()


GUI_FIRST_TWICE = """
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from volgui.ui import gui_first
app = QCoreApplication([])
gui_first.install()
shiboken6.delete(app)  # the watcher goes with it
app = QCoreApplication([])
gui_first.install()
print(gui_first._GuiFirst._installed.parent() is app)
"""


def test_the_gui_first_watcher_follows_a_second_application() -> None:
    """A process that builds a second application (a tool, a test run) gets a watcher
    of its own, not an error from the one deleted with the first."""
    proc = subprocess.run(
        [sys.executable, "-c", GUI_FIRST_TWICE], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"


BEFORE_THE_FIRST_PAINT = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from volgui.engine import connect
from volgui.ui import gui_first, tasks
from volgui.ui.main_window import MainWindow
window = MainWindow(connect("unix:///nonexistent/docker.sock", lazy=True), follow_events=False)
watcher = gui_first._GuiFirst._installed
print(watcher is not None and watcher.parent() is app and not window.isVisible())
window.close()
tasks.shutdown()
"""


def test_workers_step_aside_from_the_first_paint_on(tmp_path: Path) -> None:
    """The GUI-first watcher is there once a window is made, before it shows: beside the
    first read the first paint came 30-60 ms late without it (bench/ui.py, first fill)."""
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", BEFORE_THE_FIRST_PAINT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "True"


def test_a_finished_task_lets_go_of_its_callbacks(
    qtbot: QtBot, recwarn: pytest.WarningsRecorder
) -> None:
    """A callback that names its task (``always(lambda: ... task ...)``, as the window's
    refresh does) made a cycle through Qt that the collector cannot see: every such
    task, and all its lambdas held, lived on."""
    refs = []
    for _ in range(3):
        task = tasks.run(None, "Counting", lambda: 1)
        task.done(lambda _r, t=task: t.what).done(lambda _r: None).always(lambda t=task: t.what)
        refs.append(weakref.ref(task))
        del task
    qtbot.waitUntil(lambda: not tasks.runner().running, timeout=10_000)
    gc.collect()
    assert [r() for r in refs] == [None, None, None]
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


class _Listener(QObject):
    def heard(self, _result: object) -> None:
        pass


def test_a_callback_whose_receiver_is_gone_is_let_go_quietly(qtbot: QtBot) -> None:
    """Qt drops a connection to a deleted QObject itself; letting go of it again was a
    RuntimeWarning (an error here: pyproject's filterwarnings) in the event loop."""
    listener = _Listener()
    gate = threading.Event()
    task = tasks.run(None, "Waiting", gate.wait, 10)
    task.done(listener.heard)
    shiboken6.delete(listener)
    gate.set()
    qtbot.waitUntil(lambda: not tasks.runner().running, timeout=10_000)
