"""The engines the user added in volgui, kept in QSettings (group ``engines``)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from volgui.engine.engines import AddedEngine
from volgui.ui.settings import app_settings

KEY = "engines/added"


def load(settings: QSettings | None = None) -> list[AddedEngine]:
    """The added engines, in the order the user added them; unreadable ones skipped."""
    s = settings or app_settings()
    raw = s.value(KEY, "[]", type=str)
    try:
        items = json.loads(str(raw))
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    return [AddedEngine.from_dict(d) for d in items if isinstance(d, dict)]


def save(engines: list[AddedEngine], settings: QSettings | None = None) -> None:
    s = settings or app_settings()
    s.setValue(KEY, json.dumps([e.to_dict() for e in engines]))
    s.sync()
