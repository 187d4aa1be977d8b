"""A progress dialog for a long data operation: bytes, rate, time left, Cancel.

The operation runs through ``tasks.run`` with ``progress=`` and ``cancel=``;
the worker's byte counts cross to the GUI thread through a queued signal.
Cancel sets the event and waits for the operation to clean up (helpers
removed, partial volumes gone) before the dialog closes.

Signals: ``finished_ok(object)`` with the result.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import VolguiError
from volgui.engine.errors import Cancelled
from volgui.ui import errors, tasks
from volgui.ui import format as fmt

OBJECT_NAME = "dataProgress"


def rate_text(done: int, total: int | None, seconds: float) -> str:
    """'12.0 MiB of 256.0 MiB · 40.0 MiB/s · 6 s left' (parts left out when unknown)."""
    if total:
        parts = [
            QCoreApplication.translate("ProgressDialog", "{done} of {total}").format(
                done=fmt.size(done), total=fmt.size(total)
            )
        ]
    else:
        parts = [fmt.size(done)]
    if seconds > 0.2 and done > 0:
        rate = done / seconds
        parts.append(f"{fmt.size(int(rate))}/s")
        if total and total > done:
            left = int((total - done) / rate) + 1
            parts.append(
                QCoreApplication.translate("ProgressDialog", "{seconds} s left").format(
                    seconds=left
                )
            )
    return " · ".join(parts)


class ProgressDialog(QDialog):
    finished_ok = Signal(object)
    _bytes = Signal(int)

    def __init__(self, title: str, total: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.total = total if total and total > 0 else None
        self.cancel_event = threading.Event()
        self.started = time.monotonic()
        self.done_bytes = 0
        self.task: tasks.Task | None = None
        self.what = QLabel(title)
        self.bar = QProgressBar(objectName="dataProgressBar")
        self.bar.setRange(0, 1000 if self.total else 0)
        self.detail = QLabel(rate_text(0, self.total, 0), objectName="dataProgressText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        for w in (self.what, self.bar, self.detail, self.buttons):
            layout.addWidget(w)
        self.setMinimumWidth(420)
        self._bytes.connect(self._show_bytes, Qt.ConnectionType.QueuedConnection)

    def start(self, what: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> tasks.Task:
        """Run ``fn(*args, progress=..., cancel=..., **kw)`` on a worker and show progress."""
        self.task = (
            tasks.run(
                self, what, fn, *args, progress=self._bytes.emit, cancel=self.cancel_event, **kw
            )
            .done(self._succeeded)
            .fail(lambda e: self._failed(e, what))
        )
        self.show()
        return self.task

    def _show_bytes(self, done: int) -> None:
        self.done_bytes = done
        if self.total:
            self.bar.setValue(min(1000, int(1000 * done / self.total)))
        self.detail.setText(rate_text(done, self.total, time.monotonic() - self.started))

    def cancel(self) -> None:
        self.cancel_event.set()
        self.detail.setText(self.tr("Cancelling: taking away what was made…"))
        self.buttons.setEnabled(False)

    def reject(self) -> None:  # Esc and the close button cancel too, never just hide
        self.cancel()

    def _succeeded(self, result: Any) -> None:
        self.finished_ok.emit(result)
        self.done(0)

    def _failed(self, e: BaseException, what: str) -> None:
        parent = self.parentWidget()
        self.done(0)
        if isinstance(e, Cancelled) or (isinstance(e, VolguiError) and self.cancel_event.is_set()):
            return
        errors.show(parent, e, what)
