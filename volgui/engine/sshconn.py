"""ssh:// engines through the user's own ssh, as the docker CLI reaches them.

Each HTTP connection is one ``ssh [-l user] [-p port] -- host docker system
dial-stdio`` whose stdin and stdout are one end of a socket pair, so urllib3
gets a real socket (timeouts, ``recv_into``) and the user's ssh does the rest:
agent, ``~/.ssh/config`` aliases (their ``Port`` is kept: ``-p`` is passed
only when the URL names a port), keys and known hosts. docker-py's own
adapter wants paramiko even to shell out, and passes ``-p 22`` over the alias.

``BatchMode=yes``: nothing ever prompts (there is no terminal to answer), so
an unknown host key or a refused key fails at once with ssh's own words,
which :func:`explain` turns into one line. ``VOLGUI_SSH`` replaces the
``ssh`` command (like ``GIT_SSH_COMMAND``), e.g. ``ssh -F ./config``.
"""

from __future__ import annotations

import math
import os
import shlex
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

import requests.adapters
import urllib3
import urllib3.connection
import urllib3.connectionpool

from volgui.engine.errors import InvalidInput

SSH_ENV = "VOLGUI_SSH"


class SSHError(OSError):
    """ssh could not carry the connection; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class SSHTarget:
    """The far side of an ``ssh://[user@]host[:port]`` URL."""

    host: str
    user: str | None = None
    port: int | None = None

    @classmethod
    def from_url(cls, url: str) -> SSHTarget:
        parsed = urlsplit(url)
        if parsed.scheme != "ssh" or not parsed.hostname:
            raise InvalidInput(f"not an ssh:// address with a host: {url!r}")
        try:
            port = parsed.port
        except ValueError:
            raise InvalidInput(f"the port in {url!r} is not a number") from None
        return cls(parsed.hostname, parsed.username, port)

    def command(self, connect_timeout: float) -> list[str]:
        """The ssh command line, as the docker CLI builds it (plus BatchMode)."""
        base = shlex.split(os.environ.get(SSH_ENV) or "ssh")
        args = base + [
            "-o",
            f"ConnectTimeout={max(1, math.ceil(connect_timeout))}",
            "-o",
            "BatchMode=yes",
            "-T",
        ]
        if self.user:
            args += ["-l", self.user]
        if self.port:
            args += ["-p", str(self.port)]
        return args + ["--", self.host, "docker", "system", "dial-stdio"]


# ssh's (and the far side's) words -> ours; first match wins.
_WORDS = (
    (
        "REMOTE HOST IDENTIFICATION HAS CHANGED",
        "the host key of {host} has changed (ssh refuses it; check ~/.ssh/known_hosts)",
    ),
    (
        "Host key verification failed",
        "the host key of {host} is not known: run `ssh {host}` once to check and accept it",
    ),
    ("No ED25519 host key is known", "the host key of {host} is not known"),
    ("Permission denied", "ssh refused the login to {host} ({line})"),
    ("docker: command not found", "no docker command on {host}: install the docker CLI there"),
    ("docker: not found", "no docker command on {host}: install the docker CLI there"),
    ("Cannot connect to the Docker daemon", "docker on {host} cannot reach its engine ({line})"),
    ("Could not resolve hostname", "ssh cannot resolve the host name {host}"),
    ("Connection refused", "ssh: connection to {host} refused"),
    ("timed out", "ssh: no answer from {host} within the connect timeout"),
    ("No route to host", "ssh: no route to {host}"),
)


def explain(stderr: str, host: str) -> str:
    """One line for why ssh to ``host`` failed, from its stderr."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith(("Warning: Permanently added", "@@@"))]
    for marker, words in _WORDS:
        for line in lines:
            if marker in line:
                return words.format(host=host, line=line[:160])
    if lines:
        return f"ssh to {host} failed: {lines[-1][:200]}"
    return f"ssh to {host} ended without a word"


class SSHSocket(socket.socket):
    """Our end of the socket pair; an early EOF raises ssh's reason instead."""

    proc: subprocess.Popen[bytes] | None = None
    errors: IO[bytes] | None = None
    host = ""

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        try:
            n = super().recv_into(buffer, nbytes, flags)
        except (ConnectionError, BrokenPipeError):
            self._raise_if_failed()
            raise
        if n == 0:
            self._raise_if_failed()
        return n

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        try:
            data = super().recv(bufsize, flags)
        except (ConnectionError, BrokenPipeError):
            self._raise_if_failed()
            raise
        if not data:
            self._raise_if_failed()
        return data

    def sendall(self, data: Any, flags: int = 0) -> None:
        try:
            super().sendall(data, flags)
        except (ConnectionError, BrokenPipeError):
            self._raise_if_failed()
            raise

    def _raise_if_failed(self) -> None:
        proc = self.proc
        if proc is None:
            return
        try:
            rc = proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            return
        if rc != 0:
            raise SSHError(explain(self._stderr(), self.host))

    def _stderr(self) -> str:
        if self.errors is None:
            return ""
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")

    def close(self) -> None:
        super().close()
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self.errors is not None:
            self.errors.close()
            self.errors = None


def open_socket(target: SSHTarget, timeout: float, connect_timeout: float) -> SSHSocket:
    """Start ssh for one connection; return our end of its stdin/stdout."""
    ours, theirs = socket.socketpair()
    errors = tempfile.TemporaryFile()
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "SSL_CERT_FILE")}
    try:
        proc = subprocess.Popen(
            target.command(connect_timeout),
            stdin=theirs.fileno(),
            stdout=theirs.fileno(),
            stderr=errors,
            env=env,
            # No controlling terminal (ssh never prompts) and no Ctrl+C from ours.
            start_new_session=True,
        )
    except OSError as e:
        ours.close()
        errors.close()
        raise SSHError(f"cannot run ssh: {e.strerror or e}") from e
    finally:
        theirs.close()
    sock = SSHSocket(fileno=ours.detach())
    sock.proc, sock.errors, sock.host = proc, errors, target.host
    sock.settimeout(timeout)
    return sock


class SSHConnection(urllib3.connection.HTTPConnection):
    def __init__(self, target: SSHTarget, timeout: float, connect_timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.target = target
        self.connect_timeout = connect_timeout

    def connect(self) -> None:
        timeout = self.timeout if isinstance(self.timeout, int | float) else None
        self.sock = open_socket(self.target, timeout or 60.0, self.connect_timeout)


class SSHConnectionPool(urllib3.connectionpool.HTTPConnectionPool):
    scheme = "ssh"

    def __init__(
        self, target: SSHTarget, timeout: float, connect_timeout: float, maxsize: int
    ) -> None:
        super().__init__("localhost", timeout=timeout, maxsize=maxsize)
        self.target = target
        self.connect_timeout = connect_timeout

    def _new_conn(self) -> SSHConnection:
        return SSHConnection(self.target, self.timeout.read_timeout or 60.0, self.connect_timeout)


class SSHAdapter(requests.adapters.HTTPAdapter):
    """One pool of ssh-carried connections (each one ssh process, kept alive)."""

    def __init__(
        self, target: SSHTarget, timeout: float, connect_timeout: float, maxsize: int = 4
    ) -> None:
        self.target = target
        self.pool = SSHConnectionPool(target, timeout, connect_timeout, maxsize)
        super().__init__()

    def get_connection(self, url: Any, proxies: Any = None) -> SSHConnectionPool:
        return self.pool

    def get_connection_with_tls_context(
        self, request: Any, verify: Any, proxies: Any = None, cert: Any = None
    ) -> SSHConnectionPool:
        return self.pool

    def request_url(self, request: Any, proxies: Any) -> str:
        return str(request.path_url)

    def close(self) -> None:
        super().close()
        self.pool.close()
