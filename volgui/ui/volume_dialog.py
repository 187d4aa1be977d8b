"""The New volume dialog: name, driver, options and labels, validated as you type.

Options and labels are ``key=value`` rows, one per line. Nothing is sent
until every field is valid (DESIGN rule 7); the engine's answer (e.g. the
name was taken meanwhile) goes to the one error path and the dialog stays.
Signals: ``created(Volume)``.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Signal
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
from volgui.engine.validate import check_name
from volgui.ui import colours, tasks

OBJECT_NAME = "volumeDialog"


def parse_pairs(text: str, kind: str) -> dict[str, str]:
    """'a=1\\nb=' -> {'a': '1', 'b': ''}; refuse rows without a key or repeated keys."""
    pairs: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InvalidInput(f"{kind} row {n} ({line.strip()!r}) is not key=value")
        if key in pairs:
            raise InvalidInput(f"{kind} {key!r} is given twice")
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
        self.setWindowTitle("New volume")
        self.engine = engine
        self.existing = set(existing)
        self.task: tasks.Task | None = None

        self.name = QLineEdit(objectName="volumeName", placeholderText="e.g. shop-pgdata")
        self.driver = QLineEdit("local", objectName="volumeDriver")
        self.options = QPlainTextEdit(objectName="volumeOptions")
        self.options.setPlaceholderText("key=value, one per line\ne.g. type=tmpfs")
        self.labels = QPlainTextEdit(objectName="volumeLabels")
        self.labels.setPlaceholderText("key=value, one per line\ne.g. app=shop")
        for edit in (self.options, self.labels):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4 + 12)
        self.problem = QLabel(objectName="volumeProblem", wordWrap=True)
        self.problem.setStyleSheet(f"color: {colours.danger().name()}")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create")
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Driver:", self.driver)
        form.addRow("&Options:", self.options)
        form.addRow("&Labels:", self.labels)
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
        self.resize(420, self.sizeHint().height())
        self.validate()

    def values(self) -> tuple[str, str, dict[str, str], dict[str, str]]:
        """The form's values; raises InvalidInput naming the first problem."""
        name = self.name.text().strip()
        check_name(name, "volume")
        if name in self.existing:
            raise InvalidInput(f"volume {name} already exists; choose another name")
        driver = self.driver.text().strip()
        if not driver:
            raise InvalidInput("the driver is empty (the usual one is 'local')")
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
                f"Creating volume {name}",
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
