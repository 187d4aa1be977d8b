"""The Engines sidebar: a row per engine (name, state, kind, versions, volumes).

:class:`EngineListModel` mirrors an :class:`EnginesController`'s rows and
probes; :class:`EngineList` (objectName ``engineList``) shows them, offers
Add / Edit / Remove for the engines the user added (the small
:class:`EngineDialog`), and takes a dropped volume (DESIGN MIME type).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from volgui.engine.engines import AddedEngine, EngineEntry, Probe
from volgui.ui.dnd import VOLUME_MIME, dropped_volume
from volgui.ui.engine_dialog import EngineDialog
from volgui.ui.engines_controller import EnginesController

ModelIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("EngineListModel", "Engine"),
    QT_TRANSLATE_NOOP("EngineListModel", "State"),
    QT_TRANSLATE_NOOP("EngineListModel", "Kind"),
    QT_TRANSLATE_NOOP("EngineListModel", "Version"),
    QT_TRANSLATE_NOOP("EngineListModel", "API"),
    QT_TRANSLATE_NOOP("EngineListModel", "Volumes"),
)
# Where a row came from (EngineEntry.origin), for its tooltip.
ORIGINS = {
    "context": QT_TRANSLATE_NOOP("EngineListModel", "from a docker context"),
    "added": QT_TRANSLATE_NOOP("EngineListModel", "added in volgui"),
    "podman": QT_TRANSLATE_NOOP("EngineListModel", "a Podman socket"),
    "given": QT_TRANSLATE_NOOP("EngineListModel", "given on the command line"),
    "sandbox": QT_TRANSLATE_NOOP("EngineListModel", "volgui's sandbox engine, with sample data"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("EngineListModel", text)


def _down(reason: str) -> str:
    """A row's state when the engine does not answer (the reason is the engine's)."""
    return QCoreApplication.translate("EngineListModel", "down: %1").replace("%1", reason)


class EngineListModel(QAbstractTableModel):
    """The controller's rows; probes update cells in place (selection survives)."""

    def __init__(self, controller: EnginesController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._rows: list[EngineEntry] = []
        controller.entries_changed.connect(self._reset)
        controller.probed.connect(self._probed)
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = self.controller.entries
        self.endResetModel()

    def _probed(self, key: str) -> None:
        row = self.row_of(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 1), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        """Headers and cells again, in the language installed now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.key == key), -1)

    def entry(self, row: int) -> EngineEntry:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry = self._rows[index.row()]
        if role == KEY_ROLE:
            return entry.key
        probe = self.controller.probe(entry.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(entry, probe, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, probe)
        return None


def _cell(entry: EngineEntry, probe: Probe | None, column: int) -> str:
    if column == 0:
        return entry.name + (" *" if entry.current else "")
    if entry.error:
        return entry.error if column == 1 else ""
    if probe is None:
        return "…" if column == 1 else ""
    if column == 1:
        return (
            QCoreApplication.translate("EngineListModel", "up") if probe.up else _down(probe.reason)
        )
    values = ("", "", probe.kind, probe.engine_version, probe.api_version, probe.volumes)
    value = values[column]
    return "" if value is None else str(value)


def _tooltip(entry: EngineEntry, probe: Probe | None) -> str:
    origin = ORIGINS.get(entry.origin)
    lines = [f"{entry.name}: {entry.endpoint.host}", _t(origin) if origin else entry.origin]
    if entry.description:
        lines.append(entry.description)
    if probe is not None and not probe.up:
        lines.append(_down(probe.reason))
    elif probe is not None:
        versions = QCoreApplication.translate("EngineListModel", "%1 %2, API %3")
        lines.append(
            versions.replace("%1", probe.kind)
            .replace("%2", probe.engine_version)
            .replace("%3", probe.api_version)
        )
    return "\n".join(lines)


class EngineList(QTreeView):
    """The sidebar view. Signals: ``engine_chosen(key)``,
    ``volume_dropped(key, volume)`` (open the copy dialog for it)."""

    engine_chosen = Signal(str)
    volume_dropped = Signal(str, str)

    def __init__(self, controller: EnginesController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engineList")
        self.controller = controller
        self.engines = EngineListModel(controller, self)
        self.setModel(self.engines)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.dialog: EngineDialog | None = None
        self.add_action = QAction(self)
        self.edit_action = QAction(self)
        self.remove_action = QAction(self)
        self.retranslate()
        self.add_action.triggered.connect(self.add_engine)
        self.edit_action.triggered.connect(self.edit_engine)
        self.remove_action.triggered.connect(self.remove_engine)
        for action in (self.add_action, self.edit_action, self.remove_action):
            self.addAction(action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        controller.current_changed.connect(self._show_current)
        self._update_actions()

    def retranslate(self) -> None:
        self.add_action.setText(self.tr("Add engine…"))
        self.edit_action.setText(self.tr("Edit engine…"))
        self.remove_action.setText(self.tr("Remove engine"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.engines.retranslate()
        super().changeEvent(event)

    def current_key(self) -> str | None:
        index = self.currentIndex()
        return self.engines.entry(index.row()).key if index.isValid() else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid():
            key = self.engines.entry(current.row()).key
            if key != self.controller.current:
                self.controller.select(key)
            self.engine_chosen.emit(key)

    def _show_current(self, key: str) -> None:
        row = self.engines.row_of(key)
        if row >= 0 and self.currentIndex().row() != row:
            self.setCurrentIndex(self.engines.index(row, 0))

    def _added(self) -> AddedEngine | None:
        key = self.current_key()
        if key is None or not key.startswith("added:"):
            return None
        name = key[len("added:") :]
        return next((a for a in self.controller.added() if a.name == name), None)

    def _update_actions(self) -> None:
        editable = self._added() is not None
        self.edit_action.setEnabled(editable)
        self.remove_action.setEnabled(editable)

    # -- add / edit / remove ------------------------------------------------------

    def add_engine(self) -> EngineDialog:
        taken = frozenset(a.name for a in self.controller.added())
        self.dialog = EngineDialog(self, None, taken)
        self.dialog.engine_accepted.connect(self.controller.add_engine)
        self.dialog.open()
        return self.dialog

    def edit_engine(self) -> EngineDialog | None:
        old = self._added()
        if old is None:
            return None
        taken = frozenset(a.name for a in self.controller.added() if a.name != old.name)
        self.dialog = EngineDialog(self, old, taken)
        self.dialog.engine_accepted.connect(lambda e: self.controller.replace_engine(old.name, e))
        self.dialog.open()
        return self.dialog

    def remove_engine(self) -> None:
        """Remove the chosen added engine from the list (its volumes stay where they are)."""
        old = self._added()
        if old is not None:
            self.controller.remove_engine(old.name)

    # -- a dropped volume ---------------------------------------------------------

    def _target(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or dropped_volume(event.mimeData()) is None:
            return None
        return self.engines.entry(index.row()).key

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(VOLUME_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        key = self._target(event)
        volume = dropped_volume(event.mimeData())
        if key is None or volume is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.volume_dropped.emit(key, volume)
