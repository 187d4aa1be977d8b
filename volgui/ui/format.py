"""How values read in the tables and the details pane: ages, sizes, labels."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from volgui.engine.model import Volume


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 minutes ago', '3 days ago' ..."""
    if when is None:
        return ""
    now = now or datetime.now(UTC)
    seconds = int((now - when).total_seconds())
    if seconds < 45:
        return "just now"
    for unit, size in (
        ("year", 31536000),
        ("month", 2592000),
        ("week", 604800),
        ("day", 86400),
        ("hour", 3600),
        ("minute", 60),
    ):
        n = seconds // size
        if n >= 1:
            return f"{n} {unit}{'s' if n > 1 else ''} ago"
    return "just now"


def date(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z") if when else ""


def size(n: int | None) -> str:
    """'—' when unknown, else bytes in binary units: '12.3 MiB'."""
    if n is None or n < 0:
        return "—"
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def pairs(d: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={v}" if v else k for k, v in sorted(d.items()))


def volume_name(v: Volume) -> str:
    """Anonymous volumes are 64 hex digits: show the first 12, like short ids."""
    return f"{v.display_name} (anonymous)" if v.anonymous else v.name


def count(n: int, noun: str) -> str:
    """``1 volume``, ``2 volumes``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
