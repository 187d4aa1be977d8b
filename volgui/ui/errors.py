"""The one place errors go in the UI: a non-modal message, and the log.

``show(parent, exc, "Removing volume x")`` says what failed and why in one
line (our errors carry words a user understands); an unexpected exception is
logged with its traceback and shown as an internal error. The message box is
non-modal so the window, live updates and tests keep running.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from volgui.engine import VolguiError

log = logging.getLogger("volgui")

OBJECT_NAME = "errorMessage"


def describe(exc: BaseException, what: str = "") -> str:
    """One line: 'Removing volume x failed: volume x is in use by web; ...'.

    ``what`` comes translated from the caller; the engine's reason stays as the
    engine says it, only our words around it are translated.
    """
    if isinstance(exc, VolguiError):
        reason = str(exc)
    else:
        reason = QCoreApplication.translate("errors", "internal error: {error}").format(
            error=repr(exc)
        )
    if not what:
        return reason
    return QCoreApplication.translate("errors", "{what} failed: {reason}").format(
        what=what, reason=reason
    )


def show(parent: QWidget | None, exc: BaseException, what: str = "") -> QMessageBox:
    """Log ``exc`` and show it in a non-modal message box; return the box."""
    text = describe(exc, what)
    if isinstance(exc, VolguiError):
        log.warning("%s", text)
    else:
        log.error("%s", text, exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, "volgui", text, QMessageBox.StandardButton.Close, parent
    )
    box.setObjectName(OBJECT_NAME)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
