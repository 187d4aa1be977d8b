"""Add or edit one engine: a name and an address (unix, tcp with or without TLS, ssh)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.engines import AddedEngine
from volgui.engine.errors import InvalidInput


class EngineDialog(QDialog):
    """A small form; opened with ``open()``. Checks before it closes.

    Signals: ``engine_accepted(AddedEngine)`` when OK is pressed on a valid
    engine. ``taken`` names that may not be used (other added engines).
    """

    engine_accepted = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        engine: AddedEngine | None = None,
        taken: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("engineDialog")
        self.setWindowTitle(self.tr("Edit engine") if engine else self.tr("Add engine"))
        self.taken = taken
        self.name = QLineEdit(engine.name if engine else "")
        self.name.setObjectName("engineName")
        self.host = QLineEdit(engine.host if engine else "")
        self.host.setObjectName("engineHost")
        self.host.setPlaceholderText("ssh://user@host · tcp://host:2376 · unix:///path/docker.sock")
        self.tls_dir = QLineEdit(engine.tls_dir if engine else "")
        self.tls_dir.setObjectName("engineTlsDir")
        self.tls_dir.setPlaceholderText(self.tr("directory with ca.pem, cert.pem, key.pem"))
        self.skip_verify = QCheckBox(self.tr("Do not verify the engine's certificate"))
        self.skip_verify.setChecked(bool(engine and engine.skip_tls_verify))
        self.error = QLabel()
        self.error.setObjectName("engineError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.host)
        form.addRow(self.tr("TLS"), self.tls_dir)
        form.addRow("", self.skip_verify)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> AddedEngine:
        return AddedEngine(
            name=self.name.text().strip(),
            host=self.host.text().strip(),
            tls_dir=self.tls_dir.text().strip(),
            skip_tls_verify=self.skip_verify.isChecked(),
        )

    def _try_accept(self) -> None:
        engine = self.value()
        try:
            engine.check()
            if engine.name in self.taken:
                taken = self.tr("an engine named %1 exists already")
                raise InvalidInput(taken.replace("%1", repr(engine.name)))
        except InvalidInput as e:
            self.error.setText(str(e))
            self.error.show()
            return
        self.engine_accepted.emit(engine)
        self.accept()
