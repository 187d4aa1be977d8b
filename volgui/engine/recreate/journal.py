"""A change's intent, written on the engine itself where a crash cannot lose it.

A change (mount, unmount, a whole new mount set; later a rename or the run
dialog's apply) creates the new container with labels that name the change,
the old container's id and name, whether it was running, and the change's
id; the old container's backup name carries the same id. Nothing outside the
engine is needed to find an interrupted change and bring it to one whole
state (see :mod:`volgui.engine.recreate.recover`).

The labels stay on the new container once the change is done (Docker cannot
take a label away); they are history then, and a later recreate drops them.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from volgui.engine.model import JOURNAL_LABEL, without_journal  # noqa: F401 (re-exported)
from volgui.engine.transport import Transport

CHANGE = JOURNAL_LABEL  # the change's id
WHAT = "volgui.change.what"  # the change in plain words
OLD_ID = "volgui.change.old-id"
OLD_NAME = "volgui.change.old-name"
WAS_RUNNING = "volgui.change.was-running"  # "true" | "false"
OWNER = "volgui.change.owner"  # "host pid start-time" of the process making it

# The changes this process is making right now (a window applies on a worker thread).
ACTIVE: set[str] = set()

_BACKUP = re.compile(r"^(?P<name>.+)-volgui-old-(?P<change>[0-9a-f]{8})$")

How = Literal["finish", "rollback"]


def new_change_id() -> str:
    return secrets.token_hex(4)


def temp_name(name: str, change: str) -> str:
    """The new container's name until it takes the old one's."""
    return f"{name}-volgui-new-{change}"


def backup_name(name: str, change: str) -> str:
    """The old container's name while the new one holds its own."""
    return f"{name}-volgui-old-{change}"


def labels(change: str, what: str, old_id: str, old_name: str, was_running: bool) -> dict[str, str]:
    """The labels that journal a change on its new container."""
    return {
        CHANGE: change,
        WHAT: what,
        OLD_ID: old_id,
        OLD_NAME: old_name,
        WAS_RUNNING: "true" if was_running else "false",
        OWNER: _me(),
    }


@dataclass(frozen=True)
class Interrupted:
    """A change that was cut short: neither the old container alone nor the new one alone.

    ``how`` is what recovering it does unless told otherwise: ``"finish"``
    when the new container took the name, ``"rollback"`` when it never did.
    """

    change: str
    name: str  # the container's name before the change
    what: str
    old_id: str | None  # None: the old container is gone
    new_id: str | None  # None: only the old one's backup is left
    was_running: bool
    how: How

    @property
    def summary(self) -> str:
        todo = "finish it" if self.how == "finish" else "roll it back"
        return f"{self.name}: {self.what or 'a change'} was interrupted; recovering will {todo}"


def interrupted(t: Transport) -> list[Interrupted]:
    """Every interrupted change on the engine (one list request).

    A change still being made by a live process on this machine is not
    interrupted and is left out.
    """
    listed: list[dict[str, Any]] = t.call(t.api.containers, all=True) or []
    by_id = {c["Id"]: c for c in listed}
    found: list[Interrupted] = []
    journalled: set[str] = set()
    for c in listed:
        lab = c.get("Labels") or {}
        change, old_id, name = lab.get(CHANGE), lab.get(OLD_ID), lab.get(OLD_NAME)
        if not change or not old_id or not name:
            continue
        journalled.add(change)
        old_there = old_id in by_id
        holds_name = _name(c) == name
        if (holds_name and not old_there) or _alive(change, lab.get(OWNER, "")):
            continue  # done (the old one is gone), or still under way
        found.append(
            Interrupted(
                change=change,
                name=name,
                what=lab.get(WHAT, ""),
                old_id=old_id if old_there else None,
                new_id=c["Id"],
                was_running=lab.get(WAS_RUNNING) == "true",
                how="finish" if holds_name or not old_there else "rollback",
            )
        )
    for c in listed:  # a backup whose new container is gone: put it back under its name
        m = _BACKUP.match(_name(c))
        if m and m["change"] not in journalled:
            found.append(
                Interrupted(
                    change=m["change"],
                    name=m["name"],
                    what="",
                    old_id=c["Id"],
                    new_id=None,
                    was_running=c.get("State") == "running",
                    how="rollback",
                )
            )
    return sorted(found, key=lambda i: (i.name, i.change))


def _name(listed: Mapping[str, Any]) -> str:
    names = listed.get("Names") or []
    return str(names[0]).lstrip("/") if names else ""


def _me() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()} {pid} {_start_time(pid)}"


def _start_time(pid: int) -> str:
    """The process's start time (from /proc), "?" if unknown, "" if it is gone or a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return ""
    except (OSError, IndexError):
        return "?"
    return "" if fields[0] in ("Z", "X") else fields[19]


def _alive(change: str, owner: str) -> bool:
    """Whether the process that journalled a change still makes it (on this machine).

    A change journalled on another machine counts as interrupted: there is no
    way to ask that process, and a change takes seconds, not minutes.
    """
    parts = owner.split()
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return change in ACTIVE
    return parts[2] != "?" and _start_time(pid) == parts[2]
