"""A table model over a list of frozen dataclasses, updated by diff.

Rows are keyed (volume name, container id). :meth:`RowModel.set_items`
removes, changes and inserts only what differs, with the matching
``begin/end`` calls, so selection and scroll position survive a refresh.
The diff itself is pure Python (``row_diff.py``): a refresh plans it on a
worker (:meth:`RowModel.plan`) and applies it in steps (:meth:`RowModel.apply_steps`).

The source model keeps its rows sorted itself; :class:`RowFilterProxy`
filters and forwards ``sort()`` here. Qt's own proxy sort calls ``data()``
from C++ for every comparison, which for 2,000 Python rows froze the GUI
thread for ~0.4 s; sorting a Python list of keys takes ~2 ms.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from volgui.ui import colours
from volgui.ui.row_diff import RowDiff, plan_rows
from volgui.ui.row_diff import runs as _runs

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

ItemRole = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row
KeyRole = Qt.ItemDataRole.UserRole + 2  # its key (volume name, container id)

# Rows related to the selection in the other table (cross-highlighting).


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its title, display text, sort key and optional tooltip.

    ``title`` is the English source text, marked for lupdate with
    ``QT_TRANSLATE_NOOP(<model class name>, "Title")``; the header shows it
    translated in the model's ``tr_context``.
    """

    title: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str | None] | None = None
    align_right: bool = False

    def key(self, item: T) -> Any:
        return self.sort(item) if self.sort else self.text(item).casefold()


class RowModel(QAbstractTableModel, Generic[T]):
    """Rows of dataclasses with a key; subclasses set ``columns``, ``key`` and
    ``tr_context`` (the context their column titles are marked in)."""

    columns: Sequence[Column[T]] = ()
    tr_context = "RowModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []
        self._keys: list[Any] = []  # sort key of each row, for the current column
        self._sort_column = 0
        self._order = Qt.SortOrder.AscendingOrder
        self._highlight: frozenset[str] = frozenset()
        self._greyed = False
        self._version = 0  # bumped by every change of the rows (see plan)
        self._row_index: dict[str, int] | None = None  # key -> row, built when asked

    # -- for subclasses --------------------------------------------------

    def key(self, item: T) -> str:
        raise NotImplementedError

    def decoration(self, item: T, column: int) -> Any:
        return None

    def foreground(self, item: T, column: int) -> Any:
        return None

    # -- reading ---------------------------------------------------------

    @property
    def items(self) -> tuple[T, ...]:
        return tuple(self._items)

    def item(self, row: int) -> T:
        return self._items[row]

    def row_of(self, key: str) -> int:
        if self._row_index is None:
            self._row_index = {self.key(it): r for r, it in enumerate(self._items)}
        return self._row_index.get(key, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(self.tr_context, self.columns[section].title)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(item) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.key(item) not in self._highlight:
                return None
            return QBrush(colours.related_row(QApplication.palette()))
        if role == Qt.ItemDataRole.FontRole:
            if self.key(item) in self._highlight:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._greyed:
                return QBrush(colours.greyed_text(QApplication.palette()))
            return self.foreground(item, index.column())
        if role == Qt.ItemDataRole.DecorationRole:
            mark = self.decoration(item, index.column())
            if isinstance(mark, QColor):
                if self._greyed:  # no state: last known
                    mark = colours.greyed_text(QApplication.palette())
                return _swatch(mark.rgba())
            return mark
        if role == ItemRole:
            return item
        if role == KeyRole:
            return self.key(item)
        return None

    # -- writing ---------------------------------------------------------

    def plan(self, new: Iterable[T]) -> RowDiff[T]:
        """The diff from the rows shown to ``new``; pure Python, safe on a worker.

        It reads the rows as they are now; :meth:`apply_steps` applies it only
        if nothing changed them in between (a sort, another apply), and
        otherwise diffs again on the spot.
        """
        version = self._version  # read before the rows: a change in between shows
        column = self.columns[self._sort_column]
        return plan_rows(
            version,
            tuple(self._items),
            new,
            self.key,
            lambda it: self._sort_key(column, it),
            self._descending,
        )

    def apply_steps(self, diff: RowDiff[T]) -> Iterator[None]:
        """Apply ``diff`` one ``begin/end`` block per step, yielding between steps.

        The rows are consistent at every yield, so the caller can spread the
        steps over turns of the event loop. If anything else changes the rows
        meanwhile (the user sorts), the rest is diffed again and applied at once.
        """
        if diff.version != self._version:
            yield from self.apply_steps(self.plan(diff.items))
            return
        for first, last in diff.gone:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._items[first : last + 1]
            del self._keys[first : last + 1]
            self._touched()
            self.endRemoveRows()
            mine = self._version
            yield
            if mine != self._version:
                yield from self.apply_steps(self.plan(diff.items))
                return
        for r, item, sort_key in diff.changed:
            self._items[r] = item
            self._keys[r] = sort_key
        self._touched()
        for first, last in _runs([r for r, _, _ in diff.changed]):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        if diff.resort:
            self._resort()
        mine = self._version
        for row, items, keys in diff.added:
            yield
            if mine != self._version:
                yield from self.apply_steps(self.plan(diff.items))
                return
            self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
            self._items[row:row] = items
            self._keys[row:row] = keys
            self._touched()
            self.endInsertRows()
            mine = self._version

    def set_items(self, new: Iterable[T]) -> None:
        """Make the rows equal ``new``: remove, change, insert only what differs."""
        for _ in self.apply_steps(self.plan(new)):
            pass

    def _touched(self) -> None:
        """The rows changed: diffs planned before this one must be planned again."""
        self._version += 1
        self._row_index = None

    def refresh_column(self, column: int) -> None:
        """Say that one column's values changed for every row (e.g. sizes arrived)."""
        if not self._items:
            return
        self.dataChanged.emit(self.index(0, column), self.index(len(self._items) - 1, column))
        if column == self._sort_column:
            self._resort()

    def retranslate(self) -> None:
        """The language changed: headers and texts read anew, text sort keys too."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._items:
            last = self.index(len(self._items) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self._resort()

    def set_highlight(self, keys: Iterable[str]) -> None:
        """Mark the rows with these keys (related to the other table's selection)."""
        new = frozenset(keys)
        touched = new ^ self._highlight
        self._highlight = new
        rows = sorted(r for r, it in enumerate(self._items) if self.key(it) in touched)
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    @property
    def highlighted(self) -> frozenset[str]:
        return self._highlight

    def set_greyed(self, greyed: bool) -> None:
        """Grey every row: the data is the last known, the engine is away."""
        if greyed != self._greyed:
            self._greyed = greyed
            if self._items:
                last = self.index(len(self._items) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    # -- sorting (done here, not in the proxy: see the module docstring) ---

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort_column, self._order = column, order
        self._resort()

    @property
    def _descending(self) -> bool:
        return self._order == Qt.SortOrder.DescendingOrder

    def _sort_key(self, column: Column[T], item: T) -> Any:
        # Ties break on the row key, so the order is total and stable.
        return (column.key(item), self.key(item))

    def _resort(self) -> None:
        column = self.columns[self._sort_column]
        self.layoutAboutToBeChanged.emit()
        keyed = [(self._sort_key(column, it), r, it) for r, it in enumerate(self._items)]
        keyed.sort(key=lambda t: t[0], reverse=self._descending)
        new_row_of_old = {old_row: new_row for new_row, (_, old_row, _) in enumerate(keyed)}
        self._items = [it for _, _, it in keyed]
        self._keys = [k for k, _, _ in keyed]
        self._touched()
        old_list = self.persistentIndexList()
        new_list = [
            self.index(new_row_of_old[i.row()], i.column())
            if i.isValid() and i.row() in new_row_of_old
            else QModelIndex()
            for i in old_list
        ]
        self.changePersistentIndexList(old_list, new_list)
        self.layoutChanged.emit()


class RowFilterProxy(QSortFilterProxyModel):
    """Filters rows by a Python predicate over the item; sorting goes to the source."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""

    def accepts(self, item: Any, text: str) -> bool:
        return not text

    def set_text(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._text:
            self.refilter(lambda: setattr(self, "_text", text))

    def refilter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowModel):
            return True
        return self.accepts(model.item(source_row), self._text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def item(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(ItemRole)


@functools.cache
def _swatch(rgba: int) -> QIcon:
    """A colour mark that stays that colour in a selected row.

    Qt draws a QColor decoration as an icon, and tints an icon's selected mode
    with the highlight: a green "running" mark turned murky teal. An icon with
    its own selected pixmap keeps the colour.
    """
    size = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor.fromRgba(rgba))
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon
