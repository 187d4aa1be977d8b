"""Archive formats: .tar, .tar.gz/.tgz and .tar.zst, compressed on the fly.

Writing picks the format from the file name; reading looks at the first
bytes, so a renamed file still imports. zstd is the ``zstandard`` package.
"""

from __future__ import annotations

import gzip
import io
from typing import IO, Any

import zstandard

from volgui.engine.errors import InvalidInput

SUFFIXES = {".tar": "tar", ".tar.gz": "gz", ".tgz": "gz", ".tar.zst": "zst", ".tzst": "zst"}
_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def format_of(path: str) -> str:
    """``tar``, ``gz`` or ``zst`` for a file name; ``-`` (stdout) is a plain tar."""
    if path == "-":
        return "tar"
    lower = path.lower()
    for suffix, kind in sorted(SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if lower.endswith(suffix):
            return kind
    raise InvalidInput(
        f"cannot tell the archive format of {path!r}: name it .tar, .tar.gz, .tgz or .tar.zst"
    )


def compressing(raw: IO[bytes], kind: str) -> Any:
    """A writable file that compresses into ``raw``; closing it does not close ``raw``."""
    if kind == "gz":
        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0)
    if kind == "zst":
        writer: Any = zstandard.ZstdCompressor(level=3).stream_writer(raw, closefd=False)
        return writer
    return _Unclosed(raw)


def decompressing(raw: Any) -> Any:
    """A readable file of the tar inside ``raw``, whatever compression it has."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    head = buffered.peek(4)[:4]
    if head.startswith(_GZIP_MAGIC):
        return gzip.GzipFile(fileobj=buffered, mode="rb")
    if head.startswith(_ZSTD_MAGIC):
        reader: Any = zstandard.ZstdDecompressor().stream_reader(
            buffered, read_across_frames=True, closefd=False
        )
        return reader
    return buffered


class _Unclosed(io.RawIOBase):
    """``raw`` for writing, left open when this wrapper closes."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self._raw.write(b)
        return len(b)

    def flush(self) -> None:
        self._raw.flush()
