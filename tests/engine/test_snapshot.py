"""snapshot() and `volgui graph` against what `docker inspect` says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from volgui.engine import Engine
from volgui.engine.graph.export import to_dot


def _expected_from_inspect(docker: Any) -> dict[str, Any]:
    """The graph JSON, computed from docker inspect of every object."""
    ids = docker("ps", "-aq", "--no-trunc").split()
    containers = json.loads(docker("inspect", *ids)) if ids else []
    names = docker("volume", "ls", "-q").split()
    volumes = json.loads(docker("volume", "inspect", *names)) if names else []
    mounts = []
    for c in containers:
        for m in c["Mounts"]:
            mounts.append(
                {
                    "container": c["Id"],
                    "type": m["Type"],
                    "source": m.get("Name")
                    if m["Type"] == "volume"
                    else (m["Source"] or None)
                    if m["Type"] == "bind"
                    else None,
                    "destination": m["Destination"],
                    "read_only": not m["RW"],
                }
            )
    return {
        "volumes": sorted(
            (
                {
                    "name": v["Name"],
                    "driver": v["Driver"],
                    "labels": v["Labels"] or {},
                    "anonymous": len(v["Name"]) == 64
                    or "com.docker.volume.anonymous" in (v["Labels"] or {}),
                    "created": v["CreatedAt"],
                }
                for v in volumes
            ),
            key=lambda v: v["name"],
        ),
        "containers": sorted(
            (
                {
                    "id": c["Id"],
                    "name": c["Name"].lstrip("/"),
                    "image": c["Config"]["Image"],
                    "state": c["State"]["Status"],
                }
                for c in containers
            ),
            key=lambda c: c["name"],
        ),
        "mounts": sorted(mounts, key=lambda m: (m["container"], m["destination"])),
    }


def _normalised(graph: dict[str, Any]) -> dict[str, Any]:
    graph = dict(graph)
    graph["mounts"] = sorted(graph["mounts"], key=lambda m: (m["container"], m["destination"]))
    return graph


@pytest.fixture
def topology(docker: Any, image: str, unique: Any, host_dir: Path) -> dict[str, str]:
    """Named, labelled, anonymous, bind, tmpfs, read-only and shared mounts,
    running and stopped containers, built with the docker CLI."""
    n = {k: unique(k) for k in ("data", "logs", "web", "worker", "idle")}
    docker("volume", "create", "--label", "app=shop", "--label", "설명=데이터", n["data"])
    docker("volume", "create", n["logs"])
    docker(
        "run",
        "-d",
        "--name",
        n["web"],
        "-v",
        f"{n['data']}:/srv/data:ro",
        "-v",
        f"{n['logs']}:/var/log",
        "-v",
        "/cache",
        "-v",
        f"{host_dir}:/etc/app:ro",
        "--mount",
        "type=tmpfs,destination=/run/tmp",
        "--tmpfs",
        "/scratch",
        image,
        "sleep",
        "600",
    )
    docker(
        "create",
        "--name",
        n["worker"],
        "-v",
        f"{n['data']}:/data",
        "-v",
        f"{n['logs']}:/logs:ro",
        image,
        "true",
    )
    docker("run", "--name", n["idle"], "-v", f"{n['data']}:/d", image, "true")
    return n


def test_snapshot_equals_inspect(engine: Engine, docker: Any, topology: dict[str, str]) -> None:
    snap = engine.snapshot()
    assert _normalised(snap.to_json()) == _expected_from_inspect(docker)

    data = snap.volume(topology["data"])
    assert data is not None and data.labels == {"app": "shop", "설명": "데이터"}
    users = {c.name for c in snap.users_of(topology["data"])}
    assert users == {topology["web"], topology["worker"], topology["idle"]}
    web = snap.container(topology["web"])
    assert web is not None and web.state == "running"
    kinds = sorted(m.type for m in web.mounts)
    # --tmpfs lives only in HostConfig.Tmpfs: the list endpoint does not show it.
    assert kinds == ["bind", "tmpfs", "volume", "volume", "volume"]
    anonymous = [m.source for m in web.mounts if m.destination == "/cache"]
    assert anonymous[0] is not None and snap.volume(anonymous[0]).anonymous  # type: ignore[union-attr]
    assert snap.container(topology["idle"]).state == "exited"  # type: ignore[union-attr]
    assert snap.container(topology["worker"]).state == "created"  # type: ignore[union-attr]


def test_snapshot_needs_at_most_three_requests(engine: Engine, topology: dict[str, str]) -> None:
    before = engine.api.requests_sent
    engine.snapshot()
    assert engine.api.requests_sent - before <= 3


def test_cli_graph_json_equals_inspect(
    sandbox_address: str, docker: Any, topology: dict[str, str]
) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "volgui", "--host", sandbox_address, "graph", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert _normalised(json.loads(out)) == _expected_from_inspect(docker)


def test_dot_draws_every_mount(engine: Engine, topology: dict[str, str], tmp_path: Path) -> None:
    snap = engine.snapshot()
    dot = to_dot(snap)
    edges = [line for line in dot.splitlines() if "->" in line]
    assert len(edges) == len(snap.mounts)
    assert sum("style=dashed" in e for e in edges) == sum(m.read_only for m in snap.mounts)
    rendered = subprocess.run(["dot", "-Tplain"], input=dot, capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr
    assert topology["web"] in rendered.stdout
