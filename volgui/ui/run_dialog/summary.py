"""Change mode's summary: what will happen in plain words, the plan's warnings,
and the writable-layer check (DESIGN rule 3) with its "discard these changes" box."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from volgui.ui import colours


class ChangeSummary(QWidget):
    """Signals: ``gate_changed()`` when the discard box is ticked or unticked."""

    gate_changed = Signal()
    SHOWN = 15  # changed paths listed; the rest counted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QLabel(objectName="changeSummary", wordWrap=True)
        self.drop_note = QLabel(objectName="dropNote", wordWrap=True)
        self.drop_note.hide()
        self.notes = QLabel(objectName="changeWarnings", wordWrap=True)
        self.notes.hide()
        self.layer = QGroupBox(objectName="layerWarning")
        self.layer_text = QLabel(wordWrap=True)
        self.paths = QLabel(objectName="layerChanges", wordWrap=False)
        self.paths.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.discard = QCheckBox(objectName="discardChanges")
        self.discard.toggled.connect(lambda _on: self.gate_changed.emit())
        box = QVBoxLayout(self.layer)
        box.addWidget(self.layer_text)
        box.addWidget(self.paths)
        box.addWidget(self.discard)
        self.layer.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drop_note)
        layout.addWidget(self.words)
        layout.addWidget(self.notes)
        layout.addWidget(self.layer)
        self.changes: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        """The box's texts in the window's language (the engine's warnings stay as said)."""
        self.layer.setTitle(self.tr("Files written inside the container"))
        self.discard.setText(self.tr("Discard these changes"))
        self.discard.setToolTip(
            self.tr("Replacing the container throws away what it wrote outside its volumes")
        )
        if self.changes:
            self._show_changes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_words(self, text: str) -> None:
        self.words.setText(text)

    def set_drop_note(self, text: str) -> None:
        """What the drop itself met (it stays while the mounts are edited)."""
        self.drop_note.setText(f"<b>{escape(text)}</b>")
        self.drop_note.setVisible(bool(text))

    def set_note(self, text: str, danger: bool = False) -> None:
        colour = colours.danger(self.palette()) if danger else colours.muted(self.palette())
        self.notes.setText(f"<span style='color:{colour.name()}'>{escape(text)}</span>")
        self.notes.setVisible(bool(text))

    def set_plan(self, plan: Any | None) -> None:
        """Show a RecreatePlan's warnings and writable-layer changes (None: clear)."""
        warnings: Sequence[str] = plan.warnings if plan is not None else ()
        self.set_note("\n".join(f"• {w}" for w in warnings if "changed path" not in w))
        self.set_changes(plan.changes if plan is not None else ())

    def set_changes(self, changes: Sequence[str]) -> None:
        self.changes = tuple(changes)
        self.layer.setVisible(bool(self.changes))
        if not self.changes:
            self.discard.setChecked(False)
            return
        self._show_changes()

    def _show_changes(self) -> None:
        n = len(self.changes)
        self.layer_text.setText(
            self.tr(
                "The container changed %n path(s) in its own layer, outside any volume. "
                "The new container starts without them.",
                "",
                n,
            )
        )
        shown = list(self.changes[: self.SHOWN])
        if n > self.SHOWN:
            shown.append(self.tr("… and %n more", "", n - self.SHOWN))
        self.paths.setText("\n".join(shown))

    def blocked(self) -> str:
        """Why OK must wait ("" when it need not)."""
        if self.changes and not self.discard.isChecked():
            return self.tr("tick “Discard these changes” (or move those files into a volume first)")
        return ""
