"""snapshot() against the raw list calls it is made of, at 2,000 volumes / 300 containers.

Prints the ratio of medians (target ≤ 1.2, DESIGN) and the request count
(target ≤ 3). Raw and snapshot runs alternate, so a load that comes and goes
on the machine weighs on both sides alike.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.population import bench_engine  # noqa: E402

RUNS = 25


def _interleaved_medians(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float]:
    for _ in range(2):
        a(), b()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for fn, out in ((a, times[0]), (b, times[1])):
            gc.collect()  # neither side pays for garbage the other left
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> int:
    with bench_engine() as engine:
        api = engine.api

        def raw() -> None:
            api.volumes()
            api.containers(all=True)

        snap = engine.snapshot()
        before = api.requests_sent
        engine.snapshot()
        requests = api.requests_sent - before
        t_raw, t_snap = _interleaved_medians(raw, engine.snapshot)
        ratio = t_snap / t_raw
        print(
            f"snapshot: {len(snap.volumes)} volumes, {len(snap.containers)} containers, "
            f"{len(snap.mounts)} mounts"
        )
        print(f"  raw /volumes + /containers/json: {t_raw * 1000:.1f} ms (median)")
        print(f"  snapshot():                      {t_snap * 1000:.1f} ms (median)")
        print(f"  ratio {ratio:.2f} (target <= 1.2), requests {requests} (target <= 3)")
        return 0 if ratio <= 1.2 and requests <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
