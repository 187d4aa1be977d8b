"""What the engine holds about a container that a recreate needs to know.

Reading only: inspect, names, mount points, the writable layer's changes,
the containers that share its network namespace.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from typing import Any

from volgui.engine import containers as containers_ops
from volgui.engine.errors import InvalidInput
from volgui.engine.model import Container, Mount
from volgui.engine.transport import Transport


def inspect(t: Transport, container: str | Container) -> dict[str, Any]:
    key = container.id if isinstance(container, Container) else container
    if not key:
        raise InvalidInput("container name is empty")
    return containers_ops.inspect(t, key)


def name_of(inspect: Mapping[str, Any]) -> str:
    return str(inspect.get("Name") or "").lstrip("/") or str(inspect.get("Id", ""))[:12]


def clean(path: str) -> str:
    return posixpath.normpath(path) if path else path


def bind_destination(bind: str) -> str:
    parts = bind.split(":")
    return clean(parts[1]) if len(parts) > 1 else clean(parts[0])


def describe(m: Mount) -> str:
    if m.type == "tmpfs":
        return "a tmpfs"
    if m.type == "bind":
        return f"bind mount of {m.source}"
    return f"volume {m.source}"


def mount_points(old: Mapping[str, Any]) -> dict[str, Mount]:
    """Every destination mounted in the container: volumes, binds, both kinds of tmpfs."""
    cid = old["Id"]
    points: dict[str, Mount] = {}
    for raw in old.get("Mounts") or []:
        m = Mount.from_api(cid, raw)
        if m is not None:
            points[clean(m.destination)] = m
    for dest, options in ((old.get("HostConfig") or {}).get("Tmpfs") or {}).items():
        read_only = "ro" in (options or "").split(",")
        points[clean(dest)] = Mount(cid, "tmpfs", None, clean(dest), read_only)
    return points


def container_of(old: Mapping[str, Any]) -> Container:
    cid = old["Id"]
    return Container(
        id=cid,
        name=name_of(old),
        image=(old.get("Config") or {}).get("Image") or "",
        state=(old.get("State") or {}).get("Status") or "",
        labels=dict((old.get("Config") or {}).get("Labels") or {}),
        mounts=tuple(mount_points(old).values()),
    )


def was_running(old: Mapping[str, Any]) -> bool:
    state = old.get("State") or {}
    return bool(state.get("Running") or state.get("Restarting"))


_KINDS = {0: "C", 1: "A", 2: "D"}


# Files the engine writes into every container (Podman: into its layer, where
# `podman diff` shows them; Docker bind-mounts them). A recreate makes them anew.
ENGINE_FILES = ("/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/run/.containerenv")


def layer_changes(t: Transport, inspect: Mapping[str, Any]) -> tuple[str, ...]:
    """Paths changed in the container's own layer, as ``docker diff`` prints them.

    Docker itself adds the mount points and the working directory (and their
    parents) to that layer; those hold no data and are left out.
    """
    raw = t.call(t.api.diff, inspect["Id"]) or []
    made_by_docker: set[str] = set()
    working_dir = (inspect.get("Config") or {}).get("WorkingDir") or ""
    made = [*mount_points(inspect), *([working_dir] if working_dir else []), *ENGINE_FILES]
    for path in made:
        made_by_docker.update(_with_parents(clean(path)))
    return tuple(
        f"{_KINDS.get(c.get('Kind', -1), '?')} {c.get('Path')}"
        for c in raw
        if not (c.get("Kind") in (0, 1) and clean(c.get("Path", "")) in made_by_docker)
    )


def _with_parents(path: str) -> Iterable[str]:
    while path not in ("/", ""):
        yield path
        path = posixpath.dirname(path)


def namespace_users(t: Transport, old: Mapping[str, Any]) -> list[str]:
    """Containers that joined this one's network namespace: they are tied to its id."""
    ours = {f"container:{old['Id']}", f"container:{name_of(old)}"}
    listed = t.call(t.api.containers, all=True)
    return sorted(
        (c.get("Names") or ["/" + c["Id"][:12]])[0].lstrip("/")
        for c in listed
        if (c.get("HostConfig") or {}).get("NetworkMode") in ours
    )


def refuse_autoremove(old: Mapping[str, Any]) -> None:
    if (old.get("HostConfig") or {}).get("AutoRemove") and old["State"].get("Running"):
        raise InvalidInput(
            f"container {name_of(old)} runs with --rm: stopping it would delete it, so it cannot "
            "be replaced safely"
        )
