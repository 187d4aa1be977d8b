"""Copy a volume to another engine, streamed from one to the other (nothing on disk).

The copy gets the source's driver and labels; driver options are left out
(they name things of the source's host, such as a device or an NFS export).
"""

from __future__ import annotations

import threading

from volgui.engine import volumes as _volumes
from volgui.engine.data.clone import settings_of, transfer
from volgui.engine.data.streams import ProgressFn
from volgui.engine.errors import InvalidInput
from volgui.engine.transport import Transport


def copy_volume(
    t: Transport,
    target_t: Transport,
    volume: str,
    as_name: str | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    replace: bool = False,
) -> int:
    """Copy ``volume`` to the engine of ``target_t`` (as ``as_name``); return the bytes streamed.

    ``replace``: an existing target volume is emptied and filled (asked first by the UI)."""
    if target_t.address == t.address and (as_name or volume) == volume:
        raise InvalidInput("that is the same engine and the same name; use clone instead")
    raw = _volumes.inspect(t, volume)
    settings = settings_of(raw, keep_options=False)
    return transfer(t, raw, target_t, as_name or volume, settings, progress, cancel, replace)
