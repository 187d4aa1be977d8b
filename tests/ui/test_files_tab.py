"""The Files tab and the data actions, on the real sandbox engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from tests.engine.data_fixtures import fill
from volgui.engine import Engine
from volgui.ui.files.model import EntryRole
from volgui.ui.main_window import MainWindow
from volgui.ui.progress import rate_text

WAIT = 15_000


def _names(view: QTreeView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data(EntryRole).name for r in range(model.rowCount())]


def _open_files(window: MainWindow, qtbot: QtBot, volume: str) -> QTreeView:
    qtbot.waitUntil(lambda: window.select_volume(volume), timeout=WAIT)
    window.details_tabs.setCurrentWidget(window.files_tab)
    view = window.findChild(QTreeView, "fileBrowser")
    assert view is not None
    qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=WAIT)
    return view


def test_files_tab_lists_lazily_and_previews(
    window: MainWindow, docker: Any, image: str, unique: Any, qtbot: QtBot
) -> None:
    vol = unique("files")
    fill(docker, image, vol)
    view = _open_files(window, qtbot, vol)
    names = _names(view)
    assert names[:4] == [".hidden dir", "a", "empty", "ünï 안녕"]  # folders first
    assert "dangling" in names and "big" in names
    model = view.model()
    dangling = model.index(names.index("dangling"), 0)
    assert dangling.data() == "dangling → nowhere"
    a = model.index(names.index("a"), 0)
    assert model.index(names.index("a"), 3).data() == "5:6"
    with qtbot.waitSignal(window.files_tab.model.loaded, timeout=WAIT):
        view.expand(a)
    assert model.rowCount(a) == 1 and model.index(0, 0, a).data() == "b"
    view.setCurrentIndex(model.index(names.index(".hidden"), 0))
    qtbot.waitUntil(lambda: window.files_tab.preview.toPlainText() == "secret\n", timeout=WAIT)


def test_delete_asks_then_deletes(
    window: MainWindow, docker: Any, image: str, unique: Any, qtbot: QtBot
) -> None:
    vol = unique("files")
    fill(docker, image, vol)
    view = _open_files(window, qtbot, vol)
    view.setCurrentIndex(view.model().index(_names(view).index("a"), 0))
    box = window.files_tab.delete()
    assert box is not None and "a" in box.text()
    with qtbot.waitSignal(window.files_tab.model.loaded, timeout=WAIT):
        box.accept()
    assert "a" not in _names(view)
    ls = docker("run", "--rm", "-v", f"{vol}:/d", image, "ls", "-A", "/d").split("\n")
    assert "a" not in ls and "big" in ls


def test_export_shows_progress_and_writes_the_archive(
    window: MainWindow,
    engine: Engine,
    docker: Any,
    image: str,
    unique: Any,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    vol = unique("files")
    fill(docker, image, vol)
    qtbot.waitUntil(lambda: window.select_volume(vol), timeout=WAIT)
    target = tmp_path / "backup.tar.zst"
    dialog = window.data_actions.start_export(vol, str(target))
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.finished_ok, timeout=WAIT):
        pass
    assert target.stat().st_size > 3 * 1024 * 1024
    done = engine.import_volume(unique("back"), str(target))
    assert done.bytes > 3 * 1024 * 1024


def test_rate_text() -> None:
    assert rate_text(0, None, 0) == "0 bytes"
    assert (
        rate_text(1024 * 1024, 4 * 1024 * 1024, 1.0) == "1.0 MiB of 4.0 MiB · 1.0 MiB/s · 4 s left"
    )


def test_rename_from_the_window_moves_the_users(
    window: MainWindow, docker: Any, image: str, unique: Any, qtbot: QtBot
) -> None:
    old, new, user = unique("old"), unique("new"), unique("user")
    docker("run", "-d", "--name", user, "-v", f"{old}:/data", image, "sleep", "600")
    qtbot.waitUntil(lambda: window.select_volume(old), timeout=WAIT)
    dialog = window.data_actions.start_rename(old, new)
    with qtbot.waitSignal(dialog.finished_ok, timeout=30_000):
        pass
    assert docker(
        "inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}} {{.State.Running}}", user
    ) == (f"{new} true")
    assert old not in docker("volume", "ls", "-q").split()


def test_cancel_takes_away_the_half_made_clone(
    window: MainWindow, engine: Engine, docker: Any, image: str, unique: Any, qtbot: QtBot
) -> None:
    from volgui.engine.data.helper import helpers

    src, dst = unique("src"), unique("dst")
    docker(
        "run",
        "--rm",
        "-v",
        f"{src}:/d",
        image,
        "sh",
        "-c",
        "head -c 67108864 /dev/urandom > /d/big",
    )
    qtbot.waitUntil(lambda: window.select_volume(src), timeout=WAIT)
    dialog = window.data_actions.start_clone(src, dst)
    task = dialog.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        dialog.cancel()
    assert dst not in docker("volume", "ls", "-q").split()
    assert helpers(engine.transport) == []


def test_upload_asks_then_uploads_into_the_folder(
    window: MainWindow, docker: Any, image: str, unique: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    vol = unique("files")
    fill(docker, image, vol)
    view = _open_files(window, qtbot, vol)
    view.setCurrentIndex(view.model().index(_names(view).index("empty"), 0))
    local = tmp_path / "notes.txt"
    local.write_text("uploaded\n")
    box = window.files_tab.confirm_upload([str(local)])
    assert box is not None and "/empty" in box.text()
    with qtbot.waitSignal(window.files_tab.model.loaded, timeout=WAIT):
        box.accept()
    out = docker("run", "--rm", "-v", f"{vol}:/d", image, "cat", "/d/empty/notes.txt")
    assert out == "uploaded"
