"""Between a volume and this computer's disk: download a file or folder, upload files.

A download is unpacked into a hidden folder beside its destination and
moved into place at the end (nothing half-made is left). Uploaded files are
owned by root in the volume, as ``docker cp`` makes them.
"""

from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from volgui.engine import volumes as _volumes
from volgui.engine.data import tarmap
from volgui.engine.data.browse import volume_path
from volgui.engine.data.helper import helper_container
from volgui.engine.data.streams import CHUNK, Meter, ProgressFn
from volgui.engine.data.transfer import get_stream, pump, stat, translate
from volgui.engine.errors import DataError, InvalidInput, NotFound
from volgui.engine.transport import Transport

_FILTER = getattr(tarfile, "tar_filter", None)  # refuses names outside the destination
_MODE_DIR = 1 << 31  # Go's os.ModeDir in the engine's stat


def download(
    t: Transport,
    volume: str,
    path: str,
    dest: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Copy the file or folder at ``path`` in ``volume`` to ``dest`` (which must not exist)."""
    clean = volume_path(path)
    target = Path(dest)
    if target.exists() or target.is_symlink():
        raise InvalidInput(f"{target} exists already; choose another name")
    if not target.parent.is_dir():
        raise InvalidInput(f"{target.parent} is not a folder")
    _volumes.inspect(t, volume)
    meter = Meter(progress, cancel)
    work = Path(tempfile.mkdtemp(prefix=".volgui-download-", dir=target.parent))
    try:
        with helper_container(t, volume) as cid:
            found = stat(t, cid, "/volume" + clean)
            if found is None:
                raise NotFound("file or folder", f"{clean} in volume {volume}")
            is_dir = bool(int(found.get("mode", 0)) & _MODE_DIR)
            where = "/volume" + clean.rstrip("/") + "/." if is_dir else "/volume" + clean
            _unpack(get_stream(t, cid, where, meter), work, meter, is_dir)
        os.replace(work / "item", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _unpack(src: Any, work: Path, meter: Meter, is_dir: bool) -> None:
    """Unpack a GET stream into ``work/item`` (the file, or the folder and what it holds)."""
    rename = tarmap.under("item")
    try:
        with tarmap.open_reading(src) as tar:
            for member in tar:
                meter.check()
                member.name = rename(member.name) if is_dir else "item"
                if member.islnk():
                    member.linkname = rename(member.linkname)
                if _FILTER is not None:
                    tar.extract(member, work, filter="tar")
                else:  # pragma: no cover - a Python without extraction filters
                    tar.extract(member, work)
    except BaseException as e:
        raise translate(e) from e
    finally:
        src.close()


def upload(
    t: Transport,
    volume: str,
    folder: str,
    files: Sequence[str | os.PathLike[str]],
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Copy local ``files`` (folders with what they hold) into ``folder`` of ``volume``."""
    clean = volume_path(folder)
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise InvalidInput(f"cannot read {p}: no such file")
    if not paths:
        raise InvalidInput("no files to upload")
    _volumes.inspect(t, volume)
    meter = Meter(progress, cancel)
    counted: list[int] = []

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        meter.check()
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    def produce(out: IO[bytes]) -> None:
        metered = _MeteredWriter(out, meter)
        with tarfile.open(
            fileobj=metered,
            mode="w|",
            format=tarfile.PAX_FORMAT,
            bufsize=CHUNK,  # type: ignore[call-overload]
        ) as tar:
            for p in paths:
                tar.add(str(p), arcname=p.name, filter=owned_by_root)
            counted.append(len(tar.getmembers()))

    with helper_container(t, volume, read_only=False) as cid:
        found = stat(t, cid, "/volume" + clean)
        if found is None:
            raise NotFound("folder", f"{clean} in volume {volume}")
        if not int(found.get("mode", 0)) & _MODE_DIR:
            raise InvalidInput(f"{clean} in volume {volume} is not a folder")
        try:
            pump(t, cid, "/volume" + clean, produce)
        except BaseException as e:
            err = translate(e)
            if isinstance(err, DataError):
                raise DataError(
                    f"upload into {clean} failed: {err}; some files may be there"
                ) from e
            raise err from e
    return counted[0] if counted else 0


class _MeteredWriter:
    def __init__(self, out: IO[bytes], meter: Meter) -> None:
        self._out = out
        self._meter = meter

    def write(self, data: bytes) -> int:
        self._out.write(data)
        self._meter.add(len(data))
        return len(data)

    def flush(self) -> None:
        pass
