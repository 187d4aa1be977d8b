"""The engine goes away mid-session: banner, greyed data, retries, recovery.

Uses a sandbox engine of its own (never the shared one), stopped and
started again while the window watches.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from volgui.engine.sandbox import Sandbox
from volgui.ui.main_window import MainWindow


@pytest.fixture
def own_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    box = Sandbox(tmp_path / "engine")
    box.start()
    yield box
    box.stop()


def _coloured_pixels(window: MainWindow) -> int:
    """Pixels of the mount graph, as drawn now, that carry colour (not a grey)."""
    image = window.graph.viewport().grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).hslSaturation() > 40
    )


def test_engine_down_shows_banner_and_recovers(qtbot: QtBot, own_sandbox: Sandbox) -> None:
    from volgui.ui import tasks

    engine = own_sandbox.connect()
    engine.call(engine.api.create_volume, "before-the-outage")
    window = MainWindow(engine)
    window.retry_first, window.retry_max = 0.2, 1.0
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.filled, timeout=15_000):
        window.show()
    assert {v.name for v in window.volume_model.items} == {"before-the-outage"}
    assert not window.banner.isVisible()
    assert window.volume_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    qtbot.waitUntil(lambda: window.idle and "volume:before-the-outage" in window.graph.nodes)
    assert not window.graph.greyed
    assert _coloured_pixels(window) > 50  # the unused volume's orange block and node

    with qtbot.waitSignal(window.engine_state, timeout=15_000) as down:
        own_sandbox.stop()
    assert down.args == [False]
    assert window.banner.isVisible()
    assert "not answering" in window.banner.message.text()
    assert "Showing the last known data" in window.banner.message.text()
    # The last data stays, greyed; actions that need the engine are off.
    assert {v.name for v in window.volume_model.items} == {"before-the-outage"}
    assert window.volume_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not window.new_action.isEnabled()
    # The graph greys out like the tables: the same nodes, without colour.
    assert window.graph.greyed
    assert "volume:before-the-outage" in window.graph.nodes
    assert _coloured_pixels(window) == 0

    with qtbot.waitSignal(window.engine_state, timeout=30_000) as up:
        own_sandbox.start()
        # While it was away, a change happened that only a resync can see.
        side = own_sandbox.connect()
        side.call(side.api.create_volume, "during-the-outage")
        side.close()
    assert up.args == [True]
    qtbot.waitUntil(
        lambda: (
            {v.name for v in window.volume_model.items}
            == {"before-the-outage", "during-the-outage"}
        ),
        timeout=15_000,
    )
    assert not window.banner.isVisible()
    assert window.new_action.isEnabled()
    assert not window.graph.greyed
    qtbot.waitUntil(lambda: window.idle and "volume:during-the-outage" in window.graph.nodes)
    assert _coloured_pixels(window) > 50
    window.close()
    tasks.unwatch(engine)
    engine.close()


@pytest.fixture
def stopped_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    """A sandbox engine of the test's own, not running yet (stopped at the end)."""
    box = Sandbox(tmp_path / "engine")
    yield box
    box.stop()


def test_window_opens_while_engine_is_down_and_fills_when_it_comes_up(
    qtbot: QtBot, stopped_sandbox: Sandbox
) -> None:
    from volgui.engine import connect
    from volgui.ui import tasks

    engine = connect(stopped_sandbox.address, lazy=True)  # what `volgui` does
    window = MainWindow(engine)
    window.retry_first, window.retry_max = 0.2, 1.0
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.engine_state, timeout=15_000) as down:
        window.show()
    assert down.args == [False]
    assert window.banner.isVisible()
    text = window.banner.message.text()
    assert "not answering" in text and stopped_sandbox.address in text
    assert "no socket there" in text
    assert "fill as soon as it answers" in text and "last known data" not in text
    engine_text = window.engine_label.text()
    assert stopped_sandbox.address in engine_text and "not answering" in engine_text
    assert window.counts_label.text() == ""  # nothing is known yet, not "0 volumes"
    assert window.banner.retry.isVisible()
    assert not window.is_filled and window.volume_model.rowCount() == 0
    assert window.graph.greyed
    assert not window.new_action.isEnabled()

    # The engine comes up with data: the window fills by itself, nobody clicks.
    with qtbot.waitSignal(window.filled, timeout=60_000):
        side = stopped_sandbox.start()
        side.call(side.api.create_volume, "made-while-the-window-waited")
        side.close()
    qtbot.waitUntil(
        lambda: {v.name for v in window.volume_model.items} == {"made-while-the-window-waited"},
        timeout=15_000,
    )
    assert window.engine_up and not window.banner.isVisible()
    assert window.new_action.isEnabled()
    assert window.windowTitle().endswith("(sandbox engine)")
    assert "not answering" not in window.engine_label.text()
    assert window.counts_label.text() == "1 volume (0 in use) · 0 containers"
    window.close()
    tasks.unwatch(engine)
    engine.close()
