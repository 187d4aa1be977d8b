"""Import a tar (.tar, .tar.gz, .tar.zst; a file or stdin) into a volume.

A missing volume is created, and removed again if the import fails. A
volume that holds anything is refused unless ``replace``, which empties it
first; if the import then fails, the error says the volume is emptied and
partly filled. A volume that was empty is emptied again after a failure.
"""

from __future__ import annotations

import copy
import io
import sys
import tarfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import zstandard

from volgui.engine import volumes as _volumes
from volgui.engine.data import tarmap
from volgui.engine.data.empty import empty_in, is_empty_in
from volgui.engine.data.formats import decompressing
from volgui.engine.data.helper import helper_container
from volgui.engine.data.streams import CHUNK, Meter, MeteredFile, ProgressFn
from volgui.engine.data.transfer import put_stream, translate
from volgui.engine.errors import DataError, InvalidInput, VolguiError
from volgui.engine.transport import Transport
from volgui.engine.validate import check_name


@dataclass(frozen=True)
class Imported:
    """What an import did."""

    volume: str
    bytes: int  # of the archive (as unpacked), sent to the engine
    created: bool  # the volume did not exist before
    replaced: bool  # it held data, which was removed first


def import_volume(
    t: Transport,
    volume: str,
    path: str,
    replace: bool = False,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Imported:
    """Fill ``volume`` from the archive at ``path`` (``-``: stdin)."""
    check_name(volume, "volume")
    if path == "-":
        return _import(t, volume, sys.stdin.buffer, path, replace, progress, cancel)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        raise InvalidInput(f"cannot read {path}: {e.strerror}") from None
    with raw:
        return _import(t, volume, raw, path, replace, progress, cancel)


def _import(
    t: Transport,
    volume: str,
    raw: IO[bytes],
    path: str,
    replace: bool,
    progress: ProgressFn | None,
    cancel: threading.Event | None,
) -> Imported:
    meter = Meter(progress, cancel)
    try:
        tar = decompressing(MeteredFile(raw, meter))
        head = tar.read(CHUNK)
        root = _root_entry(head)
    except InvalidInput as e:
        raise InvalidInput(f"{path}: {e}") from None
    except (OSError, EOFError, zstandard.ZstdError) as e:
        raise InvalidInput(f"{path} is not a readable archive: {e}") from None
    created = not _volumes.exists(t, volume)
    if created:
        _volumes.create(t, volume, "local", {}, {})
    replaced = False
    try:
        with helper_container(t, volume, read_only=False) as cid:
            if not created and not is_empty_in(t, cid):
                if not replace:
                    raise InvalidInput(f"volume {volume} is not empty; --replace empties it first")
                empty_in(t, cid, volume)
                replaced = True
            try:
                sent = _fill(t, cid, head, tar, root)
            except BaseException as e:
                if not replaced:
                    _try_empty(t, cid, volume)  # it was empty (or new): leave it so
                raise translate(e) from e
    except BaseException as e:
        if created:
            _try_remove(t, volume)
        if replaced and isinstance(e, Exception):
            why = str(e) if isinstance(e, VolguiError) else f"{type(e).__name__}: {e}"
            raise DataError(
                f"importing {path} into {volume} failed: {why}; the volume was emptied first "
                "and now holds part of the archive"
            ) from e
        raise
    return Imported(volume, sent, created, replaced)


def _root_entry(head: bytes) -> tarfile.TarInfo | None:
    """The archive's own entry for the volume root (``.``), if it starts with one.

    Reading the first header also proves the file is a tar before anything changes.
    """
    try:
        with tarfile.open(fileobj=io.BytesIO(head), mode="r|") as probe:
            first = probe.next()
    except tarfile.ReadError as e:
        raise InvalidInput(f"not a tar archive (nor a .tar.gz or .tar.zst one): {e}") from None
    if first is not None and first.isdir() and tarmap.relative(first.name) == ".":
        return first
    return None


def _fill(t: Transport, cid: str, head: bytes, tar: IO[bytes], root: tarfile.TarInfo | None) -> int:
    """Send the archive as it is to /volume (the engine unpacks it and refuses names
    outside), then the root entry's mode and owner to the volume root itself (the
    engine's untar skips a ``.`` entry). Return the archive's bytes."""
    sent = [0]

    def chunks() -> Iterator[bytes]:
        block = head
        while block:
            sent[0] += len(block)
            yield block
            block = tar.read(CHUNK)

    put_stream(t, cid, "/volume", chunks())
    if root is not None:
        t.call(t.api.put_archive, cid, "/", _root_tar(root))
    return sent[0]


def _root_tar(root: tarfile.TarInfo) -> bytes:
    entry = copy.copy(root)
    entry.name = "volume"
    entry.pax_headers = {k: v for k, v in root.pax_headers.items() if k not in ("path", "linkpath")}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as out:
        out.addfile(entry)
    return buf.getvalue()


def _try_empty(t: Transport, cid: str, volume: str) -> None:
    try:
        empty_in(t, cid, volume)
    except VolguiError:
        pass


def _try_remove(t: Transport, volume: str) -> None:
    try:
        _volumes.remove(t, volume)
    except VolguiError:
        pass
