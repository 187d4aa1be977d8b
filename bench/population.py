"""The benchmark engine: 2,000 volumes and 300 containers with 3 mounts each.

Every bench script calls :func:`bench_engine`, which connects to the engine
named by VOLGUI_TEST_HOST (``make bench`` starts a sandbox for it) or starts
a sandbox of its own, and fills it once (idempotent: labelled objects).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from volgui.engine import Engine, connect
from volgui.engine.sandbox import Sandbox, import_busybox

VOLUMES = 2000
CONTAINERS = 300
MOUNTS_PER_CONTAINER = 3
LABEL = "volgui.bench"


@contextmanager
def bench_engine() -> Iterator[Engine]:
    """An engine holding the benchmark population; a private sandbox if none is given."""
    address = os.environ.get("VOLGUI_TEST_HOST")
    box = None
    if not address:
        box = Sandbox(Path(tempfile.mkdtemp(prefix="volgui-bench-")))
        box.start()
        address = box.address
    engine = connect(address)
    try:
        populate(engine)
        yield engine
    finally:
        engine.close()
        if box is not None:
            box.stop()


def populate(engine: Engine) -> None:
    api = engine.api
    have = {v["Name"] for v in api.volumes(filters={"label": LABEL}).get("Volumes") or []}
    wanted = [f"bench-vol-{i:04d}" for i in range(VOLUMES)]
    missing = [n for n in wanted if n not in have]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda n: api.create_volume(n, labels={LABEL: "1", "n": n[-4:]}), missing))
    image = import_busybox(engine)
    existing = {
        c["Names"][0].lstrip("/") for c in api.containers(all=True, filters={"label": LABEL})
    }

    def create(i: int) -> None:
        name = f"bench-ctr-{i:03d}"
        if name in existing:
            return
        binds = [
            f"bench-vol-{(i * 7 + k * 331) % VOLUMES:04d}:/data{k}{':ro' if k == 2 else ''}"
            for k in range(MOUNTS_PER_CONTAINER)
        ]
        api.create_container(
            image,
            ["true"],
            name=name,
            labels={LABEL: "1"},
            host_config=api.create_host_config(binds=binds),
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(create, range(CONTAINERS)))


def median_seconds(fn: Callable[[], object], runs: int = 15, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
