"""Extra engines the several-engines tests start: a Podman service and an sshd.

Both live under a directory the test session owns, with their own config
files, so nothing of the user's Podman or ssh setup is read or written:

- :class:`PodmanService`: Debian's ``podman system service`` as root, its
  storage (vfs), run root, events log, network config and containers.conf in
  the directory, containers without a network (no bridge, no firewall rule).
- :class:`SSHServer`: ``sshd -D`` on a loopback port with its own host key and
  one throwaway client key whose ``authorized_keys`` entry sets DOCKER_HOST
  for the session, so ``docker system dial-stdio`` on the far side talks to
  the engine it was given. ``ssh_config`` holds a ``Host`` alias for it.
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import docker


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(
    what: str, ready: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited at start: {log.read_text(errors='replace')[-600:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer in {timeout:.0f} s (log: {log})")
        time.sleep(0.05)  # ok: polling a starting daemon, nothing to wait on


class PodmanService:
    """A private rootful Podman API service under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def socket(self) -> Path:
        return self.directory / "podman.sock"

    @property
    def address(self) -> str:
        return f"unix://{self.socket}"

    def env(self) -> dict[str, str]:
        d = self.directory
        return dict(
            os.environ,
            CONTAINERS_CONF=str(d / "containers.conf"),
            CONTAINERS_STORAGE_CONF=str(d / "storage.conf"),
            CONTAINERS_REGISTRIES_CONF=str(d / "registries.conf"),
        )

    def podman(self, *args: str) -> list[str]:
        d = self.directory
        return [
            "podman",
            "--root",
            str(d / "storage"),
            "--runroot",
            str(d / "run"),
            "--tmpdir",
            str(d / "tmp"),
            *args,
        ]

    def _write_config(self) -> None:
        d = self.directory
        for sub in ("storage", "run", "tmp", "net"):
            (d / sub).mkdir(parents=True, exist_ok=True)
        # Rootful podman raises nofile/nproc for its containers; a machine without
        # CAP_SYS_RESOURCE refuses that at start ("error setting rlimit"): keep ours.
        nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
        nproc = min(resource.getrlimit(resource.RLIMIT_NPROC)[1], 32768)
        (d / "containers.conf").write_text(
            "[containers]\n"
            f'default_ulimits = ["nofile={nofile}:{nofile}", "nproc={nproc}:{nproc}"]\n'
            'netns = "none"\n'
            "[engine]\n"
            'events_logger = "file"\n'
            f'events_logfile_path = "{d}/events.log"\n'
            'cgroup_manager = "cgroupfs"\n'
            "[network]\n"
            f'network_config_dir = "{d}/net"\n'
        )
        (d / "storage.conf").write_text(
            f'[storage]\ndriver = "vfs"\nrunroot = "{d}/run"\ngraphroot = "{d}/storage"\n'
        )
        (d / "registries.conf").write_text("unqualified-search-registries = []\n")

    def start(self, timeout: float = 60.0) -> None:
        if shutil.which("podman") is None:
            raise RuntimeError("podman is not installed (Debian: apt-get install podman)")
        self._write_config()
        log = self.directory / "podman.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                self.podman("system", "service", "--time=0", self.address),
                env=self.env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        _wait("podman system service", self._answers, self.proc, log, timeout)

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            c = docker.APIClient(base_url=self.address, version="1.41", timeout=5)
            try:
                return bool(c.ping())
            finally:
                c.close()
        except Exception:  # not up yet
            return False

    def stop(self) -> None:
        if self.proc is None:
            return
        # Containers run under conmon, outside the service: remove them first.
        subprocess.run(
            self.podman("rm", "-fa", "-t", "1"), env=self.env(), capture_output=True, timeout=120
        )
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
        # Podman 4.3 leaves the conmon of each `docker exec` session (compat
        # API) running after its container is gone: nothing of ours stays.
        subprocess.run(["pkill", "-KILL", "-f", f"conmon .*{self.directory}/"], check=False)


class SSHServer:
    """A private sshd on 127.0.0.1 whose far-side docker talks to ``engine_address``."""

    ALIAS = "volgui-test-ssh"

    def __init__(self, directory: Path, engine_address: str) -> None:
        self.directory = Path(directory)
        self.engine_address = engine_address
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def config(self) -> Path:
        """The client's ssh_config (a ``Host`` alias with the port and key)."""
        return self.directory / "ssh_config"

    @property
    def ssh_command(self) -> str:
        """What VOLGUI_SSH should be to use this server's alias."""
        return f"ssh -F {self.config}"

    def _keygen(self, name: str) -> str:
        key = self.directory / name
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
            check=True,
            capture_output=True,
        )
        return (self.directory / f"{name}.pub").read_text().strip()

    def _write_files(self) -> None:
        d = self.directory
        d.mkdir(parents=True, exist_ok=True)
        host_pub = self._keygen("host_key")
        client_pub = self._keygen("client_key")
        (d / "far-docker-config").mkdir(exist_ok=True)
        env = (
            f'environment="DOCKER_HOST={self.engine_address}",'
            f'environment="DOCKER_CONFIG={d}/far-docker-config"'
        )
        # Two more keys for the failures a user meets: a far side without the
        # docker command (a PATH without it) and one that never answers.
        nodocker = f'environment="PATH=/nonexistent" {self._keygen("nodocker_key")}'
        hang = f'command="sleep 60" {self._keygen("hang_key")}'
        (d / "authorized_keys").write_text(f"{env} {client_pub}\n{nodocker}\n{hang}\n")
        (d / "sshd_config").write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\n"
            f"PidFile {d}/sshd.pid\nAuthorizedKeysFile {d}/authorized_keys\n"
            "PermitUserEnvironment DOCKER_HOST,DOCKER_CONFIG,PATH\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
            "UsePAM no\nStrictModes no\nPrintMotd no\n"
        )
        (d / "known_hosts").write_text(f"[127.0.0.1]:{self.port} {host_pub}\n")
        (d / "empty_known_hosts").write_text("")
        common = (
            f"  HostName 127.0.0.1\n  Port {self.port}\n  User root\n"
            f"  IdentityFile {d}/client_key\n  IdentitiesOnly yes\n"
            "  StrictHostKeyChecking yes\n  LogLevel ERROR\n"
        )
        self.config.write_text(
            f"Host {self.ALIAS}\n{common}  UserKnownHostsFile {d}/known_hosts\n"
            f"Host {self.ALIAS}-unknown-key\n{common}  UserKnownHostsFile {d}/empty_known_hosts\n"
            f"Host {self.ALIAS}-wrong-key\n{common.replace('client_key', 'host_key')}"
            f"  UserKnownHostsFile {d}/known_hosts\n"
            f"Host {self.ALIAS}-no-docker\n{common.replace('client_key', 'nodocker_key')}"
            f"  UserKnownHostsFile {d}/known_hosts\n"
            f"Host {self.ALIAS}-hang\n{common.replace('client_key', 'hang_key')}"
            f"  UserKnownHostsFile {d}/known_hosts\n"
        )

    def start(self, timeout: float = 30.0) -> None:
        sshd = shutil.which("sshd") or "/usr/sbin/sshd"
        if not os.path.exists(sshd):
            raise RuntimeError("sshd is not installed (Debian: apt-get install openssh-server)")
        self._write_files()
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation directory
        log = self.directory / "sshd.log"
        self.proc = subprocess.Popen(
            [sshd, "-D", "-e", "-f", str(self.directory / "sshd_config"), "-E", str(log)],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        _wait("sshd", self._listens, self.proc, log, timeout)

    def _listens(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
