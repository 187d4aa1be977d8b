"""The mount graph at 2,000 volumes / 300 containers / 900 mounts.

Prints (targets from DESIGN.md):
- layout time, graph + layout, median of runs (target <= 100 ms), and the
  edge crossings in list order against after the layout;
- the longest GUI-thread stall (a 2 ms heartbeat timer; target <= 50 ms)
  during the first fill, a refresh that brings 1 change (a new volume) and
  one that brings 200 changes (volumes added and removed, containers
  stopped or started), each until the scene mirrors the new snapshot.

Each refresh hands the view a snapshot of freshly built objects and keeps no
reference to it or to the one before, as the window does: so the release of
the old picture is measured too, not only the diff. Snapshots are built in
memory from dataclasses (shaped like bench/population.py, and a project-
structured one from tests/synthetic.py): this measures our layout and our
widget, not the engine.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import synthetic  # noqa: E402
from volgui.engine.graph.layout import layout  # noqa: E402
from volgui.engine.graph.model import build_graph  # noqa: E402
from volgui.engine.model import Container, Mount, Snapshot, Volume  # noqa: E402

VOLUMES, CONTAINERS, PER_CONTAINER = 2000, 300, 3
LAYOUT_TARGET_MS, STALL_TARGET_MS = 100.0, 50.0


def population_snapshot() -> Snapshot:
    """bench/population.py's engine, in memory: same names, same mounts."""
    vols = [Volume(f"bench-vol-{i:04d}", created="2026-01-01T00:00:00Z") for i in range(VOLUMES)]
    cons = []
    for i in range(CONTAINERS):
        cid = f"{i:064x}"
        names = [f"bench-vol-{(i * 7 + k * 331) % VOLUMES:04d}" for k in range(PER_CONTAINER)]
        mounts = tuple(
            Mount(cid, "volume", v, f"/data{k}", read_only=k == 2) for k, v in enumerate(names)
        )
        cons.append(Container(cid, f"bench-ctr-{i:03d}", "busybox", "exited", mounts=mounts))
    return Snapshot.build(vols, cons)


def bench_layout(name: str, snap: Snapshot, runs: int = 7) -> bool:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        graph = build_graph(snap)
        lay = layout(graph)
        times.append(time.perf_counter() - start)
    ms = statistics.median(times) * 1000
    print(
        f"layout [{name}]: {len(graph.nodes)} nodes, {len(graph.edges)} edges: "
        f"{ms:.1f} ms median (target <= {LAYOUT_TARGET_MS:.0f}, ratio "
        f"{ms / LAYOUT_TARGET_MS:.2f}); crossings {lay.crossings_before} in list order -> "
        f"{lay.crossings_after} after"
    )
    return ms <= LAYOUT_TARGET_MS and lay.crossings_after <= lay.crossings_before


def base() -> Snapshot:
    """The project-shaped picture, every object new."""
    return synthetic.snapshot(VOLUMES, CONTAINERS, CONTAINERS * PER_CONTAINER)


def one_change() -> Snapshot:
    """What a refresh brings after `docker volume create`: one new volume."""
    snap = base()
    return Snapshot.build([*snap.volumes, Volume("zz-created-by-the-cli")], snap.containers)


def many_changes() -> Snapshot:
    """200 changes: 100 volumes added, 50 removed, 50 containers started or stopped."""
    snap = base()
    unused = [v for v in snap.volumes if not v.in_use][:50]
    gone = {v.name for v in unused}
    vols = [v for v in snap.volumes if v.name not in gone]
    vols += [Volume(f"zz-new-{i:03d}") for i in range(100)]
    cons = list(snap.containers)
    for k in range(50):
        c = cons[k * 5]
        cons[k * 5] = replace(c, state="exited" if c.running else "running")
    return Snapshot.build(vols, cons)


def bench_scene(runs: int = 5) -> bool:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from volgui.ui.graph import MountGraph

    app = QApplication.instance() or QApplication(sys.argv)
    last = [0.0]
    longest = [0.0]
    heartbeat = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)

    def beat() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    heartbeat.timeout.connect(beat)

    def measure(view: MountGraph, make: Callable[[], Snapshot]) -> tuple[float, float]:
        """The longest heartbeat gap until the scene mirrors ``make()``, and the
        worker's job (graph + layout + diff), both in ms."""
        change = make()  # built before the clock starts: the engine's work, not ours
        view.scene_filled.connect(app.quit)
        longest[0], last[0] = 0.0, time.perf_counter()
        heartbeat.start()
        view.set_snapshot(change)
        del change  # the view holds the only reference, as in the window
        app.exec()
        app.processEvents()  # the paint that shows the result counts too
        beat()
        heartbeat.stop()
        view.scene_filled.disconnect(app.quit)
        return longest[0] * 1000, view.layout_seconds * 1000

    cases: dict[str, list[tuple[float, float]]] = {
        "first fill": [],
        "1 change": [],
        "200 changes": [],
    }
    for _ in range(runs):  # a fresh view each time: the first fill is the big one
        view = MountGraph()
        view.resize(1200, 800)
        view.show()
        QTest.qWaitForWindowExposed(view)  # creating the window is not the fill
        app.processEvents()
        cases["first fill"].append(measure(view, base))
        cases["1 change"].append(measure(view, one_change))
        cases["200 changes"].append(measure(view, many_changes))
        view.wait_idle()
        view.close()
        view.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # A dropped view is a cycle of thousands of items (view <-> items) that
        # only the collector frees; the app never drops its view, so collect
        # here rather than inside the next run's measurement.
        gc.collect()

    print(f"scene: {VOLUMES} volumes, {CONTAINERS} containers, {CONTAINERS * PER_CONTAINER} mounts")
    worst_median = 0.0
    for what, samples in cases.items():
        stalls = [s for s, _ in samples]
        median, worst = statistics.median(stalls), max(stalls)
        job = statistics.median(j for _, j in samples)
        worst_median = max(worst_median, median)
        print(
            f"  {what:<12} longest GUI-thread stall {median:5.1f} ms median of {runs}, "
            f"{worst:5.1f} ms worst (target <= {STALL_TARGET_MS:.0f}, ratio "
            f"{median / STALL_TARGET_MS:.2f}); per run {[round(s) for s in stalls]}; "
            f"worker job {job:.0f} ms (layout target <= {LAYOUT_TARGET_MS:.0f})"
        )
    return worst_median <= STALL_TARGET_MS


def main() -> int:
    ok = bench_layout("bench population", population_snapshot())
    ok = bench_layout("projects", base()) and ok
    ok = bench_scene() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
