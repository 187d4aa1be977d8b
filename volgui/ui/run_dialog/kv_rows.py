"""KEY=VALUE rows (environment, labels): a two-column table that always ends in an empty row."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class KeyValueRows(QTableWidget):
    """Rows of key and value. Signals: ``changed()`` after an edit.

    ``entries()`` gives ``KEY=VALUE``, or a bare ``KEY`` for an entry that had
    no ``=`` (`-e KEY` takes the value from the environment at create time).
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setMinimumHeight(60)
        self.setMaximumHeight(120)
        self._filling = False
        self.itemChanged.connect(self._edited)
        self.set_entries([])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        super().changeEvent(event)

    def set_entries(self, entries: Iterable[str]) -> None:
        self._filling = True
        try:
            self.setRowCount(0)
            for entry in entries:
                key, eq, value = entry.partition("=")
                self._append(key, value, bare=not eq)
            self._append("", "")
        finally:
            self._filling = False

    def set_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.set_entries(f"{k}={v}" for k, v in pairs)

    def _append(self, key: str, value: str, bare: bool = False) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(key))
        item = QTableWidgetItem(value)
        item.setData(Qt.ItemDataRole.UserRole, bare)
        self.setItem(row, 1, item)

    def _edited(self, _item: QTableWidgetItem) -> None:
        if self._filling:
            return
        last = self.rowCount() - 1
        self._filling = True
        try:
            if last < 0 or any(self._cell(last, c) for c in (0, 1)):
                self._append("", "")  # keep one empty row to type into
        finally:
            self._filling = False
        self.changed.emit()

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _bare(self, row: int) -> bool:
        item = self.item(row, 1)
        return bool(item is not None and not item.text() and item.data(Qt.ItemDataRole.UserRole))

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.rowCount()):
            key, value = self._cell(row, 0), self._cell(row, 1)
            if key or value:
                out.append((key, value))
        return out

    def entries(self) -> list[str]:
        out = []
        for row in range(self.rowCount()):
            key, value = self._cell(row, 0), self._cell(row, 1)
            if key or value:
                out.append(key if self._bare(row) else f"{key}={value}")
        return out
