"""Issue 10, the window's side: interrupted changes are found when it fills, and it asks.

The change is interrupted for real: the volgui command line, killed (SIGKILL)
half-way through a mount. The prompt then offers Finish / Roll back; what the
engine holds afterwards is checked through the test's own engine.
"""

from __future__ import annotations

import dataclasses
import signal
from collections.abc import Callable, Iterator

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.engine.test_recreate_kill import IDLE, _finish, _signal_at, _start
from volgui.engine import Engine, EngineUnavailable, Interrupted
from volgui.ui.main_window import MainWindow
from volgui.ui.recover_prompt import RecoverPrompt


@pytest.fixture
def killed(
    engine: Engine, sandbox_address: str, image: str, unique: Callable[[str], str]
) -> Iterator[tuple[str, str]]:
    """A running container whose mount was killed before the new one took its name."""
    name, volume = unique("halfway"), unique("hv")
    cid = engine.api.create_container(image, IDLE, name=name)["Id"]
    engine.api.start(cid)
    proc = _start(sandbox_address, "mount", name, f"{volume}:/v")
    _signal_at(proc, "[3/6]", signal.SIGKILL)
    _finish(proc)
    yield name, cid
    for c in engine.api.containers(all=True):
        if any(n.lstrip("/").startswith(name) for n in c.get("Names") or []):
            engine.api.remove_container(c["Id"], force=True, v=False)
    engine.api.remove_volume(volume, force=True)


def _ours(engine: Engine, name: str) -> list[str]:
    return sorted(
        n.lstrip("/")
        for c in engine.api.containers(all=True)
        for n in c.get("Names") or []
        if n.lstrip("/").startswith(name)
    )


def test_the_window_asks_and_rolls_back(
    killed: tuple[str, str], qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    name, old_id = killed
    prompt: RecoverPrompt = window.recover_prompt
    qtbot.waitUntil(prompt.isVisible, timeout=10_000)
    assert not prompt.isModal()
    [item] = [i for i in prompt.items if i.name == name]
    assert item.how == "rollback"
    # Nothing happens until the user chooses.
    assert len(_ours(engine, name)) == 2
    back = prompt.findChild(QPushButton, f"rollback-{item.change}")
    with qtbot.waitSignal(prompt.recovered, timeout=20_000) as got:
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert got.args[0][0].startswith(f"{name}: rolled back")
    assert _ours(engine, name) == [name]
    now = engine.api.inspect_container(name)
    assert now["Id"] == old_id and now["State"]["Running"]
    assert item not in prompt.pending()


def _asked(qtbot: QtBot, engine: Engine, name: str) -> tuple[RecoverPrompt, Interrupted, QWidget]:
    """A prompt of its own (on a bare parent) once it asks about ``name``'s change."""
    parent = QWidget()
    qtbot.addWidget(parent)
    prompt = RecoverPrompt.check(parent, engine)
    qtbot.waitUntil(prompt.isVisible, timeout=10_000)
    [item] = [i for i in prompt.items if i.name == name]
    return prompt, item, parent


def test_finish_puts_the_new_container_in_place(
    qtbot: QtBot, gui_engine: Engine, engine: Engine, killed: tuple[str, str]
) -> None:
    name, old_id = killed
    prompt, item, _parent = _asked(qtbot, gui_engine, name)
    finish = prompt.findChild(QPushButton, f"finish-{item.change}")
    with qtbot.waitSignal(prompt.recovered, timeout=20_000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert _ours(engine, name) == [name]
    now = engine.api.inspect_container(name)
    assert now["Id"] != old_id and now["State"]["Running"]
    assert [m["Destination"] for m in now["Mounts"]] == ["/v"]
    prompt.close()


def test_a_recovery_that_breaks_off_says_why_and_can_be_chosen_again(
    qtbot: QtBot,
    gui_engine: Engine,
    engine: Engine,
    killed: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Our own logic: the first call breaks (a fake engine call), the second is real."""
    name, old_id = killed
    prompt, item, parent = _asked(qtbot, gui_engine, name)
    back = prompt.findChild(QPushButton, f"rollback-{item.change}")

    def broken(*_args: object) -> list[str]:
        raise RuntimeError("the connection broke off")

    monkeypatch.setattr(gui_engine, "recover", broken)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(back.isEnabled, timeout=10_000)  # not left "working…"
    [label] = [w for w in prompt.findChildren(QLabel) if "broke off" in w.text()]
    assert name in label.text() and item in prompt.pending()
    assert not [b for b in parent.findChildren(QMessageBox) if b.isVisible()]  # said in the row
    monkeypatch.undo()
    with qtbot.waitSignal(prompt.recovered, timeout=20_000):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert engine.api.inspect_container(name)["Id"] == old_id
    assert item not in prompt.pending()
    prompt.close()


def test_a_step_the_engine_refuses_leaves_the_choice_open(
    qtbot: QtBot, gui_engine: Engine, engine: Engine, killed: tuple[str, str]
) -> None:
    """The recovery runs for real; its first change request breaks (a request hook),
    so the engine still holds the change: the row says so and offers it again."""
    name, old_id = killed
    prompt, item, _parent = _asked(qtbot, gui_engine, name)
    back = prompt.findChild(QPushButton, f"rollback-{item.change}")
    broke: list[str] = []

    def break_first_change(method: str, url: str) -> None:
        if method in ("POST", "DELETE") and not broke:
            broke.append(url)
            raise requests.ConnectionError("the connection broke off")

    gui_engine.request_hooks.append(break_first_change)
    try:
        with qtbot.waitSignal(prompt.recovered, timeout=20_000) as got:
            qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    finally:
        gui_engine.request_hooks.remove(break_first_change)
    assert broke and "not recovered" in got.args[0][0]
    assert back.isEnabled() and [i.change for i in prompt.pending()] == [item.change]
    assert len(_ours(engine, name)) == 2  # nothing was removed
    with qtbot.waitSignal(prompt.recovered, timeout=20_000) as got:
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert got.args[0][0].startswith(f"{name}: rolled back")
    assert _ours(engine, name) == [name]
    assert engine.api.inspect_container(name)["Id"] == old_id
    assert prompt.pending() == [] and not back.isEnabled()
    prompt.close()


def test_a_second_try_starts_from_what_the_first_left(
    qtbot: QtBot,
    gui_engine: Engine,
    killed: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Our own logic (a fake recover and journal): a recovery that stopped short after
    moving the name changes the change's state; the next click recovers that state.
    And when the journal cannot be read afterwards, the row offers the choice again."""
    name, _old_id = killed
    prompt, item, _parent = _asked(qtbot, gui_engine, name)
    finish = prompt.findChild(QPushButton, f"finish-{item.change}")
    back = prompt.findChild(QPushButton, f"rollback-{item.change}")
    moved = dataclasses.replace(item, how="finish" if item.how == "rollback" else "rollback")
    asked: list[tuple[Interrupted, str]] = []

    def stops_short(one: Interrupted, how: str) -> list[str]:
        asked.append((one, how))
        return [f"{one.name}: not recovered (the engine refused); run `volgui recover` again"]

    monkeypatch.setattr(gui_engine, "recover", stops_short)
    monkeypatch.setattr(gui_engine, "interrupted", lambda: [moved])
    with qtbot.waitSignal(prompt.recovered, timeout=10_000):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert back.isEnabled() and prompt.pending() == [moved]
    assert (finish if moved.how == "finish" else back).isDefault()

    def unreadable() -> list[Interrupted]:
        raise EngineUnavailable(gui_engine.address, "connection refused", "")

    monkeypatch.setattr(gui_engine, "interrupted", unreadable)
    with qtbot.waitSignal(prompt.recovered, timeout=10_000) as got:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert asked == [(item, "rollback"), (moved, "finish")]
    assert "not recovered" in got.args[0][0] and finish.isEnabled()
    assert prompt.pending() == [moved]
    prompt.close()


def test_a_prompt_with_nothing_to_ask_is_not_kept(qtbot: QtBot, gui_engine: Engine) -> None:
    """One is made for each engine shown: those with nothing to ask go at once."""
    parent = QWidget()
    qtbot.addWidget(parent)
    prompt = RecoverPrompt.check(parent, gui_engine)
    qtbot.waitUntil(lambda: not isValid(prompt), timeout=10_000)
    assert parent.findChildren(RecoverPrompt) == []
