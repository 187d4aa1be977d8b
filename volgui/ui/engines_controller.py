"""Several engines in one window: one lazily opened Engine, probe, snapshot and
event follower per sidebar row.

The window holds one :class:`EnginesController`. Choosing a row calls
:meth:`select`; the first time an engine is chosen its follower starts (its
first connection brings a resync, read on a worker), later choices show the
snapshot kept for it at once while its follower keeps it current. Removing
an engine stops its follower and closes it. Nothing here calls an engine on
the GUI thread: probes, snapshots and notices all go through ``tasks``.

The window shows one engine and keeps that one's snapshot itself (its
refresh plans the tables' diffs with it): :meth:`take_view` hands the
engine over (its notices and up/down then go to ``view_notice`` /
``view_state``), :meth:`give_back` takes it back with whatever the window
had not applied yet, and :meth:`keep` stores what the window shows. So every
engine has one follower and one applier, never two.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from PySide6.QtCore import QObject, QSettings, Signal, Slot

from volgui.engine import Engine, Snapshot
from volgui.engine.connection import Endpoint
from volgui.engine.engines import AddedEngine, EngineEntry, Probe, discover
from volgui.engine.errors import VolguiError
from volgui.engine.events import Follower, Notice
from volgui.ui import engine_store, tasks

EngineFactory = Callable[[Endpoint], Engine]


def _open_lazily(endpoint: Endpoint) -> Engine:
    return Engine.open(endpoint, lazy=True)


class View(NamedTuple):
    """What the window starts from when it takes an engine over."""

    snapshot: Snapshot | None  # the kept snapshot (None: never read)
    pending: Notice | None  # notices not yet applied to it
    coming: bool  # the follower just started: its first resync brings a snapshot


class _Slot:
    """What the controller keeps for one engine."""

    def __init__(self, entry: EngineEntry, engine: Engine) -> None:
        self.entry = entry
        self.engine = engine
        self.probe: Probe | None = None
        self.snapshot: Snapshot | None = None
        self.follower: Follower | None = None
        self.pending: Notice | None = None
        self.applying = False  # a snapshot is being read (by us, or by the window's refresh)
        self.viewed = False  # the window shows it: notices go there, not to _apply
        self.wanted = False  # the window waits for the read in flight, then takes it
        self.fresh = False  # its follower started and has not said up or down yet
        self.owned = True  # closed when dropped (not the window's own engine)


class EnginesController(QObject):
    """The engines of the sidebar and their live state.

    Signals: ``entries_changed()`` (rows added or removed), ``probed(key)``
    (a row's state, kind, versions or volume count changed),
    ``snapshot_changed(key)`` (that engine's snapshot is new),
    ``current_changed(key)``, ``engine_down(key, reason)``; for the engine the
    window shows: ``view_notice(Notice)``, ``view_state(up, error)``, and
    ``view_ready(key)`` when the read it waited for in :meth:`take_view` is in.
    """

    entries_changed = Signal()
    probed = Signal(str)
    snapshot_changed = Signal(str)
    current_changed = Signal(str)
    engine_down = Signal(str, str)
    view_notice = Signal(object)
    view_state = Signal(bool, object)
    view_ready = Signal(str)
    # follower threads -> GUI thread (queued: this object lives on the GUI thread)
    _noticed = Signal(str, object)
    _stated = Signal(str, bool, object)

    def __init__(
        self,
        parent: QObject | None = None,
        env: Mapping[str, str] | None = None,
        settings: QSettings | None = None,
        podman: Iterable[str] | None = None,
        open_engine: EngineFactory = _open_lazily,
    ) -> None:
        super().__init__(parent)
        self._env = env
        self._settings = settings
        self._podman = None if podman is None else list(podman)
        self._open = open_engine
        self._slots: dict[str, _Slot] = {}
        self._order: list[str] = []
        self._extra: list[EngineEntry] = []  # the --host/--context engine when not listed
        self.current: str | None = None
        self.follow = True  # start an event follower for a chosen engine (off: tests, tools)
        self._noticed.connect(self._on_notice)
        self._stated.connect(self._on_state)

    # -- the rows ------------------------------------------------------------

    @property
    def entries(self) -> list[EngineEntry]:
        return [self._slots[k].entry for k in self._order]

    def added(self) -> list[AddedEngine]:
        return engine_store.load(self._settings)

    def reload(self) -> None:
        """Read contexts, added engines and Podman sockets again (no engine call)."""
        env = os.environ if self._env is None else self._env
        found = discover(self.added(), env=env, podman=self._podman) + self._extra
        keep = {e.key: e for e in found}
        for key in [k for k in self._order if k not in keep or keep[k] != self._slots[k].entry]:
            self._drop(key)
        for entry in found:
            if entry.key not in self._slots:
                engine = self._open(entry.endpoint)
                tasks.watch(engine)
                self._slots[entry.key] = _Slot(entry, engine)
        self._order = [e.key for e in found]
        if self.current not in self._slots:
            self.current = None
        self.entries_changed.emit()

    def select_endpoint(self, endpoint: Endpoint, engine: Engine | None = None) -> str:
        """Choose the row whose address is ``endpoint``'s (--host/--context), adding
        one if none is; ``engine`` (the window's, already open) serves that row."""
        key = next((e.key for e in self.entries if e.endpoint.host == endpoint.host), None)
        if key is None:
            key = f"given:{endpoint.host}"
            if endpoint.source == "sandbox":  # make run's demo: say so, not its long path
                self._extra.append(EngineEntry(key, "sandbox", endpoint, "sandbox"))
            else:
                self._extra.append(EngineEntry(key, endpoint.host, endpoint, "given"))
            self.reload()
        slot = self._slots[key]
        if engine is not None and slot.engine is not engine and slot.follower is None:
            tasks.unwatch(slot.engine)
            slot.engine.close()
            slot.engine = engine
            tasks.watch(engine)
        self.select(key)
        return key

    def add_engine(self, engine: AddedEngine) -> None:
        self._store([*self.added(), engine])

    def replace_engine(self, old_name: str, engine: AddedEngine) -> None:
        self._store([engine if a.name == old_name else a for a in self.added()])

    def remove_engine(self, name: str) -> None:
        self._store([a for a in self.added() if a.name != name])

    def _store(self, engines: list[AddedEngine]) -> None:
        engine_store.save(engines, self._settings)
        self.reload()
        self.probe_all()

    # -- per engine ------------------------------------------------------------

    def engine(self, key: str) -> Engine:
        return self._slots[key].engine

    def probe(self, key: str) -> Probe | None:
        """What the last probe of ``key`` said (None: not yet, or the row is gone)."""
        slot = self._slots.get(key)
        return slot.probe if slot is not None else None

    def snapshot(self, key: str) -> Snapshot | None:
        return self._slots[key].snapshot

    def probe_all(self) -> None:
        for key in self._order:
            self.probe_one(key)

    def probe_one(self, key: str) -> None:
        slot = self._slots[key]
        what = self.tr("Asking %1").replace("%1", slot.entry.name)
        # An engine shown or followed is counted in its snapshot: listing its
        # volumes again (2,000: the engine's work and a long decode) would
        # compete with the window's own read of them at start-up.
        counted = slot.viewed or (slot.snapshot is not None and slot.follower is not None)
        tasks.run(self, what, slot.engine.probe, not counted).done(
            lambda p, key=key: self._set_probe(key, p)
        ).fail(lambda e, key=key: self._set_probe(key, Probe(False, reason=str(e))))

    def _set_probe(self, key: str, probe: Probe) -> None:
        slot = self._slots.get(key)
        if slot is not None:
            slot.probe = probe
            self.probed.emit(key)
            self._count(key, slot)  # a probe that did not count: the snapshot's count

    def select(self, key: str) -> None:
        """Show ``key``: its kept snapshot at once; its follower started on first use."""
        slot = self._slots[key]
        self.current = key
        if slot.follower is None and self.follow:
            slot.fresh = True
            slot.follower = slot.engine.follow_events(
                lambda n, key=key: self._noticed.emit(key, n),
                lambda up, err, key=key: self._stated.emit(key, up, err),
            )
            slot.follower.start()
        self.current_changed.emit(key)

    # -- the engine the window shows -------------------------------------------

    def take_view(self, key: str) -> View | None:
        """The window shows ``key`` from now on, starting from the returned :class:`View`.

        None: a read is in flight; ``view_ready(key)`` says when to ask again.
        """
        slot = self._slots[key]
        if slot.applying:
            slot.wanted = True
            return None
        slot.viewed = True
        view = View(slot.snapshot, slot.pending, slot.fresh)
        slot.pending = None
        return view

    def cancel_wait(self, key: str) -> None:
        """The window no longer waits for ``key`` (another row was chosen meanwhile)."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.wanted = False

    def own(self, key: str) -> None:
        """``key``'s Engine belongs to the caller: stopped with the rest, never closed."""
        self._slots[key].owned = False

    def give_back(self, key: str, pending: Notice | None, reading: bool) -> None:
        """The window shows another engine; ``pending``: the notices it had not read,
        ``reading``: its read is in flight and ends in :meth:`landed` or :meth:`landed_failed`."""
        slot = self._slots.get(key)
        if slot is None:
            return
        slot.viewed = slot.wanted = False
        if pending is not None:
            slot.pending = pending if slot.pending is None else slot.pending.merge(pending)
        slot.applying = reading
        if not reading and slot.pending is not None:
            self._apply(key)

    def keep(self, key: str, snap: Snapshot) -> None:
        """What the window shows of ``key`` (its row's volume count follows)."""
        slot = self._slots.get(key)
        if slot is not None:
            slot.snapshot = snap
            self._count(key, slot)
            self.snapshot_changed.emit(key)

    def landed(self, key: str, snap: Snapshot) -> None:
        """The window's read for ``key``, given back while in flight, is in."""
        self._applied(key, snap)

    def landed_failed(self, key: str, error: BaseException) -> None:
        self._apply_failed(key, error)

    def _count(self, key: str, slot: _Slot) -> None:
        if slot.probe is not None and slot.probe.up and slot.snapshot is not None:
            count = len(slot.snapshot.volumes)
            if slot.probe.volumes != count:
                slot.probe = dataclasses.replace(slot.probe, volumes=count)
                self.probed.emit(key)

    def _hand_over(self, key: str, slot: _Slot) -> bool:
        """The read the window waited for is in: the window takes the engine now."""
        if not slot.wanted:
            return False
        slot.wanted = False
        self.view_ready.emit(key)
        return True

    # -- live updates ---------------------------------------------------------

    @Slot(str, object)
    def _on_notice(self, key: str, notice: Notice) -> None:
        slot = self._slots.get(key)
        if slot is None:
            return
        if slot.viewed:
            self.view_notice.emit(notice)
            return
        slot.pending = notice if slot.pending is None else slot.pending.merge(notice)
        if not slot.applying:
            self._apply(key)

    def _apply(self, key: str) -> None:
        slot = self._slots[key]
        notice, slot.pending = slot.pending, None
        if notice is None:
            return
        slot.applying = True
        base = slot.snapshot
        if base is None or notice.resync:
            what = self.tr("Reading %1").replace("%1", slot.entry.name)
            task = tasks.run(self, what, slot.engine.snapshot)
        else:
            what = self.tr("Updating %1").replace("%1", slot.entry.name)
            task = tasks.run(self, what, slot.engine.apply_notice, base, notice)
        task.done(lambda snap, key=key: self._applied(key, snap))
        task.fail(lambda e, key=key: self._apply_failed(key, e))

    def _applied(self, key: str, snap: Snapshot) -> None:
        slot = self._slots.get(key)
        if slot is None:
            return
        slot.applying = False
        slot.snapshot = snap
        self._count(key, slot)
        self.snapshot_changed.emit(key)
        if self._hand_over(key, slot):
            return
        if slot.pending is not None:
            self._apply(key)

    def _apply_failed(self, key: str, error: BaseException) -> None:
        slot = self._slots.get(key)
        if slot is not None:
            slot.applying = False
            self.engine_down.emit(key, str(error))
            self._hand_over(key, slot)

    @Slot(str, bool, object)
    def _on_state(self, key: str, up: bool, error: VolguiError | None) -> None:
        slot = self._slots.get(key)
        if slot is None:
            return
        slot.fresh = False
        if slot.viewed:
            self.view_state.emit(up, error)
        if up:
            self.probe_one(key)  # versions and kind may have changed with a restart
            return
        reason = getattr(error, "reason", None) or str(error or "down")
        slot.probe = Probe(False, reason=reason)
        self.probed.emit(key)
        self.engine_down.emit(key, reason)

    # -- ending -------------------------------------------------------------------

    def _drop(self, key: str, wait: bool = False) -> None:
        """Forget ``key``'s row: its follower stopped, its engine closed (if ours).
        A row removed or edited is let go on a worker (a stuck ssh would hold the
        window up to the follower's timeout); the window's close waits for it."""
        slot = self._slots.pop(key)
        if self.current == key:
            self.current = None
        if slot.owned:
            tasks.unwatch(slot.engine)
        follower, engine = slot.follower, slot.engine if slot.owned else None
        if follower is not None:
            follower.stop(timeout=0)  # the stream closed now; the threads end by themselves
        if wait:
            _let_go(follower, engine)
        elif follower is not None or engine is not None:
            what = self.tr("Closing %1").replace("%1", slot.entry.name)
            tasks.run(None, what, _let_go, follower, engine)

    def close(self) -> None:
        """Stop every follower and close every engine (the window's closeEvent)."""
        for key in list(self._slots):
            self._drop(key, wait=True)
        self._order = []


def _let_go(follower: Follower | None, engine: Engine | None) -> None:
    """Off the GUI thread for a dropped row: wait for its follower, close its engine."""
    if follower is not None:
        follower.stop(timeout=1.0)
    if engine is not None:
        engine.close()
