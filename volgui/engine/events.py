"""The engine's event stream turned into change notices, with resync after gaps.

:class:`Follower` runs two threads: a reader that follows ``GET /events``
(volume and container events only) and a dispatcher that coalesces a burst of
events into one :class:`Notice`. Every (re)connection yields a ``resync``
notice: the stream opens *first*, then the listener takes a full snapshot, so
nothing that happens in between is lost; so does a quiet ``resync_every``.
The engine drops events under load and a restart loses the stream; a full
snapshot is the only honest answer.

:func:`apply` turns a notice into a new :class:`Snapshot` with as few
requests as it can: one inspect per named volume, one container list if any
container changed. It runs wherever the caller runs it (a worker thread).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from volgui.engine import containers as containers_ops
from volgui.engine import pace, system
from volgui.engine import volumes as volumes_ops
from volgui.engine.errors import EngineUnavailable, NotFound, VolguiError
from volgui.engine.model import Container, Snapshot, Volume
from volgui.engine.transport import Transport

log = logging.getLogger(__name__)

# Container actions that change what the lists show (state, name, mounts).
# exec_*, attach, resize, top, health_status... do not. Podman's compatible
# API says "remove" for Docker's "destroy", and its own stream "died" for "die".
CONTAINER_ACTIONS = frozenset(
    "create destroy remove start stop die died kill pause unpause restart rename update oom".split()
)
VOLUME_ACTIONS = frozenset(("create", "destroy", "remove", "prune"))
# Above this many volumes in one burst, one list request beats N inspects.
_INSPECT_LIMIT = 20


@dataclass(frozen=True)
class Notice:
    """What changed: volume names to re-read, whether containers changed, or all."""

    volumes: frozenset[str] = frozenset()
    containers: bool = False
    resync: bool = False

    def merge(self, other: Notice) -> Notice:
        return Notice(
            volumes=self.volumes | other.volumes,
            containers=self.containers or other.containers,
            resync=self.resync or other.resync,
        )

    @property
    def empty(self) -> bool:
        return not (self.volumes or self.containers or self.resync)


RESYNC = Notice(resync=True)


def notice_of(events: Iterable[Mapping[str, Any]]) -> Notice:
    """Fold raw engine events into one notice; irrelevant events fold to nothing."""
    volumes: set[str] = set()
    containers = False
    for ev in events:
        kind = ev.get("Type")
        action = str(ev.get("Action") or ev.get("status") or "")
        actor = ev.get("Actor") or {}
        # Podman leaves a volume event's Actor.ID empty; the name is an attribute.
        name = actor.get("ID") or (actor.get("Attributes") or {}).get("name")
        if kind == "volume" and action in VOLUME_ACTIONS and name:
            volumes.add(str(name))
        elif kind == "container" and action.split(":")[0] in CONTAINER_ACTIONS:
            containers = True
    return Notice(volumes=frozenset(volumes), containers=containers)


def apply(transport: Transport, snap: Snapshot, notice: Notice) -> Snapshot:
    """The snapshot after ``notice``: re-read only what it names."""
    many = len(notice.volumes) > _INSPECT_LIMIT
    if notice.resync or (many and notice.containers):
        return system.snapshot(transport)
    if many:  # volume events change no container: their list is as it was
        return snap.with_volumes_from_api(system.volumes_raw(transport))
    volumes: dict[str, Volume] = {v.name: v for v in snap.volumes}
    for name in notice.volumes:
        try:
            volumes[name] = Volume.from_api(volumes_ops.inspect(transport, name))
        except NotFound:
            volumes.pop(name, None)
    containers: Iterable[Container] = snap.containers
    if notice.containers:
        raw = containers_ops.list_raw(transport)
        containers = [Container.from_api(c) for c in raw]
    return Snapshot.build(volumes.values(), containers)


@dataclass
class Follower:
    """Follow an engine's events; call ``on_notice`` per burst and ``on_state`` on up/down.

    An event ``quiet`` seconds or more after the last notice of events (resyncs
    aside) is a notice of its own, at once; the events right behind it fold
    into one notice per burst.

    Callbacks run on the dispatcher thread. ``on_state(True, None)`` comes
    with each (re)connection, just before the resync notice;
    ``on_state(False, error)`` when the stream cannot be opened or breaks.
    Reconnects back off from ``backoff[0]`` to ``backoff[1]`` seconds.
    """

    transport: Transport
    on_notice: Callable[[Notice], None]
    on_state: Callable[[bool, VolguiError | None], None] = lambda up, err: None
    quiet: float = 0.03  # a burst ends after this long without an event...
    longest: float = 0.15  # ...or this long after it began
    backoff: tuple[float, float] = (0.5, 8.0)
    # A quiet minute ends in a resync too: the engine drops events under load
    # without a word, and a dropped event is a gap nothing else would reveal.
    resync_every: float = 60.0
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _queue: queue.Queue[Any] = field(default_factory=queue.Queue, init=False)
    _stream: Any = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _threads: list[threading.Thread] = field(default_factory=list, init=False)

    def start(self) -> None:
        for name, target in (("reader", self._read), ("dispatch", self._dispatch)):
            t = threading.Thread(target=target, name=f"volgui-events-{name}", daemon=True)
            self._threads.append(t)
            t.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Close the stream and wait, ``timeout`` seconds in all, for both threads to end.

        A reader stuck connecting to an engine that does not answer may outlive
        the wait; it is a daemon thread and ends when it next wakes.
        """
        self._stop.set()
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            _close_quietly(stream)
        self._queue.put(None)
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))

    @property
    def alive(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    # -- reader thread ---------------------------------------------------

    def _read(self) -> None:
        delay = self.backoff[0]
        while not self._stop.is_set():
            try:
                stream = self.transport.call(
                    self.transport.api.events,
                    filters={"type": ["volume", "container"]},
                    decode=True,
                )
            except VolguiError as e:
                self._queue.put(("down", e))
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, self.backoff[1])
                continue
            with self._lock:
                if self._stop.is_set():
                    _close_quietly(stream)
                    return
                self._stream = stream
            delay = self.backoff[0]
            self._queue.put(("up", None))
            try:
                for event in stream:  # parsed here, in Python: a burst is many
                    self._queue.put(("event", event))
                    pace.pause()
            except Exception as e:  # a broken stream is a gap, whatever broke it
                log.debug("event stream broke: %s", e)
            with self._lock:
                self._stream = None
            _close_quietly(stream)
            if not self._stop.is_set():
                # The stream ended: the engine went away or restarted. Say so at
                # once; the next connection attempt resyncs.
                self._queue.put(("down", _lost(self.transport)))

    # -- dispatcher thread -------------------------------------------------

    def _dispatch(self) -> None:
        carry: Any = None
        up = False
        last_sent = float("-inf")
        while not self._stop.is_set():
            if carry is not None:
                item, carry = carry, None
            else:
                try:
                    item = self._queue.get(timeout=self.resync_every)
                except queue.Empty:
                    if up:
                        self._call(self.on_notice, RESYNC)
                    continue
            if item is None:
                return
            kind, payload = item
            if kind == "up":
                up = True
                self._call(self.on_state, True, None)
                self._call(self.on_notice, RESYNC)
                continue
            if kind == "down":
                up = False
                self._call(self.on_state, False, payload)
                continue
            events = [payload]
            began = time.monotonic()
            # An event after a quiet spell goes at once (one CLI change: 30 ms
            # sooner); the ones right behind it are folded into the next notice.
            alone = began - last_sent >= self.quiet
            while not alone:
                left = min(self.quiet, began + self.longest - time.monotonic())
                if left <= 0:
                    break
                try:
                    nxt = self._queue.get(timeout=left)
                except queue.Empty:
                    break
                if nxt is None or nxt[0] != "event":
                    carry = nxt  # handled next turn, in order
                    if nxt is None:
                        carry = None
                        self._queue.put(None)
                    break
                events.append(nxt[1])
            notice = notice_of(events)
            if not notice.empty and not self._stop.is_set():
                last_sent = time.monotonic()
                self._call(self.on_notice, notice)

    def _call(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:  # a listener bug must not kill live updates
            log.exception("event listener failed")


def _lost(transport: Transport) -> VolguiError:
    return EngineUnavailable(transport.address, "the event stream ended")


def _close_quietly(stream: Any) -> None:
    try:
        stream.close()
    except Exception:  # closing a dead socket may raise anything; it is closed
        pass
