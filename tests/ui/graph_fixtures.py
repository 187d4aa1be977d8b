"""Fixtures and in-memory snapshots for the mount graph's tests.

Kept apart from tests/ui/conftest.py (owned by the main window's tests):
test modules import what they need from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from pytestqt.qtbot import QtBot

from volgui.engine import Engine
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.ui.mount_graph import MountGraph

WEB, BACKUP, IDLE, ANON_USER = "1" * 64, "2" * 64, "3" * 64, "4" * 64
ANON, ANON_DANGLING = "a" * 64, "b" * 64


def sample_snapshot() -> Snapshot:
    """Every kind of node: volumes (used, unused, anonymous), bind, tmpfs, containers."""
    vols = [
        Volume("data", labels={"description": "웹 사이트 콘텐츠"}),
        Volume("logs"),
        Volume("orphan"),
        Volume(ANON),
        Volume(ANON_DANGLING),
    ]
    cons = [
        Container(
            WEB,
            "web",
            "img",
            "running",
            mounts=(
                Mount(WEB, "volume", "data", "/data"),
                Mount(WEB, "volume", "logs", "/logs", read_only=True),
                Mount(WEB, "bind", "/srv/한글-설정", "/etc/app", read_only=True),
                Mount(WEB, "tmpfs", None, "/tmp"),
            ),
        ),
        Container(
            BACKUP,
            "backup",
            "img",
            "exited",
            mounts=(
                Mount(BACKUP, "volume", "data", "/source", read_only=True),
                Mount(BACKUP, "volume", "logs", "/logs"),
            ),
        ),
        Container(
            ANON_USER,
            "anon-user",
            "img",
            "running",
            mounts=(Mount(ANON_USER, "volume", ANON, "/x"),),
        ),
        Container(IDLE, "idle", "img", "created"),
    ]
    return Snapshot.build(vols, cons)


def snapshot_off_thread(engine: Engine) -> Snapshot:
    """engine.snapshot() on a worker thread: tests obey the GUI-thread rule too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(engine.snapshot).result(timeout=60)


def make_graph(qtbot: QtBot) -> Iterator[MountGraph]:
    """Body of a `graph` fixture: a shown MountGraph, its layout thread idle after."""
    view = MountGraph()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.wait_idle()


def fill(qtbot: QtBot, view: MountGraph, snapshot: Snapshot) -> None:
    """Give the view a snapshot and wait until the scene mirrors it."""
    with qtbot.waitSignal(view.scene_filled, timeout=10_000):
        view.set_snapshot(snapshot)
