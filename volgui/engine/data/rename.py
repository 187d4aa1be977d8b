"""Rename a volume, also while containers use it.

Docker has no volume rename (moby/moby#31154). Here: check every user
(refuse writable-layer changes and ``--rm`` containers, as mount does), stop
the running ones, clone OLD to NEW, recreate each user with NEW at the same
destination and the same options (running again if it ran), remove OLD last.
A failure at any step — a cancel or Ctrl+C too — rolls back: users go back to
OLD, running as before, NEW is removed, OLD is never touched.

Each user is recreated from its own inspect with only the volume's name
changed in its Binds/Mounts (every mount option kept), through recreate's
journalled swap (``recreate.replace_with``), so a kill mid-way is recovered
like any other change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from volgui.engine import containers as _containers
from volgui.engine import recreate as _recreate
from volgui.engine import volumes as _volumes
from volgui.engine.data.clone import clone_volume
from volgui.engine.data.helper import HELPER_LABEL
from volgui.engine.data.streams import ProgressFn
from volgui.engine.errors import (
    DataError,
    InvalidInput,
    RecreateFailed,
    VolguiError,
    VolumeExists,
    WritableLayerChanged,
)
from volgui.engine.recreate import clone as _clone
from volgui.engine.recreate import facts as _facts
from volgui.engine.transport import Transport
from volgui.engine.validate import check_name

StepFn = Callable[[str], None]


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    containers: tuple[str, ...]  # the users, recreated on NEW


def rename_volume(
    t: Transport,
    old: str,
    new: str,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    step: StepFn | None = None,
) -> Renamed:
    """Rename volume ``old`` to ``new``; ``step`` hears each step's words before it runs."""
    check_name(new, "volume")
    _volumes.inspect(t, old)
    if old == new:
        raise InvalidInput("the new name is the old one")
    if _volumes.exists(t, new):
        raise VolumeExists(new)
    users = [_checked(t, raw, old, new) for raw in _users(t, old)]
    return _Rename(t, old, new, users, progress, cancel, step).run()


def _users(t: Transport, volume: str) -> list[dict[str, Any]]:
    listed = t.call(t.api.containers, all=True, filters={"volume": volume})
    ours = [c for c in listed if HELPER_LABEL not in (c.get("Labels") or {})]
    return [t.call(t.api.inspect_container, c["Id"]) for c in ours]


def _checked(t: Transport, raw: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """Refuse a user that a recreate would hurt; return its inspect."""
    name = str(raw.get("Name") or "").lstrip("/")
    changes = _recreate.layer_changes(t, raw)
    if changes:
        raise WritableLayerChanged(name, changes)
    _facts.refuse_autoremove(raw)
    _swapped_body(t, raw, old, new)  # raises if the volume cannot be swapped in its settings
    return raw


def _swapped_body(
    t: Transport, raw: Mapping[str, Any], old: str, new: str
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The create body of the same container with volume ``old`` replaced by ``new``."""
    image, _ = _clone.image(t, raw, [])
    body, networks = _clone.clone(raw, image)
    host = body["HostConfig"]
    hits = 0
    binds = []
    for bind in host.get("Binds") or []:
        source, sep, rest = bind.partition(":")
        if source == old and sep:
            bind, hits = f"{new}:{rest}", hits + 1
        binds.append(bind)
    if binds:
        host["Binds"] = binds
    for m in host.get("Mounts") or []:
        if m.get("Type") == "volume" and m.get("Source") == old:
            m["Source"], hits = new, hits + 1
    if not hits:
        name = str(raw.get("Name") or "").lstrip("/")
        raise InvalidInput(
            f"container {name} gets volume {old} through --volumes-from; recreate it by hand"
        )
    return body, networks


def _recreate_with(t: Transport, raw: Mapping[str, Any], old: str, new: str) -> str:
    """Replace the container ``raw`` describes by one with ``new`` where it had ``old``.

    ``raw`` is its inspect from before the rename stopped it, so the
    replacement starts again if it ran.
    """
    body, networks = _swapped_body(t, raw, old, new)
    summary = f"volume {old} renamed to {new}"
    return _recreate.replace_with(t, raw, body, networks, summary)


class _Rename:
    def __init__(
        self,
        t: Transport,
        old: str,
        new: str,
        users: list[dict[str, Any]],
        progress: ProgressFn | None,
        cancel: threading.Event | None,
        step: StepFn | None,
    ) -> None:
        self.t, self.old, self.new, self.users = t, old, new, users
        self.progress, self.cancel, self.step = progress, cancel, step
        self.stopped: list[dict[str, Any]] = []  # users we stopped, as they were before
        self.moved: list[tuple[dict[str, Any], str]] = []  # (before, new container id)
        self.cloned = False

    def _say(self, text: str) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise DataError("cancelled")
        if self.step is not None:
            self.step(text)

    def run(self) -> Renamed:
        doing = ""
        try:
            for raw in self.users:
                if (raw.get("State") or {}).get("Running"):
                    doing = f"stopping {_name(raw)}"
                    self._say(doing)
                    self.stopped.append(raw)
                    timeout = int((raw.get("Config") or {}).get("StopTimeout") or 10)
                    self.t.call(self.t.api.stop, raw["Id"], timeout=timeout)
            doing = f"copying the data of {self.old} to {self.new}"
            self._say(doing)
            self.cloned = True
            clone_volume(self.t, self.old, self.new, self.progress, self.cancel)
            for raw in self.users:
                doing = f"recreating {_name(raw)} with {self.new}"
                self._say(doing)
                self.moved.append((raw, _recreate_with(self.t, raw, self.old, self.new)))
            doing = f"removing volume {self.old}"
            self._say(doing)
            _volumes.remove(self.t, self.old)
        except BaseException as e:
            outcome = self._rollback(e)
            reason = str(e) if isinstance(e, VolguiError) else f"{type(e).__name__}: {e}"
            if isinstance(e, KeyboardInterrupt):
                reason = "interrupted"
            failure = DataError(
                f"renaming volume {self.old} to {self.new} failed while {doing}: {reason}; "
                f"{outcome}"
            )
            if isinstance(e, Exception):
                raise failure from e
            raise
        return Renamed(self.old, self.new, tuple(_name(r) for r in self.users))

    def _rollback(self, error: BaseException) -> str:
        problems: list[str] = []
        if isinstance(error, RecreateFailed) and not error.rolled_back:
            problems.append(str(error))
        for before, new_id in reversed(self.moved):
            try:
                now = self.t.call(self.t.api.inspect_container, new_id)
                # Back as it was before the rename: running again if it ran then.
                now = {**now, "State": before.get("State") or {}}
                _recreate_with(self.t, now, self.new, self.old)
            except VolguiError as e:
                problems.append(f"{_name(before)} stays on {self.new}: {e}")
        moved = {before["Id"] for before, _ in self.moved}
        for raw in self.stopped:
            if raw["Id"] in moved:
                continue
            try:
                _containers.start(self.t, raw["Id"])
            except VolguiError as e:
                problems.append(f"cannot start {_name(raw)} again: {e}")
        if self.cloned and not problems:
            try:
                if _volumes.exists(self.t, self.new):
                    _volumes.remove(self.t, self.new)
            except VolguiError as e:
                problems.append(f"volume {self.new} is left: {e}")
        if problems:
            return "rollback incomplete: " + "; ".join(problems) + f"; volume {self.old} is kept"
        return f"rolled back: {self.old} and its containers are as they were"


def _name(raw: Mapping[str, Any]) -> str:
    return str(raw.get("Name") or "").lstrip("/") or str(raw.get("Id", ""))[:12]
