"""The mount graph's shape and geometry, Qt-free so it runs on any thread.

:func:`build_graph` turns a :class:`Snapshot` into nodes and edges (one edge
per mount, node ids from :func:`volgui.engine.graph.mount_node_id`, so the
view and ``volgui graph --format dot`` name the same things).
:func:`layout` places them in two columns — sources (volumes, host paths,
tmpfs) left, containers right — and orders each column by barycenter sweeps
to reduce edge crossings. Unused volumes get a block of their own, apart from
the rest, so whoever hunts for what prune would remove sees them at once.
Everything is deterministic: the same graph always gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from volgui.engine.graph import mount_node_id
from volgui.engine.model import ANONYMOUS_LABEL, Snapshot

NodeKind = Literal["volume", "anonymous", "anonymous-group", "bind", "tmpfs", "container"]
SOURCE_KINDS = frozenset({"volume", "anonymous", "anonymous-group", "bind", "tmpfs"})
ANONYMOUS_USED = "anonymous:used"
ANONYMOUS_UNUSED = "anonymous:unused"


@dataclass(frozen=True, slots=True)
class Node:
    """One box in the graph. ``key`` is what the rest of the app calls it:
    the volume name, the host path, or the full container id."""

    id: str
    kind: NodeKind
    label: str
    key: str
    tooltip: str = ""
    running: bool = False  # containers only
    unused: bool = False  # sources no container mounts
    count: int = 1  # how many volumes an "N anonymous" node stands for

    @property
    def is_source(self) -> bool:
        return self.kind in SOURCE_KINDS

    @property
    def is_volume(self) -> bool:
        return self.kind in ("volume", "anonymous")


@dataclass(frozen=True, slots=True)
class Edge:
    """One mount: source node -> container node, at ``destination``."""

    id: str
    source: str
    target: str
    destination: str
    read_only: bool = False
    mount_type: str = "volume"


@dataclass(frozen=True)
class Graph:
    """Nodes in list order (volumes by name, host paths, tmpfs, then containers)."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()

    def node_map(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}


def container_node_id(container_id: str) -> str:
    return f"container:{container_id}"


def edge_id(container_id: str, destination: str) -> str:
    """A container mounts at most one thing per destination: that names the edge."""
    return f"mount:{container_id}:{destination}"


def _volume_tooltip(
    name: str, driver: str, users: Sequence[str], anonymous: bool, labels: Mapping[str, str]
) -> str:
    lines = [name, f"driver: {driver}" + (" · anonymous" if anonymous else "")]
    pairs = [f"{k}={v}" for k, v in sorted(labels.items()) if k != ANONYMOUS_LABEL]
    if pairs:
        lines.append("labels: " + ", ".join(pairs[:6]) + (" …" if len(pairs) > 6 else ""))
    if users:
        shown = ", ".join(users[:8]) + (f" and {len(users) - 8} more" if len(users) > 8 else "")
        lines.append(f"used by: {shown}")
    else:
        lines.append("unused: no container mounts it")
    return "\n".join(lines)


def build_graph(snapshot: Snapshot, collapse_anonymous: bool = False) -> Graph:
    """Nodes and edges for ``snapshot``; optionally fold anonymous volumes into
    one "N anonymous" node (one for used ones, one for unused ones)."""
    names = {c.id: c.name for c in snapshot.containers}
    sources: list[Node] = []
    groups: dict[str, list[str]] = {ANONYMOUS_USED: [], ANONYMOUS_UNUSED: []}
    folded: dict[str, str] = {}  # volume node id -> group node id
    for v in snapshot.volumes:
        vid = f"volume:{v.name}"
        if v.anonymous and collapse_anonymous:
            group = ANONYMOUS_USED if v.in_use else ANONYMOUS_UNUSED
            groups[group].append(v.name)
            folded[vid] = group
            continue
        users = [names.get(u, u[:12]) for u in v.used_by]
        sources.append(
            Node(
                id=vid,
                kind="anonymous" if v.anonymous else "volume",
                label=v.name[:12] + "…" if v.anonymous else v.name,
                key=v.name,
                tooltip=_volume_tooltip(v.name, v.driver, users, v.anonymous, v.labels),
                unused=not v.in_use,
            )
        )
    for gid, members in groups.items():
        if not members:
            continue
        used = gid == ANONYMOUS_USED
        shown = "\n".join(m[:12] + "…" for m in members[:12])
        more = f"\n… and {len(members) - 12} more" if len(members) > 12 else ""
        sources.append(
            Node(
                id=gid,
                kind="anonymous-group",
                label=f"{len(members)} anonymous" + ("" if used else " (unused)"),
                key="",
                tooltip=f"{len(members)} anonymous volumes"
                + ("" if used else " no container mounts")
                + f":\n{shown}{more}",
                unused=not used,
                count=len(members),
            )
        )
    edges: list[Edge] = []
    extra: dict[str, Node] = {}
    known = {n.id for n in sources} | set(folded)  # group nodes are in sources
    for c in snapshot.containers:
        for m in c.mounts:
            src = mount_node_id(m)
            src = folded.get(src, src)
            if m.type == "bind" and src not in extra:
                path = m.source or ""
                extra[src] = Node(src, "bind", path, path, f"host path {path}")
            elif m.type == "tmpfs":
                extra[src] = Node(
                    src,
                    "tmpfs",
                    f"tmpfs {m.destination}",
                    "",
                    f"tmpfs (memory) at {m.destination} in {c.name}",
                )
            elif m.type == "volume" and m.source and src not in known and src not in extra:
                # A volume the list did not hold (created meanwhile): still draw it.
                extra[src] = Node(src, "volume", m.source, m.source, m.source)
            edges.append(
                Edge(
                    id=edge_id(c.id, m.destination),
                    source=src,
                    target=container_node_id(c.id),
                    destination=m.destination,
                    read_only=m.read_only,
                    mount_type=m.type,
                )
            )
    binds = sorted((n for n in extra.values() if n.kind != "tmpfs"), key=lambda n: (n.kind, n.key))
    tmpfs = [n for n in extra.values() if n.kind == "tmpfs"]
    containers = [
        Node(
            id=container_node_id(c.id),
            kind="container",
            label=c.name,
            key=c.id,
            tooltip=f"{c.name}\nimage: {c.image}\nstate: {c.state}"
            + (f" ({c.status})" if c.status else "")
            + f"\nid: {c.short_id}",
            running=c.running,
        )
        for c in snapshot.containers
    ]
    return Graph(nodes=(*sources, *binds, *tmpfs, *containers), edges=tuple(edges))


# -- layout ------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutOptions:
    """Sizes in scene units (pixels at zoom 1)."""

    node_width: float = 190.0
    node_height: float = 24.0
    row_gap: float = 8.0
    column_gap: float = 230.0  # between the sources' and the containers' columns
    block_gap: float = 90.0  # between the unused block and the sources
    component_gap: float = 16.0  # between groups of nodes that share no edge
    sweeps: int = 16
    band_gap: float = 220.0  # between column pairs when a big graph wraps
    min_band_rows: int = 40  # never wrap into bands shorter than this
    aspect: float = 1.6  # the width/height a wrapped graph aims at

    @property
    def pitch(self) -> float:
        return self.node_height + self.row_gap


@dataclass(frozen=True, slots=True)
class Header:
    """A column title drawn above a column; ``key`` names it for the view."""

    key: str
    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Layout:
    """Top-left corners of every node, column titles, and the crossing counts."""

    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    headers: tuple[Header, ...] = ()
    width: float = 0.0
    height: float = 0.0
    source_order: tuple[str, ...] = ()
    container_order: tuple[str, ...] = ()
    unused_order: tuple[str, ...] = ()
    crossings_before: int = 0  # in list order
    crossings_after: int = 0
    bands: int = 1  # big graphs wrap into several source/container column pairs


def count_crossings(pairs: Iterable[tuple[int, int]]) -> int:
    """Crossings among straight edges between two ordered columns.

    ``pairs`` are (left position, right position). Two edges cross when their
    ends are in opposite orders; counted as inversions with a Fenwick tree in
    O(E log V) (Barth, Jünger and Mutzel's idea).
    """
    edges = sorted(pairs)
    if not edges:
        return 0
    size = max(v for _, v in edges) + 2
    tree = [0] * (size + 1)
    crossings = 0
    seen = 0
    for _, v in edges:
        # how many earlier edges end strictly below v (position > v)?
        i = v + 1
        not_greater = 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        crossings += seen - not_greater
        seen += 1
        i = v + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _graph_crossings(
    edges: Sequence[tuple[str, str]], left: Mapping[str, int], right: Mapping[str, int]
) -> int:
    return count_crossings((left[s], right[t]) for s, t in edges if s in left and t in right)


def _order_component(
    sources: list[int],
    targets: list[int],
    adj_s: list[list[int]],
    adj_t: list[list[int]],
    sweeps: int,
) -> tuple[list[int], list[int]]:
    """Barycenter sweeps on one connected component; keep the best order seen."""
    pos_s = {n: i for i, n in enumerate(sources)}
    pos_t = {n: i for i, n in enumerate(targets)}

    def crossings() -> int:
        return count_crossings((pos_s[s], pos_t[t]) for s in sources for t in adj_s[s])

    best = crossings()
    best_order = (list(sources), list(targets))
    if best == 0:
        return best_order
    seen_orders: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for sweep in range(sweeps):
        if sweep % 2 == 0:  # move sources, containers fixed
            sources.sort(key=lambda n: (sum(pos_t[t] for t in adj_s[n]) / len(adj_s[n]), pos_s[n]))
            pos_s = {n: i for i, n in enumerate(sources)}
        else:
            targets.sort(key=lambda n: (sum(pos_s[s] for s in adj_t[n]) / len(adj_t[n]), pos_t[n]))
            pos_t = {n: i for i, n in enumerate(targets)}
        now = crossings()
        if now < best:
            best, best_order = now, (list(sources), list(targets))
            if best == 0:
                break
        state = (tuple(sources), tuple(targets))
        if state in seen_orders:
            break  # the sweeps cycle: nothing new to find
        seen_orders.add(state)
    return best_order


def _place(desired: list[float], top: float, bottom: float, pitch: float) -> list[float]:
    """Keep order and spacing, stay near ``desired``, fit in [top, bottom]."""
    ys: list[float] = []
    for d in desired:
        ys.append(max(d, top, ys[-1] + pitch if ys else top))
    for i in range(len(ys) - 1, -1, -1):
        limit = bottom if i == len(ys) - 1 else ys[i + 1] - pitch
        ys[i] = max(min(ys[i], limit), top + i * pitch)
    return ys


def layout(graph: Graph, options: LayoutOptions | None = None) -> Layout:
    """Two columns, crossings reduced, unused volumes in a block of their own."""
    opt = options or LayoutOptions()
    pitch = opt.pitch
    ids = [n.id for n in graph.nodes]
    index = {nid: i for i, nid in enumerate(ids)}
    nodes = graph.nodes
    adj: list[list[int]] = [[] for _ in ids]
    edge_pairs: list[tuple[str, str]] = []
    for e in graph.edges:
        s, t = index.get(e.source), index.get(e.target)
        if s is None or t is None:
            continue
        adj[s].append(t)
        adj[t].append(s)
        edge_pairs.append((e.source, e.target))

    list_sources = [i for i, n in enumerate(nodes) if n.is_source]
    list_targets = [i for i, n in enumerate(nodes) if not n.is_source]
    before = _graph_crossings(
        edge_pairs,
        {ids[n]: p for p, n in enumerate(list_sources)},
        {ids[n]: p for p, n in enumerate(list_targets)},
    )

    # Connected components, in list order of their first member.
    component = [-1] * len(ids)
    components: list[list[int]] = []
    for start in list_sources + list_targets:
        if component[start] >= 0 or not adj[start]:
            continue
        members = [start]
        component[start] = len(components)
        k = 0
        while k < len(members):
            for nb in adj[members[k]]:
                if component[nb] < 0:
                    component[nb] = len(components)
                    members.append(nb)
            k += 1
        members.sort()  # list order inside the component
        components.append(members)

    unused = [i for i in list_sources if not adj[i]]
    unused.sort(key=lambda i: (nodes[i].kind != "volume", i))

    # Order each component, and place its rows relative to its own top.
    blocks: list[tuple[int, dict[int, float]]] = []  # (rows, node -> y from block top)
    source_order: list[int] = []
    target_order: list[int] = []
    for members in components:
        srcs = [m for m in members if nodes[m].is_source]
        tgts = [m for m in members if not nodes[m].is_source]
        srcs, tgts = _order_component(srcs, tgts, adj, adj, opt.sweeps)
        source_order += srcs
        target_order += tgts
        rows = max(len(srcs), len(tgts))
        packed, other = (srcs, tgts) if len(srcs) >= len(tgts) else (tgts, srcs)
        ys = {n: i * pitch for i, n in enumerate(packed)}
        desired = [sum(ys[nb] for nb in adj[n]) / len(adj[n]) for n in other]
        for n, y in zip(other, _place(desired, 0.0, (rows - 1) * pitch, pitch), strict=True):
            ys[n] = y
        blocks.append((rows, ys))
    # Containers that mount nothing go last in their column.
    for n in list_targets:
        if not adj[n]:
            target_order.append(n)
            blocks.append((1, {n: 0.0}))

    # Big graphs wrap into bands of columns side by side, so that the whole
    # picture has about the shape of a screen instead of a 30,000-pixel strip.
    gap_rows = opt.component_gap / pitch
    total_rows = sum(rows for rows, _ in blocks) + gap_rows * max(0, len(blocks) - 1)
    band_width = 2 * opt.node_width + opt.column_gap
    unused_column = opt.node_width + 20.0

    def shape(bands: int) -> float:
        rows = max(total_rows / bands, 12.0)
        columns = -(-len(unused) // int(rows)) if unused else 0
        width = columns * unused_column + bands * (band_width + opt.band_gap)
        return abs(math.log(width / (rows * pitch) / opt.aspect))

    most = max(1, int(total_rows // opt.min_band_rows))
    bands = min(range(1, most + 1), key=shape)
    per_band = total_rows / bands
    band_of: list[tuple[int, float]] = []  # per block: (band, top)
    band, top = 0, 0.0
    for rows, _ in blocks:
        if top > 0 and top + rows * pitch > per_band * pitch and band < bands - 1:
            band, top = band + 1, 0.0
        band_of.append((band, top))
        top += rows * pitch + opt.component_gap
    bands = band_of[-1][0] + 1 if band_of else 1
    band_rows = max(
        [(top + rows * pitch) / pitch for (rows, _), (_, top) in zip(blocks, band_of, strict=True)]
        or [0.0]
    )

    # The unused block, left of everything, as tall as a band.
    headers: list[Header] = []
    positions: dict[str, tuple[float, float]] = {}
    rows_per_column = max(12, math.ceil(band_rows))
    x_main = 0.0
    if unused:
        columns = -(-len(unused) // rows_per_column)
        x_main = columns * unused_column - 20.0 + opt.block_gap
        for k, n in enumerate(unused):
            col, row = divmod(k, rows_per_column)
            positions[ids[n]] = (col * unused_column, row * pitch)
        headers.append(Header("unused", f"Unused ({len(unused)})", 0.0, -pitch - 6.0))
    for (_, ys), (b, top) in zip(blocks, band_of, strict=True):
        x0 = x_main + b * (band_width + opt.band_gap)
        for n, y in ys.items():
            x = x0 if nodes[n].is_source else x0 + opt.node_width + opt.column_gap
            positions[ids[n]] = (x, top + y)
    for b in range(bands):
        x0 = x_main + b * (band_width + opt.band_gap)
        headers.append(Header(f"sources:{b}", "Volumes · host paths · tmpfs", x0, -pitch - 6.0))
        x1 = x0 + opt.node_width + opt.column_gap
        headers.append(Header(f"containers:{b}", "Containers", x1, -pitch - 6.0))

    after = _graph_crossings(
        edge_pairs,
        {ids[n]: p for p, n in enumerate(source_order)},
        {ids[n]: p for p, n in enumerate(target_order)},
    )
    height = max(band_rows, min(len(unused), rows_per_column)) * pitch
    return Layout(
        positions=positions,
        headers=tuple(headers),
        width=x_main + bands * band_width + (bands - 1) * opt.band_gap,
        height=height,
        source_order=tuple(ids[n] for n in source_order),
        container_order=tuple(ids[n] for n in target_order),
        unused_order=tuple(ids[n] for n in unused),
        crossings_before=before,
        crossings_after=after,
        bands=bands,
    )


def compute(
    snapshot: Snapshot, collapse_anonymous: bool = False, options: LayoutOptions | None = None
) -> tuple[Graph, Layout]:
    """Graph and layout in one call: what the view runs on a worker thread."""
    graph = build_graph(snapshot, collapse_anonymous)
    return graph, layout(graph, options)
