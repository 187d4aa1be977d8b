"""Bring every interrupted change to one whole state: the old container, or the new one.

Rolled back (the old container under its name, running if it was) when the
new one never took the name; finished (the new one under the name, started
if the old was running, the old removed) when it did. Each step looks at what
the engine holds first, so recovering twice, or two processes recovering the
same change, does no harm. Volumes are never removed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from volgui.engine import containers
from volgui.engine.errors import NotFound, VolguiError
from volgui.engine.recreate import journal
from volgui.engine.recreate.journal import Interrupted
from volgui.engine.recreate.swap import stop
from volgui.engine.transport import Transport

RecoverHow = Literal["auto", "finish", "rollback"]
Say = Callable[[str], None]


def recover(
    t: Transport,
    item: Interrupted | None = None,
    how: RecoverHow = "auto",
    say: Say | None = None,
) -> list[str]:
    """Recover ``item`` (or every interrupted change); one line per container saying what.

    ``how="auto"`` finishes a change whose new container took the name and
    rolls back the others; ``"finish"`` or ``"rollback"`` asks for one (a
    change that cannot go that way, its container being gone, goes the other).
    ``say`` hears each step before it is taken.
    """
    items = [item] if item is not None else journal.interrupted(t)
    lines = []
    for one in items:
        choice = one.how if how == "auto" else how
        if choice == "finish" and one.new_id is None:
            choice = "rollback"
        if choice == "rollback" and one.old_id is None:
            choice = "finish"
        step = say or (lambda _text: None)
        try:
            if choice == "finish":
                lines.append(_finish(t, one, step))
            else:
                lines.append(_rollback(t, one, step))
        except VolguiError as e:
            lines.append(f"{one.name}: not recovered ({e}); run `volgui recover` again")
    return lines


def _state(t: Transport, key: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    try:
        return t.call(t.api.inspect_container, key)
    except NotFound:
        return None


def _named(c: dict[str, Any] | None, name: str) -> bool:
    return c is not None and str(c.get("Name", "")).lstrip("/") == name


def _running(c: dict[str, Any] | None) -> bool:
    return c is not None and bool((c.get("State") or {}).get("Running"))


def _remove(t: Transport, key: str) -> None:
    try:
        t.call(t.api.remove_container, key, force=True, v=False)  # never volumes
    except NotFound:
        pass  # someone else recovering it got there first


def _stop_pending(t: Transport, old: dict[str, Any], new: dict[str, Any] | None) -> bool:
    """Whether the engine is still stopping ``old`` for the change (a kill cannot cancel that).

    The engine says so in its events: a ``kill`` (the stop signal) since the
    change began, and no ``die`` after it.
    """
    started = _epoch((new or {}).get("Created", ""))
    if started is None:
        return False
    events = t.call(
        t.api.events,
        since=int(started) - 1,
        until=int(time.time()) + 1,
        filters={"container": old["Id"], "event": ["kill", "die"]},
        decode=True,
    )
    last = [e.get("status") or e.get("Action") for e in events]
    return bool(last) and last[-1] == "kill"


def _wait_stopped(t: Transport, old: dict[str, Any]) -> None:
    grace = (old.get("Config") or {}).get("StopTimeout")
    limit = (10 if grace is None else int(grace)) + 30
    t.call(t.api.wait, old["Id"], timeout=limit)


def _epoch(created: str) -> float | None:
    """Docker's RFC 3339 time (nanoseconds, Z) as seconds since the epoch."""
    head, _, frac = created.rstrip("Z").partition(".")
    try:
        when = datetime.fromisoformat(head).replace(tzinfo=UTC)
    except ValueError:
        return None
    return when.timestamp() + float(f"0.{frac[:6] or 0}")


def _rollback(t: Transport, one: Interrupted, say: Say) -> str:
    name = one.name
    old, new = _state(t, one.old_id), _state(t, one.new_id)
    if new is not None and _named(new, name):
        say(f"renaming the new container back to {journal.temp_name(name, one.change)}")
        t.call(t.api.rename, new["Id"], journal.temp_name(name, one.change))
    if old is not None and not _named(old, name):
        say(f"renaming the old container back to {name}")
        t.call(t.api.rename, old["Id"], name)
    if old is not None and one.was_running:
        if _running(old) and _stop_pending(t, old, new):
            say(f"waiting for the stop of {name} that the interrupted change asked for")
            _wait_stopped(t, old)
        if not _running(_state(t, old["Id"])):
            say(f"starting the old {name} again")
            containers.start(t, old["Id"])
    if new is not None:
        say("removing the new container")
        _remove(t, new["Id"])
    running = ", running" if _running(_state(t, one.old_id)) else ", stopped"
    return f"{name}: rolled back (the old container {(one.old_id or '')[:12]} is back{running})"


def _finish(t: Transport, one: Interrupted, say: Say) -> str:
    name = one.name
    old, new = _state(t, one.old_id), _state(t, one.new_id)
    if new is None:
        raise NotFound("container", one.new_id or "")
    if not _named(new, name):
        if old is not None and _running(old):
            say(f"stopping {name}")
            stop(t, old["Id"], None, old)
        if old is not None and _named(old, name):
            say(f"renaming the old container to {journal.backup_name(name, one.change)}")
            t.call(t.api.rename, old["Id"], journal.backup_name(name, one.change))
        say(f"renaming the new container to {name}")
        t.call(t.api.rename, new["Id"], name)
    if one.was_running and not _running(_state(t, new["Id"])):
        say(f"starting the new {name}")
        containers.start(t, new["Id"])
    if old is not None:
        say(f"removing the old container ({old['Id'][:12]})")
        _remove(t, old["Id"])
    running = ", running" if _running(_state(t, new["Id"])) else ", stopped"
    return f"{name}: finished (the new container {new['Id'][:12]} took its place{running})"
