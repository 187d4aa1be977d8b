"""The container table: model over ``Container`` rows, its filter, and the view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from volgui.engine.model import Container, Mount
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


def mount_source(m: Mount) -> str:
    if m.type == "volume":
        src = m.source or "?"
        return f"{src[:12]}…" if len(src) == 64 else src
    return "tmpfs" if m.type == "tmpfs" else (m.source or "?")


def mount_line(m: Mount) -> str:
    ro = " (read-only)" if m.read_only else ""
    return f"{mount_source(m)} → {m.destination}{ro}  [{m.type}]"


class ContainerModel(RowModel[Container]):
    """Containers keyed by full id."""

    columns = (
        Column("Name", lambda c: c.name, tooltip=lambda c: f"{c.name}\n{c.id}"),
        Column("Image", lambda c: c.image),
        Column("State", lambda c: c.state, tooltip=lambda c: c.status or c.state),
        Column(
            "Mounts",
            lambda c: ", ".join(mount_source(m) for m in c.mounts) or "—",
            sort=lambda c: len(c.mounts),
            tooltip=lambda c: "\n".join(mount_line(m) for m in c.mounts) or "no mounts",
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
        return text in f"{item.name} {item.image} {item.state} {mounts}".casefold()


class ContainerTable(ItemTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.source = ContainerModel(self)
        self.proxy = ContainerFilter(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        for col, width in ((NAME, 150), (IMAGE, 200), (STATE, 90)):
            self.setColumnWidth(col, width)
