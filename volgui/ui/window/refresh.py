"""Refreshing: full refreshes, live updates from the event stream, the engine going away.

One refresh runs at a time; notices that arrive meanwhile are merged and
applied after it, each on top of the snapshot before it. A refresh never
stalls the GUI thread: the worker fetches the snapshot *and* plans both
tables' diffs (``RowModel.plan``, pure Python); the GUI thread applies the
plans a few ``begin/end`` blocks per turn of the event loop (``_apply_turn``)
and hands the old snapshot to ``tasks.release``, which frees it off the GUI
thread.

With the Engines sidebar the window shows one engine at a time: ``detach``
hands the shown engine's state back (its latest snapshot, the notices not
read yet, whether a read is in flight) and ``retarget`` shows another engine,
starting from a snapshot kept for it; a read still in flight for the old one
ends in ``_landed_elsewhere`` / ``_failed_elsewhere`` (the engines section).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from volgui.engine import Engine, EngineInfo, EngineUnavailable, Snapshot, VolguiError
from volgui.engine import events as engine_events
from volgui.engine.events import Notice
from volgui.ui import collector, errors, tasks
from volgui.ui.container_table import ContainerModel
from volgui.ui.recover_prompt import RecoverPrompt
from volgui.ui.row_diff import RowDiff
from volgui.ui.volume_table import VolumeModel

# The GUI thread spends at most this long per turn applying a refresh.
TURN_BUDGET = 0.008


class Relay(QObject):
    """Carries the event follower's callbacks (its thread) to the GUI thread."""

    notice = Signal(object)
    state = Signal(object)  # (up, error)


def fetch_and_plan(
    engine: Engine,
    base: Snapshot,
    notice: Notice,
    want_info: bool,
    volumes: VolumeModel,
    containers: ContainerModel,
) -> tuple[EngineInfo | None, Snapshot, RowDiff[Any], RowDiff[Any]]:
    """On a worker: the snapshot after ``notice``, and the tables' diffs to show it."""
    info = engine.info() if want_info else None
    snap = engine.apply_notice(base, notice)
    return info, snap, volumes.plan(snap.volumes), containers.plan(snap.containers)


class Handback(NamedTuple):
    """What ``detach`` gives back of the engine the window showed."""

    snapshot: Snapshot | None  # its latest snapshot (None: never read)
    pending: Notice | None  # notices it had not read yet
    reading: bool  # a read is in flight (it ends in _landed_elsewhere/_failed_elsewhere)


def snapshot_parts(snap: Snapshot) -> list[object]:
    """What a snapshot holds, for ``tasks.release`` to free a slice at a time."""
    return [*snap.volumes, *snap.containers]


class RefreshMixin:
    """Keeps the window's snapshot and tables in step with the engine."""

    # Retry delays while the engine is away: 1, 2, 4 ... up to retry_max seconds.
    retry_first = 1.0
    retry_max = 10.0

    def _start_following(self, follow_events: bool, own_follower: bool = True) -> None:
        """``own_follower``: False when the engines sidebar follows every engine and
        hands this window the notices of the one it shows (``retarget``)."""
        self._generation = 0  # a read started before the last detach or retarget shows nothing
        self._base: Snapshot | None = None  # the next read's base, until it is shown
        self._landing: Snapshot | None = None  # read, being put on screen
        self._read = False  # self.snapshot is the shown engine's
        # Each engine's info, read once; weak: a dropped engine's id may come back.
        self._infos: weakref.WeakKeyDictionary[Engine, EngineInfo] = weakref.WeakKeyDictionary()
        self._refresh: tasks.Task | None = None
        self._applying: Iterator[None] | None = None
        self._pending: Notice | None = None
        self._retry_delay = self.retry_first
        self._retry_at = 0.0
        self._down_reason = ""
        self._retry_timer = QTimer(self, singleShot=True)
        self._retry_timer.timeout.connect(self.refresh)
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._update_banner)
        self._apply_timer = QTimer(self, singleShot=True, interval=0)
        self._apply_timer.timeout.connect(self._apply_turn)
        self._relay = Relay(self)
        self._relay.notice.connect(self._on_notice, Qt.ConnectionType.QueuedConnection)
        self._relay.state.connect(self._on_stream_state, Qt.ConnectionType.QueuedConnection)
        self.follower: engine_events.Follower | None = None
        if not own_follower:
            return
        if follow_events:
            # The stream's first connection brings a resync notice: that is
            # the first refresh, taken after the stream opened (no gap).
            self.follower = self.engine.follow_events(
                self._relay.notice.emit,
                lambda up, err: self._relay.state.emit((up, err)),
            )
            self.follower.start()
        else:
            self.refresh()

    def refresh(self) -> None:
        """Start a full background refresh and return at once."""
        self._request(engine_events.RESYNC)

    @property
    def idle(self) -> bool:
        """No refresh running, applying or queued, and the graph is not laying out or filling."""
        graph = getattr(self, "graph", None)
        graph_busy = bool(graph is not None and graph.busy())
        return (
            self._refresh is None
            and self._applying is None
            and self._pending is None
            and not graph_busy
        )

    @Slot(object)
    def _on_notice(self, notice: Notice) -> None:
        if not self._closed:
            self._request(notice)

    def _request(self, notice: Notice) -> None:
        self._pending = notice if self._pending is None else self._pending.merge(notice)
        if self._refresh is None and self._applying is None:
            self._start_refresh()

    def _start_refresh(self) -> None:
        if self._pending is None or self._closed:
            return
        notice, self._pending = self._pending, None
        want_info = self.info is None or notice.resync
        engine, gen = self.engine, self._generation
        task = tasks.run(
            self,
            self.tr("Refreshing"),
            fetch_and_plan,
            engine,
            self.snapshot if self._base is None else self._base,
            notice,
            want_info,
            self.volume_model,
            self.container_model,
        )
        self._refresh = task
        task.done(
            lambda r: (
                self._on_refreshed(r)
                if gen == self._generation
                else self._landed_elsewhere(engine, r[1])
            )
        ).fail(
            lambda e: (
                self._on_refresh_failed(e)
                if gen == self._generation
                else self._failed_elsewhere(engine, e)
            )
        ).always(lambda: self._refresh_settled() if task is self._refresh else None)
        self._update_tasks()

    def _landed_elsewhere(self, engine: Engine, snap: Snapshot) -> None:
        """A read for an engine no longer shown is in (the engines section keeps it)."""

    def _failed_elsewhere(self, engine: Engine, error: BaseException) -> None:
        """A read for an engine no longer shown failed."""

    def _refresh_settled(self) -> None:
        self._refresh = None
        if self._applying is None and self._pending is not None and self.engine_up:
            self._start_refresh()

    def _on_refreshed(
        self, result: tuple[EngineInfo | None, Snapshot, RowDiff[Any], RowDiff[Any]]
    ) -> None:
        info, snap, volumes, containers = result
        if info is not None:
            self.info = self._infos[self.engine] = info
            self._update_title()
        self._set_engine_up(True)
        self.volume_model.container_names = {c.id: c.name for c in snap.containers}
        self._landing = snap
        self._applying = self._apply_steps(snap, volumes, containers)
        self._apply_turn()

    def _apply_steps(
        self, snap: Snapshot, volumes: RowDiff[Any], containers: RowDiff[Any]
    ) -> Iterator[None]:
        yield from self.volume_model.apply_steps(volumes)
        yield from self.container_model.apply_steps(containers)
        self._shown(snap)

    def _apply_turn(self) -> None:
        """Apply the refresh's steps for up to TURN_BUDGET, then let the loop turn."""
        steps = self._applying
        if steps is None or self._closed:
            return
        end = time.perf_counter() + TURN_BUDGET
        for _ in steps:
            if time.perf_counter() >= end:
                self._apply_timer.start()
                return
        self._applying = None
        if self._refresh is None and self._pending is not None and self.engine_up:
            self._start_refresh()

    def apply_snapshot(self, snap: Snapshot, engines: bool = True) -> None:
        """Show ``snap`` at once (tests, tools); refreshes go through the worker.
        ``engines``: False when ``snap`` is not the engine's (a blank while it is read)."""
        self.volume_model.container_names = {c.id: c.name for c in snap.containers}
        self.volume_model.set_items(snap.volumes)
        self.container_model.set_items(snap.containers)
        self._shown(snap, engines)

    def _shown(self, snap: Snapshot, engines: bool = True) -> None:
        """The tables show ``snap``: the rest of the window follows."""
        old, self.snapshot = self.snapshot, snap
        tasks.release(old, snapshot_parts)
        del old
        self._base = self._landing = None
        self._read = engines
        if engines:
            self._keep_shown(snap)
        first, self._filled = not self._filled, True
        self._update_highlight()
        self._update_details()
        self._update_actions()
        self._update_titles()
        self.refreshed_at = time.time()
        self._update_status()
        self.snapshot_changed.emit(snap)
        if first:
            tasks.steady()
            self._ask_about_interrupted_changes()
            self.filled.emit()
        collector.settle()  # later passes leave what is shown now alone

    def _keep_shown(self, snap: Snapshot) -> None:
        """The shown engine's snapshot is new (the engines section keeps it)."""

    # -- showing another engine -------------------------------------------

    def detach(self) -> Handback:
        """Stop showing the current engine; return its state for whoever follows it now."""
        back = Handback(
            self._landing or (self.snapshot if self._read else None),
            self._pending,
            self._refresh is not None,
        )
        self._generation += 1
        self._refresh = self._applying = self._pending = self._landing = None
        self._apply_timer.stop()
        self._retry_timer.stop()
        self._countdown.stop()
        self._retry_delay = self.retry_first
        self._read = False
        return back

    def retarget(
        self, engine: Engine, snapshot: Snapshot | None, pending: Notice | None, coming: bool
    ) -> None:
        """Show ``engine`` (after ``detach``), from ``snapshot`` kept for it: at once,
        with no request, when nothing is pending. Without one the tables empty and
        a full read follows (``coming``: the follower's first resync brings it)."""
        self._generation += 1  # a read started while detached was the old engine's
        self.engine = engine
        self.info = self._infos.get(engine)
        self._base = snapshot if snapshot is not None else Snapshot()
        self.cancel_sizes()
        self.volume_model.set_sizes({})
        if not self.engine_up:
            self._set_engine_up(True)
        if snapshot is None and self._filled:
            self.apply_snapshot(Snapshot(), engines=False)
        self._update_title()
        self._update_status()
        if snapshot is not None:
            self._request(pending or engine_events.Notice())
        elif pending is not None or not coming:
            self._request(engine_events.RESYNC)

    def _ask_about_interrupted_changes(self) -> None:
        """A change cut short (a crash, a kill) is never finished silently: ask (DESIGN 4b)."""
        self.recover_prompt = RecoverPrompt.check(self, self.engine)
        self.recover_prompt.recovered.connect(lambda _lines: self.refresh())

    def _on_refresh_failed(self, exc: BaseException) -> None:
        if isinstance(exc, EngineUnavailable):
            self._set_engine_up(False, exc)
        else:
            errors.show(self, exc, self.tr("Refreshing"))

    # -- the engine going away and coming back -----------------------------

    @property
    def down_reason(self) -> str:
        """Why the engine is not answering ("" while it answers)."""
        return "" if self.engine_up else self._down_reason

    @Slot(object)
    def _on_stream_state(self, state: tuple[bool, VolguiError | None]) -> None:
        up, error = state
        if self._closed:
            return
        if not up:
            self._set_engine_up(False, error)
        # Up: the resync notice that follows refreshes and clears the banner.

    def _set_engine_up(self, up: bool, error: BaseException | None = None) -> None:
        was = self.engine_up
        self.engine_up = up
        if up:
            self._retry_timer.stop()
            self._countdown.stop()
            self._retry_delay = self.retry_first
            self.banner.hide()
        else:
            self._down_reason = (
                error.reason if isinstance(error, EngineUnavailable) else str(error or "")
            )
            if not self._retry_timer.isActive():
                self._retry_timer.start(int(self._retry_delay * 1000))
                self._retry_at = time.monotonic() + self._retry_delay
                self._retry_delay = min(self._retry_delay * 2, self.retry_max)
            self._countdown.start()
            self._update_banner()
        self.volume_model.set_greyed(not up)
        self.container_model.set_greyed(not up)
        self.graph.set_greyed(not up)
        self._update_actions()
        self._update_status()
        if was != up:
            self.engine_state.emit(up)

    def _update_banner(self) -> None:
        if self.engine_up:
            return
        left = self._retry_at - time.monotonic() if self._retry_timer.isActive() else None
        reason = f"{self.engine.address}: {self._down_reason}"
        self.banner.show_down(
            reason, max(left, 1) if left is not None else None, have_data=self._filled
        )

    def _stop_refreshing(self) -> None:
        self._retry_timer.stop()
        self._countdown.stop()
        self._apply_timer.stop()
        self._applying = None
        if self.follower is not None:
            # Closing must not freeze on an engine that stopped answering.
            self.follower.stop(timeout=1.0)
