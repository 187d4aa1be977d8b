"""The remaining docker-run flags as collapsed sections, one per flag-table group.

Generic over Flag-like objects (``long``, ``kind``, ``field``, ``group``,
``label``, ``help``, ``min_api``, ``values(spec)``, ``with_values(spec, values)``):
the flag table (``volgui.engine.runspec.flags.FLAGS``) in the window.
A flag that takes several values reads them as shell words in one field.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import RunSpec
from volgui.engine.runspec.flags import FLAGS
from volgui.ui.run_dialog.flag_words import words
from volgui.ui.run_dialog.marks import danger_text

# Flags whose fields the common part of the form shows.
COMMON_FIELDS = frozenset(
    {"image", "command", "name", "env", "labels", "mounts", "ports", "restart", "network"}
)


def remaining_flags() -> tuple[Any, ...]:
    """The flags the sections show: the flag table's, minus those the common part shows."""
    flags = FLAGS
    seen: set[str] = set()
    out = []
    for f in flags:
        if f.field in COMMON_FIELDS or f.field in seen:
            continue  # aliases (--net, --net-alias) fill a field another row shows
        seen.add(f.field)
        out.append(f)
    return tuple(out)


def _version(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split(".") if p.isdigit())


class _Field:
    """One flag's editor, its label and its message line."""

    def __init__(self, flag: Any) -> None:
        self.flag = flag
        tip = f"{flag.long}: {flag.help}"  # the docker CLI's own help, as it says it
        self.label: QLabel | None = None
        if flag.kind == "bool":
            self.editor: QWidget = QCheckBox(words(flag.label), toolTip=tip)
        else:
            self.editor = QLineEdit(toolTip=tip, placeholderText=flag.long)
            self.label = QLabel(words(flag.label))
        self.editor.setObjectName("flag" + flag.long)
        self.message = QLabel(objectName="flagError" + flag.long, wordWrap=True)
        danger_text(self.message)
        self.message.hide()

    def set_values(self, values: Sequence[str]) -> None:
        if isinstance(self.editor, QCheckBox):
            self.editor.setChecked(bool(values) and values[-1] != "false")
        else:
            assert isinstance(self.editor, QLineEdit)
            text = values[0] if self.flag.kind == "value" and values else shlex.join(values)
            if self.editor.text() != text:
                self.editor.setText(text)

    def values(self) -> list[str]:
        if isinstance(self.editor, QCheckBox):
            return ["true"] if self.editor.isChecked() else []
        assert isinstance(self.editor, QLineEdit)
        text = self.editor.text()
        if self.flag.kind == "value":
            return [text] if text else []
        try:
            return shlex.split(text)
        except ValueError as e:
            raise InvalidInput(f"{self.flag.long}: {e}") from None

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate(self) -> None:
        if isinstance(self.editor, QCheckBox):
            self.editor.setText(words(self.flag.label))
        elif self.label is not None:
            self.label.setText(words(self.flag.label))


class FlagSections(QWidget):
    """Collapsed sections of flag editors. Signals: ``changed()`` on any edit."""

    changed = Signal()

    def __init__(self, flags: Iterable[Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagSections")
        self.fields: dict[str, _Field] = {}  # the built ones (a section builds when it opens)
        self.sections: dict[str, tuple[QToolButton, QWidget]] = {}
        self.groups: dict[str, list[Any]] = {}
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for flag in remaining_flags() if flags is None else flags:
            self.groups.setdefault(flag.group, []).append(flag)
        for group in self.groups:
            self._section(group, layout)
        layout.addStretch(1)

    def _section(self, group: str, layout: QVBoxLayout) -> None:
        button = QToolButton(text=words(group), checkable=True, objectName=f"section{group}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.setAutoRaise(True)
        names = ", ".join(f.long for f in self.groups[group])
        button.setToolTip(names)
        body = QWidget(objectName=f"sectionBody{group}")
        QFormLayout(body).setContentsMargins(16, 0, 0, 4)
        body.hide()

        def toggle(on: bool) -> None:
            if on:
                self._build(group)
            button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
            body.setVisible(on)

        button.toggled.connect(toggle)
        layout.addWidget(button)
        layout.addWidget(body)
        self.sections[group] = (button, body)

    def _build(self, group: str) -> None:
        """Make a section's editors, the first time it is needed (opening stays quick)."""
        flags = self.groups[group]
        if flags[0].long in self.fields:
            return
        form = self.sections[group][1].layout()
        assert isinstance(form, QFormLayout)
        for flag in flags:
            self._add(flag, form)

    def _add(self, flag: Any, form: QFormLayout) -> None:
        f = _Field(flag)
        self.fields[flag.long] = f
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(0)
        inner.addWidget(f.editor)
        inner.addWidget(f.message)
        if f.label is None:
            form.addRow("", box)
        else:
            form.addRow(f.label, box)
        f.editor.setEnabled(not self._read_only)
        if isinstance(f.editor, QCheckBox):
            f.editor.toggled.connect(self.changed)
        else:
            assert isinstance(f.editor, QLineEdit)
            f.editor.textEdited.connect(self.changed)

    def field(self, long: str) -> _Field:
        """The editor of flag ``long`` (its section built if it was not)."""
        for group, flags in self.groups.items():
            if any(f.long == long for f in flags):
                self._build(group)
        return self.fields[long]

    def expand(self, group: str, on: bool = True) -> None:
        self.sections[group][0].setChecked(on)

    def fill(self, spec: RunSpec) -> None:
        """Show ``spec``'s values (no ``changed``); sections holding a set flag open."""
        self.blockSignals(True)
        try:
            self._fill(spec)
        finally:
            self.blockSignals(False)

    def _fill(self, spec: RunSpec) -> None:
        for group, flags in self.groups.items():
            values = {f.long: f.values(spec) for f in flags}
            built = flags[0].long in self.fields
            if not built and not any(values.values()):
                continue  # nothing to show there: it stays unbuilt, and closed
            self._build(group)
            for long, v in values.items():
                self.fields[long].set_values(v)
                self.fields[long].show_error("")
            if any(values.values()):
                self.expand(group)

    def apply(self, spec: RunSpec, api_version: str | None = None) -> tuple[RunSpec, list[str]]:
        """``spec`` with every section's values; the messages of the fields that refuse."""
        problems: list[str] = []
        for f in self.fields.values():
            try:
                values = f.values()
                if values and api_version and f.flag.min_api:
                    if _version(api_version) < _version(f.flag.min_api):
                        needs = self.tr("%1 needs API %2; this engine speaks %3")
                        needs = needs.replace("%1", f.flag.long).replace("%2", f.flag.min_api)
                        raise InvalidInput(needs.replace("%3", api_version))
                if values != f.flag.values(spec):
                    spec = f.flag.with_values(spec, values)
            except InvalidInput as e:
                f.show_error(str(e))
                self.expand(f.flag.group)  # a refused value is never hidden in a closed section
                problems.append(str(e))
                continue
            f.show_error("")
        return spec, problems

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for group, (button, _body) in self.sections.items():
                button.setText(words(group))
            for f in self.fields.values():
                f.retranslate()
        super().changeEvent(event)

    def set_read_only(self, on: bool) -> None:
        self._read_only = on
        for f in self.fields.values():
            f.editor.setEnabled(not on)
