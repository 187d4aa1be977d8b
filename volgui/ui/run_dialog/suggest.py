"""Where a dropped volume should go in a container: a guess the user can change."""

from __future__ import annotations

import posixpath

from volgui.engine.model import Container, Snapshot


def suggested_destination(snap: Snapshot, volume: str, target: Container | None = None) -> str:
    """The path the other containers mount ``volume`` at when they all agree, else
    ``/mnt/<volume>`` (also when that path is taken in ``target`` already)."""
    paths = {
        posixpath.normpath(m.destination)
        for c in snap.users_of(volume)
        if target is None or c.id != target.id
        for m in c.mounts
        if m.type == "volume" and m.source == volume
    }
    fallback = f"/mnt/{volume}"
    taken = {posixpath.normpath(m.destination) for m in target.mounts} if target else set()
    if len(paths) == 1:
        (agreed,) = paths
        if agreed not in taken:
            return agreed
    return fallback
