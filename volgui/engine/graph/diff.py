"""What a shown picture must do to become the next one: remove, update, add,
move — computed off the GUI thread, so that the GUI thread only applies it.

The diff goes from one (graph, layout) to the next, both immutable: the view
that applies every diff in order mirrors the latest graph, item for item.
"""

from __future__ import annotations

from dataclasses import dataclass

from volgui.engine.graph.layout import Layout
from volgui.engine.graph.model import Edge, Graph, Node
from volgui.engine.pace import paced

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Diff:
    """The changes, in the order they are applied; what is seen first goes first."""

    remove_edges: tuple[str, ...] = ()
    remove_nodes: tuple[str, ...] = ()
    update_nodes: tuple[Node, ...] = ()
    add_nodes: tuple[tuple[Node, Point], ...] = ()
    moves: tuple[tuple[str, Point], ...] = ()
    put_edges: tuple[Edge, ...] = ()

    def __len__(self) -> int:
        return (
            len(self.remove_edges)
            + len(self.remove_nodes)
            + len(self.update_nodes)
            + len(self.add_nodes)
            + len(self.moves)
            + len(self.put_edges)
        )


def diff(old: Graph, old_layout: Layout | None, new: Graph, lay: Layout, seen: Rect | None) -> Diff:
    """From ``old`` drawn at ``old_layout`` (None: nothing drawn yet) to ``new`` at ``lay``.

    ``seen`` is the part of the scene on screen: nodes and edges there are
    added first, so later batches land off-screen and cost no repaint.
    """
    before = old.node_map() if old_layout is not None else {}
    old_edges = {e.id: e for e in old.edges} if old_layout is not None else {}
    was = old_layout.positions if old_layout is not None else {}
    now = {n.id for n in new.nodes}
    new_edge_ids = {e.id for e in new.edges}
    positions = lay.positions

    def hidden(point: Point) -> tuple[bool, float, float]:
        x, y = point
        if seen is None:
            return (False, y, x)
        left, top, right, bottom = seen
        return (not (left <= x <= right and top <= y <= bottom), y, x)

    updated: list[Node] = []
    added: list[Node] = []
    moves: list[tuple[str, Point]] = []
    for node in paced(new.nodes):
        shown = before.get(node.id)
        if shown is None:
            added.append(node)
            continue
        if shown != node:
            updated.append(node)
        if was.get(node.id) != positions[node.id]:
            moves.append((node.id, positions[node.id]))
    added.sort(key=lambda n: hidden(positions[n.id]))
    changed = [e for e in new.edges if old_edges.get(e.id) != e]
    changed.sort(key=lambda e: min(hidden(positions[e.source]), hidden(positions[e.target])))
    return Diff(
        remove_edges=tuple(e for e in old_edges if e not in new_edge_ids),
        remove_nodes=tuple(n for n in before if n not in now),
        update_nodes=tuple(updated),
        add_nodes=tuple((n, positions[n.id]) for n in added),
        moves=tuple(moves),
        put_edges=tuple(changed),
    )
