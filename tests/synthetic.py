"""Made-up snapshots of any size, in memory, for benchmarks and tests (bench/ imports it too).

Shaped like real hosts: compose-style projects whose containers share a few
volumes, some bind mounts and tmpfs, stopped containers, anonymous volumes,
and many volumes nobody mounts any more. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random

from volgui.engine.model import Container, Mount, Snapshot, Volume


def snapshot(
    volumes: int = 2000, containers: int = 300, mounts: int = 900, seed: int = 1
) -> Snapshot:
    """A snapshot with exactly ``volumes`` volumes, ``containers`` containers and
    ``mounts`` volume mounts (plus no bind or tmpfs unless ``mounts`` leaves room)."""
    rng = random.Random(seed)
    vols = []
    for i in range(volumes):
        if i % 10 == 9:
            name = f"{rng.getrandbits(256):064x}"  # anonymous
        else:
            name = f"proj{i % 97:02d}-vol{i:04d}"
        vols.append(Volume(name=name, created="2026-01-01T00:00:00Z"))
    cids = [f"{rng.getrandbits(256):064x}" for _ in range(containers)]
    per: list[list[Mount]] = [[] for _ in range(containers)]
    # Projects: a container mostly mounts volumes of "its" project neighbourhood,
    # so the graph has structure (and list order has crossings to remove).
    for k in range(mounts):
        c = k % containers
        base = (c * 7) % volumes
        v = vols[(base + rng.randrange(0, 40)) % volumes].name
        dest = f"/data/{len(per[c])}"
        per[c].append(Mount(cids[c], "volume", v, dest, read_only=rng.random() < 0.2))
    states = ("running", "running", "exited", "created")
    cons = [
        Container(
            id=cids[c],
            name=f"svc{(c * 37) % containers:03d}-{c}",
            image="example/app:1",
            state=states[c % len(states)],
            mounts=tuple(per[c]),
        )
        for c in range(containers)
    ]
    return Snapshot.build(vols, cons)
