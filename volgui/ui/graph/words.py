"""The mount graph's words in the window's language: column titles, the folded
"N anonymous" labels, node and mount tooltips.

The graph's model (``volgui/engine/graph``) is Qt-free and writes English; the
view words what it shows here, from the node and the snapshot it mirrors, so a
language switch only has to ask again (``MountGraph`` does on ``LanguageChange``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from volgui.engine.graph.ids import ANONYMOUS_USED
from volgui.engine.graph.layout import Header
from volgui.engine.graph.model import Edge, Node
from volgui.engine.model import ANONYMOUS_LABEL, Snapshot, display_name
from volgui.ui.container_table import state_name

MAX_USERS = 8  # container names listed in a volume's tooltip
MAX_LABELS = 6
MAX_MEMBERS = 12  # volumes listed in an "N anonymous" tooltip


class GraphWords(QObject):
    """A QObject only so ``tr()`` and lupdate agree on a context."""

    def header(self, header: Header, unused: int) -> str:
        kind = header.key.split(":")[0]
        if kind == "unused":
            return self.tr("Unused ({n})").format(n=unused)
        if kind == "sources":
            return self.tr("Volumes · host paths · tmpfs")
        if kind == "containers":
            return self.tr("Containers")
        return header.text

    def label(self, node: Node) -> str:
        """What the node's box says: its name, or "N anonymous" for a folded group."""
        if node.kind != "anonymous-group":
            return node.label
        if node.unused:
            return self.tr("{n} anonymous (unused)").format(n=node.count)
        return self.tr("{n} anonymous").format(n=node.count)

    def tooltip(self, node: Node, snapshot: Snapshot | None) -> str:
        """The node's tooltip; the model's own text when the snapshot lacks the node."""
        if snapshot is not None:
            if node.kind in ("volume", "anonymous"):
                text = self._volume(node.key, snapshot)
            elif node.kind == "anonymous-group":
                text = self._group(node, snapshot)
            elif node.kind == "container":
                text = self._container(node.key, snapshot)
            elif node.kind == "tmpfs":
                text = self._tmpfs(node, snapshot)
            else:
                text = self.tr("host path {path}").format(path=node.key)
            if text:
                return text
        return node.tooltip or node.label

    def _volume(self, name: str, snapshot: Snapshot) -> str:
        v = snapshot.volume(name)
        if v is None:
            return ""
        driver = self.tr("driver: {driver}").format(driver=v.driver)
        if v.anonymous:
            driver += " · " + self.tr("anonymous")
        lines = [v.name, driver]
        pairs = [f"{k}={val}" for k, val in sorted(v.labels.items()) if k != ANONYMOUS_LABEL]
        if pairs:
            shown = ", ".join(pairs[:MAX_LABELS]) + (" …" if len(pairs) > MAX_LABELS else "")
            lines.append(self.tr("labels: {labels}").format(labels=shown))
        users = [c.name if (c := snapshot.container(u)) else u[:12] for u in v.used_by]
        if users:
            names = ", ".join(users[:MAX_USERS])
            if len(users) > MAX_USERS:
                names = self.tr("{names} and {n} more").format(
                    names=names, n=len(users) - MAX_USERS
                )
            lines.append(self.tr("used by: {names}").format(names=names))
        else:
            lines.append(self.tr("unused: no container mounts it"))
        return "\n".join(lines)

    def _group(self, node: Node, snapshot: Snapshot) -> str:
        used = node.id == ANONYMOUS_USED
        members = [v.name for v in snapshot.volumes if v.anonymous and v.in_use == used]
        if used:
            head = self.tr("%n anonymous volume(s):", "", node.count)
        else:
            head = self.tr("%n anonymous volume(s) no container mounts:", "", node.count)
        lines = [head, *(display_name(m, anonymous=True) for m in members[:MAX_MEMBERS])]
        if len(members) > MAX_MEMBERS:
            lines.append(self.tr("… and {n} more").format(n=len(members) - MAX_MEMBERS))
        return "\n".join(lines)

    def _container(self, key: str, snapshot: Snapshot) -> str:
        c = snapshot.container(key)
        if c is None:
            return ""
        state = state_name(c.state) + (f" ({c.status})" if c.status else "")  # status: engine's
        return "\n".join(
            (
                c.name,
                self.tr("image: {image}").format(image=c.image),
                self.tr("state: {state}").format(state=state),
                self.tr("id: {id}").format(id=c.short_id),
            )
        )

    def _tmpfs(self, node: Node, snapshot: Snapshot) -> str:
        # tmpfs:<container id>:<destination> (ids.py)
        _kind, cid, destination = node.id.split(":", 2)
        c = snapshot.container(cid)
        name = c.name if c else cid[:12]
        return self.tr("tmpfs (memory) at {destination} in {name}").format(
            destination=destination, name=name
        )

    def edge_tooltip(self, edge: Edge, source: str, target: str) -> str:
        line = f"{source} → {target}:{edge.destination}"
        if edge.read_only:
            line = self.tr("{mount} (read-only)").format(mount=line)
        kinds = {
            "volume": self.tr("volume mount"),
            "bind": self.tr("bind mount"),
            "tmpfs": self.tr("tmpfs mount"),
        }
        kind = kinds.get(edge.mount_type) or self.tr("{kind} mount").format(kind=edge.mount_type)
        return f"{line}\n{kind}"


words = GraphWords()
