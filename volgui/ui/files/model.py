"""The Files tab's tree model: a volume's entries, each folder filled when first opened.

A folder row gets one "Loading…" child until its listing arrives (through
``tasks.run``, never on the GUI thread); ``fetchMore`` asks for it.
Signals: ``loaded(str)`` with the folder path whose entries arrived.
"""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from volgui.engine import Engine
from volgui.engine.data.browse import Entry
from volgui.ui import format as fmt
from volgui.ui import tasks

EntryRole = Qt.ItemDataRole.UserRole + 1
LoadedRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    QT_TRANSLATE_NOOP("FilesModel", "Name"),
    QT_TRANSLATE_NOOP("FilesModel", "Size"),
    QT_TRANSLATE_NOOP("FilesModel", "Mode"),
    QT_TRANSLATE_NOOP("FilesModel", "Owner"),
    QT_TRANSLATE_NOOP("FilesModel", "Modified"),
)


def mode_text(e: Entry) -> str:
    kinds = {"dir": "d", "symlink": "l", "hardlink": "h"}
    bits = "".join(ch if e.mode & (1 << (8 - i)) else "-" for i, ch in enumerate("rwxrwxrwx"))
    return kinds.get(e.kind, "-") + bits


def name_text(e: Entry) -> str:
    if e.kind == "symlink":
        return f"{e.name} → {e.target}"
    if e.kind == "hardlink":
        return QCoreApplication.translate("FilesModel", "{name} (hard link to {target})").format(
            name=e.name, target=e.target
        )
    return e.name


class FilesModel(QStandardItemModel):
    loaded = Signal(str)

    def __init__(self, engine: Engine, owner: QWidget) -> None:
        super().__init__(0, len(COLUMNS), owner)
        self.engine = engine
        self.owner = owner
        self.volume: str | None = None
        self._pending: dict[str, tuple[tasks.Task, threading.Event]] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """The column titles in the window's language (the tab calls this)."""
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])

    def show_volume(self, volume: str | None) -> None:
        if volume == self.volume:
            return
        for task, stop in self._pending.values():
            stop.set()  # the worker stops reading the stream, not just the answer
            task.cancel()
        self._pending.clear()
        self.removeRows(0, self.rowCount())
        self.volume = volume
        if volume is not None:
            self._load(None, "/")

    def reload(self, path: str = "/") -> None:
        """List ``path`` again (after an upload or a delete)."""
        item = self.item_for(path)
        if path == "/" or item is not None:
            self._load(item, path)

    def item_for(self, path: str) -> QStandardItem | None:
        if path == "/":
            return None
        parent: QStandardItem | None = None
        for part in path.strip("/").split("/"):
            rows = self.rowCount() if parent is None else parent.rowCount()
            found = None
            for r in range(rows):
                child = self.item(r, 0) if parent is None else parent.child(r, 0)
                entry = child.data(EntryRole) if child is not None else None
                if isinstance(entry, Entry) and entry.name == part:
                    found = child
                    break
            if found is None:
                return None
            parent = found
        return parent

    def _load(self, item: QStandardItem | None, path: str) -> None:
        if path in self._pending or self.volume is None:
            return
        volume = self.volume
        stop = threading.Event()
        task = tasks.run(
            self.owner,
            self.tr("Listing {path} in volume {name}").format(path=path, name=volume),
            self.engine.list_dir,
            volume,
            path,
            cancel=stop,
        )
        task.done(lambda entries: self._fill(volume, path, entries))
        task.always(lambda: self._pending.pop(path, None))
        self._pending[path] = (task, stop)

    def _fill(self, volume: str, path: str, entries: list[Entry]) -> None:
        if volume != self.volume:
            return
        item = self.item_for(path)
        if path != "/" and item is None:
            return
        if item is None:
            self.removeRows(0, self.rowCount())
        else:
            item.removeRows(0, item.rowCount())
            item.setData(True, LoadedRole)
        for e in entries:
            row = self._row(e)
            if item is None:
                self.appendRow(row)
            else:
                item.appendRow(row)
        self.loaded.emit(path)

    def _row(self, e: Entry) -> list[QStandardItem]:
        when = datetime.fromtimestamp(e.mtime).strftime("%Y-%m-%d %H:%M") if e.mtime else ""
        cells = [name_text(e), fmt.size(e.size), mode_text(e), f"{e.uid}:{e.gid}", when]
        row = [QStandardItem(text) for text in cells]
        for cell in row:
            cell.setEditable(False)
            cell.setData(e, EntryRole)
        row[1].setData(
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Qt.ItemDataRole.TextAlignmentRole,
        )
        if e.is_dir:
            row[0].setData(False, LoadedRole)
            placeholder = QStandardItem(self.tr("Loading…"))
            placeholder.setEditable(False)
            row[0].appendRow(placeholder)
        return row

    def expand(self, item: QStandardItem) -> None:
        """A folder was opened: list it unless it is listed already."""
        entry = item.data(EntryRole)
        if isinstance(entry, Entry) and entry.is_dir and not item.data(LoadedRole):
            self._load(item, entry.path)
