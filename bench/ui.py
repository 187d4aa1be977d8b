"""The main window at 2,000 volumes / 300 containers: stalls, start-up, live latency.

Prints
- the longest GUI-thread stall while the window refreshes (a 2 ms heartbeat
  timer; a stall is the longest gap between two beats; target <= 50 ms),
- process start to a filled window (`volgui` in a child process; target <= 1.0 s),
- `docker volume create` on the CLI to its row in the table (target <= 0.5 s).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.population import bench_engine  # noqa: E402
from volgui.engine import Engine, connect  # noqa: E402
from volgui.ui import tasks  # noqa: E402
from volgui.ui.main_window import MainWindow  # noqa: E402

HEARTBEAT_MS = 2


class Heartbeat:
    """A 2 ms timer on the GUI thread; the longest gap between beats is the stall."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.longest


def run_until(done: Callable[[], bool], timeout: float = 60.0) -> None:
    """Spin the event loop (as the app would) until ``done()`` or the timeout."""
    loop = QEventLoop()
    poll = QTimer(interval=1)
    poll.timeout.connect(lambda: done() and loop.quit())
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    poll.start()
    if not done():
        loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError("the window did not get there in time")


def stalls(window: MainWindow, beat: Heartbeat, runs: int = 5) -> list[float]:
    results = []
    for _ in range(runs):
        run_until(lambda: window.idle)
        changed: list[object] = []
        window.snapshot_changed.connect(changed.append)
        beat.start()
        window.refresh()
        run_until(lambda changed=changed: bool(changed))
        run_until(lambda: window.idle)  # the graph's relayout and refill included
        results.append(beat.stop())
        window.snapshot_changed.disconnect(changed.append)
    return results


def start_to_filled(address: str, runs: int = 3) -> list[float]:
    env = dict(os.environ, VOLGUI_EXIT_WHEN_FILLED="1", QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="volgui-bench-config-")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "volgui", "--host", address],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(30)
        if not line.startswith("filled"):
            raise RuntimeError(f"volgui did not report a filled window: {line!r}")
        times.append(elapsed)
    return times


def cli_to_row(window: MainWindow, engine: Engine, runs: int = 5) -> list[float]:
    times = []
    for i in range(runs):
        name = f"bench-live-{os.getpid()}-{i}"
        start = time.perf_counter()
        proc = subprocess.Popen(["docker", "volume", "create", name], stdout=subprocess.DEVNULL)
        run_until(lambda name=name: window.volume_model.row_of(name) >= 0, timeout=10)
        times.append(time.perf_counter() - start)
        proc.wait(10)
        engine.remove_volume(name)
    return times


def main() -> int:
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        tempfile.mkdtemp(prefix="volgui-bench-settings-"),
    )
    app = QApplication.instance() or QApplication(sys.argv)
    with bench_engine() as engine:
        address = engine.address
        os.environ["DOCKER_HOST"] = address
        window_engine = connect(address)
        beat = Heartbeat()
        beat.start()
        window = MainWindow(window_engine)
        window.show()
        run_until(lambda: window.is_filled and window.idle)
        first = beat.stop()
        snap = window.snapshot
        print(
            f"ui: {len(snap.volumes)} volumes, {len(snap.containers)} containers, "
            f"{len(snap.mounts)} mounts"
        )
        print(f"  first fill (tables and graph), longest GUI-thread stall: {first * 1000:.1f} ms")
        refresh = stalls(window, beat)
        worst = max(refresh)
        print(
            f"  refresh, longest GUI-thread stall:     {worst * 1000:.1f} ms "
            f"(median of {len(refresh)} refreshes {statistics.median(refresh) * 1000:.1f} ms; "
            f"target <= 50 ms)"
        )
        live = cli_to_row(window, engine)
        print(
            f"  `docker volume create` to its row:     {max(live) * 1000:.0f} ms worst, "
            f"{statistics.median(live) * 1000:.0f} ms median (target <= 500 ms)"
        )
        window.close()
        run_until(lambda: not tasks.runner().running)
        tasks.shutdown()
        window_engine.close()
        start = start_to_filled(address)
        print(
            f"  process start to filled window:        {max(start):.2f} s worst, "
            f"{statistics.median(start):.2f} s median (target <= 1.0 s)"
        )
    del app
    ok = worst <= 0.050 and max(live) <= 0.5 and statistics.median(start) <= 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
