"""Prune…: show exactly which volumes would go, then remove exactly those.

The list comes from ``engine.prune_preview`` (anonymous unused volumes,
plus named ones when asked). Pruning passes that very list to
``engine.prune``, which removes the names one by one and keeps (and
reports) any that became used meanwhile (DESIGN rule 4).
Signals: ``pruned(PruneResult)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, Volume
from volgui.ui import format as fmt
from volgui.ui import tasks

OBJECT_NAME = "pruneDialog"


class PruneDialog(QDialog):
    """Preview and prune unused volumes. Signals: ``pruned(object)`` (a PruneResult)."""

    pruned = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle("Prune unused volumes")
        self.engine = engine
        self.preview: list[Volume] | None = None
        self._preview_task: tasks.Task | None = None
        self._prune_task: tasks.Task | None = None

        self.include_named = QCheckBox(
            "Include &named volumes (not only anonymous ones)", objectName="includeNamed"
        )
        self.include_named.toggled.connect(self.load_preview)
        self.summary = QLabel(objectName="pruneSummary", wordWrap=True)
        self.list = QListWidget(objectName="pruneList")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.prune_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.prune_button.setText("Remove these volumes")
        self.buttons.accepted.connect(self._prune)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.include_named)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(480, 360)
        self.load_preview()

    @property
    def names(self) -> list[str]:
        """Exactly what Remove would remove: the list on screen."""
        return [v.name for v in self.preview or ()]

    def load_preview(self) -> None:
        if self._preview_task is not None:
            self._preview_task.cancel()
        self.preview = None
        self.list.clear()
        self.list.setEnabled(False)
        self.prune_button.setEnabled(False)
        self.summary.setText("Looking for volumes no container uses…")
        self._preview_task = tasks.run(
            self,
            "Listing unused volumes",
            self.engine.prune_preview,
            self.include_named.isChecked(),
        ).done(self._show_preview)

    def _show_preview(self, volumes: list[Volume]) -> None:
        self._preview_task = None
        self.preview = list(volumes)
        self.list.setEnabled(True)
        for v in volumes:
            # Anonymous names are 64 hex digits: the short form, like docker's
            # short ids, with the full name in the tooltip and the data role.
            age = fmt.ago(v.created_at) or "age unknown"
            item = QListWidgetItem(f"{fmt.volume_name(v)}  ·  created {age}")
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            item.setToolTip(f"{v.name}\nlabels: {fmt.pairs(v.labels) or 'none'}")
            self.list.addItem(item)
        which = "unused volumes" if self.include_named.isChecked() else "unused anonymous volumes"
        if volumes:
            n = len(volumes)
            self.summary.setText(
                f"These {n} {which} will be removed with their data. "
                "No container, running or stopped, uses them."
            )
        else:
            self.summary.setText(f"There are no {which}: nothing to prune.")
        self.prune_button.setEnabled(bool(volumes) and self._prune_task is None)

    def _prune(self) -> None:
        if self.preview is None or not self.preview or self._prune_task is not None:
            return
        self.prune_button.setEnabled(False)
        self.include_named.setEnabled(False)
        self.summary.setText(f"Removing {len(self.preview)} volumes…")
        self._prune_task = (
            tasks.run(self, "Pruning volumes", self.engine.prune, self.names)
            .done(self._pruned)
            .always(self._prune_settled)
        )

    def _pruned(self, result: object) -> None:
        self.pruned.emit(result)
        self.accept()

    def _prune_settled(self) -> None:
        self._prune_task = None
        self.include_named.setEnabled(True)
        if self.isVisible():  # failed: let the user look again
            self.load_preview()
