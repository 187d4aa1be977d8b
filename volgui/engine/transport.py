"""The connection to one engine: the low-level client, one door for every call.

Operation modules (``volumes.py``, ``containers.py``, ``recreate/`` ...) take a
:class:`Transport` and use only ``api``, ``call`` and ``address``, the way
docker-py's per-resource mixins know only their base's ``_get``/``_result``.
This module imports nothing else of the engine but errors and the endpoint.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import docker
import docker.errors
import docker.tls
import docker.transport.unixconn
import docker.utils
import requests

from volgui.engine import pace
from volgui.engine.connection import Endpoint
from volgui.engine.errors import EngineError, EngineUnavailable, NotFound, VolguiError
from volgui.engine.sshconn import SSHAdapter, SSHError, SSHTarget

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


class APIClient(docker.APIClient):
    """APIClient that counts requests and lets observers see each one first.

    The count proves the snapshot's request budget; the hooks (the Transport's
    list, shared) let the GUI's test guard catch an engine call made on the
    GUI thread, the version negotiation of a lazily opened engine included.
    """

    def __init__(
        self,
        *args: Any,
        hooks: list[RequestHook] | None = None,
        ssh: SSHTarget | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        self.requests_sent = 0
        self.request_hooks: list[RequestHook] = [] if hooks is None else hooks
        self._count_lock = threading.Lock()
        if ssh is None:
            super().__init__(*args, **kwargs)
            return
        # ssh:// through our own adapter (sshconn.py), not docker-py's (which
        # wants paramiko and overrides the ssh config's port): mount it first,
        # then negotiate the version over it, within the connect timeout.
        version = kwargs.pop("version", "auto")
        timeout = kwargs.pop("timeout", 60)
        kwargs.pop("base_url", None)
        super().__init__(base_url="http://localhost:80", version="1.24", timeout=timeout, **kwargs)
        self._unmount("http://", "https://")
        self._custom_adapter = SSHAdapter(ssh, timeout, connect_timeout)
        self.mount("http+docker://ssh", self._custom_adapter)
        self.base_url = "http+docker://ssh"
        if version in (None, "auto"):
            self.timeout = max(connect_timeout * 2, 1.0)
            try:
                self._version = self._retrieve_server_version()
            finally:
                self.timeout = timeout
        else:
            self._version = version

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        for hook in list(self.request_hooks):
            hook(str(method), str(url))
        with self._count_lock:
            self.requests_sent += 1
        return super().request(method, url, *args, **kwargs)

    def _result(self, response: Any, json: bool = False, binary: bool = False) -> Any:
        if json:
            pace.pause()  # a long list's decode holds the GIL: not while the window paints
        return super()._result(response, json=json, binary=binary)


def hint(endpoint: Endpoint, reason: str) -> str:
    """What the user can do about an engine that does not answer."""
    if endpoint.host.startswith("ssh://"):
        return f"chosen by {endpoint.source}; volgui runs your ssh, as `docker -H` would"
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


def _ssh_error(exc: BaseException | None) -> SSHError | None:
    """The SSHError somewhere in ``exc``'s chain or arguments (requests wraps it deep)."""
    seen: set[int] = set()
    todo: list[Any] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, SSHError):
            return e
        if isinstance(e, BaseException):
            todo += [e.__cause__, e.__context__, *e.args]
            todo.append(getattr(e, "reason", None))
    return None


def short_reason(exc: BaseException) -> str:
    """The reason in ``exc`` in a user's words, one line."""
    ssh = _ssh_error(exc)
    if ssh is not None:
        return str(ssh)
    text = str(exc)
    for marker, reason in _REASONS.items():
        if marker in text:
            return reason
    if "timed out" in text.lower():
        return "timed out"
    return text.splitlines()[0][:200] if text else type(exc).__name__


def explanation(e: docker.errors.APIError) -> str:
    """The engine's own words for an API error."""
    text = e.explanation
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return str(text or e)


class Transport:
    """One engine's connection. Thread-safe for concurrent calls.

    The client is built, under a lock, on whatever thread first uses ``api``
    (one version request); a failed attempt raises EngineUnavailable there and
    is tried again on the next use. ``request_hooks`` belong to the Transport,
    so observers can register before any connection exists.
    """

    def __init__(
        self, endpoint: Endpoint, timeout: int = 60, connect_timeout: float = CONNECT_TIMEOUT
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.request_hooks: list[RequestHook] = []
        self._api: APIClient | None = None
        self._api_lock = threading.Lock()

    @property
    def address(self) -> str:
        return self.endpoint.host

    @property
    def api(self) -> APIClient:
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
            raise NotFound("object", "", explanation(e)) from e
        except docker.errors.APIError as e:
            raise EngineError(explanation(e)) from e
        except (requests.ConnectionError, requests.Timeout, docker.errors.DockerException) as e:
            raise self.unavailable(e) from e

    def unavailable(self, exc: BaseException) -> EngineUnavailable:
        """The EngineUnavailable that ``exc`` (a failed connection) means."""
        reason = short_reason(exc)
        if reason == "timed out" and self.address.startswith("ssh://"):
            within = max(self.connect_timeout * 2, 1.0)
            reason = f"no answer over ssh within {within:g} s (timed out)"
        return EngineUnavailable(self.address, reason, hint(self.endpoint, reason))

    def _build_client(self) -> APIClient:
        endpoint = self.endpoint
        self._probe_tcp()
        if endpoint.host.startswith("unix://") and not os.path.exists(endpoint.host[7:]):
            # Answer at once, and spare docker-py's leaked socket on a failed connect.
            raise EngineUnavailable(
                endpoint.host, "no socket there", hint(endpoint, "no socket there")
            )
        kwargs: dict[str, Any] = {
            "base_url": endpoint.host,
            "version": "auto",
            "timeout": self.timeout,
        }
        if endpoint.host.startswith("ssh://"):
            try:
                kwargs["ssh"] = SSHTarget.from_url(endpoint.host)
            except VolguiError as e:
                raise EngineUnavailable(endpoint.host, str(e)) from None
            kwargs["connect_timeout"] = self.connect_timeout
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
            return APIClient(hooks=self.request_hooks, **kwargs)
        except (docker.errors.DockerException, requests.RequestException, OSError) as e:
            raise self.unavailable(e) from e

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
            reason = short_reason(e) if not isinstance(e, TimeoutError) else "timed out"
            raise EngineUnavailable(self.address, reason, hint(self.endpoint, reason)) from e
