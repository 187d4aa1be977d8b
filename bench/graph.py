"""The mount graph at 2,000 volumes / 300 containers / 900 mounts.

Prints (targets from DESIGN.md):
- layout time, graph + layout, median of runs (target <= 200 ms), and the
  edge crossings in list order against after the layout;
- the longest GUI-thread stall while the scene fills, and during an
  incremental refresh, measured by a 2 ms heartbeat timer (target <= 50 ms).

Snapshots are built in memory from dataclasses, shaped like bench/population.py
(and a project-structured one from volgui.engine.synthetic): this measures our
layout and our widget, not the engine.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from volgui.engine import synthetic  # noqa: E402
from volgui.engine.layout import build_graph, layout  # noqa: E402
from volgui.engine.model import Container, Mount, Snapshot, Volume  # noqa: E402

VOLUMES, CONTAINERS, PER_CONTAINER = 2000, 300, 3
LAYOUT_TARGET_MS, STALL_TARGET_MS = 200.0, 50.0


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


def bench_scene(snap: Snapshot, runs: int = 5) -> bool:
    from PySide6.QtCore import QElapsedTimer, QEvent, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from volgui.ui.mount_graph import MountGraph

    app = QApplication.instance() or QApplication(sys.argv)
    clock = QElapsedTimer()
    longest = [0]
    heartbeat = QTimer(interval=2)

    def beat() -> None:
        longest[0] = max(longest[0], clock.restart())

    heartbeat.timeout.connect(beat)

    def measure(view: MountGraph, change: Snapshot) -> tuple[float, float]:
        """Wall time until the scene mirrors ``change``, and the longest heartbeat gap."""
        view.scene_filled.connect(app.quit)
        longest[0] = 0
        clock.start()
        heartbeat.start()
        start = time.perf_counter()
        view.set_snapshot(change)
        app.exec()
        app.processEvents()  # the paint that shows the result counts too
        beat()
        elapsed = time.perf_counter() - start
        heartbeat.stop()
        view.scene_filled.disconnect(app.quit)
        return elapsed * 1000, float(longest[0])

    # a refresh: ten new volumes, one container changes state, one volume gone
    vols = list(snap.volumes[1:]) + [Volume(f"zz-new-{i}") for i in range(10)]
    cons = list(snap.containers)
    cons[0] = replace(cons[0], state="running" if cons[0].state != "running" else "exited")
    changed = Snapshot.build(vols, cons)

    fills, refreshes = [], []
    kept = total = 0
    for _ in range(runs):  # a fresh view each time: the first fill is the big one
        view = MountGraph()
        view.resize(1200, 800)
        view.show()
        QTest.qWaitForWindowExposed(view)  # creating the window is not the fill
        app.processEvents()
        fills.append(measure(view, snap))
        before = {id(i) for i in view.nodes.values()}
        refreshes.append(measure(view, changed))
        kept, total = sum(id(i) in before for i in view.nodes.values()), len(view.nodes)
        view.wait_idle()
        view.close()
        view.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # A dropped view is a cycle of thousands of items (view <-> items) that
        # only the collector frees; the app never drops its view, so collect
        # here rather than inside the next run's measurement.
        gc.collect()

    def report(what: str, samples: list[tuple[float, float]]) -> float:
        wall = statistics.median(t for t, _ in samples)
        stall = statistics.median(s for _, s in samples)
        worst = max(s for _, s in samples)
        print(
            f"{what}: {wall:.0f} ms; longest GUI-thread stall {stall:.0f} ms median of {runs}, "
            f"{worst:.0f} ms worst (target <= {STALL_TARGET_MS:.0f}, ratio "
            f"{stall / STALL_TARGET_MS:.2f})"
        )
        return stall

    print(f"scene: {len(snap.volumes)} volumes, {len(snap.containers)} containers")
    print("  per run (ms):", [round(s) for _, s in fills], [round(s) for _, s in refreshes])
    fill_stall = report("  first fill (2,300 nodes, 900 edges)", fills)
    refresh_stall = report(f"  refresh from a diff ({kept} of {total} items kept)", refreshes)
    return max(fill_stall, refresh_stall) <= STALL_TARGET_MS


def main() -> int:
    population = population_snapshot()
    projects = synthetic.snapshot(VOLUMES, CONTAINERS, CONTAINERS * PER_CONTAINER)
    ok = bench_layout("bench population", population)
    ok = bench_layout("projects", projects) and ok
    ok = bench_scene(projects) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
