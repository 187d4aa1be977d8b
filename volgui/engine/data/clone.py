"""Clone a volume: a new volume with the same driver, options, labels and files.

The source is read through a read-only helper while its users keep
running (what they write meanwhile may or may not be in the copy); the new
volume is removed again if anything fails.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

from volgui.engine import volumes as _volumes
from volgui.engine.data.empty import empty_in
from volgui.engine.data.helper import helper_container
from volgui.engine.data.restore import _root_entry, _root_tar
from volgui.engine.data.streams import CHUNK, Meter, ProgressFn
from volgui.engine.data.transfer import put_stream, translate
from volgui.engine.errors import DataError, InvalidInput, VolguiError, VolumeExists
from volgui.engine.transport import Transport
from volgui.engine.validate import check_name

HEAD = 64 * 1024  # bytes read before the first entry is looked at


def clone_volume(
    t: Transport,
    source: str,
    target: str,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Make ``target`` a copy of ``source`` on the same engine; return the bytes streamed."""
    raw = _volumes.inspect(t, source)
    return transfer(t, raw, t, target, settings_of(raw, keep_options=True), progress, cancel)


def settings_of(raw: Mapping[str, Any], keep_options: bool) -> dict[str, Any]:
    return {
        "driver": raw.get("Driver") or "local",
        "options": dict(raw.get("Options") or {}) if keep_options else {},
        "labels": dict(raw.get("Labels") or {}),
    }


def transfer(
    src_t: Transport,
    src_raw: Mapping[str, Any],
    dst_t: Transport,
    target: str,
    settings: Mapping[str, Any],
    progress: ProgressFn | None,
    cancel: threading.Event | None,
    replace: bool = False,
) -> int:
    """Create ``target`` on ``dst_t`` and stream ``src_raw``'s files into it.

    An existing ``target`` is refused unless ``replace`` (the user agreed):
    then it is emptied and filled, keeping its own driver and labels.
    """
    source = src_raw["Name"]
    check_name(target, "volume")
    if source == target and src_t is dst_t:
        raise InvalidInput("source and target are the same volume")
    if _volumes.exists(dst_t, target):
        if not replace:
            raise VolumeExists(target)
        return _refill(src_t, source, dst_t, target, Meter(progress, cancel))
    meter = Meter(progress, cancel)
    meter.check()
    _volumes.create(dst_t, target, settings["driver"], settings["options"], settings["labels"])
    try:
        with (
            helper_container(src_t, source) as src_cid,
            helper_container(dst_t, target, read_only=False) as dst_cid,
        ):
            return _stream(src_t, src_cid, dst_t, dst_cid, meter)
    except BaseException as e:
        try:
            _volumes.remove(dst_t, target)
        except VolguiError as gone:
            if not isinstance(e, Exception):
                raise
            why = str(e) if isinstance(e, VolguiError) else f"{type(e).__name__}: {e}"
            raise DataError(
                f"{why}; volume {target} on {dst_t.address} is left half-made and could not be "
                f"removed ({gone}): remove it there"
            ) from e
        raise


def _refill(src_t: Transport, source: str, dst_t: Transport, target: str, meter: Meter) -> int:
    """Empty the existing ``target`` and stream ``source`` into it (the user agreed)."""
    meter.check()
    with (
        helper_container(src_t, source) as src_cid,
        helper_container(dst_t, target, read_only=False) as dst_cid,
    ):
        empty_in(dst_t, dst_cid, target)
        try:
            return _stream(src_t, src_cid, dst_t, dst_cid, meter)
        except VolguiError as e:
            raise DataError(f"{e}; volume {target} was emptied and is partly filled") from e


def _stream(src_t: Transport, src_cid: str, dst_t: Transport, dst_cid: str, meter: Meter) -> int:
    """Forward the source's tar to the target byte for byte; return the bytes.

    ``GET`` of ``/volume/.`` names its entries ``.``, ``./a`` …, which a ``PUT``
    to ``/volume`` unpacks into the volume on Docker and on Podman alike (a PUT
    to ``/`` of ``volume/a`` … lands in Podman's container layer, not in the
    volume). The engine's untar skips the ``.`` entry, so the root's own mode
    and owner follow in a one-entry tar, as an import does. Nothing else is
    parsed on the way.
    """
    chunks, _stat = src_t.call(src_t.api.get_archive, src_cid, "/volume/.", chunk_size=CHUNK)
    head = bytearray()
    for chunk in chunks:  # enough to read the first entry (a pax header may precede it)
        head += chunk
        if len(head) >= HEAD:
            break

    def metered() -> Iterator[bytes]:
        meter.add(len(head))
        yield bytes(head)
        for chunk in chunks:
            meter.add(len(chunk))
            yield chunk

    try:
        root = _root_entry(bytes(head)) if head else None
        put_stream(dst_t, dst_cid, "/volume", metered())
        if root is not None:
            dst_t.call(dst_t.api.put_archive, dst_cid, "/", _root_tar(root))
    except BaseException as e:
        raise translate(e) from e
    finally:
        chunks.close()
    return meter.done
