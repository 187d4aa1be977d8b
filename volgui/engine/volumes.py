"""Volume housekeeping: create, remove, prune with a preview, sizes.

Rules (DESIGN, "Rules that keep data safe"): nothing here deletes a volume
the user did not name; prune removes exactly the previewed names, one by one,
and keeps any that became used in the meantime.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from volgui.engine import system
from volgui.engine.errors import EngineError, InvalidInput, NotFound, VolumeExists, VolumeInUse
from volgui.engine.model import Volume, container_name
from volgui.engine.transport import Transport
from volgui.engine.validate import check_name


@dataclass(frozen=True)
class PruneResult:
    """What a prune did: the names removed and, for each kept one, why."""

    removed: tuple[str, ...] = ()
    kept: Mapping[str, str] = field(default_factory=dict, hash=False)


def inspect(t: Transport, name: str) -> dict[str, Any]:
    try:
        return t.call(t.api.inspect_volume, name)
    except NotFound:
        raise NotFound("volume", name) from None


def exists(t: Transport, name: str) -> bool:
    try:
        inspect(t, name)
    except NotFound:
        return False
    return True


def users(t: Transport, name: str) -> list[str]:
    """Names of the containers (running or not) that mount volume ``name``."""
    listed = t.call(t.api.containers, all=True, filters={"volume": name})
    return sorted(container_name(c) for c in listed)


def _check_pairs(kind: str, pairs: Mapping[str, str]) -> None:
    for key in pairs:
        if not key or "=" in key or key != key.strip():
            raise InvalidInput(f"invalid {kind} key {key!r}: it must be non-empty, without '='")


def create(
    t: Transport,
    name: str,
    driver: str,
    options: Mapping[str, str],
    labels: Mapping[str, str],
) -> Volume:
    """Create a volume; refuse a name that exists (Docker would silently reuse it)."""
    check_name(name, "volume")
    if not driver:
        raise InvalidInput("volume driver is empty")
    _check_pairs("option", options)
    _check_pairs("label", labels)
    if exists(t, name):
        raise VolumeExists(name)
    raw = t.call(
        t.api.create_volume,
        name,
        driver=driver,
        driver_opts=dict(options),
        labels=dict(labels),
    )
    return Volume.from_api(raw)


def remove(t: Transport, name: str) -> None:
    """Remove one volume; in use (even by a stopped container) -> VolumeInUse."""
    if not name:
        raise InvalidInput("volume name is empty")
    try:
        t.call(t.api.remove_volume, name)
    except NotFound:
        raise NotFound("volume", name) from None
    except EngineError as e:
        if "in use" in str(e) or "being used" in str(e):  # Docker's words, Podman's
            raise VolumeInUse(name, users(t, name)) from e
        raise


def prune_preview(t: Transport, include_named: bool = False) -> list[Volume]:
    """The volumes no container uses: anonymous ones, plus named ones if asked."""
    snap = system.snapshot(t)
    return [v for v in snap.volumes if not v.in_use and (include_named or v.anonymous)]


def prune(t: Transport, names: Iterable[str]) -> PruneResult:
    """Remove exactly ``names``, one by one; report each one that could not go."""
    removed: list[str] = []
    kept: dict[str, str] = {}
    for name in names:
        try:
            remove(t, name)
        except VolumeInUse as e:
            kept[name] = f"now in use by {', '.join(e.users) or 'a container'}"
        except NotFound:
            kept[name] = "already gone"
        except EngineError as e:
            kept[name] = str(e)
        else:
            removed.append(name)
    return PruneResult(removed=tuple(removed), kept=kept)
