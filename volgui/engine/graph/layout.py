"""The mount graph's geometry: where every node goes.

:func:`layout` places the nodes in two columns — sources (volumes, host
paths, tmpfs) left, containers right — and orders each connected group of
nodes by barycenter sweeps (:mod:`.crossings`) to reduce edge crossings.
Unused volumes get a block of their own, apart from the rest, so whoever
hunts for what prune would remove sees them at once. Big graphs wrap into
bands of column pairs. Deterministic: the same graph always gives the same
picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from volgui.engine.graph.crossings import graph_crossings, order_component
from volgui.engine.graph.model import Graph, Node, build_graph
from volgui.engine.model import Snapshot
from volgui.engine.pace import paced


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


def _place(desired: list[float], top: float, bottom: float, pitch: float) -> list[float]:
    """Keep order and spacing, stay near ``desired``, fit in [top, bottom]."""
    ys: list[float] = []
    for d in desired:
        ys.append(max(d, top, ys[-1] + pitch if ys else top))
    for i in range(len(ys) - 1, -1, -1):
        limit = bottom if i == len(ys) - 1 else ys[i + 1] - pitch
        ys[i] = max(min(ys[i], limit), top + i * pitch)
    return ys


@dataclass
class _Frame:
    """The graph as indexes: node i, its neighbours, the edges as id pairs."""

    nodes: tuple[Node, ...]
    ids: list[str]
    adj: list[list[int]]
    edge_pairs: list[tuple[str, str]]

    @classmethod
    def of(cls, graph: Graph) -> _Frame:
        ids = [n.id for n in graph.nodes]
        index = {nid: i for i, nid in enumerate(ids)}
        adj: list[list[int]] = [[] for _ in ids]
        edge_pairs: list[tuple[str, str]] = []
        for e in paced(graph.edges):
            s, t = index.get(e.source), index.get(e.target)
            if s is None or t is None:
                continue
            adj[s].append(t)
            adj[t].append(s)
            edge_pairs.append((e.source, e.target))
        return cls(graph.nodes, ids, adj, edge_pairs)

    def crossings(self, left: list[int], right: list[int]) -> int:
        return graph_crossings(
            self.edge_pairs,
            {self.ids[n]: p for p, n in enumerate(left)},
            {self.ids[n]: p for p, n in enumerate(right)},
        )

    def components(self) -> list[list[int]]:
        """Connected components, in list order of their first member."""
        adj = self.adj
        component = [-1] * len(self.ids)
        components: list[list[int]] = []
        for start in paced(range(len(self.ids))):
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
        return components


Block = tuple[int, dict[int, float]]  # (rows, node -> y from the block's top)


def _blocks(
    frame: _Frame, list_targets: list[int], opt: LayoutOptions
) -> tuple[list[Block], list[int], list[int]]:
    """Order each component, and place its rows relative to its own top."""
    nodes, adj, pitch = frame.nodes, frame.adj, opt.pitch
    blocks: list[Block] = []
    source_order: list[int] = []
    target_order: list[int] = []
    for members in paced(frame.components(), every=4):
        srcs = [m for m in members if nodes[m].is_source]
        tgts = [m for m in members if not nodes[m].is_source]
        srcs, tgts = order_component(srcs, tgts, adj, adj, opt.sweeps)
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
    return blocks, source_order, target_order


def _bands(
    blocks: list[Block], unused: int, opt: LayoutOptions
) -> tuple[list[tuple[int, float]], int, float]:
    """Big graphs wrap into bands of columns side by side, so that the whole
    picture has about the shape of a screen instead of a 30,000-pixel strip.

    Returns each block's (band, top), the number of bands, and the tallest
    band's height in rows."""
    pitch = opt.pitch
    gap_rows = opt.component_gap / pitch
    total_rows = sum(rows for rows, _ in blocks) + gap_rows * max(0, len(blocks) - 1)
    band_width = 2 * opt.node_width + opt.column_gap
    unused_column = opt.node_width + 20.0

    def shape(bands: int) -> float:
        rows = max(total_rows / bands, 12.0)
        columns = -(-unused // int(rows)) if unused else 0
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
    return band_of, bands, band_rows


def layout(graph: Graph, options: LayoutOptions | None = None) -> Layout:
    """Two columns, crossings reduced, unused volumes in a block of their own."""
    opt = options or LayoutOptions()
    pitch = opt.pitch
    frame = _Frame.of(graph)
    nodes, ids, adj = frame.nodes, frame.ids, frame.adj
    list_sources = [i for i, n in enumerate(nodes) if n.is_source]
    list_targets = [i for i, n in enumerate(nodes) if not n.is_source]
    before = frame.crossings(list_sources, list_targets)
    unused = [i for i in list_sources if not adj[i]]
    unused.sort(key=lambda i: (nodes[i].kind != "volume", i))
    blocks, source_order, target_order = _blocks(frame, list_targets, opt)
    band_of, bands, band_rows = _bands(blocks, len(unused), opt)
    band_width = 2 * opt.node_width + opt.column_gap
    unused_column = opt.node_width + 20.0

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
        crossings_after=frame.crossings(source_order, target_order),
        bands=bands,
    )


def compute(
    snapshot: Snapshot, collapse_anonymous: bool = False, options: LayoutOptions | None = None
) -> tuple[Graph, Layout]:
    """Graph and layout in one call."""
    graph = build_graph(snapshot, collapse_anonymous)
    return graph, layout(graph, options)
