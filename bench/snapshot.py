"""snapshot() against the raw list calls it is made of, at 2,000 volumes / 300 containers.

Prints the ratio of medians (target ≤ 1.5) and the request count (target ≤ 3).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.population import bench_engine, median_seconds  # noqa: E402


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
        t_raw = median_seconds(raw)
        t_snap = median_seconds(engine.snapshot)
        ratio = t_snap / t_raw
        print(
            f"snapshot: {len(snap.volumes)} volumes, {len(snap.containers)} containers, "
            f"{len(snap.mounts)} mounts"
        )
        print(f"  raw /volumes + /containers/json: {t_raw * 1000:.1f} ms (median)")
        print(f"  snapshot():                      {t_snap * 1000:.1f} ms (median)")
        print(f"  ratio {ratio:.2f} (target <= 1.5), requests {requests} (target <= 3)")
        return 0 if ratio <= 1.5 and requests <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
