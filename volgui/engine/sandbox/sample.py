"""The sample the demo shows: volumes shared many-to-many, containers in every state.

``seed()`` adds what is missing; ``wake()`` starts the long-running ones again
whenever the sandbox starts, so the demo is never a row of exited containers.
"""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from pathlib import Path

import docker.types

from volgui.engine.client import Engine
from volgui.engine.model import is_anonymous_name
from volgui.engine.sandbox.image import import_busybox

# PID 1 ignores SIGTERM unless it traps it: exit at once so stops are quick.
_IDLE = ["sh", "-c", "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"]
SAMPLE_LABEL = "volgui.sample"


@dataclass(frozen=True)
class _Sample:
    name: str
    binds: tuple[str, ...] = ()  # docker run -v entries
    mounts: tuple[docker.types.Mount, ...] = ()  # --mount entries
    tmpfs: tuple[str, ...] = ()  # --tmpfs entries
    state: str = "running"  # running | exited | created
    labels: tuple[tuple[str, str], ...] = ()


_VOLUMES: dict[str, dict[str, str]] = {
    "shop-pgdata": {"app": "shop", "tier": "db", "backup": "daily"},
    "shop-pg-backups": {"app": "shop", "tier": "db"},
    "shop-redis": {"app": "shop", "tier": "cache"},
    "shop-site": {"app": "shop", "description": "웹 사이트 콘텐츠"},
    "shop-uploads": {"app": "shop"},
    "nginx-logs": {"app": "shop"},
    "grafana-data": {"app": "monitoring"},
    "prometheus-data": {"app": "monitoring"},
    "notebooks": {"owner": "dev"},
    "build-cache": {"owner": "ci"},
    "release-2023-archive": {},
    "scratch": {},
}


def _samples(config_dir: Path) -> list[_Sample]:
    tmpfs = docker.types.Mount("/var/cache/nginx", None, type="tmpfs")
    return [
        _Sample(
            "shop-db",
            ("shop-pgdata:/var/lib/postgresql/data", "/var/run/postgresql"),
            labels=(("com.docker.compose.project", "shop"),),
        ),
        _Sample("shop-cache", ("shop-redis:/data",)),
        _Sample(
            "shop-web",
            (
                "shop-site:/usr/share/nginx/html:ro",
                "nginx-logs:/var/log/nginx",
                "shop-uploads:/srv/uploads:ro",
                f"{config_dir}:/etc/nginx/conf.d:ro",
            ),
            mounts=(tmpfs,),
        ),
        _Sample("shop-worker", ("shop-uploads:/srv/uploads", "shop-redis:/cache:ro")),
        _Sample(
            "shop-backup", ("shop-pgdata:/source:ro", "shop-pg-backups:/backups"), state="exited"
        ),
        _Sample("log-shipper", ("nginx-logs:/logs:ro",), tmpfs=("/tmp",)),
        _Sample("grafana", ("grafana-data:/var/lib/grafana", "prometheus-data:/prometheus:ro")),
        _Sample("prometheus", ("prometheus-data:/prometheus",), state="exited"),
        _Sample(
            "jupyter",
            ("notebooks:/home/jovyan/work", "build-cache:/cache", "/home/jovyan/.cache"),
            state="created",
        ),
        _Sample("ci-runner", ("build-cache:/cache", "/builds"), state="exited"),
    ]


def _tar_of(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def seed(engine: Engine, directory: Path) -> None:
    """Fill an engine with sample volumes and containers (skips what exists)."""
    api = engine.api
    image = import_busybox(engine)
    existing_volumes = {v["Name"] for v in api.volumes().get("Volumes") or []}
    for name, labels in _VOLUMES.items():
        if name not in existing_volumes:
            api.create_volume(name, labels=labels)
    config_dir = directory / "sample" / "nginx-conf.d"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "default.conf").write_text("server { listen 80; root /usr/share/nginx/html; }\n")
    existing = {n.lstrip("/") for c in api.containers(all=True) for n in c.get("Names") or []}
    for sample in _samples(config_dir):
        if sample.name in existing:
            continue
        host_config = api.create_host_config(
            binds=list(sample.binds),
            mounts=list(sample.mounts),
            tmpfs={p: "" for p in sample.tmpfs},
        )
        command = _IDLE if sample.state == "running" else ["sh", "-c", "exit 0"]
        created = api.create_container(
            image,
            command,
            name=sample.name,
            host_config=host_config,
            labels=dict(sample.labels) | {SAMPLE_LABEL: "1"},
        )
        if sample.state != "created":
            api.start(created["Id"])
        if sample.state == "exited":
            api.wait(created["Id"], timeout=30)
    _write_sample_files(engine)
    _leave_dangling_anonymous(engine, image, count=2)


def wake(engine: Engine) -> list[str]:
    """Start the sample's long-running containers that are not running; return their names.

    A dockerd that stops stops every container; without this the demo's
    second start would be a list of exited containers.
    """
    long_running = {s.name for s in _samples(Path("/")) if s.state == "running"}
    api = engine.api
    woken = []
    for c in engine.call(api.containers, all=True, filters={"label": SAMPLE_LABEL}) or []:
        name = (c.get("Names") or ["/"])[0].lstrip("/")
        if name in long_running and c.get("State") != "running":
            engine.call(api.start, c["Id"])
            woken.append(name)
    return woken


def _write_sample_files(engine: Engine) -> None:
    writes = {
        ("shop-db", "/var/lib/postgresql/data"): {"PG_VERSION": "16\n", "postgresql.conf": "#\n"},
        ("shop-worker", "/srv/uploads"): {"avatar-1.txt": "(image)\n", "한글-파일.txt": "안녕\n"},
        ("grafana", "/var/lib/grafana"): {"grafana.db": "sqlite\n"},
    }
    for (container, path), files in writes.items():
        engine.api.put_archive(container, path, _tar_of(files))


def _leave_dangling_anonymous(engine: Engine, image: str, count: int) -> None:
    """Anonymous volumes whose container is gone: what prune would remove."""
    api = engine.api
    dangling = api.volumes(filters={"dangling": True}).get("Volumes") or []
    if any(is_anonymous_name(v["Name"]) for v in dangling):
        return
    for _ in range(count):
        c = api.create_container(
            image, ["true"], host_config=api.create_host_config(binds=["/var/lib/old-data"])
        )
        api.remove_container(c["Id"], v=False)
