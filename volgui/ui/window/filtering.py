"""The filter box and the anonymous-volumes switch, and the tables' titles with counts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from volgui.ui import colours


class FilterMixin:
    """Filters both tables by text; shows or hides anonymous volumes."""

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def set_filter(self, text: str) -> None:
        self.volume_table.proxy.set_text(text)
        self.container_table.proxy.set_text(text)
        self._update_titles()

    def _set_show_anonymous(self, show: bool) -> None:
        self.volume_table.proxy.set_show_anonymous(show)
        self._update_titles()

    def _update_titles(self) -> None:
        muted = colours.muted(self.palette()).name()
        for label, title, table in (
            (self.volumes_title, self.tr("Volumes"), self.volume_table),
            (self.containers_title, self.tr("Containers"), self.container_table),
        ):
            total, shown = table.source.rowCount(), table.proxy.rowCount()
            count = f"{total}" if shown == total else self.tr("{shown} of {total} shown")
            count = count.format(shown=shown, total=total)
            label.setText(f"<b>{title}</b> <span style='color:{muted}'>({count})</span>")
