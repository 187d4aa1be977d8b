"""Change mode's one engine seam: mounts before and after -> a recreate plan, and in words.

Any set of changes (add, remove, toggle read-only) is one recreate:
``engine.plan_mounts(container, after)``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from volgui.engine.errors import InvalidInput
from volgui.engine.model import Container, Mount


def _key(m: Mount) -> str:
    return posixpath.normpath(m.destination)


@dataclass(frozen=True)
class MountDiff:
    """What the user changed in the mounts table, by destination."""

    added: tuple[Mount, ...] = ()
    removed: tuple[Mount, ...] = ()
    toggled: tuple[Mount, ...] = ()  # same mount, read-only flipped (the new state)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.toggled)


def diff(before: Sequence[Mount], after: Sequence[Mount]) -> MountDiff:
    old = {_key(m): m for m in before}
    new = {_key(m): m for m in after}
    added, removed, toggled = [], [], []
    for dest, m in new.items():
        was = old.get(dest)
        if was is None:
            added.append(m)
        elif (was.type, was.source) != (m.type, m.source):
            removed.append(was)
            added.append(m)
        elif was.read_only != m.read_only:
            toggled.append(m)
    removed += [m for dest, m in old.items() if dest not in new]
    return MountDiff(tuple(added), tuple(removed), tuple(toggled))


def plan_change(engine: Any, container: Container, after: Sequence[Mount]) -> Any:
    """The recreate plan that gives ``container`` the mounts ``after`` (runs on a worker)."""
    d = diff(container.mounts, after)
    if d.empty:
        raise InvalidInput("nothing changed: add, remove or change a mount first")
    return engine.plan_mounts(container.id, list(after))


def _what(m: Mount) -> str:
    if m.type == "tmpfs":
        return "a tmpfs"
    if m.type == "bind":
        return f"host folder {m.source}"
    return m.source or "an anonymous volume"


def describe(container: Container, after: Sequence[Mount]) -> str:
    """Plain words: 'web will be replaced by an identical container with photos
    mounted at /srv/photos; it is running and will be restarted'."""
    d = diff(container.mounts, after)
    if d.empty:
        return f"{container.name} stays as it is: no mount changed."
    parts = [
        f"{_what(m)} mounted at {m.destination}" + (" read-only" if m.read_only else "")
        for m in d.added
    ]
    parts += [f"{m.destination} {'read-only' if m.read_only else 'writable'}" for m in d.toggled]
    gone = [f"{m.destination} no longer mounted" for m in d.removed]
    words = "with " + ", ".join(parts) if parts else ""
    if gone:
        words = (words + "; " if words else "") + ", ".join(gone)
    kept = [m.source for m in d.removed if m.type == "volume" and m.source]
    if kept:
        words += f" ({', '.join(kept)} stays on the engine with its data)"
    if container.running:
        state = "it is running and will be restarted"
    else:
        state = f"it is {container.state or 'stopped'} and will stay so"
    return f"{container.name} will be replaced by an identical container {words}; {state}."
