"""The container table: model over ``Container`` rows, its filter, and the view."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QWidget

from volgui.engine.model import Container, Mount, display_name
from volgui.ui.dnd import dropped_volume
from volgui.ui.item_table import ItemTable
from volgui.ui.table_model import Column, RowFilterProxy, RowModel

OBJECT_NAME = "containerTable"
NAME, IMAGE, STATE, MOUNTS = range(4)

STATE_COLOURS = {
    "running": QColor(46, 160, 67),
    "restarting": QColor(210, 153, 34),
    "paused": QColor(210, 153, 34),
    "created": QColor(84, 174, 255),
    "exited": QColor(140, 140, 140),
    "dead": QColor(207, 34, 46),
    "removing": QColor(207, 34, 46),
}


# Docker's container states, in the window's language (the engine's word when unknown).
STATE_NAMES = {
    "running": QT_TRANSLATE_NOOP("ContainerModel", "running"),
    "restarting": QT_TRANSLATE_NOOP("ContainerModel", "restarting"),
    "paused": QT_TRANSLATE_NOOP("ContainerModel", "paused"),
    "created": QT_TRANSLATE_NOOP("ContainerModel", "created"),
    "exited": QT_TRANSLATE_NOOP("ContainerModel", "exited"),
    "dead": QT_TRANSLATE_NOOP("ContainerModel", "dead"),
    "removing": QT_TRANSLATE_NOOP("ContainerModel", "removing"),
}


def state_name(state: str) -> str:
    """'running' -> '실행 중' in Korean; a state we do not know stays as the engine says."""
    source = STATE_NAMES.get(state)
    return QCoreApplication.translate("ContainerModel", source) if source else state


def mount_source(m: Mount) -> str:
    if m.type == "volume":
        return display_name(m.source or "?")
    return "tmpfs" if m.type == "tmpfs" else (m.source or "?")


def mount_line(m: Mount) -> str:
    line = f"{mount_source(m)} → {m.destination}"
    if m.read_only:
        line = QCoreApplication.translate("ContainerModel", "{mount} (read-only)").format(
            mount=line
        )
    return f"{line}  [{m.type}]"


class ContainerModel(RowModel[Container]):
    """Containers keyed by full id."""

    tr_context = "ContainerModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ContainerModel", "Name"),
            lambda c: c.name,
            tooltip=lambda c: f"{c.name}\n{c.id}",
        ),
        Column(QT_TRANSLATE_NOOP("ContainerModel", "Image"), lambda c: c.image),
        Column(
            QT_TRANSLATE_NOOP("ContainerModel", "State"),
            lambda c: state_name(c.state),
            tooltip=lambda c: c.status or c.state,  # Docker's own words: "Up 3 minutes"
        ),
        Column(
            QT_TRANSLATE_NOOP("ContainerModel", "Mounts"),
            lambda c: ", ".join(mount_source(m) for m in c.mounts) or "—",
            sort=lambda c: len(c.mounts),
            tooltip=lambda c: (
                "\n".join(mount_line(m) for m in c.mounts)
                or QCoreApplication.translate("ContainerModel", "no mounts")
            ),
        ),
    )

    def key(self, item: Container) -> str:
        return item.id

    def decoration(self, item: Container, column: int) -> object:
        if column == STATE:
            return STATE_COLOURS.get(item.state, QColor(140, 140, 140))
        return None


class ContainerFilter(RowFilterProxy):
    def accepts(self, item: Container, text: str) -> bool:
        if not text:
            return True
        mounts = " ".join(m.source or "" for m in item.mounts)
        state = f"{item.state} {state_name(item.state)}"  # either language's word finds it
        return text in f"{item.name} {item.image} {state} {mounts}".casefold()


class ContainerTable(ItemTable):
    """The container list; its rows take dropped volumes.

    Signals: ``volume_dropped(str, str)``: a volume dropped on a row, as
    (volume name, container id) -- what the graph's container nodes emit.
    """

    volume_dropped = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop_row: int | None = None  # the row a volume hovers over (view row)
        self.setObjectName(OBJECT_NAME)
        self.source = ContainerModel(self)
        self.proxy = ContainerFilter(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        for col, width in ((NAME, 150), (IMAGE, 200), (STATE, 90)):
            self.setColumnWidth(col, width)
        self.fit_header_texts()
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    # -- a volume dropped on a container row ------------------------------------
    # Handled here rather than through the model: a drop changes nothing in the
    # model, it asks the window to mount (the same request as a drop on a node).

    def _row_under(self, event: QDropEvent) -> int | None:
        if dropped_volume(event.mimeData()) is None:
            return None
        index = self.indexAt(event.position().toPoint())
        return index.row() if index.isValid() else None

    def _set_drop_row(self, row: int | None) -> None:
        if row != self.drop_row:
            self.drop_row = row
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_volume(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()  # keep the drag coming; moves decide per row
        self._set_drop_row(self._row_under(event))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        row = self._row_under(event)
        self._set_drop_row(row)
        if row is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_row(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        row = self._row_under(event)
        self._set_drop_row(None)
        volume = dropped_volume(event.mimeData())
        if row is None or volume is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.volume_dropped.emit(volume, self.proxy.item(row).id)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.drop_row is None:
            return
        # The row a volume would land on: framed in the highlight colour.
        first = self.proxy.index(self.drop_row, 0)
        rect = self.visualRect(first).united(
            self.visualRect(self.proxy.index(self.drop_row, self.proxy.columnCount() - 1))
        )
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
