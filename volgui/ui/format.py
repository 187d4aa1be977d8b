"""How values read in the tables and the details pane: ages, sizes, labels.

Words go through Qt's translator (context ``Format``); numbers, dates and
sizes through the default ``QLocale``, which ``i18n.install`` sets to the
window's language: "3 days ago" / "3일 전", "11.8 MiB".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, QObject

from volgui.engine.model import Volume


class Format(QObject):
    """This module's words. A QObject only so ``tr()`` and lupdate agree on a context."""

    def ago(self, seconds: int) -> str:
        units: tuple[tuple[int, Callable[[int], str]], ...] = (
            (31536000, lambda n: self.tr("%n year(s) ago", "", n)),
            (2592000, lambda n: self.tr("%n month(s) ago", "", n)),
            (604800, lambda n: self.tr("%n week(s) ago", "", n)),
            (86400, lambda n: self.tr("%n day(s) ago", "", n)),
            (3600, lambda n: self.tr("%n hour(s) ago", "", n)),
            (60, lambda n: self.tr("%n minute(s) ago", "", n)),
        )
        if seconds >= 45:
            for size, text in units:
                if seconds >= size:
                    return text(seconds // size)
        return self.tr("just now")

    def count(self, n: int, noun: str) -> str | None:
        if noun == "volume":
            return self.tr("%n volume(s)", "", n)
        if noun == "container":
            return self.tr("%n container(s)", "", n)
        return None

    def anonymous(self, name: str) -> str:
        return self.tr("{name} (anonymous)").format(name=name)


_words = Format()


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 minutes ago', '3 days ago' ... in the window's language."""
    if when is None:
        return ""
    now = now or datetime.now(UTC)
    return _words.ago(int((now - when).total_seconds()))


def date(when: datetime | None) -> str:
    """The local date and time with seconds, written the locale's way."""
    if when is None:
        return ""
    loc = QLocale()
    day = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in day:
        day = day.replace("yy", "yyyy")
    clock = loc.timeFormat(QLocale.FormatType.ShortFormat).replace("mm", "mm:ss")
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return loc.toString(moment, f"{day} {clock} t")


def size(n: int | None) -> str:
    """'—' when unknown, else bytes in binary units the locale's way: '12.3 MiB'."""
    if n is None or n < 0:
        return "—"
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeIecFormat)


def pairs(d: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={v}" if v else k for k, v in sorted(d.items()))


def volume_name(v: Volume) -> str:
    """Anonymous volumes are 64 hex digits: show the first 12, like short ids."""
    return _words.anonymous(v.display_name) if v.anonymous else v.name


def count(n: int, noun: str) -> str:
    """``1 volume``, ``2 volumes`` ("볼륨 2개") for "volume" and "container"; any
    other noun (not translated) gets an English 's'. New code: ``self.tr("%n
    thing(s)", "", n)`` in its own class rather than a noun passed in here."""
    counted = _words.count(n, noun)
    return counted if counted is not None else f"{n} {noun}{'' if n == 1 else 's'}"
