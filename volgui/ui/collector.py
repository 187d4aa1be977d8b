"""Keeps the cyclic garbage collector's passes short: what a shown refresh holds is frozen.

A collection holds the GIL from start to end, on whichever thread allocated
past a threshold, and a full pass walks every tracked object not frozen. At
2,000 volumes, with only the start-up frozen (``tasks.steady``), full passes
took 30-50 ms, mostly on a worker building the next snapshot while both
snapshots and a list response were alive: the window froze throughout. That
was most of the refresh stalls over 50 ms that bench/ui.py printed.

So each time the window shows a refresh, :func:`settle` collects what came
since the last settle (cycles among it are found here: 3-9 ms) and freezes
what is left alive; CPython's own passes then walk only what came since,
wherever they run. Something frozen while alive that later becomes cyclic
garbage (a closed dialog's wrappers, a few KiB) is found only by
:func:`full_pass`, which walks everything, the start-up included: about
50 ms at that scale. :class:`FullPass` runs it every ten minutes when the
user is in another window and nothing is being read, and once an hour
whatever the user and the workers do.

Tried and not kept: automatic collection off and every pass on the GUI
thread (pyqtgraph's ``GarbageCollector``): the young generation then held a
whole refresh, 7-35 ms a pass; full passes only on the GUI thread between
reads: 20-50 ms each, every few refreshes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

CHECK_MS = 60_000  # how often FullPass looks
QUIET_EVERY = 600.0  # seconds between full passes while the user is elsewhere
FORCED_EVERY = 3600.0  # and at the latest


def settle() -> None:
    """The window shows a new snapshot: find the garbage that came with it, freeze the rest."""
    gc.collect()
    gc.freeze()


def full_pass() -> int:
    """Collect everything, the frozen included, and freeze what lives; the number found."""
    gc.unfreeze()
    found = gc.collect()
    gc.freeze()
    return found


def _elsewhere() -> bool:
    return QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive


class FullPass(QObject):
    """Runs :func:`full_pass` on the GUI thread when it is due (see the module).

    ``busy()``: a task is running (a snapshot being read would be walked too,
    and the pass would hold its landing); ``elsewhere()``: the user is in
    another window, so a 50 ms pause goes unseen.
    """

    _installed: FullPass | None = None

    def __init__(
        self,
        parent: QObject,
        busy: Callable[[], bool],
        elsewhere: Callable[[], bool] = _elsewhere,
    ) -> None:
        super().__init__(parent)
        self.busy = busy
        self.elsewhere = elsewhere
        self.last = time.monotonic()
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.run_if_due)
        self.timer.start()

    def run_if_due(self) -> bool:
        """Run a full pass if one is due and nothing is being read (past the hour,
        whatever runs: workers may be busy for good); whether it ran."""
        since = time.monotonic() - self.last
        quiet = since >= QUIET_EVERY and self.elsewhere() and not self.busy()
        if not (quiet or since >= FORCED_EVERY):
            return False
        full_pass()
        self.last = time.monotonic()
        return True

    @classmethod
    def install(cls, busy: Callable[[], bool]) -> FullPass | None:
        """One for the running application (None: there is none)."""
        app = QCoreApplication.instance()
        if app is None:
            return None
        have = cls._installed
        # isValid: the one of an earlier application was deleted with it.
        if have is None or not isValid(have) or have.parent() is not app:
            cls._installed = have = cls(app, busy)
        return have
