"""The status bar and the title: which engine, counts, last refresh, running tasks."""

from __future__ import annotations

import time
from html import escape

from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from volgui.ui import colours, tasks
from volgui.ui import format as fmt


class StatusBarMixin:
    """Builds and updates the window's status bar and title."""

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.engine_label = QLabel(objectName="engineLabel")
        self.counts_label = QLabel(objectName="countsLabel")
        self.refreshed_label = QLabel(objectName="refreshedLabel")
        self.tasks_label = QLabel(objectName="tasksLabel")
        self.busy = QProgressBar(objectName="sizesBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setFormat("")
        self.cancel_sizes_button = QToolButton(objectName="cancelSizes")
        self.cancel_sizes_button.clicked.connect(self.cancel_sizes)
        self.busy.hide()
        self.cancel_sizes_button.hide()
        bar.addWidget(self.engine_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.cancel_sizes_button)
        bar.addPermanentWidget(self.tasks_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.refreshed_label)
        tasks.runner().count_changed.connect(self._update_tasks)

    def _retranslate_status_bar(self) -> None:
        self.cancel_sizes_button.setText(self.tr("Cancel sizes"))
        self._update_title()
        self._update_status()
        self._update_tasks()

    def _update_title(self) -> None:
        sandbox = " " + self.tr("(sandbox engine)") if self.info and self.info.sandbox else ""
        self.setWindowTitle(f"volgui — {self.engine_words(self.engine.address)}{sandbox}")

    def _update_status(self) -> None:
        if self.info is not None:
            parts = [escape(self.engine_words(self.info.address)), f"Docker {self.info.version}"]
            if self.info.sandbox:
                parts.append("<b>" + self.tr("sandbox engine") + "</b>")
        else:  # not answered yet (opened while the engine is down, say)
            parts = [escape(self.engine.address) if not self.engine_up else self.tr("connecting…")]
        if not self.engine_up:
            red = colours.danger(self.palette()).name()
            parts.append(f"<span style='color:{red}'>" + self.tr("not answering") + "</span>")
        self.engine_label.setText(" · ".join(parts))
        snap = self.snapshot
        in_use = sum(1 for v in snap.volumes if v.used_by)
        volumes = fmt.count(len(snap.volumes), "volume")
        containers = fmt.count(len(snap.containers), "container")
        self.counts_label.setText(  # no counts before the engine said anything
            self.tr("{volumes} ({in_use} in use) · {containers}").format(
                volumes=volumes, in_use=in_use, containers=containers
            )
            if self._filled
            else ""
        )
        if self.refreshed_at is not None:
            stamp = time.strftime("%H:%M:%S", time.localtime(self.refreshed_at))
            self.refreshed_label.setText(self.tr("refreshed {time}").format(time=stamp))

    def _update_tasks(self, _count: int = 0) -> None:
        n = len(tasks.runner().running)
        self.tasks_label.setText(self.tr("%n task(s) running", "", n) if n else "")
