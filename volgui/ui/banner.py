"""The engine-down banner: says the engine is away, keeps the window usable.

Not a modal dialog: the last data stays on screen (greyed) and the window
retries by itself. Signals: ``retry_now()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

OBJECT_NAME = "engineBanner"


class EngineBanner(QFrame):
    """A strip above the tables. Signals: ``retry_now()``."""

    retry_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setStyleSheet(
            "#engineBanner { background: #fdecea; border: 1px solid #e0a39e; border-radius: 4px; }"
            "#engineBanner QLabel { color: #5f1d16; }"
        )
        self.message = QLabel(objectName="engineBannerText", wordWrap=True)
        self.retry = QPushButton("Retry now", objectName="engineBannerRetry")
        self.retry.clicked.connect(self.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        self.hide()

    def show_down(self, reason: str, retry_in: float | None) -> None:
        when = f" Next try in {retry_in:.0f} s." if retry_in else " Trying again…"
        self.message.setText(
            f"<b>The Docker engine is not answering.</b> {reason}. "
            f"Showing the last known data.{when}"
        )
        self.show()
