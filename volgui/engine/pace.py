"""Let a front end's thread go first: long Python loops on other threads pause while it is busy.

Python runs one thread at a time. Qt calls into Python for every ``data()``,
``paint()`` and filter call, and each call waits for the GIL while a worker
runs Python: with one worker spinning, a full repaint of the window took
50-60 ms instead of 23, and a refresh that laid out the graph stalled the
window 60-100 ms. A smaller switch interval does not help (each hand-over
costs about as much as the wait).

So the worker steps aside instead. Long loops (building a snapshot, planning
a table diff, laying out the graph) go through :func:`paced`, which calls
:func:`pause` every few dozen items; the event stream's reader pauses after
each event and a response pauses before its JSON is decoded (one C call
that holds the GIL). ``pause`` returns at once unless the
front end has said its thread is busy (:func:`front_busy`, until
:func:`front_idle`); then it waits until
that thread is idle again, at most :data:`MAX_WAIT`, and after a wait that ran
out it runs for :data:`GRANT` without pausing, so no worker ever starves. The
front end's own thread never pauses. Nothing here imports Qt: the window's
event loop says when it handles an event and when it waits (``ui/tasks.py``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MAX_WAIT = 0.025  # the longest a worker waits for the front end at one pause
GRANT = 0.010  # then it runs this long without pausing
EVERY = 32  # items between two pauses in paced()

_idle = threading.Event()
_idle.set()
_front: int | None = None  # the thread that goes first (its ident), once a front end says so
_granted = threading.local()


def front_busy() -> None:
    """On the front end's thread: it is handling something; workers pause from now."""
    global _front
    _front = threading.get_ident()
    _idle.clear()


def front_idle() -> None:
    """On the front end's thread: it is about to wait for more work; workers run."""
    _idle.set()


def pause() -> None:
    """On a worker: wait while the front end's thread is busy (bounded; see the module)."""
    if _idle.is_set() or threading.get_ident() == _front:
        return
    now = time.monotonic()
    if getattr(_granted, "until", 0.0) > now:
        return
    if not _idle.wait(MAX_WAIT):
        _granted.until = time.monotonic() + GRANT


def paced(items: Iterable[T], every: int = EVERY) -> Iterator[T]:
    """``items``, pausing every ``every`` of them (a no-op while nobody is busy)."""
    for i, item in enumerate(items):
        if not i % every:
            pause()
        yield item


def reset() -> None:
    """Forget the front end (tests; a closed application)."""
    global _front
    _front = None
    _idle.set()
