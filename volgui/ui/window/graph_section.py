"""The mount graph embedded in the window: fed each snapshot, sharing the selection.

Kept apart so that the graph's own package can change under it with one
import line to follow.
"""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget

from volgui.engine.graph.ids import container_node_id, volume_node_id
from volgui.ui.graph import MountGraphPanel


class GraphSectionMixin:
    """Puts the graph panel above the details and wires it to the tables."""

    _graph_owns_selection = False

    def _build_graph(self) -> None:
        """The mount graph above the details: fed each snapshot, sharing the selection."""
        self.graph_panel = MountGraphPanel()
        self.graph = self.graph_panel.graph
        self.set_graph(self.graph_panel)
        self.snapshot_changed.connect(self.graph.set_snapshot)
        # graph -> tables (and so the details pane); tables -> graph. Neither side
        # echoes a selection it was given, so this cannot loop.
        self.graph.volume_selected.connect(self.select_volume)
        self.graph.container_selected.connect(self.select_container)
        self.graph.selection_changed.connect(self._graph_selection_changed)
        self.volumes_selected.connect(
            lambda names: (
                self._graph_owns_selection
                or self.graph.select_ids(volume_node_id(n) for n in names)
            )
        )
        self.containers_selected.connect(
            lambda ids: (
                self._graph_owns_selection
                or self.graph.select_ids(container_node_id(i) for i in ids)
            )
        )
        self.graph.node_activated.connect(self._graph_activated)
        # A volume dropped on a container node or a container row: one path.
        self.graph.volume_dropped.connect(self._volume_dropped)
        self.container_table.volume_dropped.connect(self._volume_dropped)

    def set_graph(self, widget: QWidget) -> None:
        """Put the mount graph (or any view) in the side area, above the details."""
        self.side.insertWidget(0, widget)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 1)

    def toggle_graph(self) -> None:
        """Show or hide the graph, as its action says."""
        self.graph_panel.setVisible(self.graph_action.isChecked())

    def _graph_selection_changed(self, ids: list[str]) -> None:
        """A host path, tmpfs or folded node selected in the graph has no row:
        the tables (and the details) drop what they showed, rather than keep
        showing another volume or container as if it were the selection."""
        nodes = [self.graph.nodes[i].node for i in ids if i in self.graph.nodes]
        if len(nodes) != 1 or nodes[0].is_volume or nodes[0].kind == "container":
            return  # volume_selected / container_selected carry those
        self._graph_owns_selection = True  # do not clear the graph's node in turn
        try:
            self.volume_table.clearSelection()
            self.container_table.clearSelection()
        finally:
            self._graph_owns_selection = False

    def _graph_activated(self, kind: str, key: str) -> None:
        """Double-click or Enter on a node: what a double-click on its row does."""
        if kind == "container" and self.select_container(key):
            self.inspect_selected("container")
        elif kind in ("volume", "anonymous") and self.select_volume(key):
            self.inspect_selected("volume")

    def _volume_dropped(self, volume: str, container_id: str) -> None:
        """A volume dropped on a container, in the graph or the container table:
        the run dialog in change mode, the volume at a suggested destination."""
        self.select_container(container_id)
        self.container_actions.open_change(container_id, volume)

    def _set_tab_order(self) -> None:
        """Tab walks the window as it reads: engines, filter, tables, graph, details."""
        panel = self.graph_panel
        chain: list[QWidget] = [
            self.engine_list,
            self.filter_box,
            self.anonymous_box,
            self.volume_table,
            self.container_table,
            *panel.findChildren(QToolButton, "graphFit"),
            *panel.findChildren(QToolButton, "graphZoomOut"),
            *panel.findChildren(QToolButton, "graphZoomIn"),
            panel.search,
            panel.collapse,
            *panel.findChildren(QToolButton, "graphExport"),
            self.graph,
            self.details,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
