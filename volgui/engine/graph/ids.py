"""THE one place that names the mount graph's nodes and edges.

A node id is ``kind:key``: ``volume:<name>``, ``bind:<host path>``,
``tmpfs:<container id>:<destination>``, ``container:<full id>``, and the two
folded anonymous groups. An edge is one mount, named by its container and
destination (a container mounts at most one thing per destination).
"""

from __future__ import annotations

from volgui.engine.model import Mount

ANONYMOUS_USED = "anonymous:used"  # the folded "N anonymous" node of used volumes
ANONYMOUS_UNUSED = "anonymous:unused"


def volume_node_id(name: str) -> str:
    return f"volume:{name}"


def bind_node_id(path: str) -> str:
    return f"bind:{path}"


def tmpfs_node_id(container_id: str, destination: str) -> str:
    return f"tmpfs:{container_id}:{destination}"


def container_node_id(container_id: str) -> str:
    return f"container:{container_id}"


def mount_node_id(mount: Mount) -> str:
    """The node a mount's source is drawn as: volume, host path, or tmpfs."""
    if mount.type == "volume":
        return volume_node_id(mount.source or "")
    if mount.type == "bind":
        return bind_node_id(mount.source or "")
    return tmpfs_node_id(mount.container, mount.destination)


def edge_id(container_id: str, destination: str) -> str:
    """A container mounts at most one thing per destination: that names the edge."""
    return f"mount:{container_id}:{destination}"
