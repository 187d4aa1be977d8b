"""The Engine: the one object the app and the CLI hold per Docker engine.

It owns a low-level ``docker.APIClient`` and offers operations that take and
return our dataclasses. Engine operations live in modules of their own
(``volumes.py``, ``runspec.py``, ...); the methods here are the front door.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import docker
import docker.errors
import docker.tls
import docker.transport.unixconn
import docker.utils
import requests

from volgui.engine import recreate as _recreate
from volgui.engine import runspec as _runspec
from volgui.engine import volumes as _volumes
from volgui.engine.connection import Endpoint
from volgui.engine.errors import (
    EngineError,
    EngineUnavailable,
    InvalidInput,
    NotFound,
    VolguiError,
)
from volgui.engine.model import Container, Mount, Snapshot, Volume

# The sandbox engine announces itself with this daemon label (see sandbox.py).
SANDBOX_LABEL = "volgui.sandbox=1"

RequestHook = Callable[[str, str], None]

# An engine that does not accept a TCP connection within this many seconds is down.
CONNECT_TIMEOUT = 5.0


def _connect_unix(self: docker.transport.unixconn.UnixHTTPConnection) -> None:
    """docker-py's unix connect, closing the socket when connecting fails.

    The SDK leaves it to the garbage collector (a ResourceWarning per attempt),
    which a client that retries while the engine is down makes often.
    """
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(self.timeout)
        sock.connect(self.unix_socket)
    except BaseException:
        sock.close()
        raise
    self.sock = sock


docker.transport.unixconn.UnixHTTPConnection.connect = _connect_unix


class _APIClient(docker.APIClient):
    """APIClient that counts requests and lets observers see each one first.

    The count proves the snapshot's request budget; the hooks (the Engine's
    list, shared) let the GUI's test guard catch an engine call made on the
    GUI thread, the version negotiation of a lazily opened engine included.
    """

    def __init__(self, *args: Any, hooks: list[RequestHook] | None = None, **kwargs: Any) -> None:
        self.requests_sent = 0
        self.request_hooks: list[RequestHook] = [] if hooks is None else hooks
        self._count_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        for hook in list(self.request_hooks):
            hook(str(method), str(url))
        with self._count_lock:
            self.requests_sent += 1
        return super().request(method, url, *args, **kwargs)


@dataclass(frozen=True)
class EngineInfo:
    """What the status bar shows about an engine."""

    address: str
    version: str
    api_version: str
    os: str
    name: str
    sandbox: bool


def _hint(endpoint: Endpoint, reason: str) -> str:
    if "Permission denied" in reason:
        return "your user may not access the socket: run as root or join the docker group"
    if endpoint.host.startswith("unix://"):
        return "is dockerd running? `volgui sandbox start` runs a private one"
    return f"chosen by {endpoint.source}; check the address and that the engine listens there"


# What urllib3/requests bury in their messages, in a user's words (first match wins).
_REASONS = {
    "FileNotFoundError": "no socket there",
    "ConnectionRefusedError": "connection refused",
    "Connection refused": "connection refused",  # urllib3 2: NewConnectionError(... [Errno 111])
    "PermissionError": "Permission denied",
    "NameResolutionError": "cannot resolve the host name",
    "Name or service not known": "cannot resolve the host name",
    "Temporary failure in name resolution": "cannot resolve the host name",
    "No route to host": "no route to host",
    "Network is unreachable": "network is unreachable",
}


def _short_reason(exc: BaseException) -> str:
    text = str(exc)
    for marker, reason in _REASONS.items():
        if marker in text:
            return reason
    if "timed out" in text.lower():
        return "timed out"
    return text.splitlines()[0][:200] if text else type(exc).__name__


class Engine:
    """A Docker engine. Thread-safe for concurrent calls.

    ``Engine.open(endpoint)`` contacts the engine at once (the API version is
    negotiated) and raises :class:`EngineUnavailable` if it is down: what the
    command line wants. ``Engine.open(endpoint, lazy=True)`` contacts nothing;
    the client is built, under a lock, on whatever thread first uses ``api``,
    and a failed attempt raises EngineUnavailable there and is tried again on
    the next use: what a window opened while the engine is down wants.
    ``request_hooks`` belong to the Engine, so observers can register before
    any connection exists.
    """

    def __init__(
        self, endpoint: Endpoint, timeout: int = 60, connect_timeout: float = CONNECT_TIMEOUT
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.request_hooks: list[RequestHook] = []
        self._api: _APIClient | None = None
        self._api_lock = threading.Lock()

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(
        cls,
        endpoint: Endpoint,
        timeout: int = 60,
        lazy: bool = False,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> Engine:
        engine = cls(endpoint, timeout, connect_timeout)
        if not lazy:
            _ = engine.api  # connect now: a down engine raises EngineUnavailable here
        return engine

    @property
    def api(self) -> _APIClient:
        """The low-level client; built (one version request) on first use."""
        api = self._api
        if api is None:
            with self._api_lock:
                if self._api is None:
                    self._api = self._build_client()
                api = self._api
        return api

    @property
    def connected(self) -> bool:
        """True once the client exists (the engine answered at least once)."""
        return self._api is not None

    def _build_client(self) -> _APIClient:
        endpoint = self.endpoint
        self._probe_tcp()
        if endpoint.host.startswith("unix://") and not os.path.exists(endpoint.host[7:]):
            # Answer at once, and spare docker-py's leaked socket on a failed connect.
            raise EngineUnavailable(
                endpoint.host, "no socket there", _hint(endpoint, "no socket there")
            )
        kwargs: dict[str, Any] = {
            "base_url": endpoint.host,
            "version": "auto",
            "timeout": self.timeout,
        }
        if endpoint.host.startswith("ssh://"):
            kwargs["use_ssh_client"] = True
        if endpoint.tls_dir is not None:
            d = endpoint.tls_dir
            cert = (str(d / "cert.pem"), str(d / "key.pem"))
            ca = d / "ca.pem"
            kwargs["tls"] = docker.tls.TLSConfig(
                client_cert=cert if (d / "cert.pem").exists() else None,
                ca_cert=str(ca) if ca.exists() else None,
                verify=not endpoint.skip_tls_verify and ca.exists(),
            )
        elif endpoint.env_tls:
            tls = docker.utils.kwargs_from_env().get("tls")
            if tls:
                kwargs["tls"] = tls
        try:
            # Negotiates the API version: one request, seen by the hooks.
            return _APIClient(hooks=self.request_hooks, **kwargs)
        except (docker.errors.DockerException, requests.RequestException, OSError) as e:
            reason = _short_reason(e)
            raise EngineUnavailable(endpoint.host, reason, _hint(endpoint, reason)) from e

    def _probe_tcp(self) -> None:
        """A remote engine that does not take a TCP connection is down: say so in
        seconds, not after the SDK's single (read) timeout of a minute."""
        parsed = urlsplit(self.endpoint.host)
        if parsed.scheme not in ("tcp", "http", "https") or not parsed.port:
            return
        try:
            with socket.create_connection(
                (parsed.hostname or "localhost", parsed.port), timeout=self.connect_timeout
            ):
                pass
        except OSError as e:
            reason = _short_reason(e) if not isinstance(e, TimeoutError) else "timed out"
            raise EngineUnavailable(
                self.endpoint.host, reason, _hint(self.endpoint, reason)
            ) from e

    @property
    def address(self) -> str:
        return self.endpoint.host

    def close(self) -> None:
        if self._api is not None:
            self._api.close()

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one SDK call, turning transport and API errors into our own."""
        try:
            return fn(*args, **kwargs)
        except VolguiError:
            raise
        except docker.errors.NotFound as e:
            # Callers that know what they looked up re-raise with its kind and name.
            raise NotFound("object", "", _explanation(e)) from e
        except docker.errors.APIError as e:
            raise EngineError(_explanation(e)) from e
        except (requests.ConnectionError, requests.Timeout, docker.errors.DockerException) as e:
            reason = _short_reason(e)
            raise EngineUnavailable(self.address, reason, _hint(self.endpoint, reason)) from e

    # -- reading ---------------------------------------------------------

    def ping(self) -> None:
        self.call(self.api.ping)

    def info(self) -> EngineInfo:
        info = self.call(self.api.info)
        labels = info.get("Labels") or []
        return EngineInfo(
            address=self.address,
            version=info.get("ServerVersion", "?"),
            api_version=self.api.api_version,
            os=info.get("OperatingSystem", ""),
            name=info.get("Name", ""),
            sandbox=SANDBOX_LABEL in labels,
        )

    def snapshot(self) -> Snapshot:
        """Volumes, containers and their mounts: two list requests, nothing per item."""
        raw_volumes = self.call(self.api.volumes).get("Volumes") or []
        raw_containers = self.call(self.api.containers, all=True)
        return Snapshot.from_api(raw_volumes, raw_containers)

    def inspect_volume(self, name: str) -> dict[str, Any]:
        return _volumes.inspect(self, name)

    def inspect_container(self, key: str) -> dict[str, Any]:
        if not key.strip():
            # docker-py raises NullResource, which would read as "engine unreachable".
            raise InvalidInput("no container given: name or id is empty")
        try:
            return self.call(self.api.inspect_container, key)
        except NotFound:
            raise NotFound("container", key) from None

    def volume_sizes(self) -> dict[str, int]:
        """Bytes used per volume, from ``/system/df`` (slow: walks every volume)."""
        return _volumes.sizes(self)

    # -- volume housekeeping ---------------------------------------------

    def create_volume(
        self,
        name: str,
        driver: str = "local",
        options: Mapping[str, str] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> Volume:
        return _volumes.create(self, name, driver, options or {}, labels or {})

    def remove_volume(self, name: str) -> None:
        _volumes.remove(self, name)

    def prune_preview(self, include_named: bool = False) -> list[Volume]:
        return _volumes.prune_preview(self, include_named)

    def prune(self, names: Iterable[str]) -> _volumes.PruneResult:
        return _volumes.prune(self, names)

    # -- containers from docker-run arguments ----------------------------

    def create_container(self, spec: _runspec.RunSpec, start: bool = False) -> str:
        """Create the container ``spec`` describes, as `docker create` would; return its id."""
        return _runspec.create(self, spec, start)

    def container_spec(self, key: str, reuse_anonymous: bool = False) -> _runspec.RunSpec:
        """The RunSpec that recreates container ``key`` (what `volgui runcmd` prints)."""
        return _runspec.spec_of(self, key, reuse_anonymous=reuse_anonymous)

    # -- replacing a container (drag-to-mount) ---------------------------

    def plan_mount(self, container: str | Container, mount: Mount) -> _recreate.RecreatePlan:
        """Plan replacing ``container`` by the same container plus ``mount``; changes nothing."""
        return _recreate.plan_mount(self, container, mount)

    def plan_unmount(self, container: str | Container, destination: str) -> _recreate.RecreatePlan:
        """Plan replacing ``container`` by the same container minus its mount at ``destination``."""
        return _recreate.plan_unmount(self, container, destination)

    def apply(
        self,
        plan: _recreate.RecreatePlan,
        discard_changes: bool = False,
        progress: _recreate.ProgressCallback | None = None,
    ) -> str:
        """Carry out a recreate plan with rollback; return the new container's id."""
        return _recreate.apply(self, plan, discard_changes=discard_changes, progress=progress)


def _explanation(e: docker.errors.APIError) -> str:
    text = e.explanation
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return str(text or e)
