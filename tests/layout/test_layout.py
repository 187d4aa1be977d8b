"""The mount graph's layout, Qt-free: shape, crossings, determinism, speed."""

from __future__ import annotations

import ast
import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import volgui.engine.graph as graph_package
from tests import synthetic
from volgui.engine.graph.crossings import count_crossings
from volgui.engine.graph.ids import ANONYMOUS_UNUSED, ANONYMOUS_USED, mount_node_id
from volgui.engine.graph.layout import Layout, LayoutOptions, layout
from volgui.engine.graph.model import Edge, Graph, Node, build_graph
from volgui.engine.model import Container, Mount, Snapshot, Volume

STDLIB = sys.stdlib_module_names | {"__future__"}
ANON = "a" * 64
ANON2 = "b" * 64


def _sample() -> Snapshot:
    c1, c2, c3 = "1" * 64, "2" * 64, "3" * 64
    vols = [Volume("data"), Volume("logs"), Volume("unused"), Volume(ANON), Volume(ANON2)]
    cons = [
        Container(
            c1,
            "web",
            "img",
            "running",
            mounts=(
                Mount(c1, "volume", "data", "/data"),
                Mount(c1, "volume", "logs", "/logs", read_only=True),
                Mount(c1, "bind", "/etc/app", "/etc/app", read_only=True),
                Mount(c1, "tmpfs", None, "/tmp"),
            ),
        ),
        Container(c2, "backup", "img", "exited", mounts=(Mount(c2, "volume", "data", "/src"),)),
        Container(c3, "anon-user", "img", "running", mounts=(Mount(c3, "volume", ANON, "/x"),)),
    ]
    return Snapshot.build(vols, cons)


def _overlaps(lay: Layout, opt: LayoutOptions) -> list[tuple[str, str]]:
    boxes = sorted(lay.positions.items(), key=lambda kv: (kv[1][0], kv[1][1]))
    bad = []
    for (a, (xa, ya)), (b, (xb, yb)) in zip(boxes, boxes[1:], strict=False):
        if xa == xb and yb - ya < opt.node_height:
            bad.append((a, b))
    return bad


def test_graph_has_a_node_per_source_and_container_and_an_edge_per_mount() -> None:
    snap = _sample()
    g = build_graph(snap)
    kinds = {n.id: n.kind for n in g.nodes}
    assert len(g.edges) == len(snap.mounts) == 6
    # node ids are the ones `volgui graph --format dot` uses
    for m in snap.mounts:
        assert mount_node_id(m) in kinds
    assert kinds["volume:data"] == "volume"
    assert kinds[f"volume:{ANON}"] == "anonymous"
    assert kinds["bind:/etc/app"] == "bind"
    assert sum(k == "tmpfs" for k in kinds.values()) == 1
    assert sum(k == "container" for k in kinds.values()) == 3
    nodes = g.node_map()
    assert nodes["volume:unused"].unused and not nodes["volume:data"].unused
    assert nodes[f"container:{'1' * 64}"].running
    assert not nodes[f"container:{'2' * 64}"].running
    ro = {e.destination for e in g.edges if e.read_only}
    assert ro == {"/logs", "/etc/app"}


def test_collapsing_anonymous_volumes_keeps_every_edge() -> None:
    snap = _sample()
    g = build_graph(snap, collapse_anonymous=True)
    nodes = g.node_map()
    assert f"volume:{ANON}" not in nodes and f"volume:{ANON2}" not in nodes
    assert nodes[ANONYMOUS_USED].count == 1 and nodes[ANONYMOUS_USED].label == "1 anonymous"
    assert nodes[ANONYMOUS_UNUSED].unused
    assert len(g.edges) == len(snap.mounts)
    assert [e.source for e in g.edges if e.destination == "/x"] == [ANONYMOUS_USED]
    lay = layout(g)
    assert ANONYMOUS_UNUSED in lay.unused_order and ANONYMOUS_USED in lay.source_order


def test_unused_volumes_are_set_apart_left_of_the_sources() -> None:
    g = build_graph(_sample())
    lay = layout(g)
    assert set(lay.unused_order) == {"volume:unused", f"volume:{ANON2}"}
    assert set(lay.positions) == {n.id for n in g.nodes}
    x_sources = lay.positions["volume:data"][0]
    assert all(lay.positions[n][0] < x_sources for n in lay.unused_order)
    assert lay.positions[f"container:{'1' * 64}"][0] > x_sources
    assert not _overlaps(lay, LayoutOptions())


def test_count_crossings() -> None:
    assert count_crossings([]) == 0
    assert count_crossings([(0, 0), (1, 1)]) == 0
    assert count_crossings([(0, 1), (1, 0)]) == 1
    assert count_crossings([(0, 0), (0, 1), (1, 0)]) == 1  # shared ends never cross
    # brute force on a random graph
    rng = random.Random(7)
    pairs = [(rng.randrange(20), rng.randrange(20)) for _ in range(150)]
    brute = sum(
        1 for i, (a, b) in enumerate(pairs) for c, d in pairs[i + 1 :] if (a - c) * (b - d) < 0
    )
    assert count_crossings(pairs) == brute


def _bipartite(n_src: int, n_dst: int, edges: list[tuple[int, int]]) -> Graph:
    nodes = [Node(f"volume:v{i:03d}", "volume", f"v{i}", f"v{i}") for i in range(n_src)]
    nodes += [Node(f"container:c{i:03d}", "container", f"c{i}", f"c{i}") for i in range(n_dst)]
    es = [
        Edge(f"mount:c{t:03d}:/d{k}", f"volume:v{s:03d}", f"container:c{t:03d}", f"/d{k}")
        for k, (s, t) in enumerate(edges)
    ]
    return Graph(tuple(nodes), tuple(es))


def test_a_reversed_matching_is_untangled_completely() -> None:
    n = 30
    g = _bipartite(n, n, [(i, n - 1 - i) for i in range(n)])
    lay = layout(g)
    assert lay.crossings_before == n * (n - 1) // 2
    assert lay.crossings_after == 0


def test_crossings_drop_on_the_benchmark_graph() -> None:
    lay = layout(build_graph(synthetic.snapshot(2000, 300, 900)))
    assert lay.crossings_after <= lay.crossings_before
    assert lay.crossings_after < lay.crossings_before / 10


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 25),
    st.integers(1, 25),
    st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), max_size=80),
)
def test_layout_never_adds_crossings_and_places_every_node_once(
    n_src: int, n_dst: int, raw: list[tuple[int, int]]
) -> None:
    edges = [(s % n_src, t % n_dst) for s, t in raw]
    g = _bipartite(n_src, n_dst, edges)
    opt = LayoutOptions()
    lay = layout(g, opt)
    assert lay.crossings_after <= lay.crossings_before
    assert set(lay.positions) == {n.id for n in g.nodes}
    assert not _overlaps(lay, opt)
    used = {f"volume:v{s:03d}" for s, _ in edges}
    assert set(lay.source_order) == used
    assert set(lay.unused_order) == {n.id for n in g.nodes if n.is_source} - used


def test_layout_is_deterministic() -> None:
    snap = synthetic.snapshot(400, 80, 200, seed=3)
    first = layout(build_graph(snap))
    again = layout(build_graph(synthetic.snapshot(400, 80, 200, seed=3)))
    assert first == again
    # and the snapshot's input order does not matter (Snapshot.build sorts)
    shuffled = list(snap.volumes)
    random.Random(1).shuffle(shuffled)
    rebuilt = Snapshot.build(shuffled, reversed(snap.containers))
    assert layout(build_graph(rebuilt)) == first


def test_the_benchmark_graph_places_every_node_once_without_overlap() -> None:
    # How fast is bench/graph.py's business; this holds what the layout must do.
    opt = LayoutOptions()
    graph = build_graph(synthetic.snapshot(2000, 300, 900))
    assert (len(graph.nodes), len(graph.edges)) == (2300, 900)
    lay = layout(graph, opt)
    assert set(lay.positions) == {n.id for n in graph.nodes}
    assert len(set(lay.positions.values())) == len(graph.nodes)  # no two in one place
    assert not _overlaps(lay, opt)
    sources = {n.id for n in graph.nodes if n.is_source}
    used = {e.source for e in graph.edges}
    assert set(lay.unused_order) == sources - used
    assert set(lay.source_order) == used
    assert set(lay.container_order) == {n.id for n in graph.nodes if not n.is_source}
    assert lay.crossings_after < lay.crossings_before / 10


def test_the_graph_package_imports_only_the_model_and_the_stdlib() -> None:
    """Pure: runs on any thread, in any process; no Qt, no transport, no client."""
    package = Path(graph_package.__file__).parent
    allowed = {"volgui.engine.model", "volgui.engine.pace"}  # pace: stdlib only
    bad = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                ours = name in allowed or name.startswith("volgui.engine.graph")
                if not ours and (name.startswith("volgui") or name.split(".")[0] not in STDLIB):
                    bad.append(f"{path.name}: {name}")
    assert bad == []


def test_a_big_graph_wraps_into_bands_of_about_screen_shape() -> None:
    opt = LayoutOptions()
    g = build_graph(synthetic.snapshot(2000, 300, 900))
    lay = layout(g, opt)
    assert lay.bands > 1
    assert 0.8 < lay.width / lay.height < 3.2
    assert not _overlaps(lay, opt)
    # every edge stays inside its band: source left of its container, one column gap away
    for e in g.edges:
        (xs, _), (xt, _) = lay.positions[e.source], lay.positions[e.target]
        assert xt - xs == opt.node_width + opt.column_gap
    assert {h.key for h in lay.headers} >= {"sources:0", f"containers:{lay.bands - 1}"}
    # a small graph stays in one band
    assert layout(build_graph(_sample())).bands == 1


def test_the_view_and_graph_dot_name_the_same_nodes_and_edges() -> None:
    import re

    from volgui.engine.graph.export import to_dot

    snap = _sample()
    g = build_graph(snap)
    dot = to_dot(snap)
    declared = set(re.findall(r'^  "([^"]+)" \[shape=', dot, flags=re.M))
    edges = re.findall(r'^  "([^"]+)" -> "([^"]+)"', dot, flags=re.M)
    assert declared == {n.id for n in g.nodes}
    assert sorted(edges) == sorted((e.source, e.target) for e in g.edges)
