"""Prune…: show exactly which volumes would go, then remove exactly those.

The list comes from ``engine.prune_preview`` (anonymous unused volumes,
plus named ones when asked). Pruning passes that very list to
``engine.prune``, which removes the names one by one and keeps (and
reports) any that became used meanwhile (DESIGN rule 4).
Signals: ``pruned(PruneResult)``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
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
        self.engine = engine
        self.preview: list[Volume] | None = None
        self._preview_task: tasks.Task | None = None
        self._prune_task: tasks.Task | None = None

        self.include_named = QCheckBox(objectName="includeNamed")
        self.include_named.toggled.connect(self.load_preview)
        self.summary = QLabel(objectName="pruneSummary", wordWrap=True)
        self.list = QListWidget(objectName="pruneList")
        # Remove is our own button: Qt resets a standard button's text on a language change.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.prune_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.prune_button.setObjectName("pruneRemove")
        self.buttons.accepted.connect(self._prune)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.include_named)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(480, 360)
        self.retranslate()
        self.load_preview()

    def retranslate(self) -> None:
        """Every text of the dialog, in the window's language (and again on a change)."""
        self.setWindowTitle(self.tr("Prune unused volumes"))
        self.include_named.setText(self.tr("Include &named volumes (not only anonymous ones)"))
        self.prune_button.setText(self.tr("Remove these volumes"))
        self._fill_list()
        self._write_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        self._write_summary()
        self._preview_task = tasks.run(
            self,
            self.tr("Listing unused volumes"),
            self.engine.prune_preview,
            self.include_named.isChecked(),
        ).done(self._show_preview)

    def _show_preview(self, volumes: list[Volume]) -> None:
        self._preview_task = None
        self.preview = list(volumes)
        self.list.setEnabled(True)
        self._fill_list()
        self._write_summary()
        self.prune_button.setEnabled(bool(volumes) and self._prune_task is None)

    def _fill_list(self) -> None:
        self.list.clear()
        for v in self.preview or ():
            # Anonymous names are 64 hex digits: the short form, like docker's
            # short ids, with the full name in the tooltip and the data role.
            age = fmt.ago(v.created_at) or self.tr("age unknown")
            text = self.tr("{name}  ·  created {age}").format(name=fmt.volume_name(v), age=age)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            labels = fmt.pairs(v.labels) or self.tr("none")
            item.setToolTip(self.tr("{name}\nlabels: {labels}").format(name=v.name, labels=labels))
            self.list.addItem(item)

    def _write_summary(self) -> None:
        """The line above the list, from the state: looking, found, removing."""
        named = self.include_named.isChecked()
        if self._prune_task is not None:
            text = self.tr("Removing %n volume(s)…", "", len(self.names))
        elif self.preview is None:
            text = self.tr("Looking for volumes no container uses…")
        elif self.preview:
            n = len(self.preview)
            if named:
                text = self.tr("These %n unused volume(s) will be removed with their data.", "", n)
            else:
                text = self.tr(
                    "These %n unused anonymous volume(s) will be removed with their data.", "", n
                )
            text += " " + self.tr("No container, running or stopped, uses them.")
        elif named:
            text = self.tr("There are no unused volumes: nothing to prune.")
        else:
            text = self.tr("There are no unused anonymous volumes: nothing to prune.")
        self.summary.setText(text)

    def _prune(self) -> None:
        if self.preview is None or not self.preview or self._prune_task is not None:
            return
        self.prune_button.setEnabled(False)
        self.include_named.setEnabled(False)
        self._prune_task = (
            tasks.run(self, self.tr("Pruning volumes"), self.engine.prune, self.names)
            .done(self._pruned)
            .always(self._prune_settled)
        )
        self._write_summary()

    def _pruned(self, result: object) -> None:
        self.pruned.emit(result)
        self.accept()

    def _prune_settled(self) -> None:
        self._prune_task = None
        self.include_named.setEnabled(True)
        if self.isVisible():  # failed: let the user look again
            self.load_preview()
