"""The run dialog's form: the common settings, the mounts table, and the other flags.

:meth:`RunForm.set_spec` fills it from a RunSpec; :meth:`RunForm.read` builds
the RunSpec it shows, keeping every setting it has no field for from the spec
it was filled with, and puts each field's message next to that field.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import RunSpec
from volgui.ui.name_check import check_name
from volgui.ui.run_dialog.flag_sections import FlagSections
from volgui.ui.run_dialog.kv_rows import KeyValueRows
from volgui.ui.run_dialog.marks import danger_text
from volgui.ui.run_dialog.mounts_table import MountsTable

RESTARTS = ("", "no", "always", "unless-stopped", "on-failure")
NETWORKS = ("", "bridge", "host", "none")
# The form's rows: (label, error key); the label is translated when shown.
ROWS = (
    (QT_TRANSLATE_NOOP("RunForm", "Image"), "image"),
    (QT_TRANSLATE_NOOP("RunForm", "Name"), "name"),
    (QT_TRANSLATE_NOOP("RunForm", "Command"), "command"),
    (QT_TRANSLATE_NOOP("RunForm", "Mounts"), "mounts"),
    (QT_TRANSLATE_NOOP("RunForm", "Environment"), "env"),
    (QT_TRANSLATE_NOOP("RunForm", "Labels"), "labels"),
    (QT_TRANSLATE_NOOP("RunForm", "Ports"), "ports"),
    (QT_TRANSLATE_NOOP("RunForm", "Restart"), "restart"),
    (QT_TRANSLATE_NOOP("RunForm", "Network"), "network"),
)


@dataclass
class Reading:
    """What the form holds: the spec (None while something is wrong) and why not."""

    spec: RunSpec | None
    problems: list[str] = field(default_factory=list)


def _check(**fields: Any) -> None:
    """Validate some fields on their own (a stand-in image, checked separately)."""
    RunSpec(image="x", **fields).validate()


class RunForm(QWidget):
    """Signals: ``changed()`` after any edit the user makes."""

    changed = Signal()

    def __init__(self, flags: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = RunSpec(image="")
        self.errors: dict[str, QLabel] = {}
        self.image = QComboBox(objectName="runImage", editable=True)
        self.image.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.image.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.image.setMinimumContentsLength(20)
        self.name = QLineEdit(objectName="runName")
        self.command = QLineEdit(objectName="runCommand")
        self.mounts = MountsTable()
        self.add_mount = QPushButton(objectName="addMount")
        self.add_mount.clicked.connect(lambda: self.mounts.add_mount(highlight=False))
        self.env = KeyValueRows("runEnv")
        self.labels = KeyValueRows("runLabels")
        self.ports = QLineEdit(objectName="runPorts", placeholderText="8080:80 127.0.0.1:5432:5432")
        self.restart = QComboBox(objectName="runRestart", editable=True)
        self.restart.addItems(RESTARTS)
        self.network = QComboBox(objectName="runNetwork", editable=True)
        self.network.addItems(NETWORKS)
        self.sections = FlagSections(flags)
        self.general = self._error_label("general")

        form = QFormLayout()
        widgets = {
            "image": self.image,
            "name": self.name,
            "command": self.command,
            "mounts": self.mounts,
            "env": self.env,
            "labels": self.labels,
            "ports": self.ports,
            "restart": self.restart,
            "network": self.network,
        }
        self.row_labels: dict[str, QLabel] = {}
        for _text, key in ROWS:
            label = self.row_labels[key] = QLabel(objectName=f"label_{key}")
            form.addRow(label, self._with_error(key, widgets[key]))
            if key == "mounts":
                form.addRow("", self.add_mount)
        self.more = QLabel(objectName="moreSettings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.more)
        layout.addWidget(self.sections)
        layout.addWidget(self.general)

        for signal in (
            self.image.editTextChanged,
            self.name.textEdited,
            self.command.textEdited,
            self.ports.textEdited,
            self.restart.editTextChanged,
            self.network.editTextChanged,
            self.env.changed,
            self.labels.changed,
            self.mounts.changed,
            self.sections.changed,
        ):
            signal.connect(self.changed)
        self._read_only = False
        self.retranslate()

    def retranslate(self) -> None:
        """Labels and examples in the window's language (the values are the user's)."""
        for text, key in ROWS:
            self.row_labels[key].setText(self.tr(text))
        self.more.setText("<b>{}</b>".format(self.tr("More settings")))
        self.add_mount.setText(self.tr("Add mount"))
        if not self._read_only:  # change mode: an example there would read as a setting
            self.image.lineEdit().setPlaceholderText(self.tr("image, e.g. postgres:16"))
            self.name.setPlaceholderText(self.tr("a name (optional)"))
            self.command.setPlaceholderText(self.tr("the image's command"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _error_label(self, key: str) -> QLabel:
        label = QLabel(objectName=f"error_{key}", wordWrap=True)
        danger_text(label)
        label.hide()
        self.errors[key] = label
        return label

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(key))
        return box

    # -- filling --------------------------------------------------------------

    def set_images(self, tags: list[str]) -> None:
        text = self.image.currentText()
        self.image.blockSignals(True)
        self.image.clear()
        self.image.addItems(tags)
        self.image.setEditText(text)
        self.image.blockSignals(False)

    def set_spec(self, spec: RunSpec, mounts: bool = True) -> None:
        """Show ``spec`` (the mounts too unless ``mounts`` is False); no ``changed``."""
        self.blockSignals(True)
        try:
            self._fill(spec, mounts)
        finally:
            self.blockSignals(False)

    def _fill(self, spec: RunSpec, mounts: bool) -> None:
        self.base = spec
        for w in (self.image, self.restart, self.network):
            w.blockSignals(True)
        try:
            self.image.setEditText(spec.image)
            self.restart.setEditText(spec.restart or "")
            self.network.setEditText(spec.network or "")
        finally:
            for w in (self.image, self.restart, self.network):
                w.blockSignals(False)
        self.name.setText(spec.name or "")
        self.command.setText(shlex.join(spec.command))
        self.ports.setText(" ".join(spec.ports))
        self.env.set_entries(spec.env)
        self.labels.set_pairs(spec.labels)
        self.sections.fill(spec)
        if mounts:
            self.mounts.blockSignals(True)
            try:
                self.mounts.set_mounts(spec.mounts)
            finally:
                self.mounts.blockSignals(False)
        for label in self.errors.values():
            label.hide()

    def set_read_only(self, on: bool) -> None:
        """Change mode: every setting is shown but only the mounts can change."""
        self._read_only = on
        for w in (self.image, self.restart, self.network):
            w.setEnabled(not on)
        for w in (self.name, self.command, self.ports):
            w.setReadOnly(on)
            if on:
                w.setPlaceholderText("")  # an example there would read as a setting
        for t in (self.env, self.labels):
            t.setEnabled(not on)
        self.sections.set_read_only(on)

    # -- reading --------------------------------------------------------------

    def _say(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.setVisible(bool(text))

    def read(self, api_version: str | None = None) -> Reading:
        """The spec the form shows, each bad field's message next to it."""
        problems: list[str] = []
        values: dict[str, Any] = {}

        def field_(key: str, fn: Any) -> None:
            try:
                values[key] = fn()
                self._say(key, "")
            except InvalidInput as e:
                self._say(key, str(e))
                problems.append(str(e))

        def image() -> str:
            text = self.image.currentText().strip()
            RunSpec(image=text).validate()
            return text

        def name() -> str | None:
            text = self.name.text().strip()
            return check_name(text, "container") if text else None

        def command() -> tuple[str, ...]:
            try:
                return tuple(shlex.split(self.command.text()))
            except ValueError as e:
                words = self.tr("cannot read the command: %1").replace("%1", str(e))
                raise InvalidInput(words) from None

        def checked(key: str, value: Any) -> Any:
            _check(**{key: value})
            return value

        field_("image", image)
        field_("name", name)
        field_("command", command)
        field_("env", lambda: checked("env", tuple(self.env.entries())))
        field_("labels", lambda: checked("labels", tuple(self.labels.rows())))
        ports = tuple(w for w in re.split(r"[\s,]+", self.ports.text()) if w)
        field_("ports", lambda: checked("ports", ports))
        field_("restart", lambda: checked("restart", self.restart.currentText().strip() or None))
        field_("network", lambda: checked("network", self.network.currentText().strip() or None))
        mounts, bad = self.mounts.mounts()
        self._say("mounts", "\n".join(bad))
        problems += bad
        values["mounts"] = tuple(mounts)
        if problems:
            return Reading(None, problems)
        spec = replace(self.base, **values)
        spec, bad = self.sections.apply(spec, api_version)
        problems += bad
        try:
            spec.validate()
            self._say("general", "")
        except InvalidInput as e:
            self._say("general", str(e))
            problems.append(str(e))
        return Reading(None if problems else spec, problems)
