"""Export a volume to a tar file (or stdout), compressed on the fly.

The file is written next to its final name and renamed into place at the
end, so a failure or a cancel leaves no half-written archive behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from typing import IO

from volgui.engine import volumes as _volumes
from volgui.engine.data import tarmap
from volgui.engine.data.formats import compressing, format_of
from volgui.engine.data.helper import helper_container
from volgui.engine.data.streams import STREAM_ERRORS, Meter, ProgressFn
from volgui.engine.data.transfer import get_stream, translate
from volgui.engine.errors import DataError, InvalidInput
from volgui.engine.transport import Transport


def export_volume(
    t: Transport,
    volume: str,
    path: str,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Write ``volume`` to ``path`` (``-``: stdout); return the number of entries."""
    _volumes.inspect(t, volume)  # a missing volume is refused before anything is made
    kind = format_of(path)
    if path == "-":
        return _export_to(t, volume, sys.stdout.buffer, kind, progress, cancel)
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise InvalidInput(f"{path} is a directory; give a file name")
    try:
        fd, partial = tempfile.mkstemp(prefix=".volgui-export-", dir=folder)
    except OSError as e:
        raise DataError(f"cannot write into {folder}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            count = _export_to(t, volume, out, kind, progress, cancel)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, path)
    except BaseException as e:
        os.unlink(partial)
        if isinstance(e, OSError) and not isinstance(e, STREAM_ERRORS) and e.errno:
            raise DataError(f"cannot write {path}: {e.strerror}; nothing was kept") from None
        raise translate(e) from None
    return count


def _export_to(
    t: Transport,
    volume: str,
    out: IO[bytes],
    kind: str,
    progress: ProgressFn | None,
    cancel: threading.Event | None,
) -> int:
    meter = Meter(progress, cancel)
    meter.check()
    with helper_container(t, volume) as cid:
        src = get_stream(t, cid, "/volume/.", meter)
        try:
            packed = compressing(out, kind)
            with tarmap.open_reading(src) as tin:
                count = tarmap.copy_entries(tin, packed, tarmap.exported, meter)
            packed.close()
        except BaseException as e:
            raise translate(e) from e
        finally:
            src.close()
    return count


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
