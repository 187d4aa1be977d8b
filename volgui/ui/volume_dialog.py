"""The New volume dialog: name, driver, options and labels, validated as you type.

Options and labels are ``key=value`` rows, one per line. Nothing is sent
until every field is valid (DESIGN rule 7); the engine's answer (e.g. the
name was taken meanwhile) goes to the one error path and the dialog stays.
Signals: ``created(Volume)``.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, InvalidInput, Volume
from volgui.ui import colours, tasks
from volgui.ui.name_check import check_name

OBJECT_NAME = "volumeDialog"


def parse_pairs(text: str, kind: str) -> dict[str, str]:
    """'a=1\\nb=' -> {'a': '1', 'b': ''}; refuse rows without a key or repeated keys.

    ``kind`` is "option" or "label"; the refusal is in the window's language.
    """
    pairs: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key:
            if kind == "option":
                bad = QCoreApplication.translate(
                    "VolumeDialog", "option row {row} ({text}) is not key=value"
                )
            else:
                bad = QCoreApplication.translate(
                    "VolumeDialog", "label row {row} ({text}) is not key=value"
                )
            raise InvalidInput(bad.format(row=n, text=repr(line.strip())))
        if key in pairs:
            if kind == "option":
                twice = QCoreApplication.translate("VolumeDialog", "option {key} is given twice")
            else:
                twice = QCoreApplication.translate("VolumeDialog", "label {key} is given twice")
            raise InvalidInput(twice.format(key=repr(key)))
        pairs[key] = value.strip()
    return pairs


class VolumeDialog(QDialog):
    """Create a volume. Signals: ``created(Volume)``."""

    created = Signal(object)

    def __init__(
        self, engine: Engine, existing: Collection[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.engine = engine
        self.existing = set(existing)
        self.task: tasks.Task | None = None

        self.name = QLineEdit(objectName="volumeName")
        self.driver = QLineEdit("local", objectName="volumeDriver")
        self.options = QPlainTextEdit(objectName="volumeOptions")
        self.labels = QPlainTextEdit(objectName="volumeLabels")
        for edit in (self.options, self.labels):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4 + 12)
        self.problem = QLabel(objectName="volumeProblem", wordWrap=True)
        self.problem.setStyleSheet(f"color: {colours.danger().name()}")
        # Cancel is Qt's standard button (Qt's own translation names it); Create is
        # ours: a standard button's text would be reset by Qt on a language change.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("volumeCreate")
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.form_labels: list[QLabel] = []
        for field in (self.name, self.driver, self.options, self.labels):
            label = QLabel()
            label.setBuddy(field)
            self.form_labels.append(label)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (
            self.name.textChanged,
            self.driver.textChanged,
            self.options.textChanged,
            self.labels.textChanged,
        ):
            signal.connect(self.validate)
        self.retranslate()
        self.resize(420, self.sizeHint().height())

    def retranslate(self) -> None:
        """Every text of the dialog, in the window's language (and again on a change)."""
        self.setWindowTitle(self.tr("New volume"))
        self.name.setPlaceholderText(self.tr("e.g. shop-pgdata"))
        self.options.setPlaceholderText(self.tr("key=value, one per line\ne.g. type=tmpfs"))
        self.labels.setPlaceholderText(self.tr("key=value, one per line\ne.g. app=shop"))
        self.create_button.setText(self.tr("Create"))
        texts = (self.tr("&Name:"), self.tr("&Driver:"), self.tr("&Options:"), self.tr("&Labels:"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def values(self) -> tuple[str, str, dict[str, str], dict[str, str]]:
        """The form's values; raises InvalidInput naming the first problem."""
        name = self.name.text().strip()
        check_name(name, "volume")
        if name in self.existing:
            taken = self.tr("volume {name} already exists; choose another name")
            raise InvalidInput(taken.format(name=name))
        driver = self.driver.text().strip()
        if not driver:
            raise InvalidInput(self.tr("the driver is empty (the usual one is 'local')"))
        options = parse_pairs(self.options.toPlainText(), "option")
        labels = parse_pairs(self.labels.toPlainText(), "label")
        return name, driver, options, labels

    def validate(self) -> bool:
        try:
            self.values()
        except InvalidInput as e:
            # An empty name is the starting state, not a mistake worth red text.
            self.problem.setText("" if not self.name.text().strip() else str(e))
            self.create_button.setEnabled(False)
            return False
        self.problem.setText("")
        self.create_button.setEnabled(self.task is None)
        return True

    def _create(self) -> None:
        if self.task is not None or not self.validate():
            return
        name, driver, options, labels = self.values()
        self.create_button.setEnabled(False)
        self.task = (
            tasks.run(
                self,
                self.tr("Creating volume {name}").format(name=name),
                self.engine.create_volume,
                name,
                driver,
                options,
                labels,
            )
            .done(self._created)
            .always(self._settled)
        )

    def _created(self, volume: Volume) -> None:
        self.created.emit(volume)
        self.accept()

    def _settled(self) -> None:
        self.task = None
        self.validate()
