"""The mount graph's shape: a node per volume, host path, tmpfs and container,
an edge per mount. Pure data, built from a :class:`Snapshot` on any thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from volgui.engine.graph.ids import (
    ANONYMOUS_UNUSED,
    ANONYMOUS_USED,
    container_node_id,
    edge_id,
    mount_node_id,
    volume_node_id,
)
from volgui.engine.model import ANONYMOUS_LABEL, Container, Snapshot, display_name
from volgui.engine.pace import paced

NodeKind = Literal["volume", "anonymous", "anonymous-group", "bind", "tmpfs", "container"]
SOURCE_KINDS = frozenset({"volume", "anonymous", "anonymous-group", "bind", "tmpfs"})


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


def _group_node(gid: str, members: Sequence[str]) -> Node:
    """The "N anonymous" node standing for ``members`` (volume names)."""
    used = gid == ANONYMOUS_USED
    shown = "\n".join(display_name(m, anonymous=True) for m in members[:12])
    more = f"\n… and {len(members) - 12} more" if len(members) > 12 else ""
    return Node(
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


def _sources(snapshot: Snapshot, collapse: bool) -> tuple[list[Node], dict[str, str]]:
    """Volume nodes (or their folded groups), and volume node id -> group id."""
    names = {c.id: c.name for c in snapshot.containers}
    sources: list[Node] = []
    groups: dict[str, list[str]] = {ANONYMOUS_USED: [], ANONYMOUS_UNUSED: []}
    folded: dict[str, str] = {}
    for v in paced(snapshot.volumes):
        vid = volume_node_id(v.name)
        if v.anonymous and collapse:
            group = ANONYMOUS_USED if v.in_use else ANONYMOUS_UNUSED
            groups[group].append(v.name)
            folded[vid] = group
            continue
        users = [names.get(u, u[:12]) for u in v.used_by]
        sources.append(
            Node(
                id=vid,
                kind="anonymous" if v.anonymous else "volume",
                label=v.display_name,
                key=v.name,
                tooltip=_volume_tooltip(v.name, v.driver, users, v.anonymous, v.labels),
                unused=not v.in_use,
            )
        )
    sources += [_group_node(gid, members) for gid, members in groups.items() if members]
    return sources, folded


def _container_node(c: Container) -> Node:
    return Node(
        id=container_node_id(c.id),
        kind="container",
        label=c.name,
        key=c.id,
        tooltip=f"{c.name}\nimage: {c.image}\nstate: {c.state}"
        + (f" ({c.status})" if c.status else "")
        + f"\nid: {c.short_id}",
        running=c.running,
    )


def build_graph(snapshot: Snapshot, collapse_anonymous: bool = False) -> Graph:
    """Nodes and edges for ``snapshot``; optionally fold anonymous volumes into
    one "N anonymous" node (one for used ones, one for unused ones)."""
    sources, folded = _sources(snapshot, collapse_anonymous)
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
    containers = [_container_node(c) for c in snapshot.containers]
    return Graph(nodes=(*sources, *binds, *tmpfs, *containers), edges=tuple(edges))
