"""ui/collector.py: what a shown refresh holds is frozen; full passes find the rest.

Our own logic on CPython's collector: an object is frozen when ``gc.get_objects()``
(which leaves out the permanent generation) no longer lists it.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from pytestqt.qtbot import QtBot

from tests.conftest import Docker
from volgui.ui import collector
from volgui.ui.main_window import MainWindow


class Cycle:
    """Garbage only the cyclic collector can free."""

    def __init__(self) -> None:
        self.me = self


def _walked(obj: object) -> bool:
    """Later passes would walk ``obj`` (it is not frozen)."""
    return any(o is obj for o in gc.get_objects())


def test_settle_finds_the_new_garbage_and_freezes_what_lives() -> None:
    dead = Cycle()
    gone = weakref.ref(dead)
    del dead
    alive = Cycle()
    kept = weakref.ref(alive)
    assert _walked(alive)
    collector.settle()
    assert gone() is None  # garbage that came since the last settle is found
    assert not _walked(alive)  # what lives is out of later passes' sight
    del alive
    gc.collect()
    assert kept() is not None  # frozen while alive: ordinary passes never find it
    collector.full_pass()
    assert kept() is None  # a full pass does


def test_a_full_pass_waits_for_the_user_to_be_elsewhere_and_for_reads() -> None:
    busy, elsewhere = [False], [False]
    owner = QObject()
    passes = collector.FullPass(owner, lambda: busy[0], lambda: elsewhere[0])
    assert not passes.run_if_due()  # just made
    passes.last -= collector.QUIET_EVERY
    assert not passes.run_if_due()  # ten minutes on, but the user is here
    elsewhere[0] = busy[0] = True
    assert not passes.run_if_due()  # a read is in flight
    busy[0] = False
    frozen = Cycle()
    kept = weakref.ref(frozen)
    collector.settle()
    del frozen
    assert passes.run_if_due() and kept() is None
    assert not passes.run_if_due()  # not again for ten minutes
    elsewhere[0] = False
    busy[0] = True
    passes.last -= collector.FORCED_EVERY
    assert passes.run_if_due()  # an hour on: whatever the user or the workers do
    del passes, owner


def test_what_a_refresh_shows_is_frozen(
    window: MainWindow, docker: Docker, unique: Callable[[str], str], qtbot: QtBot
) -> None:
    """The window's snapshot is out of the collector's sight as soon as it is shown,
    and the application has its full-pass timer."""
    vol = unique("frozen")
    docker("volume", "create", vol)
    # The row comes before the apply's last step: wait until the snapshot is shown.
    qtbot.waitUntil(lambda: window.snapshot.volume(vol) is not None and window.idle, timeout=10_000)
    shown = window.snapshot.volume(vol)
    assert not _walked(shown) and not _walked(window.snapshot)
    app = QCoreApplication.instance()
    assert app is not None and app.findChildren(collector.FullPass)
    docker("volume", "rm", vol)
