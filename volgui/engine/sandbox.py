"""A private, throwaway Docker engine for tests and the demo.

The sandbox is Debian's ``dockerd`` with its own socket, data root, exec root
and pid file, no iptables and no bridge, so it never touches the user's
engine. It labels itself ``volgui.sandbox=1`` so every client can tell, and
``seed()`` fills it with a realistic sample (no registry needed: the image is
imported from the host's static busybox).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import signal
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import docker.errors
import docker.types

from volgui.engine.client import Engine
from volgui.engine.connection import Endpoint
from volgui.engine.errors import EngineUnavailable, VolguiError
from volgui.engine.model import is_anonymous_name
from volgui.engine.system import SANDBOX_LABEL

SAMPLE_IMAGE = "volgui-sample/busybox:latest"
_APPLETS = (
    "sh ash cat cp date du echo env false find grep head hostname id ln ls mkdir mv ps "
    "rm sed sleep stat tail tar touch true wc chmod chown"
).split()
# PID 1 ignores SIGTERM unless it traps it: exit at once so stops are quick.
_IDLE = ["sh", "-c", "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"]


class SandboxError(VolguiError):
    """The sandbox engine could not be started, stopped or seeded."""


def default_dir() -> Path:
    """Where ``volgui sandbox`` keeps its engine unless told otherwise."""
    env = os.environ.get("VOLGUI_SANDBOX_DIR")
    if env:
        return Path(env)
    return Path(tempfile.gettempdir()) / f"volgui-sandbox-{os.getuid()}"


def find_dockerd() -> str:
    found = shutil.which("dockerd") or next(
        (p for p in ("/usr/sbin/dockerd", "/usr/bin/dockerd") if os.path.exists(p)), None
    )
    if not found:
        raise SandboxError("dockerd is not installed (Debian: apt-get install docker.io)")
    return found


@dataclass
class Sandbox:
    """A private dockerd living under ``directory``."""

    directory: Path

    def __post_init__(self) -> None:
        self.directory = Path(self.directory).absolute()
        self._proc: subprocess.Popen[bytes] | None = None  # the dockerd this object started

    # Unix socket paths are limited to 108 bytes: keep runtime files short.
    @property
    def run_dir(self) -> Path:
        if len(str(self.directory)) <= 60:
            return self.directory / "run"
        digest = hashlib.sha256(str(self.directory).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"volgui-{digest}"

    @property
    def socket(self) -> Path:
        return self.run_dir / "docker.sock"

    @property
    def address(self) -> str:
        return f"unix://{self.socket}"

    @property
    def pidfile(self) -> Path:
        return self.run_dir / "dockerd.pid"

    @property
    def log(self) -> Path:
        return self.directory / "dockerd.log"

    def pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _process_alive(pid) else None

    def running(self) -> bool:
        return self.pid() is not None

    def connect(self) -> Engine:
        return Engine.open(Endpoint(self.address, "sandbox"))

    def start(self, timeout: float = 60.0) -> Engine:
        """Start dockerd (if not running already) and wait until it answers."""
        if self.running():
            return self._wait(timeout)
        if os.geteuid() != 0:
            raise SandboxError("the sandbox engine needs root (dockerd); run as root")
        config = self.directory / "daemon.json"
        try:
            for d in (self.directory, self.run_dir, self.directory / "data"):
                d.mkdir(parents=True, exist_ok=True)
            config.write_text("{}\n")  # ignore /etc/docker/daemon.json: stay private
        except OSError as e:
            where = e.filename or self.directory
            raise SandboxError(
                f"cannot prepare the sandbox directory {where}: {e.strerror or e}"
            ) from e
        cmd = [
            find_dockerd(),
            "--config-file",
            str(config),
            "-H",
            self.address,
            "--data-root",
            str(self.directory / "data"),
            "--exec-root",
            str(self.run_dir / "exec"),
            "--pidfile",
            str(self.pidfile),
            "--iptables=false",
            "--bridge=none",
            "--shutdown-timeout=2",
            "--label",
            SANDBOX_LABEL,
        ]
        with open(self.log, "ab") as log:
            self._proc = subprocess.Popen(
                cmd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        _CHILDREN[self._proc.pid] = self._proc
        return self._wait(timeout)

    def _wait(self, timeout: float) -> Engine:
        deadline = time.monotonic() + timeout
        while True:
            if self._proc is not None and self._proc.poll() is not None:
                raise SandboxError(f"dockerd exited at start: {self._log_tail()}")
            if self.socket.exists():
                try:
                    engine = self.connect()
                    engine.ping()
                    return engine
                except EngineUnavailable:
                    pass
            if time.monotonic() > deadline:
                raise SandboxError(
                    f"dockerd did not answer within {timeout:.0f} s: {self._log_tail()}"
                )
            time.sleep(0.1)

    def _log_tail(self) -> str:
        try:
            lines = self.log.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "(no log)"
        return " | ".join(lines[-3:]) + f" (log: {self.log})"

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop dockerd and wait for it to go; return False if it was not running."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _process_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _process_alive(pid):
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while _process_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        return True

    def status(self) -> str:
        pid = self.pid()
        if pid is None:
            return f"stopped (directory {self.directory})"
        return f"running at {self.address} (pid {pid}, directory {self.directory})"


# The dockerd processes this process started, by pid, whichever Sandbox object
# started them: any object stopping one reaps it (no zombie, no Popen warning).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def _process_alive(pid: int) -> bool:
    """Whether ``pid`` runs; a zombie counts as gone."""
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        del _CHILDREN[pid]
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


# -- sample data -----------------------------------------------------------


def _busybox_binary() -> Path:
    for candidate in (shutil.which("busybox"), "/bin/busybox", "/usr/bin/busybox"):
        if candidate and os.path.exists(candidate):
            path = Path(candidate)
            if b"ld-linux" in path.read_bytes()[:65536]:
                raise SandboxError(f"{path} is dynamically linked; install Debian's busybox-static")
            return path
    raise SandboxError("busybox is not installed (Debian: apt-get install busybox-static)")


def busybox_rootfs() -> bytes:
    """A tiny root filesystem: static busybox, its applets, /etc/passwd, /tmp."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:

        def add_dir(name: str, mode: int = 0o755) -> None:
            info = tarfile.TarInfo(name)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)

        def add_file(name: str, data: bytes, mode: int = 0o644) -> None:
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))

        for d in ("bin", "etc", "root", "home"):
            add_dir(d)
        add_dir("tmp", 0o1777)
        add_file("bin/busybox", _busybox_binary().read_bytes(), 0o755)
        for applet in _APPLETS:
            link = tarfile.TarInfo(f"bin/{applet}")
            link.type, link.linkname = tarfile.SYMTYPE, "busybox"
            tar.addfile(link)
        add_file(
            "etc/passwd",
            b"root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/sh\n",
        )
        add_file("etc/group", b"root:x:0:\nnogroup:x:65534:\n")
    return buf.getvalue()


def import_busybox(engine: Engine, reference: str = SAMPLE_IMAGE) -> str:
    """Import the busybox image into ``engine`` once; return its reference."""
    try:
        engine.api.inspect_image(reference)
        return reference
    except docker.errors.ImageNotFound:
        pass
    repo, _, tag = reference.rpartition(":")
    engine.call(
        engine.api.import_image_from_data,
        busybox_rootfs(),
        repository=repo,
        tag=tag,
        changes=['CMD ["sh"]', "ENV PATH=/bin"],
    )
    return reference


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
            labels=dict(sample.labels) | {"volgui.sample": "1"},
        )
        if sample.state != "created":
            api.start(created["Id"])
        if sample.state == "exited":
            api.wait(created["Id"], timeout=30)
    _write_sample_files(engine)
    _leave_dangling_anonymous(engine, image, count=2)


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
