"""Look inside a volume: list a folder, preview a small file.

The archive API has no directory listing: ``GET …/archive`` of a folder
streams its whole subtree. A listing reads that stream's headers (the file
data is skipped as it passes, never kept), keeps the folder's direct
entries and adds up each subfolder's bytes on the way.
"""

from __future__ import annotations

import posixpath
import tarfile
import threading
from dataclasses import dataclass

from volgui.engine import volumes as _volumes
from volgui.engine.data import tarmap
from volgui.engine.data.helper import helper_container
from volgui.engine.data.streams import Meter
from volgui.engine.data.transfer import get_stream, translate
from volgui.engine.errors import InvalidInput
from volgui.engine.transport import Transport

PREVIEW_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Entry:
    """One file, folder or link in a volume. ``path`` is absolute within the volume."""

    name: str
    path: str
    kind: str  # "dir" | "file" | "symlink" | "hardlink" | "other"
    size: int  # bytes; a folder's is everything below it
    mode: int  # permission bits (0o755 ...)
    uid: int
    gid: int
    mtime: float
    target: str = ""  # a link's target

    @property
    def is_dir(self) -> bool:
        return self.kind == "dir"


def volume_path(path: str) -> str:
    """``path`` as an absolute path inside the volume ("/" for its root)."""
    clean = posixpath.normpath("/" + (path or "").strip("/"))
    if ".." in clean.split("/"):
        raise InvalidInput(f"{path!r} leaves the volume")
    return clean


def _kind(m: tarfile.TarInfo) -> str:
    if m.isdir():
        return "dir"
    if m.issym():
        return "symlink"
    if m.islnk():
        return "hardlink"
    return "file" if m.isreg() else "other"


def list_dir(
    t: Transport, volume: str, path: str = "/", cancel: threading.Event | None = None
) -> list[Entry]:
    """The entries directly inside folder ``path`` of ``volume``, folders first."""
    folder = volume_path(path)
    _volumes.inspect(t, volume)
    entries: dict[str, Entry] = {}
    totals: dict[str, int] = {}
    meter = Meter(None, cancel)
    with helper_container(t, volume) as cid:
        src = get_stream(t, cid, "/volume" + folder.rstrip("/") + "/.", meter)
        try:
            with tarmap.open_reading(src) as tar:
                for m in tar:
                    rel = tarmap.relative(m.name)
                    if rel == ".":
                        continue
                    top, _, rest = rel.partition("/")
                    totals[top] = totals.get(top, 0) + (m.size if m.isreg() else 0)
                    if not rest:
                        entries[top] = Entry(
                            name=top,
                            path=posixpath.join(folder, top),
                            kind=_kind(m),
                            size=m.size if m.isreg() else 0,
                            mode=m.mode & 0o7777,
                            uid=m.uid,
                            gid=m.gid,
                            mtime=float(m.mtime),
                            target=_target(m),
                        )
        except BaseException as e:
            raise translate(e) from e
        finally:
            src.close()
    out = [
        Entry(**{**e.__dict__, "size": totals.get(e.name, 0)}) if e.is_dir else e
        for e in entries.values()
    ]
    return sorted(out, key=lambda e: (not e.is_dir, e.name))


def preview(t: Transport, volume: str, path: str, limit: int = PREVIEW_LIMIT) -> bytes | None:
    """The first ``limit`` bytes of the file at ``path``; None for a folder or link."""
    clean = volume_path(path)
    with helper_container(t, volume) as cid:
        src = get_stream(t, cid, "/volume" + clean)
        try:
            with tarmap.open_reading(src) as tar:
                first = tar.next()
                if first is None or not first.isreg():
                    return None
                data = tar.extractfile(first)
                return data.read(limit) if data is not None else None
        except BaseException as e:
            raise translate(e) from e
        finally:
            src.close()


def _target(m: tarfile.TarInfo) -> str:
    if m.issym():
        return m.linkname
    return "/" + tarmap.relative(m.linkname) if m.islnk() else ""
