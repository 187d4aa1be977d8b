"""``runDialog``: a container as a form and a `docker run` line, in two modes.

*New container*: every setting editable; "Create" and "Create and start".
*Change container*: the container's settings shown read-only, its mounts
editable; what will happen in plain words, the writable-layer check, then the
recreate (with rollback) step by step. Opened with ``open()``, never ``exec()``;
every engine call goes through ``tasks``.

Signals: ``applied(str)`` with the new container's id, ``status(str)`` with a
line for the window's status bar.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, Snapshot
from volgui.engine.errors import RecreateFailed
from volgui.engine.model import Container
from volgui.engine.runspec import MountSpec, RunSpec
from volgui.ui import errors, tasks
from volgui.ui.run_dialog.apply import ApplyJob, ProgressPanel
from volgui.ui.run_dialog.change_plan import describe, diff, nothing_changed, plan_change
from volgui.ui.run_dialog.form import Reading, RunForm
from volgui.ui.run_dialog.preview import CommandPreview
from volgui.ui.run_dialog.suggest import suggested_destination
from volgui.ui.run_dialog.summary import ChangeSummary

OBJECT_NAME = "runDialog"


@contextmanager
def quiet(obj: QObject) -> Iterator[None]:
    """No signals from ``obj`` meanwhile (setting up: one update at the end, not one per row)."""
    was = obj.blockSignals(True)
    try:
        yield
    finally:
        obj.blockSignals(was)


class RunDialog(QDialog):
    applied = Signal(str)
    status = Signal(str)

    def __init__(
        self,
        engine: Engine,
        snapshot: Snapshot,
        container: Container | None = None,
        api_version: str | None = None,
        parent: QWidget | None = None,
        volume_names: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.engine = engine
        self.snapshot = snapshot
        self.container = container
        self.mode = "change" if container is not None else "new"
        self.api_version = api_version
        self.plan: Any = None
        self.reading = Reading(None, ["not filled yet"])
        self.plan_error = ""
        self._unchanged = False  # plan_error says nothing changed (reworded on a language change)
        self._drop: tuple[str, str] | None = None  # (volume, destination) the container has
        self._plan_gen = 0
        self._build()
        self._retranslate()
        self.job = ApplyJob(engine, self)
        self.job.step.connect(self._step)
        self.job.progressed.connect(self.progress.set_step)
        self.job.succeeded.connect(self._applied)
        self.job.failed.connect(self._apply_failed)
        self._plan_timer = QTimer(self, singleShot=True, interval=120)
        self._plan_timer.timeout.connect(self._plan_now)
        self.form.changed.connect(self._form_changed)
        self.preview.spec_edited.connect(self._line_edited)
        self.preview.parse_state.connect(lambda _m: self._update_ok())
        self.summary.gate_changed.connect(self._update_ok)
        if volume_names is None:
            volume_names = [v.name for v in snapshot.volumes if not v.anonymous]
        self.form.mounts.set_volumes(volume_names)
        tasks.run(self, self.tr("Listing local images"), engine.list_images).done(self._got_images)

    def _build(self) -> None:
        self.form = RunForm()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.form)
        self.preview = CommandPreview()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.summary = ChangeSummary()
        self.summary.setVisible(self.mode == "change")
        self.progress = ProgressPanel()
        self.result = QLabel(objectName="applyResult", wordWrap=True)
        self.result.hide()
        self.buttons = QDialogButtonBox()
        if self.mode == "new":
            self.ok_buttons = [
                self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole),
                self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole),
            ]
            self.ok_buttons[0].setObjectName("createButton")
            self.ok_buttons[1].setObjectName("createStartButton")
            self.ok_buttons[0].clicked.connect(lambda: self._create(False))
            self.ok_buttons[1].clicked.connect(lambda: self._create(True))
            self.ok_buttons[1].setDefault(True)
        else:
            ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setObjectName("replaceButton")
            ok.clicked.connect(self._recreate)
            ok.setDefault(True)
            self.ok_buttons = [ok]
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        self.cancel_button: QPushButton = cancel
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)

    def _retranslate(self) -> None:
        """The dialog's own texts in the window's language (its parts do theirs)."""
        if self.container is not None:
            self.setWindowTitle(self.tr("Mounts of %1").replace("%1", self.container.name))
            self.ok_buttons[0].setText(self.tr("Replace container"))
        else:
            self.setWindowTitle(self.tr("New container"))
            self.ok_buttons[0].setText(self.tr("Create"))
            self.ok_buttons[1].setText(self.tr("Create and start"))
        if self._drop is not None:
            self.summary.set_drop_note(self._drop_words())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if not self.job.running:  # the words that depend on what the form holds
                self.reading = self.form.read(self.api_version)
                if self.mode == "change":
                    assert self.container is not None
                    after = self.form.mounts.engine_mounts()
                    self.summary.set_words(describe(self.container, after))
                    if self._unchanged:
                        self.plan_error = nothing_changed()
                self._update_ok()
        super().changeEvent(event)

    # -- opening ------------------------------------------------------------

    def start_new(self, spec: RunSpec | None = None, volume: str | None = None) -> None:
        """New mode, prefilled from ``spec`` (Duplicate…) and/or with ``volume`` to mount."""
        self.form.set_spec(spec or RunSpec(image=""))
        if volume:
            with quiet(self.form.mounts):
                self._add_volume(volume)
        self._form_changed()

    def start_change(self, volume: str | None = None) -> None:
        """Change mode: the container's mounts, plus ``volume`` at a suggested place."""
        c = self.container
        assert c is not None
        self.form.set_read_only(True)
        self.preview.set_read_only(True)
        self.form.set_spec(RunSpec(image=c.image, name=c.name))
        with quiet(self.form.mounts):
            self._fill_change(c, volume)
        what = self.tr("Reading the settings of %1").replace("%1", c.name)
        tasks.run(self, what, self.engine.container_spec, c.id, True).done(self._got_spec).fail(
            self._spec_failed
        )
        self._form_changed()

    def _fill_change(self, c: Container, volume: str | None) -> None:
        for m in c.mounts:
            self.form.mounts.add_mount(
                MountSpec(
                    m.type,
                    m.destination,
                    m.source,
                    m.read_only,
                    "tmpfs" if m.type == "tmpfs" else "volume",
                ),
                fixed=True,
            )
        if volume:
            have = [m for m in c.mounts if m.type == "volume" and m.source == volume]
            if have:
                self._drop = (volume, have[0].destination)
                self.summary.set_drop_note(self._drop_words())
                self.form.mounts.highlight(list(c.mounts).index(have[0]))
                self.status.emit(self._drop_words())
            else:
                self._add_volume(volume)

    def _drop_words(self) -> str:
        assert self.container is not None and self._drop is not None
        words = self.tr("%1 already mounts %2 at %3").replace("%1", self.container.name)
        return words.replace("%2", self._drop[0]).replace("%3", self._drop[1])

    def _add_volume(self, volume: str) -> None:
        dest = suggested_destination(self.snapshot, volume, self.container)
        row = self.form.mounts.add_mount(MountSpec("volume", dest, volume), highlight=True)
        self.form.mounts.focus_destination(row)

    def _got_images(self, tags: list[str]) -> None:
        self.form.set_images(tags)
        if self.mode == "new" and not self.form.image.currentText() and tags:
            self.form.image.setEditText(tags[0])  # emits changed: the line follows

    def _got_spec(self, spec: RunSpec) -> None:
        self.form.set_spec(spec, mounts=False)
        self._form_changed()

    def _spec_failed(self, exc: BaseException) -> None:
        self.form.general.setText(
            self.tr(
                "Not every setting shows as a docker run flag (%1); the replacement copies "
                "them from the engine as they are."
            ).replace("%1", str(exc))
        )
        self.form.general.show()

    # -- following edits ------------------------------------------------------

    def _form_changed(self) -> None:
        reading = self.reading = self.form.read(self.api_version)
        if reading.spec is not None:
            self.preview.show_spec(reading.spec)
        if self.mode == "change":
            assert self.container is not None
            after = self.form.mounts.engine_mounts()
            self.summary.set_words(describe(self.container, after))
            self.plan = None
            self.plan_error = ""
            self._unchanged = False
            self._plan_gen += 1
            self.summary.set_plan(None)
            self._plan_timer.start()
        self._update_ok()

    def _line_edited(self, spec: RunSpec) -> None:
        """A line that parses: the form follows (the line stays as typed)."""
        self.form.set_spec(spec)
        self.reading = self.form.read(self.api_version)
        self._update_ok()

    def _plan_now(self) -> None:
        assert self.container is not None
        specs, bad = self.form.mounts.mounts()
        if bad:
            return
        after = self.form.mounts.engine_mounts()
        if diff(self.container.mounts, after).empty:
            self.plan_error = nothing_changed()
            self._unchanged = True
            self._update_ok()
            return
        gen = self._plan_gen
        tasks.run(
            self, self.tr("Planning the change"), plan_change, self.engine, self.container, after
        ).done(lambda plan: self._planned(gen, plan)).fail(lambda exc: self._plan_failed(gen, exc))

    def _planned(self, gen: int, plan: Any) -> None:
        if gen != self._plan_gen:
            return  # the mounts changed since: a newer plan is on its way
        self.plan = plan
        self.summary.set_plan(plan)
        self.preview.show_spec(plan.spec, line=plan.command)
        self._update_ok()

    def _plan_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._plan_gen:
            return
        self.plan_error = errors.describe(exc)
        self.summary.set_note(self.plan_error, danger=True)
        self._update_ok()

    def blocked(self) -> list[str]:
        """Why OK is disabled (empty when it is not)."""
        if self.job.running:
            return [self.tr("applying…")]
        reading = self.reading
        if self.mode == "change":  # the read-only settings are the engine's: only mounts count
            reasons = self.form.mounts.mounts()[1]
        else:
            reasons = list(reading.problems)
        if self.preview.error and self.mode == "new":
            said = self.tr("the command line does not parse: %1")
            reasons.append(said.replace("%1", self.preview.error))
        if self.mode == "change":
            if self.plan_error:
                reasons.append(self.plan_error)
            elif self.plan is None and not reasons:
                reasons.append(self.tr("working out what will happen…"))
            gate = self.summary.blocked()
            if gate:
                reasons.append(gate)
        return reasons

    def _update_ok(self) -> None:
        reasons = self.blocked()
        for b in self.ok_buttons:
            b.setEnabled(not reasons)
            b.setToolTip("\n".join(reasons))

    # -- applying ----------------------------------------------------------------

    def _begin(self) -> None:
        self.progress.start()
        self.result.hide()
        self.form.setEnabled(False)
        self.preview.setEnabled(False)
        self._update_ok()

    def _create(self, start: bool) -> None:
        reading = self.form.read(self.api_version)
        if reading.spec is None or self.blocked():
            return
        self._begin_with(lambda: self.job.create(reading.spec, start))  # type: ignore[arg-type]

    def _recreate(self) -> None:
        if self.blocked() or self.plan is None:
            return
        plan, discard = self.plan, self.summary.discard.isChecked()
        self._begin_with(lambda: self.job.recreate(plan, discard))

    def _begin_with(self, go: Any) -> None:
        go()
        self._begin()

    def _step(self, text: str) -> None:
        self.progress.add(text)
        self.status.emit(text)

    def _applied(self, cid: str) -> None:
        self.progress.finish(True)
        if self.container is not None:
            done = self.tr("Replaced %1: the new container is %2")
            done = done.replace("%1", self.container.name).replace("%2", cid[:12])
        else:
            done = self.tr("Created container %1").replace("%1", cid[:12])
        self.status.emit(done)
        self.applied.emit(cid)
        self.accept()

    def _apply_failed(self, exc: BaseException) -> None:
        self.progress.finish(False)
        text = errors.describe(exc)
        if isinstance(exc, RecreateFailed) and exc.rolled_back:
            text += "\n\n" + self.tr("The old container is back as it was.")
        self.result.setText(text)
        self.result.show()
        self.status.emit(text.splitlines()[0])
        self.form.setEnabled(True)
        self.preview.setEnabled(True)
        if self.mode == "change":
            self._form_changed()  # plan again: the engine holds the old container again
        self._update_ok()

    def reject(self) -> None:
        """Esc and Cancel close it, except while an apply runs (it finishes or rolls back)."""
        if self.job.running:
            self.result.setText(
                self.tr("Wait: the change is under way; it finishes or rolls back.")
            )
            self.result.show()
            return
        super().reject()
