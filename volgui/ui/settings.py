"""Where the window keeps its geometry, column widths and view choices.

An INI file in the user's config directory. Tests point ``QSettings``'
user scope at a throwaway directory (``QSettings.setPath``), so they never
read or write the user's file.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "volgui", "volgui")
