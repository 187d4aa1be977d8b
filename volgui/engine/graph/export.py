"""The mount graph as text: JSON (DESIGN's contract) and Graphviz DOT."""

from __future__ import annotations

import json

from volgui.engine.graph.ids import container_node_id, mount_node_id, volume_node_id
from volgui.engine.model import Snapshot


def to_json(snapshot: Snapshot) -> str:
    return json.dumps(snapshot.to_json(), indent=2, ensure_ascii=False)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
        label = v.display_name
        node = _quote(volume_node_id(v.name))
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
        lines.append(
            f"  {_quote(container_node_id(c.id))} [shape=box, label={_quote(c.name)}{style}];"
        )
    for m in snapshot.mounts:
        attrs = [f"label={_quote(m.destination)}"]
        if m.read_only:
            attrs.append("style=dashed")
        lines.append(
            f"  {_quote(mount_node_id(m))} -> {_quote(container_node_id(m.container))}"
            f" [{', '.join(attrs)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
