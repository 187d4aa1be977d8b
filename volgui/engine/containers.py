"""Containers: inspect one, list all (raw dicts for the operations), create one from a RunSpec."""

from __future__ import annotations

import os
import time
from typing import Any

from volgui.engine.errors import EngineError, InvalidInput, NotFound
from volgui.engine.model import without_journal
from volgui.engine.runspec import RunSpec
from volgui.engine.transport import Transport


def inspect(t: Transport, key: str) -> dict[str, Any]:
    """``docker inspect`` of one container by name or id."""
    if not key.strip():
        # docker-py raises NullResource, which would read as "engine unreachable".
        raise InvalidInput("no container given: name or id is empty")
    try:
        return t.call(t.api.inspect_container, key)
    except NotFound:
        raise NotFound("container", key) from None


def list_raw(t: Transport, **filters: Any) -> list[dict[str, Any]]:
    """Every container, running or not, as the list endpoint gives it (one request)."""
    return t.call(t.api.containers, all=True, filters=filters or None) or []


def create(t: Transport, spec: RunSpec, start: bool = False) -> str:
    """Create (and optionally start) the container ``spec`` describes; return its id.

    A flag the engine's API version is too old for is refused before anything
    is sent (the version is the one negotiated when the connection was made).
    ``--cidfile`` is honoured as the CLI honours it: refused if the file
    exists, written once the container exists.
    """
    spec.validate()
    spec.check_api(t.api.api_version)
    body = spec.create_request()
    if spec.cidfile and os.path.exists(spec.cidfile):
        raise InvalidInput(
            f"container ID file found, make sure the other container isn't running "
            f"or delete {spec.cidfile}"
        )
    image = spec.image
    try:
        t.call(t.api.inspect_image, image)
    except NotFound:
        hint = "volgui does not pull images: docker pull it first"
        raise NotFound("image", f"{image} ({hint})") from None
    try:
        created = t.call(t.api.create_container_from_config, body, spec.name, spec.platform)
    except EngineError as e:
        conflict = getattr(e.__cause__, "status_code", None) == 409
        if spec.name and conflict and "already in use" in str(e):
            # The engine's "Conflict. The container name "/x" is already in use by ...".
            raise EngineError(
                f"container name {spec.name} is already in use; "
                "choose another --name or remove that container first"
            ) from e
        raise
    cid: str = created["Id"]
    if spec.cidfile:
        _write_cidfile(spec.cidfile, cid)
    if start:
        try:
            t.call(t.api.start, cid)
        except EngineError as e:
            # Like docker run: the container stays, so its settings can be looked at.
            who = spec.name or cid[:12]
            raise EngineError(f"container {who} was created but did not start: {e}") from e
    return cid


def _write_cidfile(path: str, cid: str) -> None:
    try:
        with open(path, "x", encoding="ascii") as f:
            f.write(cid)
    except OSError as e:
        raise InvalidInput(f"failed to write the container ID to {path}: {e.strerror}") from None


def spec_of(t: Transport, key: str, *, reuse_anonymous: bool = False) -> RunSpec:
    """The RunSpec that recreates container ``key`` (name or id)."""
    raw = inspect(t, key)
    config = raw.get("Config") or {}
    if config.get("Labels"):  # a recreate's journal is volgui's bookkeeping, not a --label
        raw = {**raw, "Config": {**config, "Labels": without_journal(config["Labels"])}}
    try:
        image = t.call(t.api.inspect_image, raw.get("Image", ""))
    except NotFound:
        image = {}
    return RunSpec.from_container(raw, image, reuse_anonymous=reuse_anonymous)


# -- the container actions of the window (start, stop, restart, remove) --------


PORT_WAIT = 5.0  # seconds a start waits for a published port to be free again


def start(t: Transport, key: str) -> None:
    """Start a container; a port still held by one that just stopped is waited for.

    Podman frees a stopped container's published ports a moment after the
    stop returns, so the start that follows it in a recreate (the new
    container, or the old one again in a rollback) could fail with "address
    already in use". Such a start is tried again for up to ``PORT_WAIT``
    seconds; any other error is raised at once. Docker frees them before its
    stop returns: there the first try is the only one.
    """
    deadline = time.monotonic() + PORT_WAIT
    delay = 0.05
    while True:
        try:
            t.call(t.api.start, key)
            return
        except EngineError as e:
            if "address already in use" not in str(e) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def stop(t: Transport, key: str) -> None:
    """Stop with the container's own stop timeout and signal (no ``t`` sent)."""
    t.call(t.api.stop, key, timeout=None)


def restart(t: Transport, key: str) -> None:
    """Restart with the container's own stop timeout (the SDK's restart needs a number)."""
    own = (inspect(t, key).get("Config") or {}).get("StopTimeout")
    t.call(t.api.restart, key, timeout=int(own) if own is not None else 10)


def remove(t: Transport, key: str) -> None:
    """Remove a container, stopped or not; never its volumes (DESIGN rule 1)."""
    t.call(t.api.remove_container, key, v=False, force=True)
