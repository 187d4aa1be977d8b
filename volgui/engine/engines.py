"""The engines a user has: docker contexts, engines added in volgui, Podman sockets.

:func:`discover` lists them without contacting any (contexts read as the
docker CLI reads them, ``DOCKER_CONFIG`` included; the engines the user added
are given as data, the UI keeps them in QSettings; a Podman socket is listed
when its file exists). :func:`probe` asks one engine what it is: answering
or down and why, Docker or Podman, its versions and how many volumes it holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from volgui.engine.connection import Endpoint, contexts
from volgui.engine.errors import EngineUnavailable, InvalidInput, VolguiError
from volgui.engine.transport import Transport

SCHEMES = ("unix", "tcp", "ssh", "http", "https")
ROOTFUL_PODMAN = "/run/podman/podman.sock"


@dataclass(frozen=True)
class AddedEngine:
    """An engine the user added in volgui (kept by the UI, e.g. in QSettings)."""

    name: str
    host: str
    tls_dir: str = ""  # a directory holding ca.pem, cert.pem, key.pem (tcp:// with TLS)
    skip_tls_verify: bool = False

    def check(self) -> None:
        """Refuse what cannot be an engine address, in one line."""
        if not self.name.strip():
            raise InvalidInput("an engine needs a name")
        parsed = urlsplit(self.host)
        if parsed.scheme not in SCHEMES:
            raise InvalidInput(
                f"engine address {self.host!r} must start with unix://, tcp:// or ssh://"
            )
        if parsed.scheme == "unix" and not parsed.path.startswith("/"):
            raise InvalidInput(f"a unix:// address needs an absolute socket path: {self.host!r}")
        if parsed.scheme != "unix" and not parsed.hostname:
            raise InvalidInput(f"engine address {self.host!r} names no host")
        if self.tls_dir and not Path(self.tls_dir).is_dir():
            raise InvalidInput(f"TLS directory {self.tls_dir} does not exist")

    def endpoint(self) -> Endpoint:
        return Endpoint(
            self.host,
            f"engine {self.name}",
            tls_dir=Path(self.tls_dir) if self.tls_dir else None,
            skip_tls_verify=self.skip_tls_verify,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> AddedEngine:
        return cls(
            name=str(d.get("name") or ""),
            host=str(d.get("host") or ""),
            tls_dir=str(d.get("tls_dir") or ""),
            skip_tls_verify=bool(d.get("skip_tls_verify")),
        )


@dataclass(frozen=True)
class EngineEntry:
    """One row of the Engines sidebar, before anything is asked of the engine."""

    key: str  # stable: "context:NAME", "added:NAME", "podman:PATH"
    name: str
    endpoint: Endpoint
    origin: str  # "context" | "added" | "podman"; the window adds "given" and "sandbox"
    current: bool = False  # the docker CLI's current context
    description: str = ""
    error: str = ""  # why it cannot be used at all (a broken context)


def podman_sockets(
    env: Mapping[str, str] | None = None, exists: Callable[[str], bool] = os.path.exists
) -> list[str]:
    """The Podman API sockets present: rootful, then the user's rootless one."""
    env = os.environ if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    paths = [ROOTFUL_PODMAN, f"{runtime}/podman/podman.sock"]
    return [p for p in dict.fromkeys(paths) if exists(p)]


def discover(
    added: Iterable[AddedEngine] = (),
    env: Mapping[str, str] | None = None,
    podman: Iterable[str] | None = None,
) -> list[EngineEntry]:
    """Contexts (the CLI's order), then the added engines, then Podman sockets.

    A Podman socket that a context or an added engine already names is not
    listed twice.
    """
    env = os.environ if env is None else env
    entries = [
        EngineEntry(
            f"context:{c.name}", c.name, c.endpoint, "context", c.current, c.description, c.error
        )
        for c in contexts(env)  # type: ignore[arg-type]
    ]
    for a in added:
        entries.append(EngineEntry(f"added:{a.name}", a.name, a.endpoint(), "added"))
    hosts = {e.endpoint.host for e in entries}
    rootless = podman_sockets(env, exists=lambda p: True)[-1]
    for path in podman_sockets(env) if podman is None else podman:
        host = f"unix://{path}"
        if host in hosts:
            continue
        names = {ROOTFUL_PODMAN: "podman", rootless: "podman (rootless)"}
        label = names.get(path, f"podman {path}")
        entries.append(EngineEntry(f"podman:{path}", label, Endpoint(host, label), "podman"))
    return entries


@dataclass(frozen=True)
class Probe:
    """What one engine said about itself (or why it said nothing)."""

    up: bool
    reason: str = ""  # why it is down
    kind: str = ""  # "docker" | "podman" ("" while unknown)
    engine_version: str = ""
    api_version: str = ""
    volumes: int | None = None

    @property
    def state(self) -> str:
        return "up" if self.up else "down"


def kind_of(version: Mapping[str, Any]) -> str:
    """Docker or Podman, from ``GET /version`` (Podman names itself in Components)."""
    names = [str(c.get("Name", "")) for c in version.get("Components") or []]
    names.append(str((version.get("Platform") or {}).get("Name", "")))
    return "podman" if any("podman" in n.lower() for n in names) else "docker"


def engine_version(version: Mapping[str, Any]) -> str:
    for c in version.get("Components") or []:
        if c.get("Name") in ("Engine", "Podman Engine"):
            return str(c.get("Version") or "")
    return str(version.get("Version") or "")


def probe(t: Transport, count: bool = True) -> Probe:
    """Ask the engine behind ``t``: two requests, never a traceback.

    ``count``: list its volumes to count them (one request, the whole list);
    without, ``volumes`` is None: the caller counts them in a snapshot it holds.
    """
    try:
        version = t.call(t.api.version)
        volumes = (t.call(t.api.volumes).get("Volumes") or []) if count else None
    except EngineUnavailable as e:
        return Probe(False, reason=e.reason)
    except VolguiError as e:
        return Probe(False, reason=str(e))
    return Probe(
        True,
        kind=kind_of(version),
        engine_version=engine_version(version),
        api_version=str(version.get("ApiVersion") or t.api.api_version),
        volumes=None if volumes is None else len(volumes),
    )
