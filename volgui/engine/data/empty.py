"""Empty a volume, or delete one entry in it, with nothing but the archive API.

The engine's untar removes whatever stands at an entry's path before it
makes the entry (``os.RemoveAll``), unless both are directories. Two
consequences, both used here:

- an entry of a type the untar does not know (``Z``) removes the path and
  then stops with "unhandled tar header type": a delete;
- with the volume mounted at ``/volume``, such an entry named ``volume`` sent
  to ``/`` removes everything inside the volume, then fails to remove the
  mount point itself ("device or resource busy"): the volume is empty, its
  root (mode, owner) untouched, and it may stay in use meanwhile.

Either way the result is checked by looking, not taken from the error.
"""

from __future__ import annotations

import io
import posixpath
import tarfile

from volgui.engine import volumes as _volumes
from volgui.engine.data.helper import helper_container
from volgui.engine.data.transfer import get_stream, stat
from volgui.engine.errors import DataError, EngineError, InvalidInput, NotFound
from volgui.engine.transport import Transport

_REMOVE_TYPE = b"Z"
_EXPECTED = ("unhandled tar header type", "device or resource busy")


def _removal(name: str) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo(name)
        info.type = _REMOVE_TYPE
        tar.addfile(info)
    return buf.getvalue()


def _send_removal(t: Transport, cid: str, parent: str, name: str) -> None:
    try:
        t.call(t.api.put_archive, cid, parent, _removal(name))
    except EngineError as e:
        if not any(text in str(e) for text in _EXPECTED):
            raise


def first_entries(t: Transport, cid: str, path: str = "/volume/.", limit: int = 2) -> list[str]:
    """The first ``limit`` entry names under ``path`` (reads no further)."""
    src = get_stream(t, cid, path)
    names: list[str] = []
    try:
        with tarfile.open(fileobj=src, mode="r|") as tar:
            for member in tar:
                names.append(member.name)
                if len(names) >= limit:
                    break
    finally:
        src.close()
    return names


def is_empty_in(t: Transport, cid: str) -> bool:
    """Whether the volume at /volume of helper ``cid`` holds nothing (its root aside)."""
    return len(first_entries(t, cid)) <= 1


def empty_in(t: Transport, cid: str, volume: str) -> None:
    """Remove everything inside the volume mounted (read-write) at /volume of ``cid``."""
    _send_removal(t, cid, "/", "volume")
    if not is_empty_in(t, cid):
        raise DataError(f"volume {volume} could not be emptied completely")


def empty_volume(t: Transport, volume: str) -> None:
    """Remove every file in ``volume``; it stays, with its root's mode and owner."""
    _volumes.inspect(t, volume)
    with helper_container(t, volume, read_only=False) as cid:
        empty_in(t, cid, volume)


def delete_entry(t: Transport, volume: str, path: str) -> None:
    """Delete the file, link or folder (with all it holds) at ``path`` in ``volume``."""
    clean = posixpath.normpath("/" + path.strip("/"))
    if clean == "/":
        raise InvalidInput("that is the volume's root: empty the volume instead")
    parent, name = posixpath.split(clean)
    _volumes.inspect(t, volume)
    with helper_container(t, volume, read_only=False) as cid:
        if stat(t, cid, "/volume" + clean) is None:
            raise NotFound("file or folder", f"{clean} in volume {volume}")
        _send_removal(t, cid, "/volume" + parent, name)
        if stat(t, cid, "/volume" + clean) is not None:
            raise DataError(f"{clean} in volume {volume} could not be deleted")
