"""The shared selection: one table's rows at a time, the other table cross-highlighted.

Selecting volumes highlights the containers that use them, and the other way
round; the details pane shows the last selected row. ``volumes_selected`` /
``containers_selected`` tell the graph (and anything else sharing the
selection) what the user chose.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

from volgui.ui.container_table import ContainerTable
from volgui.ui.table_model import KeyRole
from volgui.ui.volume_table import VolumeTable


class SelectionMixin:
    """Reads and sets the tables' selection; keeps highlight and details in step."""

    _syncing_selection = False

    def selected_volumes(self) -> list[str]:
        return self._selected_keys(self.volume_table)

    def selected_containers(self) -> list[str]:
        return self._selected_keys(self.container_table)

    def _selected_keys(self, table: QAbstractItemView) -> list[str]:
        rows = table.selectionModel().selectedRows()
        return [str(i.data(KeyRole)) for i in sorted(rows, key=lambda i: i.row())]

    def select_volume(self, name: str) -> bool:
        """Select the volume ``name`` (showing it if filtered out); False if unknown."""
        return self._select(self.volume_table, name)

    def select_container(self, key: str) -> bool:
        """Select a container by full id, name or unique id prefix; False if unknown."""
        c = self.snapshot.container(key)
        return self._select(self.container_table, c.id) if c else False

    def _select(self, table: VolumeTable | ContainerTable, key: str) -> bool:
        row = table.source.row_of(key)
        if row < 0:
            return False
        index = table.proxy.mapFromSource(table.source.index(row, 0))
        if not index.isValid():  # filtered out: show everything again
            self.filter_box.clear()
            self.anonymous_box.setChecked(True)
            index = table.proxy.mapFromSource(table.source.index(row, 0))
        flag = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(index, flag.ClearAndSelect | flag.Rows)
        table.selectionModel().setCurrentIndex(index, flag.NoUpdate)
        table.scrollTo(index)
        return True

    def _volume_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._syncing_selection:
            return
        names = self.selected_volumes()
        if names:
            self._clear_other(self.container_table)
        self._selection_shown()
        self.volumes_selected.emit(names)

    def _container_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._syncing_selection:
            return
        ids = self.selected_containers()
        if ids:
            self._clear_other(self.volume_table)
        self._selection_shown()
        self.containers_selected.emit(ids)

    def _selection_shown(self) -> None:
        self._update_highlight()
        self._update_details()
        self._update_actions()

    def _clear_other(self, table: QAbstractItemView) -> None:
        # One table's selection at a time: the other shows what is related.
        self._syncing_selection = True
        try:
            table.selectionModel().clearSelection()
        finally:
            self._syncing_selection = False

    def _update_highlight(self) -> None:
        snap = self.snapshot
        users: set[str] = set()
        for name in self.selected_volumes():
            v = snap.volume(name)
            users.update(v.used_by if v else ())
        mounted: set[str] = set()
        for key in self.selected_containers():
            c = snap.container(key)
            if c is not None:
                mounted.update(m.source for m in c.mounts if m.type == "volume" and m.source)
        self.container_model.set_highlight(users)
        self.volume_model.set_highlight(mounted)

    def _update_details(self) -> None:
        volumes = self.selected_volumes()
        containers = self.selected_containers()
        if volumes:
            v = self.snapshot.volume(volumes[-1])
            if v is not None:
                self.details.show_volume(v, self.snapshot, self.volume_model.sizes.get(v.name))
                return
        if containers:
            c = self.snapshot.container(containers[-1])
            if c is not None:
                self.details.show_container(c)
                return
        if self.details.subject is not None:
            self.details.show_nothing()
