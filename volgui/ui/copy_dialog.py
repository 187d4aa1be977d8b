"""Copy a volume to another engine: which engine, under what name, what is there already.

The engines come from the sidebar (their keys and names), plus "Another
address…" for one typed in. What the target holds is read from the
snapshot the sidebar keeps for it, or once on a worker when none is kept.
A name taken there is said in words and the copy stays refused until the
user ticks "Replace its files" (the engine refuses too, without it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, Snapshot
from volgui.engine.errors import InvalidInput
from volgui.ui import errors, tasks
from volgui.ui import format as fmt
from volgui.ui.name_check import check_name

OBJECT_NAME = "copyDialog"
ADDRESS = "address:"  # the target key of "Another address…"


class CopyDialog(QDialog):
    """Opened with ``open()``. ``targets``: (key, name) per engine; ``held(key)``:
    the snapshot kept for it or None; ``engine(key)``: its Engine (to read one).

    Signals: ``copy_accepted(key, name, replace)``; for "Another address…" the
    key is ``"address:" + URL``.
    """

    copy_accepted = Signal(str, str, bool)

    def __init__(
        self,
        volume: str,
        size: int | None,
        targets: Sequence[tuple[str, str]],
        chosen: str | None,
        held: Callable[[str], Snapshot | None],
        engine: Callable[[str], Engine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(self.tr("Copy volume %1 to another engine").replace("%1", volume))
        self.volume = volume
        self._held = held
        self._engine = engine
        self._names: dict[str, frozenset[str]] = {}  # key -> the volume names it holds
        self._reading: set[str] = set()
        self._unread: dict[str, str] = {}  # key -> why its volumes could not be read
        self.target = QComboBox(objectName="copyTarget")
        for key, name in targets:
            self.target.addItem(name, key)
        self.target.addItem(self.tr("Another address…"), ADDRESS)
        if chosen is not None and self.target.findData(chosen) >= 0:
            self.target.setCurrentIndex(self.target.findData(chosen))
        self.address = QLineEdit(objectName="copyAddress")
        self.address.setPlaceholderText("ssh://user@host · tcp://host:2376 · unix:///path.sock")
        self.name = QLineEdit(volume, objectName="copyName")
        self.size = QLabel(
            fmt.size(size) if size else self.tr("not known (Compute sizes tells)"),
            objectName="copySize",
        )
        self.note = QLabel(objectName="copyNote", wordWrap=True)
        self.replace = QCheckBox(self.tr("Replace its files"), objectName="copyReplace")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Copy"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Volume"), QLabel(f"<b>{volume}</b>"))
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("To engine"), self.target)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Name there"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.replace)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.name.textChanged.connect(self._check)
        self.address.textChanged.connect(self._check)
        self.replace.toggled.connect(self._check)
        self._target_changed()

    def key(self) -> str:
        key = str(self.target.currentData())
        return ADDRESS + self.address.text().strip() if key == ADDRESS else key

    @property
    def reading(self) -> bool:
        """The target's volume names are being read."""
        return bool(self._reading)

    def _target_changed(self, *_: object) -> None:
        key = str(self.target.currentData())
        self.form.setRowVisible(self.address, key == ADDRESS)  # its label too
        if key != ADDRESS and key not in self._names:
            held = self._held(key)
            if held is not None:
                self._names[key] = frozenset(v.name for v in held.volumes)
            elif key not in self._reading:
                self._reading.add(key)
                what = self.tr("Reading the target's volumes")
                task = tasks.run(self, what, self._engine(key).snapshot)
                task.done(lambda snap, key=key: self._read(key, snap))
                task.fail(lambda exc, key=key: self._unreadable(key, exc))
        self._check()

    def _read(self, key: str, snap: Snapshot) -> None:
        self._names[key] = frozenset(v.name for v in snap.volumes)
        self._unread.pop(key, None)
        self._read_settled(key)

    def _unreadable(self, key: str, exc: BaseException) -> None:
        """Said in the note, not in a box; read again when chosen again."""
        self._unread[key] = errors.describe(exc, self.tr("Reading the target's volumes"))
        self._read_settled(key)

    def _read_settled(self, key: str) -> None:
        self._reading.discard(key)
        self._check()

    def _problem(self) -> str:
        name = self.name.text().strip()
        try:
            check_name(name, "volume")
        except InvalidInput as e:
            return str(e)
        if self.key() == ADDRESS:
            return self.tr("Type the engine's address.")
        return ""

    def taken(self) -> bool:
        """A volume of the chosen name is on the target already (as far as it is known)."""
        return self.name.text().strip() in self._names.get(self.key(), frozenset())

    def _check(self, *_: object) -> None:
        problem = self._problem()
        taken = not problem and self.taken()
        self.replace.setVisible(taken)
        if problem:
            self.note.setText(problem)
        elif taken:
            self.note.setText(
                self.tr(
                    "A volume named %1 exists on %2 already. Copying replaces its files "
                    "with this volume's; tick below to agree."
                )
                .replace("%1", self.name.text().strip())
                .replace("%2", self.target.currentText())
            )
        elif self.key() in self._reading:
            self.note.setText(self.tr("Reading what the target holds…"))
        elif self.key().startswith(ADDRESS) or self.key() in self._unread:
            # Not known: the copy itself refuses a name that is taken there.
            note = self.tr(
                "What that engine holds is not known; the copy stops if it has a volume "
                "of that name."
            )
            if self.key() in self._unread:
                note = self._unread[self.key()] + "\n" + note
            self.note.setText(note)
        else:
            self.note.setText(self.tr("A new volume is made there; nothing here changes."))
        self.ok.setEnabled(not problem and (not taken or self.replace.isChecked()))

    def _try_accept(self) -> None:
        self._check()
        if not self.ok.isEnabled():
            return
        replace = self.taken() and self.replace.isChecked()
        self.copy_accepted.emit(self.key(), self.name.text().strip(), replace)
        self.accept()
