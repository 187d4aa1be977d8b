"""The helper: reading and writing volume data without a shell image or a registry.

The helper image is an imported empty tarball: a container created from it
(with any command) is never started, yet ``GET/PUT /containers/{id}/archive``
read and write the volumes mounted into it (DESIGN, engine facts). Every
helper container is labelled with who made it (host and process), removed
when its operation ends however it ends, and one left behind by a crash is
removed by :func:`remove_leftovers` at the next start.
"""

from __future__ import annotations

import io
import os
import socket
import tarfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from volgui.engine.errors import NotFound, VolguiError
from volgui.engine.transport import Transport

HELPER_IMAGE = "volgui-helper:empty"
HELPER_LABEL = "volgui.helper"
CREATED_LABEL = "volgui.helper.created"
# A helper nobody can vouch for (another host's, an old format) goes after a day.
STALE_AFTER = 24 * 3600


def _empty_tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w"):
        pass
    return buf.getvalue()


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def local_image_id(t: Transport, reference: str) -> str | None:
    """The id of an image imported as ``reference``, or None.

    Podman stores an imported ``name:tag`` as ``localhost/name:tag``, while
    its compatible API resolves a short name to ``docker.io/library/...``:
    so look under both, and hand the engine the id, never the short name.
    """
    for ref in (reference, f"localhost/{reference}"):
        try:
            return str(t.call(t.api.inspect_image, ref)["Id"])
        except NotFound:
            continue
    return None


def helper_image(t: Transport) -> str:
    """The helper image's id, imported on first need."""
    found = local_image_id(t, HELPER_IMAGE)
    if found is not None:
        return found
    # The tag goes with the name: Podman 4.3's import ignores a separate tag
    # (it names the image :latest); Docker reads either spelling.
    t.call(
        t.api.import_image_from_data,
        _empty_tar(),
        repository=HELPER_IMAGE,
        changes=[f"LABEL {HELPER_LABEL}=1"],
    )
    found = local_image_id(t, HELPER_IMAGE)
    if found is None:
        raise NotFound("image", HELPER_IMAGE)
    return found


@contextmanager
def helper_container(
    t: Transport, volume: str, read_only: bool = True, at: str = "/volume"
) -> Iterator[str]:
    """A never-started container with ``volume`` mounted at ``at``; removed afterwards."""
    image = helper_image(t)
    mode = "ro" if read_only else "rw"
    created = t.call(
        t.api.create_container,
        image,
        ["/volgui-helper"],
        name=f"volgui-helper-{uuid.uuid4().hex[:12]}",
        labels={HELPER_LABEL: _owner(), CREATED_LABEL: str(int(time.time()))},
        host_config=t.api.create_host_config(binds=[f"{volume}:{at}:{mode}"]),
        network_disabled=True,
    )
    try:
        yield created["Id"]
    finally:
        _remove(t, created["Id"])


def _remove(t: Transport, cid: str) -> None:
    try:
        t.call(t.api.remove_container, cid, v=False, force=True)
    except NotFound:
        pass
    except VolguiError:
        # The engine went away: the label finds this one at the next start.
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_leftover(labels: dict[str, str], now: float) -> bool:
    host, _, pid = (labels.get(HELPER_LABEL) or "").rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return int(pid) != os.getpid() and not _alive(int(pid))
    created = labels.get(CREATED_LABEL, "")
    return not created.isdigit() or now - int(created) > STALE_AFTER


def remove_leftovers(t: Transport) -> list[str]:
    """Remove helper containers whose maker is gone (a crash); return their ids."""
    listed = t.call(t.api.containers, all=True, filters={"label": HELPER_LABEL})
    now = time.time()
    gone = []
    for c in listed:
        if _is_leftover(dict(c.get("Labels") or {}), now):
            _remove(t, c["Id"])
            gone.append(c["Id"])
    return gone


def helpers(t: Transport) -> list[str]:
    """Ids of every helper container on the engine (tests assert there are none left)."""
    listed = t.call(t.api.containers, all=True, filters={"label": HELPER_LABEL})
    return [c["Id"] for c in listed]
