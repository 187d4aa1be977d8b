"""The mount graph as text: JSON (DESIGN's contract) and Graphviz DOT."""

from __future__ import annotations

import json

from volgui.engine.model import Mount, Snapshot


def to_json(snapshot: Snapshot) -> str:
    return json.dumps(snapshot.to_json(), indent=2, ensure_ascii=False)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mount_node_id(mount: Mount) -> str:
    """The graph node a mount's source is drawn as: volume, host path, or tmpfs."""
    if mount.type == "volume":
        return f"volume:{mount.source}"
    if mount.type == "bind":
        return f"bind:{mount.source}"
    return f"tmpfs:{mount.container}:{mount.destination}"


def to_dot(snapshot: Snapshot) -> str:
    """Volumes (cylinders), bind paths (folders), tmpfs (notes) -> containers (boxes)."""
    lines = [
        "digraph volgui {",
        "  rankdir=LR;",
        '  node [fontname="Sans"];',
        '  edge [fontname="Sans", fontsize=10];',
    ]
    for v in snapshot.volumes:
        style = ', style="dashed"' if v.anonymous else ""
        label = v.name[:12] + "…" if v.anonymous else v.name
        node = _quote("volume:" + v.name)
        lines.append(f"  {node} [shape=cylinder, label={_quote(label)}{style}];")
    seen: set[str] = set()
    for m in snapshot.mounts:
        node = mount_node_id(m)
        if m.type == "volume" or node in seen:
            continue
        seen.add(node)
        if m.type == "bind":
            lines.append(f"  {_quote(node)} [shape=folder, label={_quote(m.source or '')}];")
        else:
            lines.append(f'  {_quote(node)} [shape=note, label="tmpfs"];')
    for c in snapshot.containers:
        style = "" if c.running else ', style="filled", fillcolor="lightgrey"'
        lines.append(f"  {_quote('container:' + c.id)} [shape=box, label={_quote(c.name)}{style}];")
    for m in snapshot.mounts:
        attrs = [f"label={_quote(m.destination)}"]
        if m.read_only:
            attrs.append("style=dashed")
        lines.append(
            f"  {_quote(mount_node_id(m))} -> {_quote('container:' + m.container)}"
            f" [{', '.join(attrs)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
