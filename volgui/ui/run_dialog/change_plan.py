"""Change mode's one engine seam: mounts before and after -> a recreate plan, and in words.

Any set of changes (add, remove, toggle read-only) is one recreate:
``engine.plan_mounts(container, after)``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from volgui.engine.errors import InvalidInput
from volgui.engine.model import Container, Mount
from volgui.ui.container_table import state_name


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


def nothing_changed() -> str:
    """Why there is no plan yet: the mounts are as the container has them."""
    return QCoreApplication.translate(
        "ChangePlan", "nothing changed: add, remove or change a mount first"
    )


def plan_change(engine: Any, container: Container, after: Sequence[Mount]) -> Any:
    """The recreate plan that gives ``container`` the mounts ``after`` (runs on a worker)."""
    d = diff(container.mounts, after)
    if d.empty:
        raise InvalidInput(nothing_changed())
    return engine.plan_mounts(container.id, list(after))


def _what(m: Mount) -> str:
    if m.type == "tmpfs":
        return QCoreApplication.translate("ChangePlan", "a tmpfs")
    if m.type == "bind":
        return QCoreApplication.translate("ChangePlan", "host folder {path}").format(path=m.source)
    return m.source or QCoreApplication.translate("ChangePlan", "an anonymous volume")


def _added(m: Mount) -> str:
    if m.read_only:
        text = QCoreApplication.translate("ChangePlan", "{what} mounted at {path} read-only")
    else:
        text = QCoreApplication.translate("ChangePlan", "{what} mounted at {path}")
    return text.format(what=_what(m), path=m.destination)


def _toggled(m: Mount) -> str:
    if m.read_only:
        text = QCoreApplication.translate("ChangePlan", "{path} read-only")
    else:
        text = QCoreApplication.translate("ChangePlan", "{path} writable")
    return text.format(path=m.destination)


def _state(container: Container) -> str:
    if container.running:
        return QCoreApplication.translate("ChangePlan", "it is running and will be restarted")
    state = state_name(container.state or "") or QCoreApplication.translate("ChangePlan", "stopped")
    return QCoreApplication.translate("ChangePlan", "it is {state} and will stay so").format(
        state=state
    )


def describe(container: Container, after: Sequence[Mount]) -> str:
    """Plain words: 'web will be replaced by an identical container with photos
    mounted at /srv/photos; it is running and will be restarted'."""
    d = diff(container.mounts, after)
    if d.empty:
        return QCoreApplication.translate(
            "ChangePlan", "{name} stays as it is: no mount changed."
        ).format(name=container.name)
    parts = [_added(m) for m in d.added] + [_toggled(m) for m in d.toggled]
    gone = [
        QCoreApplication.translate("ChangePlan", "{path} no longer mounted").format(
            path=m.destination
        )
        for m in d.removed
    ]
    words = ""
    if parts:
        words = QCoreApplication.translate("ChangePlan", "with {changes}").format(
            changes=", ".join(parts)
        )
    if gone:
        words = (words + "; " if words else "") + ", ".join(gone)
    kept = [m.source for m in d.removed if m.type == "volume" and m.source]
    if kept:
        words += QCoreApplication.translate(
            "ChangePlan", " ({names} stays on the engine with its data)"
        ).format(names=", ".join(kept))
    return QCoreApplication.translate(
        "ChangePlan", "{name} will be replaced by an identical container {changes}; {state}."
    ).format(name=container.name, changes=words, state=_state(container))
