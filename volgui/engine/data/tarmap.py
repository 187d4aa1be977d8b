"""Re-tar a stream entry by entry, renaming entries; data is copied in chunks.

The engine's ``GET …/archive`` of ``/volume/.`` names entries ``.``, ``./a``
… ; an export names them relative to the volume root (``.``, ``a``, ``a/b``);
a ``PUT`` to ``/`` of a helper whose volume is at ``/volume`` wants
``volume``, ``volume/a`` …, so that the root's own mode and owner land on the
volume root too (a ``.`` entry is skipped by the engine's untar).
"""

from __future__ import annotations

import posixpath
import tarfile
from collections.abc import Callable
from typing import IO, Any

from volgui.engine.data.streams import CHUNK, Meter
from volgui.engine.errors import InvalidInput

Rename = Callable[[str], str]


def relative(name: str) -> str:
    """An entry name relative to the volume root: ``.`` for the root itself.

    Refuses names that would leave the volume (``..``), as a restore must.
    """
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise InvalidInput(f"archive entry {name!r} points outside the volume; refusing it")
    return "/".join(parts) or "."


def exported(name: str) -> str:
    """The name an export gives the engine's entry (``./a/b`` -> ``a/b``)."""
    return relative(name)


def under(root: str) -> Rename:
    """Names for a ``PUT`` to ``/`` of a helper with the volume at ``/root``."""

    def rename(name: str) -> str:
        rel = relative(name)
        return root if rel == "." else posixpath.join(root, rel)

    return rename


def open_reading(src: Any) -> tarfile.TarFile:
    """A streamed tar reader; one clear line if ``src`` holds no tar at all."""
    try:
        return tarfile.open(fileobj=src, mode="r|", bufsize=CHUNK)
    except tarfile.ReadError as e:
        raise InvalidInput(f"not a tar archive (nor a .tar.gz or .tar.zst one): {e}") from None


def copy_entries(
    tin: tarfile.TarFile,
    dst: IO[bytes],
    rename: Rename,
    meter: Meter | None = None,
    first: tarfile.TarInfo | None = None,
) -> int:
    """Copy every entry of ``tin`` (``first`` already read) to a tar on ``dst``; return how many.

    Names (and hard-link targets) go through ``rename``; modes, owners,
    times, symlink targets and PAX names come along as they are.
    """
    count = 0
    with tarfile.open(
        fileobj=dst, mode="w|", format=tarfile.PAX_FORMAT, bufsize=CHUNK, encoding="utf-8"
    ) as tout:
        member = first if first is not None else tin.next()
        while member is not None:
            if meter is not None:
                meter.check()
            # A PAX header of the source would win over the new name: drop it (tobuf
            # writes a fresh one when the name needs it).
            member.pax_headers = {
                k: v for k, v in member.pax_headers.items() if k not in ("path", "linkpath")
            }
            member.name = rename(member.name)
            if member.islnk():
                member.linkname = rename(member.linkname)
            if member.isreg():
                tout.addfile(member, tin.extractfile(member))
            else:
                tout.addfile(member)
            count += 1
            member = tin.next()
    return count
