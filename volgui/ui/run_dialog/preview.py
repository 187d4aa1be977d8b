"""The `docker run` line of the form (``commandPreview``), editable, with Copy and a compose view.

The form writes the line with :meth:`CommandPreview.show_spec`; a user's edit
that parses is announced as ``spec_edited(RunSpec)``; one that does not parse
shows the parser's message under the line and announces nothing, so the form
keeps its last good state. The compose toggle shows the same spec as a
compose service (read-only YAML from :mod:`volgui.engine.compose`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.compose import to_compose
from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import RunSpec, parse_command
from volgui.ui.run_dialog.marks import danger_text


class CommandPreview(QWidget):
    """Signals: ``spec_edited(RunSpec)`` when an edited line parses,
    ``parse_state(str)`` with the parser's message ("" when the line is good)."""

    spec_edited = Signal(object)
    parse_state = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.editor = QPlainTextEdit(objectName="commandPreview")
        self.editor.setFont(mono)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.compose = QPlainTextEdit(objectName="composePreview", readOnly=True)
        self.compose.setFont(mono)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.editor)
        self.pages.addWidget(self.compose)
        self.message = QLabel(objectName="commandError", wordWrap=True)
        danger_text(self.message)
        self.message.hide()
        self.copy_button = QPushButton(objectName="copyCommand")
        self.copy_button.clicked.connect(self.copy)
        self.compose_button = QPushButton(objectName="composeToggle", checkable=True)
        self.compose_button.toggled.connect(self._toggle_compose)
        self.title = QLabel(objectName="commandTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.compose_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.spec: RunSpec | None = None
        self._writing = False
        self.editor.textChanged.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        """Our words around the line (the line itself is docker's)."""
        self.title.setText("<b>{}</b>".format(self.tr("Command")))
        self.editor.setPlaceholderText(self.tr("docker run … (paste a line: the form follows)"))
        self.editor.setToolTip(self.tr("The docker run line of the form; edit or paste one here"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the docker run line (or the compose YAML shown)"))
        self.compose_button.setText(self.tr("Compose"))
        self.compose_button.setToolTip(self.tr("Show the same container as a compose service"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def error(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def text(self) -> str:
        return self.editor.toPlainText()

    def show_spec(self, spec: RunSpec | None, line: str | None = None) -> None:
        """Write the form's line (``line`` overrides the spec's own rendering)."""
        self.spec = spec
        text = line if line is not None else (spec.to_command() if spec is not None else "")
        if text != self.editor.toPlainText():
            self._writing = True
            try:
                self.editor.setPlainText(text)
            finally:
                self._writing = False
        self._set_error("")
        if self.compose_button.isChecked():
            self._render_compose()

    def _set_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.parse_state.emit(text)

    def _edited(self) -> None:
        if self._writing or self.editor.isReadOnly():
            return
        try:
            spec = parse_command(self.editor.toPlainText())
        except InvalidInput as e:
            self._set_error(str(e))
            return
        self.spec = spec
        self._set_error("")
        self.spec_edited.emit(spec)

    def _render_compose(self) -> None:
        self.compose.setPlainText(to_compose(self.spec) if self.spec is not None else "")

    def _toggle_compose(self, on: bool) -> None:
        if on:
            self._render_compose()
        self.pages.setCurrentWidget(self.compose if on else self.editor)

    def copy(self) -> None:
        shown = self.compose if self.compose_button.isChecked() else self.editor
        QGuiApplication.clipboard().setText(shown.toPlainText())

    def set_read_only(self, on: bool) -> None:
        self.editor.setReadOnly(on)
