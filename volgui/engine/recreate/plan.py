"""What a change of a container's mounts will do, computed before anything changes.

Docker cannot change the mounts of a container that exists (moby/moby#31452).
The cattle answer: an identical container with the mounts changed is swapped
in under the same name (:mod:`.swap`). :func:`plan_mounts` plans replacing
the whole mount set; :func:`plan_mount` and :func:`plan_unmount` are its two
common cases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from volgui.engine import volumes as _volumes
from volgui.engine.errors import InvalidInput
from volgui.engine.model import Container, Mount, is_anonymous_name
from volgui.engine.recreate import clone as _clone
from volgui.engine.recreate.facts import (
    clean,
    container_of,
    describe,
    inspect,
    layer_changes,
    mount_points,
    name_of,
    namespace_users,
    refuse_autoremove,
)
from volgui.engine.runspec import RunSpec
from volgui.engine.transport import Transport
from volgui.engine.validate import check_destination, check_name


@dataclass(frozen=True)
class Progress:
    """One step of :func:`~volgui.engine.recreate.apply`, reported just before it runs.

    A rollback's steps come with ``rolling_back=True`` and ``step == total == 0``.
    """

    step: int  # 1-based
    total: int
    message: str
    rolling_back: bool = False


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class RecreatePlan:
    """What a change of mounts will do to a container, computed before anything changes.

    ``action`` is ``"mount"``, ``"unmount"`` or ``"mounts"`` (a whole new set);
    ``mount`` is the one mount added or taken away (None for ``"mounts"``);
    ``mounts`` is the whole set the new container will have; ``added`` and
    ``removed`` the difference (a mount whose read-only flag changes is in both).
    ``summary`` says it in plain words; ``changes`` are the writable layer's
    changed paths (lost by the recreate); ``command`` is the new container as a
    ``docker run`` line, for people to read and copy. ``create_body`` is the
    ``POST /containers/create`` body of the new container (Config, HostConfig
    and the first network); ``networks`` are the further networks it joins.
    """

    action: str
    container: Container  # the old container, as it was when planned
    mount: Mount | None
    command: str
    summary: str = ""
    mounts: tuple[Mount, ...] = ()
    added: tuple[Mount, ...] = ()
    removed: tuple[Mount, ...] = ()
    warnings: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()  # the container's own-layer changes when planned
    creates_volume: str | None = None  # the first of creates_volumes
    creates_volumes: tuple[str, ...] = ()
    spec: RunSpec | None = None  # the new container as a RunSpec, if one can express it
    create_body: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    networks: Mapping[str, Mapping[str, Any]] = field(
        default_factory=dict, hash=False, compare=False
    )


def plan_mounts(t: Transport, container: str | Container, mounts: Sequence[Mount]) -> RecreatePlan:
    """Plan replacing ``container`` by the same container with exactly ``mounts``.

    ``mounts`` is the whole new set (volumes, binds, tmpfs; each ``container``
    field is ignored): a mount of the container that is not in it is taken
    away, one not yet there is added, one whose read-only flag differs is
    changed; the rest stay exactly as they were made. Changes nothing; raises
    InvalidInput (one line) on a set that cannot be.
    """
    wanted = [_checked_mount(m) for m in mounts]
    return _plan(t, inspect(t, container), wanted, "mounts", None)


def plan_mount(t: Transport, container: str | Container, mount: Mount) -> RecreatePlan:
    """Plan replacing ``container`` by the same container plus ``mount``."""
    mount = _checked_mount(mount)
    old = inspect(t, container)
    points = mount_points(old)
    if mount.destination in points:
        raise InvalidInput(
            f"{mount.destination} is already a mount point of container {name_of(old)} "
            f"({describe(points[mount.destination])}); unmount it first"
        )
    return _plan(t, old, [*points.values(), mount], "mount", replace(mount, container=old["Id"]))


def plan_unmount(t: Transport, container: str | Container, destination: str) -> RecreatePlan:
    """Plan replacing ``container`` by the same container without its mount at ``destination``."""
    dest = clean(check_destination(destination))
    old = inspect(t, container)
    points = mount_points(old)
    if dest not in points:
        listed = ", ".join(sorted(points)) or "none"
        raise InvalidInput(
            f"{dest} is not a mount point of container {name_of(old)} (its mounts: {listed})"
        )
    rest = [m for d, m in points.items() if d != dest]
    return _plan(t, old, rest, "unmount", points[dest])


def replan(t: Transport, old: Mapping[str, Any], plan: RecreatePlan) -> RecreatePlan:
    """``plan`` made again from what the engine holds now (``old``)."""
    return _plan(t, old, [_checked_mount(m) for m in plan.mounts], plan.action, plan.mount)


def _key(m: Mount) -> tuple[str, str | None, str, bool]:
    return (m.type, m.source, clean(m.destination), m.read_only)


def _checked_mount(mount: Mount) -> Mount:
    destination = clean(check_destination(mount.destination))
    if mount.type == "volume":
        check_name(mount.source or "", "volume")
    elif mount.type == "bind":
        if not mount.source or not mount.source.startswith("/"):
            raise InvalidInput(f"bind source {mount.source!r} is not an absolute host path")
        if ":" in mount.source:
            raise InvalidInput(f"bind source {mount.source!r} contains ':'")
    elif mount.source:
        raise InvalidInput("a tmpfs mount has no source")
    return replace(mount, destination=destination)


def _plan(
    t: Transport,
    old: Mapping[str, Any],
    wanted: Sequence[Mount],
    action: str,
    mount: Mount | None,
) -> RecreatePlan:
    name = name_of(old)
    dests = [m.destination for m in wanted]
    twice = sorted({d for d in dests if dests.count(d) > 1})
    if twice:
        raise InvalidInput(f"more than one mount at {', '.join(twice)} for container {name}")
    refuse_autoremove(old)
    points = mount_points(old)
    wanted_by_dest = {m.destination: replace(m, container=old["Id"]) for m in wanted}
    removed = [
        m
        for d, m in points.items()
        if d not in wanted_by_dest or _key(m) != _key(wanted_by_dest[d])
    ]
    added = [m for d, m in wanted_by_dest.items() if d not in points or _key(points[d]) != _key(m)]
    warnings: list[str] = []
    image, image_inspect = _clone.image(t, old, warnings)
    declared = {clean(p) for p in (image_inspect.get("Config") or {}).get("Volumes") or {}}
    for m in removed:
        if m.destination in declared and m.destination not in wanted_by_dest:
            raise InvalidInput(
                f"cannot unmount {m.destination} from {name}: its image declares "
                f"{m.destination} a VOLUME, so Docker would mount a new anonymous volume there"
            )
    body, networks = _clone.clone(old, image)
    _clone.drop_mounts(body, {m.destination for m in removed})
    for m in added:
        _clone.add_mount(body, m)
    for m in removed:
        if m.type == "volume" and m.source and m.destination not in wanted_by_dest:
            which = "anonymous volume" if is_anonymous_name(m.source) else "volume"
            warnings.append(
                f"{which} {m.source} stays on the engine with its data "
                "(volgui never removes a volume)"
            )
    creates = [
        m.source
        for m in added
        if m.type == "volume" and m.source and not _volumes.exists(t, m.source)
    ]
    for volume in creates:
        warnings.append(f"volume {volume} does not exist yet and will be created")
    warnings += _warnings(t, old)
    new_inspect = _clone.as_inspect(old, {m.destination for m in removed}, added, body, networks)
    spec, command = _clone.run_line(new_inspect, image_inspect)
    if spec is not None and networks:
        warnings.append(
            f"the docker run line shows one network; the new container also joins "
            f"{', '.join(sorted(networks))}, as the old one did"
        )
    changes = layer_changes(t, old)
    if changes:
        warnings.insert(
            0,
            f"{len(changes)} changed path(s) in the container's own layer would be lost "
            "(move them into a volume, or discard them)",
        )
    return RecreatePlan(
        action=action,
        container=container_of(old),
        mount=mount,
        command=command,
        summary=_summary(name, added, removed),
        mounts=tuple(wanted_by_dest.values()),
        added=tuple(added),
        removed=tuple(removed),
        warnings=tuple(warnings),
        changes=changes,
        creates_volume=creates[0] if creates else None,
        creates_volumes=tuple(creates),
        spec=spec,
        create_body=body,
        networks=networks,
    )


def _warnings(t: Transport, old: Mapping[str, Any]) -> list[str]:
    warnings: list[str] = []
    host = old.get("HostConfig") or {}
    random_ports = sorted(
        port
        for port, bindings in (host.get("PortBindings") or {}).items()
        if any(not (b or {}).get("HostPort") for b in bindings or [])
    )
    if random_ports or host.get("PublishAllPorts"):
        shown = ", ".join(random_ports) or "its exposed ports"
        warnings.append(f"{shown} published on random host ports will get new host ports")
    sharing = namespace_users(t, old)
    if sharing:
        warnings.append(
            f"{', '.join(sharing)} share(s) this container's network (--network container:...) "
            "and will lose it; recreate them afterwards"
        )
    if old["State"].get("Paused"):
        warnings.append("the container is paused; the new one will be running, not paused")
    return warnings


def _summary(name: str, added: Sequence[Mount], removed: Sequence[Mount]) -> str:
    """The change in plain words: what comes, what goes, what changes."""
    gone = {m.destination for m in removed}
    came = {m.destination for m in added}
    parts = [
        f"{describe(m)} at {m.destination}{' (read-only)' if m.read_only else ''}"
        + (" instead" if m.destination in gone else " added")
        for m in added
    ]
    parts += [f"{m.destination} taken away" for m in removed if m.destination not in came]
    what = "; ".join(parts) or "no mount changes"
    return f"replace {name} by the same container with {what}"
