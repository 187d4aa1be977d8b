"""The table models: qtmodeltester, diff updates that keep selection, sorting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from volgui.engine import Container, Engine, Mount, Snapshot, Volume
from volgui.ui.container_table import ContainerTable
from volgui.ui.table_model import KeyRole
from volgui.ui.volume_table import NAME, USED_BY, VolumeTable

ANON = "a" * 64


def _snapshot() -> Snapshot:
    vols = [
        Volume(n, created="2024-01-02T03:04:05Z", labels={"app": n[:3]})
        for n in ("alpha", "bravo", "charlie", "delta", ANON)
    ]
    web = Container(
        "c" * 64,
        "web",
        "img",
        "running",
        mounts=(
            Mount("c" * 64, "volume", "alpha", "/a"),
            Mount("c" * 64, "volume", "bravo", "/b", True),
            Mount("c" * 64, "bind", "/srv", "/srv"),
            Mount("c" * 64, "tmpfs", None, "/tmp"),
        ),
    )
    db = Container(
        "d" * 64, "db", "img", "exited", mounts=(Mount("d" * 64, "volume", "alpha", "/data"),)
    )
    return Snapshot.build(vols, [web, db])


def test_models_pass_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, engine: Engine
) -> None:
    vt, ct = VolumeTable(), ContainerTable()
    qtbot.addWidget(vt)
    qtbot.addWidget(ct)
    snap = _snapshot()
    vt.source.set_items(snap.volumes)
    ct.source.set_items(snap.containers)
    for model in (vt.source, vt.proxy, ct.source, ct.proxy):
        qtmodeltester.check(model)
    real = engine.snapshot()  # the sandbox's own data, whatever it holds
    vt.source.set_items(real.volumes)
    ct.source.set_items(real.containers)
    for model in (vt.source, ct.source):
        qtmodeltester.check(model)


@pytest.fixture
def keep() -> Iterator[list[object]]:
    """Keeps Qt objects alive until after qtmodeltester's teardown (list it first)."""
    kept: list[object] = []
    yield kept
    kept.clear()


def test_diff_keeps_selection_and_applies_changes(
    keep: list[object], qtmodeltester: ModelTester
) -> None:
    table = VolumeTable()
    keep.append(table)
    model = table.source
    qtmodeltester.check(model, force_py=True)  # also watches every signal below
    snap = _snapshot()
    model.set_items(snap.volumes)
    row = table.proxy.mapFromSource(model.index(model.row_of("charlie"), 0))
    table.selectionModel().select(
        row,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    inserted: list[int] = []
    removed: list[int] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append(b - a + 1))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append(b - a + 1))
    changed = [v for v in snap.volumes if v.name not in ("bravo",)]
    changed = [replace(v, labels={"new": "1"}) if v.name == "delta" else v for v in changed]
    changed.append(Volume("echo"))
    changed.append(Volume("aardvark"))
    model.set_items(changed)
    assert sum(inserted) == 2 and sum(removed) == 1
    # Named volumes first, then anonymous ones, each by name.
    expected = sorted(changed, key=lambda v: (v.anonymous, v.name))
    assert [model.item(r).name for r in range(model.rowCount())] == [v.name for v in expected]
    assert model.item(model.row_of("delta")).labels == {"new": "1"}
    selected = [i.data(KeyRole) for i in table.selectionModel().selectedRows()]
    assert selected == ["charlie"]


def test_sort_by_column_keeps_selection(qtbot: QtBot) -> None:
    table = VolumeTable()
    qtbot.addWidget(table)
    table.source.set_items(_snapshot().volumes)
    table.selectRow(
        table.proxy.mapFromSource(table.source.index(table.source.row_of("alpha"), 0)).row()
    )
    table.sortByColumn(USED_BY, Qt.SortOrder.DescendingOrder)
    first = table.proxy.index(0, NAME).data(KeyRole)
    assert first == "alpha"  # used by two containers
    assert [i.data(KeyRole) for i in table.selectionModel().selectedRows()] == ["alpha"]


def test_anonymous_volumes_are_marked_and_can_be_hidden(qtbot: QtBot) -> None:
    table = VolumeTable()
    qtbot.addWidget(table)
    table.source.set_items(_snapshot().volumes)
    row = table.source.row_of(ANON)
    assert table.source.index(row, NAME).data() == "aaaaaaaaaaaa… (anonymous)"
    assert table.proxy.rowCount() == 5
    table.proxy.set_show_anonymous(False)
    assert table.proxy.rowCount() == 4
    table.proxy.set_text("CHAR")
    assert [table.proxy.index(r, 0).data(KeyRole) for r in range(table.proxy.rowCount())] == [
        "charlie"
    ]


def test_filtered_containers_and_highlight(qtbot: QtBot) -> None:
    table = ContainerTable()
    qtbot.addWidget(table)
    table.source.set_items(_snapshot().containers)
    table.source.set_highlight(["d" * 64])
    row = table.source.row_of("d" * 64)
    assert table.source.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    table.proxy.set_text("bravo")  # matches web's mount
    assert table.proxy.rowCount() == 1


def test_state_marks_keep_their_colour_in_a_selected_row(qtbot: QtBot) -> None:
    """Qt tints a selected row's decoration with the highlight; the marks opt out."""
    from PySide6.QtGui import QIcon

    from volgui.ui import colours
    from volgui.ui.container_table import STATE, STATE_COLOURS

    table = ContainerTable()
    qtbot.addWidget(table)
    table.source.set_items(_snapshot().containers)
    web = table.source.index(table.source.row_of("c" * 64), STATE)

    def mark(mode: QIcon.Mode) -> str:
        icon = web.data(Qt.ItemDataRole.DecorationRole)
        return icon.pixmap(16, 16, mode).toImage().pixelColor(8, 8).name()

    running = STATE_COLOURS["running"].name()
    assert mark(QIcon.Mode.Normal) == mark(QIcon.Mode.Selected) == running
    table.source.set_greyed(True)
    assert mark(QIcon.Mode.Selected) == colours.greyed_text().name() != running
