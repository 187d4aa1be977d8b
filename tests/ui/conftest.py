"""UI test fixtures: offscreen Qt, the GUI-thread guard, no leftover threads.

Every UI test runs with the GUI-thread guard on (DESIGN rule 6): an engine
handed to the window raises on any request made from the GUI thread, and
the test fails if one happened even when the exception was swallowed. Test
code checks the engine through the session ``engine`` fixture or the docker
CLI, never through the window's engine. A test that leaves a task or an
event thread running fails. Settings go to a throwaway directory.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from volgui.engine import Engine, connect  # noqa: E402
from volgui.ui import i18n, tasks  # noqa: E402
from volgui.ui.main_window import MainWindow  # noqa: E402

# The offscreen platform says what it cannot do (raise, grab, size hints)
# whenever a window or menu shows; nothing to fix.
_OFFSCREEN_NOISE = "^This plugin does not support "


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def collector_thawed() -> Iterator[None]:
    """What a test's windows froze (ui/collector.py) goes back to the collector after it:
    the app thaws it every few minutes; a run of hundreds of windows would keep it all."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def no_leftover_threads(qapp: object) -> Iterator[None]:
    """Fail a test that leaves tasks or worker/event threads running."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 10
    while tasks.runner().running and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)  # ok: polls a condition; no event loop runs in teardown
    left_tasks = [t.what for t in tasks.runner().running]
    tasks.shutdown(wait=True)
    QCoreApplication.processEvents()
    alive = []
    while time.monotonic() < deadline:
        alive = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not alive:
            break
        time.sleep(0.01)  # ok: waits for threads to end; they signal nothing
    assert not left_tasks, f"test left tasks running: {left_tasks}"
    assert not alive, f"test left threads running: {[t.name for t in alive]}"


@pytest.fixture(autouse=True)
def english(qapp: QCoreApplication) -> Iterator[None]:
    """Every test starts in English whatever the machine's LANG (a test of Korean
    installs it itself; this puts English back afterwards)."""
    if i18n.current() != "en" or not i18n.installed():
        i18n.install(qapp, "en")
    yield
    if i18n.current() != "en":
        i18n.install(qapp, "en")


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[None]:
    """Engines given to the window refuse requests from the GUI thread."""
    tasks.enable_gui_thread_guard(True)
    tasks.violations.clear()
    yield
    tasks.enable_gui_thread_guard(False)
    found, tasks.violations[:] = list(tasks.violations), []
    assert not found, f"engine used on the GUI thread: {found}"


@pytest.fixture(autouse=True)
def throwaway_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings' user scope points at the test's own directory."""
    where = tmp_path / "settings"
    where.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(where))
    yield where


@pytest.fixture
def gui_engine(sandbox_address: str) -> Iterator[Engine]:
    """An engine for the window alone (the guard goes on it)."""
    engine = connect(sandbox_address)
    yield engine
    tasks.unwatch(engine)
    engine.close()


@pytest.fixture
def window(qtbot: QtBot, gui_engine: Engine, leave_engine_clean: None) -> Iterator[MainWindow]:
    """The main window on the test sandbox, shown and filled."""
    w = MainWindow(gui_engine)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.filled, timeout=15_000):
        w.show()
    yield w
    w.close()
