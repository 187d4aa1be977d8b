"""The row diff planned off the GUI thread: applied in steps it gives the sorted rows,
keeps the selection, and passes qtmodeltester at every step."""

from __future__ import annotations

import threading
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from volgui.engine import Volume
from volgui.ui import row_diff, tasks
from volgui.ui.volume_table import DRIVER, NAME, VolumeModel, VolumeTable

names = st.sets(st.sampled_from([f"v{i:03d}" for i in range(60)]), max_size=40)
drivers = st.sampled_from(["local", "nfs", "zfs"])


def _volumes(chosen: set[str], driver: str) -> list[Volume]:
    return [Volume(n, driver=driver if int(n[1:]) % 3 == 0 else "local") for n in chosen]


def _sorted_keys(model: VolumeModel, column: int, order: Qt.SortOrder) -> list[str]:
    col = model.columns[column]
    items = sorted(
        model.items,
        key=lambda v: (col.key(v), v.name),
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    return [v.name for v in items]


@settings(max_examples=60, deadline=None)
@given(
    before=names,
    after=names,
    driver=drivers,
    column=st.sampled_from([NAME, DRIVER]),
    descending=st.booleans(),
)
def test_planned_diff_applied_in_steps_gives_the_sorted_rows(
    before: set[str], after: set[str], driver: str, column: int, descending: bool
) -> None:
    model = VolumeModel()
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    model.set_items(_volumes(before, "local"))
    diff = model.plan(_volumes(after, driver))
    for _ in model.apply_steps(diff):
        assert len(model.items) == model.rowCount()  # consistent between steps
    assert {v.name for v in model.items} == after
    assert [v.name for v in model.items] == _sorted_keys(model, column, order)
    assert all(model.row_of(v.name) == r for r, v in enumerate(model.items))


def test_a_sort_between_steps_is_honoured(qtbot: QtBot) -> None:
    model = VolumeModel()
    model.set_items(_volumes({f"v{i:03d}" for i in range(0, 60, 2)}, "local"))
    steps = model.apply_steps(model.plan(_volumes({f"v{i:03d}" for i in range(60)}, "nfs")))
    next(steps)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)  # the user clicks the header meanwhile
    for _ in steps:
        pass
    assert len(model.items) == 60
    assert [v.name for v in model.items] == sorted((v.name for v in model.items), reverse=True)


def test_sliced_apply_passes_qtmodeltester_and_keeps_the_selection(
    qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(row_diff, "INSERT_STEP", 8)  # several steps on a small table
    table = VolumeTable()
    qtbot.addWidget(table)
    model = table.source
    model.set_items([Volume(f"b{i:04d}") for i in range(0, 200, 2)])
    qtmodeltester.check(model)  # and again on every change signal from here on
    keep = table.proxy.mapFromSource(model.index(model.row_of("b0050"), 0))
    flag = QItemSelectionModel.SelectionFlag
    table.selectionModel().select(keep, flag.ClearAndSelect | flag.Rows)
    wanted = [Volume(f"b{i:04d}") for i in range(1, 200, 4)]  # 50 new rows
    wanted += [Volume(f"b{i:04d}") for i in range(0, 200, 2) if i % 3]  # and some gone
    diff = model.plan(wanted)
    assert len(diff.added) >= 2 and all(len(items) <= 8 for _, items, _ in diff.added)
    for _ in model.apply_steps(diff):
        pass
    assert [v.name for v in model.items] == sorted(v.name for v in wanted)
    rows = table.selectionModel().selectedRows()
    assert [i.data() for i in rows] == ["b0050"]


def test_release_frees_off_the_gui_thread_once_it_holds_the_last_reference() -> None:
    class Box:
        pass

    freed_on: list[str] = []

    class Part:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    box = Box()
    box.parts = [Part() for _ in range(500)]  # type: ignore[attr-defined]
    gone = weakref.ref(box)
    still_mine = box
    tasks.release(box, lambda b: list(b.parts))
    del box
    assert gone() is not None  # another holder: the releaser waits
    del still_mine
    tasks.shutdown(wait=True)  # stopping frees what is left; here it was freed already
    assert gone() is None
    assert len(freed_on) == 500
