"""Find and open the Docker engine the way the docker CLI does.

Order: an explicit host, then a named context, then ``DOCKER_HOST``, then
``DOCKER_CONTEXT``, then the current context of ``$DOCKER_CONFIG/config.json``
(``~/.docker`` by default), then the default socket.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volgui.engine.errors import InvalidInput

DEFAULT_HOST = "unix:///var/run/docker.sock"


@dataclass(frozen=True)
class Endpoint:
    """Where to reach an engine and how: the result of resolving like the CLI."""

    host: str
    source: str  # what chose it: "--host", "context NAME", "DOCKER_HOST", "default"
    tls_dir: Path | None = None  # a context's ca.pem/cert.pem/key.pem
    skip_tls_verify: bool = False
    env_tls: bool = False  # DOCKER_TLS_VERIFY / DOCKER_CERT_PATH apply


def config_dir(env: dict[str, str] | os._Environ[str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("DOCKER_CONFIG"):
        return Path(env["DOCKER_CONFIG"])
    return Path(env.get("HOME") or Path.home()) / ".docker"


def _meta_dir(cfg: Path) -> Path:
    return cfg / "contexts" / "meta"


def _endpoint_of(name: str, meta: dict[str, Any], cfg: Path, digest: str) -> Endpoint:
    docker_ep: dict[str, Any] = (meta.get("Endpoints") or {}).get("docker") or {}
    host = docker_ep.get("Host")
    if not host:
        raise InvalidInput(f"docker context {name!r} has no docker endpoint")
    tls_dir = cfg / "contexts" / "tls" / digest / "docker"
    return Endpoint(
        host=host,
        source=f"context {name}",
        tls_dir=tls_dir if tls_dir.is_dir() else None,
        skip_tls_verify=bool(docker_ep.get("SkipTLSVerify")),
    )


def _context_endpoint(name: str, cfg: Path) -> Endpoint:
    if name == "default":
        return Endpoint(DEFAULT_HOST, "context default")
    digest = hashlib.sha256(name.encode()).hexdigest()
    meta_file = _meta_dir(cfg) / digest / "meta.json"
    try:
        meta = json.loads(meta_file.read_text())
    except FileNotFoundError:
        where = cfg / "contexts"
        raise InvalidInput(f"no docker context named {name!r} (looked in {where})") from None
    except (OSError, ValueError) as e:
        raise InvalidInput(f"docker context {name!r} is unreadable: {e}") from e
    return _endpoint_of(name, meta, cfg, digest)


@dataclass(frozen=True)
class Context:
    """One docker context as `docker context ls` lists it."""

    name: str
    endpoint: Endpoint
    description: str = ""
    current: bool = False
    error: str = ""  # why its meta.json could not be used ("" when it could)


def current_context(env: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The context the docker CLI uses now: DOCKER_HOST means "default"."""
    env = os.environ if env is None else env
    if env.get("DOCKER_HOST"):
        return "default"
    if env.get("DOCKER_CONTEXT"):
        return env["DOCKER_CONTEXT"]
    try:
        current = json.loads((config_dir(env) / "config.json").read_text()).get("currentContext")
    except (OSError, ValueError, AttributeError):
        current = None
    return str(current or "default")


def contexts(env: dict[str, str] | os._Environ[str] | None = None) -> list[Context]:
    """Every docker context, "default" first, the rest by name, as the CLI reads them.

    A context whose meta.json is broken is listed with its ``error`` rather
    than hiding every other one.
    """
    env = os.environ if env is None else env
    cfg = config_dir(env)
    current = current_context(env)
    default_host = env.get("DOCKER_HOST") or DEFAULT_HOST
    found = [
        Context(
            "default",
            Endpoint(default_host, "context default", env_tls=bool(env.get("DOCKER_HOST"))),
            "Current DOCKER_HOST based configuration",
            current == "default",
        )
    ]
    others: list[Context] = []
    try:
        entries = sorted(_meta_dir(cfg).iterdir())
    except OSError:
        entries = []
    for d in entries:
        try:
            meta = json.loads((d / "meta.json").read_text())
            name = str(meta["Name"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # the CLI skips what it cannot name, too
        description = str((meta.get("Metadata") or {}).get("Description") or "")
        try:
            endpoint = _endpoint_of(name, meta, cfg, d.name)
            error = ""
        except InvalidInput as e:
            endpoint, error = Endpoint("", f"context {name}"), str(e)
        others.append(Context(name, endpoint, description, current == name, error))
    return found + sorted(others, key=lambda c: c.name)


def resolve(
    host: str | None = None,
    context: str | None = None,
    env: dict[str, str] | os._Environ[str] | None = None,
) -> Endpoint:
    """Decide which engine to talk to, without contacting it."""
    env = os.environ if env is None else env
    if host and context:
        raise InvalidInput("give either --host or --context, not both")
    if host:
        return Endpoint(host, "--host")
    cfg = config_dir(env)
    if context == "default" and env.get("DOCKER_HOST"):
        # The docker CLI's "default" context is DOCKER_HOST when that is set.
        return Endpoint(env["DOCKER_HOST"], "context default (DOCKER_HOST)", env_tls=True)
    if context:
        return _context_endpoint(context, cfg)
    if env.get("DOCKER_HOST"):
        return Endpoint(env["DOCKER_HOST"], "DOCKER_HOST", env_tls=True)
    if env.get("DOCKER_CONTEXT"):
        return _context_endpoint(env["DOCKER_CONTEXT"], cfg)
    try:
        current = json.loads((cfg / "config.json").read_text()).get("currentContext")
    except (OSError, ValueError):
        current = None
    if current and current != "default":
        return _context_endpoint(current, cfg)
    return Endpoint(DEFAULT_HOST, "default")
