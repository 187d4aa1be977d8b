"""Frozen dataclasses for what the engine holds: volumes, containers, mounts.

Raw API dicts stop here: ``from_api`` is the only place that reads them. The
many-to-many relation between volumes and containers is computed once, in
:meth:`Snapshot.build`, and every view reads it from there.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any, Literal, TypeVar

from volgui.engine.pace import paced

ANONYMOUS_LABEL = "com.docker.volume.anonymous"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

MountType = Literal["volume", "bind", "tmpfs"]
_T = TypeVar("_T")


def is_anonymous_name(name: str) -> bool:
    """Docker names an anonymous volume with 64 hex digits."""
    return bool(_HEX64.match(name))


def _build(cls: type[_T], **fields: Any) -> _T:
    """An instance of frozen dataclass ``cls`` from every one of its fields.

    One ``__dict__`` update instead of the generated ``__init__``'s
    ``object.__setattr__`` per field: 2.5x faster, and ``snapshot()`` builds a
    Volume per volume on every refresh (DESIGN: within 1.2x of the raw calls).
    Equality, hashing and repr are the dataclass's own; a test checks that the
    from_api builders set exactly the declared fields.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


# A change to a container is journalled in labels under this prefix (recreate/journal.py).
JOURNAL_LABEL = "volgui.change"


def without_journal(labels: Mapping[str, str]) -> dict[str, str]:
    """Labels minus a change's journal: volgui's own bookkeeping, not the user's settings."""
    return {
        k: v
        for k, v in labels.items()
        if k != JOURNAL_LABEL and not k.startswith(JOURNAL_LABEL + ".")
    }


def container_name(raw: Mapping[str, Any]) -> str:
    """A container's name from a list entry (``Names``) or an inspect (``Name``);
    its short id when it has none. The one place that names a raw container."""
    names = raw.get("Names") or ([raw["Name"]] if raw.get("Name") else [])
    return names[0].lstrip("/") if names else str(raw.get("Id", ""))[:12]


def display_name(name: str, anonymous: bool | None = None) -> str:
    """THE rule that shortens an anonymous volume's name for display.

    Anonymous volumes are named with 64 hex digits: show the first 12 and an
    ellipsis, like short container ids. ``anonymous`` defaults to the name's
    shape (where only a name is known, e.g. a mount's source); a short name
    is never cut.
    """
    if anonymous is None:
        anonymous = is_anonymous_name(name)
    return f"{name[:12]}…" if anonymous and len(name) > 16 else name


def parse_time(value: str) -> datetime | None:
    """Parse the engine's RFC 3339 timestamps (nanoseconds, 'Z' or offset)."""
    if not value:
        return None
    # Python's fromisoformat takes at most microseconds: trim the fraction.
    m = re.match(r"^(.*?T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$", value)
    if not m:
        return None
    base, frac, zone = m.groups()
    frac = (frac or "")[:7]
    zone = "+00:00" if zone in (None, "Z") else zone
    try:
        return datetime.fromisoformat(base + frac + zone)
    except ValueError:
        return None


@dataclass(frozen=True)
class Mount:
    """One mount of one container, as the engine lists it in ``Mounts``."""

    container: str  # full container id
    type: MountType
    source: str | None  # volume name, host path, or None for tmpfs
    destination: str
    read_only: bool = False

    @classmethod
    def from_api(cls, container_id: str, d: Mapping[str, Any]) -> Mount | None:
        kind: MountType
        raw_kind = d.get("Type") or ("volume" if d.get("Name") else "bind")
        if raw_kind == "volume":
            kind = "volume"
            source: str | None = d.get("Name") or None
        elif raw_kind == "bind":
            kind, source = "bind", d.get("Source") or None
        elif raw_kind == "tmpfs":
            kind, source = "tmpfs", None
        else:  # npipe, cluster, image: not something volgui draws
            return None
        return _build(
            cls,
            container=container_id,
            type=kind,
            source=source,
            destination=d.get("Destination", ""),
            read_only=not d.get("RW", True),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "type": self.type,
            "source": self.source,
            "destination": self.destination,
            "read_only": self.read_only,
        }


@dataclass(frozen=True)
class Volume:
    """A volume and, once in a snapshot, the ids of the containers that use it."""

    name: str
    driver: str = "local"
    mountpoint: str = ""
    created: str = ""
    scope: str = "local"
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    options: Mapping[str, str] = field(default_factory=dict, hash=False)
    used_by: tuple[str, ...] = ()

    @classmethod
    def from_api(cls, d: Mapping[str, Any], used_by: tuple[str, ...] = ()) -> Volume:
        return _build(
            cls,
            name=d["Name"],
            driver=d.get("Driver") or "local",
            mountpoint=d.get("Mountpoint") or "",
            created=d.get("CreatedAt") or "",
            scope=d.get("Scope") or "local",
            labels=dict(d.get("Labels") or {}),
            options=dict(d.get("Options") or {}),
            used_by=used_by,
        )

    @property
    def anonymous(self) -> bool:
        return ANONYMOUS_LABEL in self.labels or is_anonymous_name(self.name)

    @property
    def display_name(self) -> str:
        """The name as lists and the graph show it (see :func:`display_name`)."""
        return display_name(self.name, self.anonymous)

    @property
    def in_use(self) -> bool:
        return bool(self.used_by)

    @property
    def created_at(self) -> datetime | None:
        return parse_time(self.created)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "driver": self.driver,
            "labels": dict(self.labels),
            "anonymous": self.anonymous,
            "created": self.created,
        }


@dataclass(frozen=True)
class Container:
    """A container as the list endpoint shows it, with its mounts."""

    id: str
    name: str
    image: str
    state: str  # created, running, paused, restarting, exited, dead
    status: str = ""
    created: int = 0  # unix seconds, as the list endpoint gives it
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    mounts: tuple[Mount, ...] = ()

    @classmethod
    def from_api(cls, d: Mapping[str, Any]) -> Container:
        cid = d["Id"]
        name = container_name(d)
        # The engine lists Mounts in Go map order, different on every request:
        # sort them, or equal containers compare unequal from one list to the next.
        found = (Mount.from_api(cid, raw) for raw in d.get("Mounts") or [])
        mounts = tuple(sorted((m for m in found if m), key=lambda m: m.destination))
        return _build(
            cls,
            id=cid,
            name=name,
            image=d.get("Image", ""),
            state=d.get("State", ""),
            status=d.get("Status", ""),
            created=int(d.get("Created") or 0),
            labels=dict(d.get("Labels") or {}),
            mounts=mounts,
        )

    @property
    def short_id(self) -> str:
        return self.id[:12]

    @property
    def running(self) -> bool:
        return self.state in ("running", "restarting", "paused")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "image": self.image, "state": self.state}


def _users_by_volume(containers: Iterable[Container]) -> dict[str, tuple[str, ...]]:
    """Volume name -> ids of the containers mounting it, in container order."""
    users: dict[str, list[str]] = {}
    for c in containers:
        for m in c.mounts:
            if m.type == "volume" and m.source:
                ids = users.setdefault(m.source, [])
                if c.id not in ids:
                    ids.append(c.id)
    return {name: tuple(ids) for name, ids in users.items()}


@dataclass(frozen=True)
class Snapshot:
    """One consistent picture of an engine's volumes, containers and mounts."""

    volumes: tuple[Volume, ...] = ()
    containers: tuple[Container, ...] = ()

    @classmethod
    def build(cls, volumes: Iterable[Volume], containers: Iterable[Container]) -> Snapshot:
        """Join volumes and containers: each volume learns who uses it."""
        ordered = tuple(sorted(containers, key=lambda c: c.name))
        users = _users_by_volume(ordered)
        vols = tuple(
            v if v.used_by == (ids := users.get(v.name, ())) else replace(v, used_by=ids)
            for v in sorted(volumes, key=lambda v: v.name)
        )
        return cls(volumes=vols, containers=ordered)

    @classmethod
    def from_api(
        cls, volumes: Iterable[Mapping[str, Any]], containers: Iterable[Mapping[str, Any]]
    ) -> Snapshot:
        """Build from the raw list responses, constructing each volume only once.

        The cyclic garbage collector is held off meanwhile: these objects hold
        no cycles, yet the thousands of allocations would start several
        collections that walk the whole heap (a third of the build time).
        """
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            ordered = tuple(
                sorted((Container.from_api(c) for c in paced(containers)), key=lambda c: c.name)
            )
            return cls(containers=ordered).with_volumes_from_api(volumes)
        finally:
            if was_enabled:
                gc.enable()

    def with_volumes_from_api(self, volumes: Iterable[Mapping[str, Any]]) -> Snapshot:
        """These containers beside a fresh volume list (a burst of volume events)."""
        users = _users_by_volume(self.containers)
        vols = sorted(
            (Volume.from_api(v, users.get(v["Name"], ())) for v in paced(volumes)),
            key=lambda v: v.name,
        )
        return Snapshot(volumes=tuple(vols), containers=self.containers)

    @property
    def mounts(self) -> tuple[Mount, ...]:
        return tuple(m for c in self.containers for m in c.mounts)

    @cached_property
    def _volumes_by_name(self) -> dict[str, Volume]:
        return {v.name: v for v in self.volumes}

    @cached_property
    def _containers_by_key(self) -> dict[str, Container]:
        index = {c.name: c for c in self.containers}
        index.update((c.id, c) for c in self.containers)
        return index

    def volume(self, name: str) -> Volume | None:
        return self._volumes_by_name.get(name)

    def container(self, key: str) -> Container | None:
        """Find a container by full id, name, or unique id prefix."""
        if key in self._containers_by_key:
            return self._containers_by_key[key]
        matches = [c for c in self.containers if c.id.startswith(key)]
        return matches[0] if len(matches) == 1 else None

    def users_of(self, volume: str) -> tuple[Container, ...]:
        v = self.volume(volume)
        ids = set(v.used_by) if v else set()
        return tuple(c for c in self.containers if c.id in ids)

    def to_json(self) -> dict[str, Any]:
        return {
            "volumes": [v.to_json() for v in self.volumes],
            "containers": [c.to_json() for c in self.containers],
            "mounts": [m.to_json() for m in self.mounts],
        }
