"""Engine calls on a thread pool, results and errors back on the GUI thread.

    tasks.run(self, "Removing volume x", engine.remove_volume, "x").done(self._on_removed)

A :class:`Task` lives on the GUI thread; its function runs on a worker of the
shared :class:`Runner`. ``done``/``failed``/``finished`` are delivered through
a queued signal, so callbacks always run on the GUI thread, and never after
the task was cancelled or its owner widget deleted. Failures go to
``errors.show`` unless the caller handles them (``.fail(cb)``).

Rule 6 of the design (no engine call on the GUI thread) has a guard: with
:func:`enable_gui_thread_guard` on, every engine handed to :func:`watch`
raises :class:`GuiThreadViolation` on any HTTP request made from the GUI
thread. The UI test suite turns it on for every test.
"""

from __future__ import annotations

import gc
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from volgui.engine import Engine, pace
from volgui.ui import collector

log = logging.getLogger(__name__)


class GuiThreadViolation(AssertionError):
    """An engine request was made on the GUI thread (DESIGN rule 6)."""


class CancelToken:
    """Handed to a streaming call: tells it to stop and lets it register a closer."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._closers: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def on_cancel(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` when cancelled (at once if that already happened)."""
        with self._lock:
            if not self._event.is_set():
                self._closers.append(closer)
                return
        closer()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            closers, self._closers = self._closers, []
        for closer in closers:
            try:
                closer()
            except Exception:  # closing a stream that already broke
                log.debug("cancel closer failed", exc_info=True)


# Task's signals as Qt names them (QObject.receivers takes these).
_SIGNATURES = {
    "succeeded": "succeeded(PyObject)",
    "failed": "failed(PyObject)",
    "finished": "finished()",
}


class Task(QObject):
    """One call running on a worker thread.

    Signals: ``succeeded(object)`` with the result, ``failed(object)`` with the
    exception, ``finished()`` after either or after :meth:`cancel`.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # worker -> GUI thread (queued): one (ok, value) tuple.
    _outcome = Signal(object)

    def __init__(self, owner: QObject | None, what: str) -> None:
        super().__init__()
        self.owner = owner
        self.what = what
        self.token = CancelToken()
        self.running = True
        self._fail_handled = False
        self._connected: set[str] = set()  # our signals that callbacks were given to
        self._outcome.connect(self._deliver)

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def done(self, callback: Callable[[Any], None]) -> Task:
        """Call ``callback(result)`` on the GUI thread when the call succeeds."""
        return self._on("succeeded", callback)

    def fail(self, callback: Callable[[BaseException], None]) -> Task:
        """Handle failure here instead of the default error message."""
        self._fail_handled = True
        return self._on("failed", callback)

    def always(self, callback: Callable[[], None]) -> Task:
        return self._on("finished", callback)

    def _on(self, name: str, callback: Callable[..., None]) -> Task:
        getattr(self, name).connect(callback)
        self._connected.add(name)
        return self

    def cancel(self) -> None:
        """Stop listening: no result is delivered; a streaming call is closed."""
        if not self.running:
            return
        self.token.cancel()
        self._finish()

    @Slot(object)
    def _deliver(self, outcome: tuple[bool, Any]) -> None:
        ok, value = outcome
        if not self.running or self.cancelled:
            return
        if self.owner is not None and not isValid(self.owner):
            self._finish(emit=False)  # its callbacks are the owner's: none runs on a dead one
            return
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
            if not self._fail_handled:
                from volgui.ui import errors

                parent = self.owner if isinstance(self.owner, QWidget) else None
                errors.show(parent, value, self.what)
        self._finish()

    def _finish(self, emit: bool = True) -> None:
        self.running = False
        if emit:
            self.finished.emit()
        # Let go of the callbacks: Qt holds them, and one that names this task
        # (``always(lambda: ... task ...)``) made a cycle the collector cannot
        # see, through Qt: every such task, and what its lambdas held, lived on.
        # Only those Qt still holds: one whose receiver was deleted is gone already
        # (disconnecting it again is a RuntimeWarning).
        for name in self._connected:
            if self.receivers(SIGNAL(_SIGNATURES[name])):
                getattr(self, name).disconnect()
        self._connected.clear()
        runner()._forget(self)


class Runner(QObject):
    """The worker pool. Signals: ``count_changed(int)`` (tasks running)."""

    count_changed = Signal(int)

    def __init__(self, workers: int = 4) -> None:
        super().__init__()
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._tasks: set[Task] = set()

    @property
    def running(self) -> tuple[Task, ...]:
        return tuple(self._tasks)

    def submit(
        self,
        owner: QObject | None,
        what: str,
        fn: Callable[..., Any],
        *args: Any,
        stream: bool = False,
        **kwargs: Any,
    ) -> Task:
        task = Task(owner, what)
        self._tasks.add(task)
        self.count_changed.emit(len(self._tasks))
        if stream:
            kwargs["cancel"] = task.token

        def work() -> None:
            try:
                result = fn(*args, **kwargs)
            except BaseException as e:  # delivered to the GUI thread, not lost
                outcome: tuple[bool, Any] = (False, e)
            else:
                outcome = (True, result)
            if task.cancelled:
                return
            try:
                task._outcome.emit(outcome)
            except RuntimeError:  # the Task was deleted with the application
                pass

        if self._pool is None:  # first use, or after shutdown()
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="volgui-task")
        self._pool.submit(work)
        return task

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.discard(task)
            self.count_changed.emit(len(self._tasks))

    def shutdown(self, wait: bool = True) -> None:
        """Cancel every task and stop the worker threads (the next submit starts new ones)."""
        for task in list(self._tasks):
            task.cancel()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


_runner: Runner | None = None


def runner() -> Runner:
    """The shared pool, created on first use; lives as long as the process."""
    global _runner
    if _runner is None:
        _runner = Runner()
    return _runner


def run(owner: QObject | None, what: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Task:
    """Run ``fn(*args, **kw)`` on a worker; ``what`` names it in error messages."""
    return runner().submit(owner, what, fn, *args, **kw)


def run_stream(
    owner: QObject | None, what: str, fn: Callable[..., Any], *args: Any, **kw: Any
) -> Task:
    """Like :func:`run`, for a call that takes ``cancel=CancelToken`` and honours it."""
    return runner().submit(owner, what, fn, *args, stream=True, **kw)


def shutdown(wait: bool = True) -> None:
    """Cancel every task and stop the worker threads (at exit, and after each test)."""
    if _runner is not None:
        _runner.shutdown(wait)
    _releaser.stop()
    pace.reset()


# -- letting go of big objects off the GUI thread ---------------------------


class _Releaser:
    """Frees what it is handed on a thread of its own, a slice at a time.

    Dropping the last reference to a snapshot of 2,000 volumes frees some
    10,000 objects in one C-level cascade that holds the GIL throughout: on the
    GUI thread that was a 20 ms turn. Here the releaser waits (a while) until
    it holds the last reference, takes the object apart into a list, and
    deletes that list in slices, letting the GUI thread run in between.
    """

    SLICE = 200
    PATIENCE = 5.0  # seconds to wait for the other holders to let go

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, obj: object, parts: Callable[[Any], list[Any]]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="volgui-release", daemon=True
                )
                self._thread.start()
        self._queue.put([obj, parts, time.monotonic() + self.PATIENCE])

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _run(self) -> None:
        waiting: list[Any] = []
        while True:
            try:
                entry = self._queue.get(timeout=0.02 if waiting else None)
            except queue.Empty:
                entry = ()
            if entry is None:  # stop(): let go of everything now
                return
            if entry:
                waiting.append(entry)
            waiting = [e for e in waiting if not self._free_if_last(e)]

    def _free_if_last(self, entry: list[Any]) -> bool:
        # References: the entry, and getrefcount's own argument.
        if sys.getrefcount(entry[0]) > 2 and time.monotonic() < entry[2]:
            return False
        pieces = entry[1](entry[0])
        entry[0] = None  # the object goes now; what it held lives on in pieces
        while pieces:
            del pieces[-self.SLICE :]
            pace.pause()  # the GUI thread first (engine/pace.py)
            time.sleep(0)  # the GIL goes to the GUI thread between slices
        return True


_releaser = _Releaser()


def release(obj: object, parts: Callable[[Any], list[Any]]) -> None:
    """Let go of ``obj`` off the GUI thread, freeing ``parts(obj)`` a slice at a time.

    The caller hands over its reference: ``release(old, lambda s: [...])`` and
    then holds ``old`` no longer.
    """
    _releaser.put(obj, parts)


# How long a thread runs Python before it must offer the GIL (CPython's
# default is 5 ms). Qt calls into Python for every data(), paint() and filter
# call, and each call waits for the GIL: while a worker parses a snapshot, a
# repaint of a few hundred calls waited up to 5 ms each, a 60-90 ms turn at
# 2,000 volumes. Half a millisecond keeps those turns under 30 ms.
SWITCH_INTERVAL = 0.0005
_steady = False


def steady() -> None:
    """The first window is filled: from now on the GUI thread's latency comes first.

    - The GIL changes hands every ``SWITCH_INTERVAL`` (see there). Not before:
      at start-up the GUI and the first snapshot both want the CPU, and more
      switches made start-to-filled slower.
    - A full cyclic collection holds the GIL, and so the GUI thread, while it
      walks every tracked object: 13-34 ms once 2,000 volumes are on screen.
      What is alive now (modules, widgets, the first rows) lives as long as
      the window, so ``gc.freeze`` moves it out of the collector's sight;
      later full passes walk only what came since (without a collection
      first: that would add 10 ms to the first fill's last turn).
    - Each refresh shown freezes what it holds too (``ui/collector.py``): a
      full pass, started on a worker while a list response was parsed, took
      30-50 ms. Cyclic garbage frozen here or there is found by the pass over
      everything that runs when the user is elsewhere.
    """
    global _steady
    if not _steady:  # once a process: a second window adds nothing to freeze
        _steady = True
        sys.setswitchinterval(SWITCH_INTERVAL)
        gc.freeze()
    collector.FullPass.install(lambda: bool(runner().running))


# -- the GUI-thread guard -------------------------------------------------

_guard_on = False
violations: list[str] = []


def enable_gui_thread_guard(on: bool = True) -> None:
    """Make engines handed to :func:`watch` refuse requests from the GUI thread."""
    global _guard_on
    _guard_on = on


def _guard(method: str, url: str) -> None:
    if threading.current_thread() is threading.main_thread():
        message = f"engine request {method} {url} made on the GUI thread"
        violations.append(message)
        raise GuiThreadViolation(message)


def watch(engine: Engine) -> None:
    """Install the guard on ``engine`` if the guard is on (idempotent)."""
    # The Engine's own hook list: registering never connects (a lazy engine
    # builds its client on a worker, through these hooks).
    if _guard_on and _guard not in engine.request_hooks:
        engine.request_hooks.append(_guard)


def unwatch(engine: Engine) -> None:
    while _guard in engine.request_hooks:
        engine.request_hooks.remove(_guard)
