"""A non-modal window with an object's raw inspect JSON, like ``docker inspect``."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget

OBJECT_NAME = "inspectDialog"


class InspectDialog(QDialog):
    """``title`` comes translated from the caller; the JSON is the engine's, as it is."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(objectName="inspectText", readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.resize(640, 520)
        self.retranslate()

    def retranslate(self) -> None:
        if not self.loaded:
            self.text.setPlainText(self.tr("Loading…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_data(self, data: Any) -> None:
        self.loaded = True
        self.text.setPlainText(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))
