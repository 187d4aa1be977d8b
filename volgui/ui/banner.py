"""The engine-down banner: says the engine is away, keeps the window usable.

Not a modal dialog: the last data stays on screen (greyed) and the window
retries by itself. Signals: ``retry_now()``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QLocale, QRectF, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from volgui.ui import colours

OBJECT_NAME = "engineBanner"


class EngineBanner(QFrame):
    """A strip above the tables, in a red tint of the palette (light or dark).

    Signals: ``retry_now()``.
    """

    retry_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.message = QLabel(objectName="engineBannerText", wordWrap=True)
        self.retry = QPushButton(objectName="engineBannerRetry")
        self._down: tuple[str, float | None, bool] | None = None  # what show_down was told
        self.retry.clicked.connect(self.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        self._apply_palette()
        self.retranslate()
        self.hide()

    def show_down(self, reason: str, retry_in: float | None, have_data: bool = True) -> None:
        """Say the engine is away; ``have_data``: the window shows what it last said.

        ``reason`` is the engine's (connection) error, shown as it is.
        """
        self._down = (reason, retry_in, have_data)
        self._write_down()
        self.show()

    def _write_down(self) -> None:
        if self._down is None:
            return
        reason, retry_in, have_data = self._down
        if retry_in:
            when = self.tr("Next try in {seconds} s.").format(
                seconds=QLocale().toString(round(retry_in))
            )
        else:
            when = self.tr("Trying again…")
        what = (
            self.tr("Showing the last known data.")
            if have_data
            else self.tr("The lists fill as soon as it answers.")
        )
        head = self.tr("The Docker engine is not answering.")
        self.message.setText(
            f"<b>{escape(head)}</b> {escape(reason)}. {escape(what)} {escape(when)}"
        )

    def retranslate(self) -> None:
        self.retry.setText(self.tr("Retry now"))
        self._write_down()

    def _apply_palette(self) -> None:
        # Painted and coloured from the palette rather than a style sheet: a
        # widget with a style sheet does not hear of palette changes.
        _background, _border, text = colours.banner(self.palette())
        palette = QPalette(self.message.palette())
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.message.setPalette(palette)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        background, border, _text = colours.banner(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
