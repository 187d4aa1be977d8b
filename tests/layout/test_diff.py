"""The diff the worker computes: applied in order, it turns one picture into the next."""

from __future__ import annotations

from dataclasses import replace

from tests import synthetic
from volgui.engine.graph.diff import Diff, diff
from volgui.engine.graph.layout import Layout, layout
from volgui.engine.graph.model import Edge, Graph, Node, build_graph
from volgui.engine.model import Snapshot, Volume

Shown = tuple[dict[str, Node], dict[str, tuple[float, float]], dict[str, Edge]]


def _apply(shown: Shown, change: Diff) -> Shown:
    """What the scene sync does, on plain dicts."""
    nodes, where, edges = dict(shown[0]), dict(shown[1]), dict(shown[2])
    for eid in change.remove_edges:
        del edges[eid]
    for nid in change.remove_nodes:
        del nodes[nid], where[nid]
    for node in change.update_nodes:
        assert node.id in nodes
        nodes[node.id] = node
    for node, pos in change.add_nodes:
        assert node.id not in nodes
        nodes[node.id], where[node.id] = node, pos
    for nid, pos in change.moves:
        where[nid] = pos
    for edge in change.put_edges:
        edges[edge.id] = edge
    return nodes, where, edges


def _picture(graph: Graph, lay: Layout) -> Shown:
    return graph.node_map(), dict(lay.positions), {e.id: e for e in graph.edges}


def _step(snap: Snapshot) -> tuple[Graph, Layout]:
    graph = build_graph(snap)
    return graph, layout(graph)


def test_a_chain_of_diffs_ends_in_the_last_picture() -> None:
    first = synthetic.snapshot(300, 40, 120, seed=5)
    one_more = Snapshot.build([*first.volumes, Volume("aa-new")], first.containers)
    cons = list(one_more.containers)
    cons[0] = replace(cons[0], state="exited" if cons[0].running else "running")
    changed = Snapshot.build(
        [v for v in one_more.volumes if v.in_use][:200], [*cons[:30], *cons[31:]]
    )
    shown: Shown = ({}, {}, {})
    graph, lay = Graph(), None
    for snap in (first, one_more, changed, first):
        new_graph, new_lay = _step(snap)
        change = diff(graph, lay, new_graph, new_lay, (0.0, 0.0, 800.0, 600.0))
        shown = _apply(shown, change)
        assert shown == _picture(new_graph, new_lay)
        graph, lay = new_graph, new_lay


def test_one_new_volume_adds_one_node_and_changes_nothing_else() -> None:
    first = synthetic.snapshot(300, 40, 120, seed=5)
    graph, lay = _step(first)
    again = Snapshot.build([*first.volumes, Volume("zz-new")], first.containers)
    new_graph, new_lay = _step(again)
    change = diff(graph, lay, new_graph, new_lay, None)
    assert [n.id for n, _ in change.add_nodes] == ["volume:zz-new"]
    assert not change.remove_nodes and not change.remove_edges and not change.put_edges


def test_what_is_on_screen_is_added_first() -> None:
    graph, lay = _step(synthetic.snapshot(300, 40, 120, seed=5))
    seen = (0.0, 0.0, 400.0, 300.0)
    change = diff(Graph(), None, graph, lay, seen)
    inside = [seen[0] <= x <= seen[2] and seen[1] <= y <= seen[3] for _, (x, y) in change.add_nodes]
    assert any(inside) and inside == sorted(inside, reverse=True)
