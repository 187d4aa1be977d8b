"""A dark palette reads well: the banner, details pane and greyed tables follow it.

The window runs on an engine that is not there (a lazy engine on a missing
socket), so the banner shows without any sandbox; the palette is switched
while the window is open, as a desktop does when the user changes theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from volgui.engine import Engine, Snapshot, Volume, connect
from volgui.ui import tasks
from volgui.ui.main_window import MainWindow


def dark_palette() -> QPalette:
    """Like many dark desktop themes: every colour group alike (no disabled shades)."""
    p = QPalette()
    for role, color in {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#24262a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2a2c30",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#17181a",
    }.items():
        p.setColor(role, QColor(color))
    return p


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[None]:
    """Whatever palette a test sets, the next test gets the old one back."""
    saved = QPalette(qapp.palette())
    yield
    qapp.setPalette(saved)


@pytest.fixture
def down_window(qtbot: QtBot, tmp_path: Path, app_palette: None) -> Iterator[MainWindow]:
    engine: Engine = connect(f"unix://{tmp_path}/no-engine.sock", lazy=True)
    window = MainWindow(engine, follow_events=False)
    window.retry_first = window.retry_max = 60.0  # one failure is all the test needs
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.engine_state, timeout=15_000):
        window.show()
    yield window
    window.close()
    tasks.unwatch(engine)


def _lightness(image: QImage) -> tuple[int, int]:
    """(median, brightest) lightness of an image's pixels."""
    values = sorted(
        image.pixelColor(x, y).lightness()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )
    return values[len(values) // 2], values[-1]


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_banner_details_and_titles_follow_a_dark_palette(
    qtbot: QtBot, down_window: MainWindow
) -> None:
    window = down_window
    window.apply_snapshot(Snapshot.build([Volume(name="kept-from-before")], []))
    window.select_volume("kept-from-before")
    assert window.banner.isVisible()
    background, _ = _lightness(_grab(window.banner))
    assert background > 200, "light palette: a light banner"

    QApplication.setPalette(dark_palette())  # widgets hear of it through posted events
    qtbot.waitUntil(lambda: _lightness(_grab(window.banner))[0] < 90)  # the banner turns dark
    qtbot.waitUntil(lambda: "kept-from-before" in window.details.toPlainText())
    background, brightest = _lightness(_grab(window.banner))
    assert brightest > 170, "and its text light"
    text = window.banner.message.palette().color(window.banner.message.foregroundRole())
    assert text.lightness() > 170

    # The details pane's secondary text (keys, "none") stands out of the dark base.
    base = window.details.palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: _lightness(_grab(window.details.viewport()))[0] < 60)
    sheet = window.details.document().defaultStyleSheet()
    muted = QColor(sheet.split("color:")[1].split(";")[0].strip())
    assert muted.lightness() - base.lightness() > 70, sheet
    pane_median, pane_brightest = _lightness(_grab(window.details.viewport()))
    assert pane_median < 60 and pane_brightest > 170
    assert "kept-from-before" in window.details.toPlainText()

    # Greyed (last-known) rows: dimmer than live text, still readable on the base.
    grey = window.volume_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    live = QApplication.palette().color(QPalette.ColorRole.Text)
    assert live.lightness() - grey.lightness() >= 40
    assert grey.lightness() - base.lightness() >= 50

    # The table titles' counts are written in a grey of the new palette too.
    assert muted.name() in window.volumes_title.text()


def test_related_rows_stay_dark_in_a_dark_palette(down_window: MainWindow) -> None:
    """The rows a selection relates to get a tint that light text still reads on."""
    from volgui.engine import Container, Mount

    web = Container(
        id="a" * 64,
        name="web",
        image="img",
        state="running",
        mounts=(Mount(container="a" * 64, type="volume", source="data", destination="/data"),),
    )
    window = down_window
    window.apply_snapshot(Snapshot.build([Volume(name="data")], [web]))
    window.select_volume("data")
    light = window.container_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    QApplication.setPalette(dark_palette())
    dark = window.container_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    over_base = QColor.fromRgbF(
        *(
            c * dark.alphaF() + b * (1 - dark.alphaF())
            for c, b in zip(dark.getRgbF()[:3], base.getRgbF()[:3], strict=True)
        )
    )
    assert light.lightness() > 150
    assert over_base.lightness() < 80, over_base.name()
