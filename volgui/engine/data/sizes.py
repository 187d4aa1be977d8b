"""Bytes used per volume, from ``/system/df`` (the engine walks every volume: slow).

Engines before API 1.52 list volumes under ``Volumes``; newer ones under
``VolumeUsage.Items``. Both are read; -1 where the engine could not tell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from volgui.engine.transport import Transport


def sizes_from_df(df: Mapping[str, Any]) -> dict[str, int]:
    """Volume name -> bytes, from a ``/system/df`` answer of either shape."""
    listed: list[Mapping[str, Any]] = list(df.get("Volumes") or [])
    listed += list((df.get("VolumeUsage") or {}).get("Items") or [])
    result: dict[str, int] = {}
    for v in listed:
        usage = v.get("UsageData") or {}
        size = usage.get("Size", v.get("Size", -1))
        result[v["Name"]] = int(size if size is not None else -1)
    return result


def volume_sizes(t: Transport, names: Iterable[str] | None = None) -> dict[str, int]:
    """Bytes per volume (only ``names`` if given; a missing one is left out)."""
    found = sizes_from_df(t.call(t.api.df))
    if names is None:
        return found
    return {n: found[n] for n in names if n in found}
