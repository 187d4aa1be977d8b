"""A volume dropped on empty space (no container row, no node): open new mode with it.

An event filter on a view's viewport, so the table and graph files stay as
they are: over empty space it takes the drag (``dropped(str)`` on release);
over a row or an item it lets the view handle the drag as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea

from volgui.ui.dnd import dropped_volume


class EmptySpaceDrop(QObject):
    """Signals: ``dropped(str)`` with the volume name."""

    dropped = Signal(str)

    def __init__(
        self,
        view: QAbstractScrollArea,
        occupied: Callable[[QPoint], bool],
        leave: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.occupied = occupied
        self.leave = leave
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDragMoveEvent | QDropEvent)
        volume = dropped_volume(event.mimeData())
        if volume is None or self.occupied(event.position().toPoint()):
            return False
        if self.leave is not None:
            self.leave()  # whatever row or node was framed is no longer the target
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self.dropped.emit(volume)
        return True
