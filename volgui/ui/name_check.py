"""A volume or container name checked as the engine would, refused in the window's language.

The rule is the engine's (``volgui.engine.validate``, which words it in
English for the command line); this gives the same verdict in the words the
dialogs show next to the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from volgui.engine.errors import InvalidInput
from volgui.engine.validate import NAME_PATTERN


def check_name(name: str, kind: str = "volume") -> str:
    """Return ``name`` if the engine would take it as a ``kind`` ("volume" or "container") name."""
    if not name:
        if kind == "container":
            raise InvalidInput(QCoreApplication.translate("NameCheck", "container name is empty"))
        raise InvalidInput(QCoreApplication.translate("NameCheck", "volume name is empty"))
    if not NAME_PATTERN.match(name):
        if kind == "container":
            bad = QCoreApplication.translate(
                "NameCheck",
                "invalid container name {name}: use at least two characters, letters, "
                "digits, '_', '.' or '-', starting with a letter or digit",
            )
        else:
            bad = QCoreApplication.translate(
                "NameCheck",
                "invalid volume name {name}: use at least two characters, letters, "
                "digits, '_', '.' or '-', starting with a letter or digit",
            )
        raise InvalidInput(bad.format(name=repr(name)))
    return name
