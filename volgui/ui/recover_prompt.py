"""Asks what to do with changes that were cut short (issue 10): Finish or Roll back.

A change (mount, unmount, …) killed half-way leaves its journal on the
engine. When the window fills, :meth:`RecoverPrompt.check` asks the engine
for such changes (off the GUI thread) and, only if there are any, shows this
non-modal dialog: one row per change, saying what it was and offering
*Finish* (the new container takes the name) or *Roll back* (the old one is
back as it was). Never silently: nothing is done until the user chooses.

Signals: ``recovered(list)`` with the engine's lines after each choice.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, Interrupted, VolguiError
from volgui.engine.recreate import RecoverHow
from volgui.ui import errors, tasks

OBJECT_NAME = "recoverPrompt"


def recover_and_look(
    engine: Engine, item: Interrupted, how: RecoverHow
) -> tuple[list[str], Interrupted | None]:
    """On a worker: recover ``item``, then whether the engine still holds it interrupted.

    A step the engine refused (``not recovered (...)`` in the lines) leaves the
    change in its journal: the row offers the choice again, from what is left.
    When the journal cannot be read now, the row offers it again as it was
    (recovering twice does no harm: each step looks first).
    """
    lines = engine.recover(item, how)
    try:
        left = [i for i in engine.interrupted() if i.change == item.change]
    except VolguiError:
        return lines, item
    return lines, left[0] if left else None


class RecoverPrompt(QDialog):
    """Lists interrupted changes and recovers each the way the user picks."""

    recovered = Signal(list)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per engine shown: not kept
        self.engine = engine
        self.items: list[Interrupted] = []
        self._rows: dict[str, tuple[QLabel, QPushButton, QPushButton]] = {}
        self._states: dict[str, str | list[str]] = {}  # change -> "working" or the engine's lines
        self.intro = intro = QLabel(wordWrap=True)
        self.grid = QGridLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the window's language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Interrupted changes"))
        self.intro.setText(
            self.tr(
                "These container changes were cut short (volgui was closed, killed or the "
                "machine stopped). Each container is either as it was or replaced; choose for each."
            )
        )
        for item in self.items:
            text, finish, back = self._rows[item.change]
            finish.setText(self.tr("Finish"))
            back.setText(self.tr("Roll back"))
            finish.setToolTip(
                self.tr("The new container takes the name (and starts if the old one ran)")
            )
            back.setToolTip(self.tr("The old container is back under its name, running if it was"))
            state = self._states.get(item.change)
            if state is None:
                text.setText(self._describe(item))
            elif state == "working":
                text.setText(self.tr("<b>{name}</b>: working…").format(name=escape(item.name)))
            else:
                text.setText(escape("; ".join(state)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def check(cls, parent: QWidget, engine: Engine) -> RecoverPrompt:
        """Ask the engine (on a worker); show the prompt only if something was interrupted."""
        prompt = cls(engine, parent)
        what = QCoreApplication.translate("RecoverPrompt", "Looking for interrupted changes")
        tasks.run(prompt, what, engine.interrupted).done(prompt.fill)
        return prompt

    def fill(self, items: list[Interrupted]) -> None:
        self.items = list(items)
        for row, item in enumerate(self.items):
            text = QLabel(wordWrap=True)
            text.setTextFormat(Qt.TextFormat.RichText)
            finish = QPushButton(objectName=f"finish-{item.change}")
            back = QPushButton(objectName=f"rollback-{item.change}")
            finish.clicked.connect(lambda _c=False, i=item: self.choose(i, "finish"))
            back.clicked.connect(lambda _c=False, i=item: self.choose(i, "rollback"))
            (finish if item.how == "finish" else back).setDefault(True)
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(finish, row, 1)
            self.grid.addWidget(back, row, 2)
            self._rows[item.change] = (text, finish, back)
            self._enable(item)
        self.retranslate()
        if self.items:
            self.show()
        else:
            self.deleteLater()  # nothing to ask

    def _describe(self, item: Interrupted) -> str:
        # item.what is the engine's journal, in its words
        what = escape(item.what or self.tr("a change of its mounts"))
        if item.how == "finish":
            advice = self.tr("The new container took the name; it would usually be finished.")
        else:
            advice = self.tr(
                "The new container never took the name; it would usually be rolled back."
            )
        return f"<b>{escape(item.name)}</b>: {what}<br><small>{advice}</small>"

    def choose(self, item: Interrupted, how: RecoverHow) -> None:
        """Recover ``item`` one way (``"finish"`` or ``"rollback"``), off the GUI thread."""
        # As the engine holds it now: a recovery that stopped short changed it.
        item = next(i for i in self.items if i.change == item.change)
        text, finish, back = self._rows[item.change]
        finish.setEnabled(False)
        back.setEnabled(False)
        self._states[item.change] = "working"
        text.setText(self.tr("<b>{name}</b>: working…").format(name=escape(item.name)))
        what = self.tr("Recovering {name}").format(name=item.name)
        tasks.run(self, what, recover_and_look, self.engine, item, how).done(
            lambda result, i=item: self._done(i, *result)
        ).fail(lambda exc, i=item: self._failed(i, errors.describe(exc, what)))

    def _done(self, item: Interrupted, lines: list[str], left: Interrupted | None) -> None:
        """``left``: the change as the engine still holds it (the recovery stopped short)."""
        text, finish, back = self._rows[item.change]
        self._states[item.change] = list(lines)
        text.setText(escape("; ".join(lines)))
        if left is not None:  # the engine's lines say why; the user may choose again
            self.items = [left if i.change == left.change else i for i in self.items]
            finish.setDefault(left.how == "finish")
            back.setDefault(left.how != "finish")
            self._enable(left)
        self.recovered.emit(lines)

    def _failed(self, item: Interrupted, reason: str) -> None:
        """The recovery did not run through: the row says why and can be chosen again."""
        text, finish, back = self._rows[item.change]
        self._states[item.change] = [reason]
        text.setText(escape(reason))
        self._enable(item)

    def _enable(self, item: Interrupted) -> None:
        _text, finish, back = self._rows[item.change]
        finish.setEnabled(item.new_id is not None)
        back.setEnabled(item.old_id is not None)

    def pending(self) -> list[Interrupted]:
        """The changes the user has not chosen for yet."""
        return [i for i in self.items if any(b.isEnabled() for b in self._rows[i.change][1:])]
