"""Dragging a volume: one MIME type for the tables and the graph (DESIGN contract).

A dragged volume carries ``application/x-volgui-volume``, its name in UTF-8
(and the name as plain text, for dropping into an editor). Volume rows and
volume nodes are drag sources; container rows and container nodes are the
drop targets, and both end in ``MainWindow._volume_dropped``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

VOLUME_MIME = "application/x-volgui-volume"


def volume_mime(name: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(VOLUME_MIME, QByteArray(name.encode("utf-8")))
    mime.setText(name)
    return mime


def dropped_volume(mime: QMimeData | None) -> str | None:
    """The volume name a drop carries, or None if it carries none."""
    if mime is None or not mime.hasFormat(VOLUME_MIME):
        return None
    data = mime.data(VOLUME_MIME)
    name = bytes(data.data()).decode("utf-8", errors="replace").strip()
    return name or None
