"""The volume table: model over ``Volume`` rows, its filter, and the view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from volgui.engine.model import Volume
from volgui.ui import colours
from volgui.ui import format as fmt
from volgui.ui.dnd import VOLUME_MIME, volume_mime
from volgui.ui.item_table import ItemTable
from volgui.ui.table_model import Column, RowFilterProxy, RowModel

OBJECT_NAME = "volumeTable"
NAME, DRIVER, USED_BY, SIZE, CREATED, LABELS = range(6)


class VolumeModel(RowModel[Volume]):
    """Volumes keyed by name; knows container names (for 'used by') and sizes."""

    tr_context = "VolumeModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.container_names: Mapping[str, str] = {}
        self.sizes: Mapping[str, int] = {}
        self.columns = (
            Column(
                QT_TRANSLATE_NOOP("VolumeModel", "Name"),
                fmt.volume_name,
                sort=lambda v: (v.anonymous, v.name.casefold()),
                tooltip=self._name_tip,
            ),
            Column(QT_TRANSLATE_NOOP("VolumeModel", "Driver"), lambda v: v.driver),
            Column(
                QT_TRANSLATE_NOOP("VolumeModel", "Used by"),
                self._used_by,
                sort=lambda v: len(v.used_by),
                tooltip=self._users_tip,
            ),
            Column(
                QT_TRANSLATE_NOOP("VolumeModel", "Size"),
                lambda v: fmt.size(self.sizes.get(v.name)),
                sort=lambda v: self.sizes.get(v.name, -1),
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("VolumeModel", "Created"),
                lambda v: fmt.ago(v.created_at),
                sort=lambda v: v.created,
                tooltip=lambda v: fmt.date(v.created_at),
            ),
            Column(
                QT_TRANSLATE_NOOP("VolumeModel", "Labels"),
                lambda v: fmt.pairs(v.labels),
                tooltip=lambda v: fmt.pairs(v.labels),
            ),
        )

    def key(self, item: Volume) -> str:
        return item.name

    def _used_by(self, v: Volume) -> str:
        n = len(v.used_by)
        return "—" if n == 0 else self.tr("%n container(s)", "", n)

    def _users_tip(self, v: Volume) -> str | None:
        names = sorted(self.container_names.get(i, i[:12]) for i in v.used_by)
        return "\n".join(names) if names else self.tr("no container uses this volume")

    def _name_tip(self, v: Volume) -> str:
        return self.tr("{name}\n(anonymous volume)").format(name=v.name) if v.anonymous else v.name

    def foreground(self, item: Volume, column: int) -> object:
        if item.anonymous:
            return colours.greyed_text(QApplication.palette())
        return None

    # -- dragging a row: the volume's name, for a container row or node ----------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [VOLUME_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The first dragged row's volume (a drop mounts one volume)."""
        rows = [i.row() for i in indexes if i.isValid()]
        return volume_mime(self.item(rows[0]).name) if rows else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def set_sizes(self, sizes: Mapping[str, int]) -> None:
        self.sizes = dict(sizes)
        self.refresh_column(SIZE)


class VolumeFilter(RowFilterProxy):
    """Text filter over name, driver and labels; anonymous volumes can be hidden."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_anonymous = True

    def set_show_anonymous(self, show: bool) -> None:
        if show != self.show_anonymous:
            self.refilter(lambda: setattr(self, "show_anonymous", show))

    def accepts(self, item: Volume, text: str) -> bool:
        if item.anonymous and not self.show_anonymous:
            return False
        if not text:
            return True
        hay = f"{item.name} {item.driver} {fmt.pairs(item.labels)}".casefold()
        return text in hay


class VolumeTable(ItemTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.source = VolumeModel(self)
        self.proxy = VolumeFilter(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        # Rows drag out as volumes (onto a container row or node); nothing drops here.
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        for col, width in ((NAME, 200), (DRIVER, 70), (USED_BY, 100), (SIZE, 80), (CREATED, 110)):
            self.setColumnWidth(col, width)
        self.fit_header_texts()
