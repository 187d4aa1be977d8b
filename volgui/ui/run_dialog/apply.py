"""Applying the dialog: create, or recreate step by step, on a worker; progress shown.

``ApplyJob`` runs the engine call through ``tasks`` and relays recreate's
progress callback (a worker thread) to the GUI thread as ``step(str)``.
``ProgressPanel`` lists the steps as they come, in the dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from volgui.engine import Engine
from volgui.engine.runspec import RunSpec
from volgui.ui import tasks


class ApplyJob(QObject):
    """Signals: ``step(str)`` per step, ``progressed(int, int)``, ``succeeded(str)``
    with the container id, ``failed(object)`` with the exception, ``settled()`` after."""

    step = Signal(str)
    progressed = Signal(int, int)  # step, total
    succeeded = Signal(str)
    failed = Signal(object)
    settled = Signal()  # after either

    def __init__(self, engine: Engine, owner: QObject) -> None:
        super().__init__(owner)
        self.engine = engine
        self.owner = owner
        self.task: tasks.Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def create(self, spec: RunSpec, start: bool) -> None:
        what = self.tr("Creating and starting %1") if start else self.tr("Creating %1")
        what = what.replace("%1", spec.name or spec.image)
        self.step.emit(what)
        self.progressed.emit(1, 2 if start else 1)
        self._run(what, self.engine.create_container, spec, start)

    def recreate(self, plan: Any, discard_changes: bool) -> None:
        what = self.tr("Replacing %1").replace("%1", plan.container.name)
        self._run(
            what, self.engine.apply, plan, discard_changes=discard_changes, progress=self._relay
        )

    def _relay(self, p: Any) -> None:  # on the worker thread: signals queue to the GUI
        # the step's words are the engine's; ours only say that it rolls back
        if p.rolling_back:
            self.step.emit(self.tr("rolling back: %1").replace("%1", p.message))
        else:
            self.step.emit(p.message)
        if not p.rolling_back:
            self.progressed.emit(p.step, p.total)

    def _run(self, what: str, fn: Any, *args: Any, **kw: Any) -> None:
        self.task = (
            tasks.run(self.owner, what, fn, *args, **kw)
            .done(lambda cid: self.succeeded.emit(cid))
            .fail(lambda e: self.failed.emit(e))
            .always(self._settled)
        )

    def _settled(self) -> None:
        self.task = None
        self.settled.emit()


class ProgressPanel(QWidget):
    """The steps of an apply, one line each, and a bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = QLabel(objectName="applySteps", wordWrap=True)
        self.bar = QProgressBar(objectName="applyProgress")
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        layout.addWidget(self.bar)
        self.lines: list[str] = []
        self.hide()

    def start(self) -> None:
        self.lines = []
        self.steps.setText("")
        self.bar.setRange(0, 0)
        self.show()

    def add(self, text: str) -> None:
        self.lines.append(text)
        self.steps.setText("\n".join(f"• {line}" for line in self.lines))

    def set_step(self, step: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(step - 1)

    def finish(self, ok: bool) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
