"""Walking the mount graph from the keyboard, and finding a node by name.

Arrow keys: up/down within a column, left/right along a mount (or to the
next column); Enter activates; + and - zoom. Search selects the next node
whose label or key holds the text. Mixin of :class:`~volgui.ui.graph.view.MountGraph`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from volgui.ui.graph.node_item import NodeItem


class Navigation:
    """Keys and search over the view's ``nodes``."""

    nodes: dict[str, NodeItem]
    _search: tuple[str, int]

    def find(self, text: str) -> str | None:
        """Select and centre the next node whose label or key contains ``text``."""
        needle = text.strip().casefold()
        if not needle:
            return None
        order = self._reading_order()
        matches = [
            nid
            for nid in order
            if needle in self.nodes[nid].node.label.casefold()
            or needle in self.nodes[nid].node.key.casefold()
        ]
        if not matches:
            return None
        previous, index = self._search
        index = (index + 1) % len(matches) if previous == needle else 0
        self._search = (needle, index)
        nid = matches[index]
        self.select_ids([nid], center=False)
        self.centerOn(self.nodes[nid])
        self._announce_selection()
        return nid

    def _reading_order(self) -> list[str]:
        return sorted(self.nodes, key=lambda n: (self.nodes[n].x(), self.nodes[n].y()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.selected_ids()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = self._neighbour(current[0] if current else None, key)
            if target is not None:
                self.select_ids([target], center=False)
                self.ensureVisible(self.nodes[target], 60, 60)
                self._announce_selection()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.activate(current[0])
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(-1)
        else:
            super().keyPressEvent(event)

    def _neighbour(self, current: str | None, key: int) -> str | None:
        """The node the arrow key leads to: up/down in a column, left/right across."""
        if not self.nodes:
            return None
        if current is None or current not in self.nodes:
            return self._reading_order()[0]
        item = self.nodes[current]
        x, y = item.x(), item.y()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            down = key == Qt.Key.Key_Down
            same = [
                i for i in self.nodes.values() if i.x() == x and (i.y() > y if down else i.y() < y)
            ]
            if not same:
                return None
            return min(same, key=lambda i: abs(i.y() - y)).node.id
        right = key == Qt.Key.Key_Right
        linked = [e.target if right else e.source for e in item.edges.values()]
        linked = [i for i in linked if (i.x() > x if right else i.x() < x)]
        if not linked:
            columns = sorted({i.x() for i in self.nodes.values()})
            beside = [c for c in columns if (c > x if right else c < x)]
            if not beside:
                return None
            column = beside[0] if right else beside[-1]
            linked = [i for i in self.nodes.values() if i.x() == column]
        return min(linked, key=lambda i: (abs(i.y() - y), i.y())).node.id
