"""A private, throwaway dockerd for tests and the demo.

Debian's ``dockerd`` with its own socket, data root, exec root and pid file,
no iptables and no bridge, so it never touches the user's engine; it labels
itself ``volgui.sandbox=1`` so every client can tell. It runs as root, so it
lives only in directories private to the user (DESIGN rule 4c): by default
the socket and pid file in ``$XDG_RUNTIME_DIR`` and the data in the user's
state directory (``$XDG_STATE_HOME`` or ``~/.local/state``), each created
0700. A directory that already exists and is owned by someone else, or that
others can write, is refused with one line and left untouched, as ``ssh``
does for ``~/.ssh``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from volgui.engine.client import Engine
from volgui.engine.connection import Endpoint
from volgui.engine.errors import EngineUnavailable, VolguiError
from volgui.engine.system import SANDBOX_LABEL


class SandboxError(VolguiError):
    """The sandbox engine could not be started, stopped or seeded."""


def default_dir() -> Path:
    """Where ``volgui sandbox`` keeps its engine's data unless told otherwise."""
    env = os.environ.get("VOLGUI_SANDBOX_DIR")
    if env:
        return Path(env)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "volgui" / "sandbox"


def default_run_dir() -> Path | None:
    """Where the default sandbox keeps its socket and pid: ``$XDG_RUNTIME_DIR`` if there is one."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and not os.environ.get("VOLGUI_SANDBOX_DIR"):
        return Path(runtime) / "volgui-sandbox"
    return None


def find_dockerd() -> str:
    found = shutil.which("dockerd") or next(
        (p for p in ("/usr/sbin/dockerd", "/usr/bin/dockerd") if os.path.exists(p)), None
    )
    if not found:
        raise SandboxError("dockerd is not installed (Debian: apt-get install docker.io)")
    return found


def _owner(uid: int) -> str:
    try:
        import pwd

        return f"{pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def check_private(path: Path) -> None:
    """Refuse (one line) a directory that is not the user's own, or that others can write.

    Its parents count too: one that another user owns, or that others can
    write without the sticky bit (as /tmp has), could swap it.
    """
    me = os.geteuid()
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode) and st.st_uid not in (me, 0):
        who = _owner(st.st_uid)
        raise SandboxError(f"refusing the sandbox directory {path}: a link owned by {who}")
    st = os.stat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise SandboxError(f"cannot prepare the sandbox directory {path}: not a directory")
    if st.st_uid != me:
        raise SandboxError(
            f"refusing the sandbox directory {path}: it is owned by {_owner(st.st_uid)}, not by "
            "you (remove it, or choose another --dir)"
        )
    if st.st_mode & 0o022:
        raise SandboxError(
            f"refusing the sandbox directory {path}: others can write to it "
            f"(mode {stat.S_IMODE(st.st_mode):04o}; chmod go-w it, or choose another --dir)"
        )
    for parent in path.resolve().parents:
        pst = os.stat(parent)
        shared = pst.st_mode & 0o022 and not pst.st_mode & stat.S_ISVTX
        if pst.st_uid not in (me, 0) or shared:
            raise SandboxError(
                f"refusing the sandbox directory {path}: its parent {parent} is "
                + ("writable by others" if shared else f"owned by {_owner(pst.st_uid)}")
            )


def make_private(path: Path) -> None:
    """Create ``path`` (and missing parents) 0700, or check that the existing one is private."""
    missing: list[Path] = []
    probe = path
    try:
        while not os.path.lexists(probe):
            missing.append(probe)
            probe = probe.parent
        for d in reversed(missing):
            os.mkdir(d, 0o700)
            os.chmod(d, 0o700)  # whatever the umask said
    except OSError as e:
        where = e.filename or path
        raise SandboxError(
            f"cannot prepare the sandbox directory {where}: {e.strerror or e}"
        ) from e
    check_private(path)


@dataclass
class Sandbox:
    """A private dockerd living under ``directory`` (its socket and pid under ``run``)."""

    directory: Path
    run: Path | None = None

    def __post_init__(self) -> None:
        self.directory = Path(self.directory).absolute()
        self._proc: subprocess.Popen[bytes] | None = None  # the dockerd this object started

    @classmethod
    def default(cls, directory: Path | None = None) -> Sandbox:
        """The user's own sandbox (``directory`` given: that one, with its socket inside it)."""
        if directory is not None:
            return cls(directory)
        return cls(default_dir(), default_run_dir())

    # Unix socket paths are limited to 108 bytes: keep runtime files short.
    @property
    def run_dir(self) -> Path:
        if self.run is not None:
            return self.run
        if len(str(self.directory)) <= 60:
            return self.directory / "run"
        digest = hashlib.sha256(str(self.directory).encode()).hexdigest()[:12]
        base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
        return Path(base) / f"volgui-{digest}"

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
        for d in (self.directory, self.run_dir):
            make_private(d)  # before anything is read or written there
        if self.running():
            return self._wait(timeout)
        if os.geteuid() != 0:
            raise SandboxError("the sandbox engine needs root (dockerd); run as root")
        config = self.directory / "daemon.json"
        make_private(self.directory / "data")
        _write_private(config, "{}\n")  # ignore /etc/docker/daemon.json: stay private
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
        log = os.open(self.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            self._proc = subprocess.Popen(
                cmd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                umask=0o022,  # nothing it writes is world-writable
            )
        finally:
            os.close(log)
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


def _write_private(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(text)
    except OSError as e:
        raise SandboxError(f"cannot write {path}: {e.strerror or e}") from e
