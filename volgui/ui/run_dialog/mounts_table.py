"""The mounts table: type, source, destination, read-only, one row per mount.

A volume is picked from the named volumes or typed as a new one; a bind
source is typed or chosen with a folder chooser. Each row keeps the
``MountSpec`` it came from, so a mount read from a line (``--mount`` with its
options, ``-v`` with ``nocopy``) goes back out the same unless edited. In
change mode the container's current mounts are fixed (remove them, or flip
read-only) and the new one is highlighted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.errors import InvalidInput
from volgui.engine.model import Mount, MountType
from volgui.engine.runspec import MountSpec
from volgui.engine.runspec.mount_flag import parse_mount
from volgui.ui import colours
from volgui.ui.run_dialog.marks import mark_bad

TYPES: tuple[MountType, ...] = ("volume", "bind", "tmpfs")
_NO_ITEMS = QStringListModel()  # a bind or tmpfs row offers no list


def reparse(m: MountSpec) -> MountSpec:
    """``m`` read back from its own flag: the parser's check, and its message."""
    flag, value = m.to_args()
    read = {
        "-v": MountSpec.from_volume_flag,
        "--mount": parse_mount,
        "--tmpfs": MountSpec.from_tmpfs_flag,
    }[flag]
    again = read(value)
    if again.type != m.type:
        words = QCoreApplication.translate(
            "MountsTable",
            "{source} reads as a {type} source: choose type {type}, or give a volume name",
        )
        raise InvalidInput(words.format(source=repr(m.source), type=again.type))
    return again


@dataclass
class _Row:
    box: QWidget
    kind: QComboBox
    source: QComboBox
    browse: QToolButton
    destination: QLineEdit
    read_only: QCheckBox
    remove: QToolButton
    original: MountSpec | None
    fixed: bool  # change mode: a mount the container has; only remove / read-only


_TYPE_WIDTH, _RO_WIDTH, _REMOVE_WIDTH = 90, 70, 28
# The header: (title, width; 0 stretches); the "Type" column's values stay docker's words.
_HEADER = (
    (QT_TRANSLATE_NOOP("MountsTable", "Type"), _TYPE_WIDTH),
    (QT_TRANSLATE_NOOP("MountsTable", "Source"), 0),
    (QT_TRANSLATE_NOOP("MountsTable", "Destination"), 0),
    (QT_TRANSLATE_NOOP("MountsTable", "Read-only"), _RO_WIDTH),
    ("", _REMOVE_WIDTH),
)


class MountsTable(QFrame):
    """Signals: ``changed()`` after any edit, add or removal.

    Rows of plain widgets in a box layout, not an item view with cell widgets:
    a drop opens the dialog, and cell widgets cost milliseconds each.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mountsTable")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.volumes = QStringListModel(self)  # one list for every volume row's chooser
        self.rows: list[_Row] = []
        self.highlighted: int | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(4, 4, 4, 4)
        self.box.setSpacing(2)
        header = QHBoxLayout()
        self.header: list[QLabel] = []
        for _text, width in _HEADER:
            label = QLabel()
            self.header.append(label)
            if width:
                label.setFixedWidth(width)
                header.addWidget(label)
            else:
                header.addWidget(label, 1)
        self.box.addLayout(header)
        self.empty = QLabel(objectName="noMounts")
        self.empty.setEnabled(False)
        self.box.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        """Header, placeholders and tooltips in the window's language."""
        for label, (text, _width) in zip(self.header, _HEADER, strict=True):
            label.setText(f"<b>{self.tr(text)}</b>" if text else "")
        self.empty.setText(self.tr("No mounts"))
        for row in self.rows:
            self._retranslate_row(row)

    def _retranslate_row(self, row: _Row) -> None:
        row.browse.setToolTip(self.tr("Choose a host folder"))
        row.destination.setPlaceholderText(self.tr("/path/in/container"))
        row.remove.setToolTip(self.tr("Remove this mount"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- building rows ------------------------------------------------------

    def set_volumes(self, names: Iterable[str]) -> None:
        self.volumes.setStringList(sorted(names))

    def _fill_sources(self, row: _Row) -> None:
        text = row.source.currentText()
        row.source.blockSignals(True)
        row.source.setModel(self.volumes if row.kind.currentText() == "volume" else _NO_ITEMS)
        row.source.setEditText(text)
        row.source.blockSignals(False)

    def add_mount(
        self, spec: MountSpec | None = None, fixed: bool = False, highlight: bool = False
    ) -> int:
        """Append a row (empty when ``spec`` is None); return its index."""
        box = QWidget(objectName="mountRow")
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        kind = QComboBox(objectName="mountType")
        kind.addItems(TYPES)
        kind.setFixedWidth(_TYPE_WIDTH)
        source = QComboBox(objectName="mountSource", editable=True)
        source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Not sized to its items: measuring 2,000 volume names would hold up the dialog.
        source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        source.setMinimumContentsLength(12)
        browse = QToolButton(text="…", objectName="mountBrowse")
        destination = QLineEdit(objectName="mountDestination")
        read_only = QCheckBox(objectName="mountReadOnly")
        read_only.setFixedWidth(_RO_WIDTH)
        remove = QToolButton(text="✕", objectName="mountRemove")
        remove.setFixedWidth(_REMOVE_WIDTH)
        row = _Row(box, kind, source, browse, destination, read_only, remove, spec, fixed)
        self.rows.append(row)
        self._retranslate_row(row)
        if spec is not None:
            kind.setCurrentText(spec.type)
            source.setEditText(spec.source or "")
            destination.setText(spec.destination)
            read_only.setChecked(spec.read_only)
        self._fill_sources(row)
        line.addWidget(kind)
        line.addWidget(source, 1)
        line.addWidget(browse)
        line.addWidget(destination, 1)
        line.addWidget(read_only)
        line.addWidget(remove)
        self.box.addWidget(box)
        self.empty.hide()
        kind.currentTextChanged.connect(lambda _t, row=row: self._kind_changed(row))
        source.editTextChanged.connect(lambda _t: self.changed.emit())
        destination.textEdited.connect(lambda _t: self.changed.emit())
        read_only.toggled.connect(lambda _on: self.changed.emit())
        remove.clicked.connect(lambda _c=False, row=row: self.remove_row(self.rows.index(row)))
        browse.clicked.connect(lambda _c=False, row=row: self._choose_folder(row))
        self._update_enabled(row)
        r = len(self.rows) - 1
        if highlight:
            self.highlight(r)
        self.changed.emit()
        return r

    def _kind_changed(self, row: _Row) -> None:
        self._fill_sources(row)
        self._update_enabled(row)
        self.changed.emit()

    def _update_enabled(self, row: _Row) -> None:
        kind = row.kind.currentText()
        editable = not row.fixed
        row.kind.setEnabled(editable)
        row.source.setEnabled(editable and kind != "tmpfs")
        row.browse.setVisible(kind == "bind")
        row.browse.setEnabled(editable)
        row.destination.setReadOnly(not editable)

    def _choose_folder(self, row: _Row) -> None:
        title = self.tr("Host folder to mount")
        dialog = QFileDialog(self, title, row.source.currentText() or "/")
        dialog.setObjectName("bindFolderChooser")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(row.source.setEditText)
        dialog.open()

    def remove_row(self, index: int) -> None:
        row = self.rows.pop(index)
        row.box.hide()
        row.box.deleteLater()
        self.empty.setVisible(not self.rows)
        if self.highlighted is not None:
            if self.highlighted == index:
                self.highlighted = None
            elif self.highlighted > index:
                self.highlighted -= 1
        self.changed.emit()

    def set_mounts(self, specs: Sequence[MountSpec]) -> None:
        while self.rows:
            self.remove_row(len(self.rows) - 1)
        self.highlighted = None
        for spec in specs:
            self.add_mount(spec)

    def highlight(self, index: int) -> None:
        """Tint a row (the mount a drop added) so it stands out from the others."""
        self.highlighted = index
        row = self.rows[index]
        tint = colours.mix(
            self.palette().color(QPalette.ColorRole.Base),
            self.palette().color(QPalette.ColorRole.Highlight),
            0.25,
        )
        for w in (row.source, row.destination):
            p = w.palette()
            p.setColor(QPalette.ColorRole.Base, tint)
            w.setPalette(p)

    def focus_destination(self, index: int) -> None:
        edit = self.rows[index].destination
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    # -- reading ------------------------------------------------------------

    def _spec(self, row: _Row) -> MountSpec:
        kind = row.kind.currentText()
        source = row.source.currentText().strip() or None
        dest = row.destination.text().strip()
        ro = row.read_only.isChecked()
        orig = row.original
        if orig is not None and orig.type == kind:
            return replace(
                orig, source=source if kind != "tmpfs" else None, destination=dest, read_only=ro
            )
        if kind == "tmpfs":
            return MountSpec("tmpfs", dest, None, ro, "tmpfs")
        return MountSpec(kind, dest, source, ro, "volume")  # type: ignore[arg-type]

    def mounts(self) -> tuple[list[MountSpec], list[str]]:
        """The rows as MountSpecs (the good ones) and a message per bad row."""
        good, problems = [], []
        for n, row in enumerate(self.rows, 1):
            try:
                good.append(reparse(self._spec(row)))
                row.destination.setToolTip("")
                mark_bad(row.destination, False)
            except InvalidInput as e:
                problems.append(self.tr("mount %1: %2").replace("%1", str(n)).replace("%2", str(e)))
                row.destination.setToolTip(str(e))
                mark_bad(row.destination, True)
        return good, problems

    def engine_mounts(self) -> list[Mount]:
        """The rows as the engine model's Mounts (what change mode plans with)."""
        specs, _ = self.mounts()
        return [Mount("", m.type, m.source, m.destination, m.read_only) for m in specs]
