"""The details pane: everything about the one selected volume or container.

A volume: driver, mountpoint, options, labels, size if computed, and the
containers using it with destination and read-only. A container: its
mounts; the pane inspects that one container (off the GUI thread) because
``--tmpfs`` mounts appear only there, not in the list endpoint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from volgui.engine import Container, Engine, Snapshot, Volume
from volgui.ui import colours, tasks
from volgui.ui import format as fmt
from volgui.ui.container_table import mount_source, state_name

OBJECT_NAME = "detailsPane"


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td class='key' style='padding-right:12px'>{escape(k)}</td><td>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _pairs(d: Mapping[str, str], none: str) -> str:
    if not d:
        return f"<span class='muted'>{escape(none)}</span>"
    return "<br>".join(f"<code>{escape(k)}</code> = {escape(v)}" for k, v in sorted(d.items()))


def _head(*titles: str) -> str:
    return "<tr>" + "".join(f"<th align=left>{escape(t)}</th>" for t in titles) + "</tr>"


class DetailsPane(QTextBrowser):
    """The selected volume or container, described; re-rendered on a language change."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.engine = engine
        self.setOpenLinks(False)
        self._inspect: tasks.Task | None = None
        self._tmpfs: dict[str, dict[str, str]] = {}  # container id -> HostConfig.Tmpfs
        self._html = ""
        self.subject: str | None = None  # volume name or container id shown
        self._again: Callable[[], None] = self.show_nothing  # renders what is shown
        self._apply_palette()
        self.show_nothing()

    def _apply_palette(self) -> None:
        """Secondary text (keys, hints) in a colour derived from the palette."""
        muted = colours.muted(self.palette()).name()
        sheet = f".muted, .key {{ color: {muted}; }}"
        if sheet != self.document().defaultStyleSheet():
            self.document().setDefaultStyleSheet(sheet)
            if self._html:  # the style sheet applies when HTML is set: set it again
                self.setHtml(self._html)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Render what is shown again, in the window's language."""
        self._again()

    def _mode(self, read_only: bool) -> str:
        return self.tr("read-only") if read_only else self.tr("read-write")

    def _set_html(self, html: str) -> None:
        # A refresh re-renders the same subject: leave the text (and its scroll
        # position) alone unless something in it changed.
        if html != self._html:
            self._html = html
            self.setHtml(html)

    def _switch(self, subject: str | None) -> None:
        if subject != self.subject:
            self._cancel()
            self.subject = subject

    def show_nothing(self) -> None:
        self._switch(None)
        self._again = self.show_nothing
        first = escape(self.tr("Select a volume or a container to see its details."))
        second = escape(self.tr("Selecting one highlights what it is mounted with."))
        self._set_html(f"<p class='muted'>{first}<br>{second}</p>")

    def show_volume(self, v: Volume, snap: Snapshot, size: int | None = None) -> None:
        self._switch(v.name)
        self._again = lambda: self.show_volume(v, snap, size)
        none = self.tr("none")
        users = []
        for c in snap.users_of(v.name):
            for m in c.mounts:
                if m.type == "volume" and m.source == v.name:
                    mode = escape(self._mode(m.read_only))
                    users.append(
                        f"<tr><td><b>{escape(c.name)}</b></td><td>{escape(state_name(c.state))}</td>"
                        f"<td><code>{escape(m.destination)}</code></td><td>{mode}</td></tr>"
                    )
        if users:
            head = _head(
                self.tr("container"), self.tr("state"), self.tr("destination"), self.tr("mode")
            )
            used = f"<table cellspacing='0' cellpadding='3'>{head}{''.join(users)}</table>"
        else:
            nobody = self.tr("No container uses this volume.")
            used = f"<p class='muted'>{escape(nobody)}</p>"
        anonymous = self.tr("(anonymous)")
        kind = f" <i>{escape(anonymous)}</i>" if v.anonymous else ""
        created = f"{escape(fmt.ago(v.created_at))} ({escape(fmt.date(v.created_at))})"
        rows = [
            (self.tr("Driver"), escape(v.driver)),
            (self.tr("Scope"), escape(v.scope)),
            (self.tr("Mountpoint"), f"<code>{escape(v.mountpoint)}</code>"),
            (self.tr("Created"), created),
            (self.tr("Size"), escape(fmt.size(size))),
            (self.tr("Options"), _pairs(v.options, none)),
            (self.tr("Labels"), _pairs(v.labels, none)),
        ]
        title = escape(self.tr("Volume {name}").format(name=v.name))
        used_by = escape(self.tr("Used by %n container(s)", "", len(v.used_by)))
        self._set_html(
            f"<h3 style='margin-bottom:4px'>{title}{kind}</h3>{_table(rows)}"
            f"<h4 style='margin-bottom:2px'>{used_by}</h4>{used}"
        )

    def show_container(self, c: Container) -> None:
        """Show ``c``; inspect it once (its ``--tmpfs`` mounts) unless known."""
        self._switch(c.id)
        self._again = lambda: self._render_container(c, self._tmpfs.get(c.id))
        self._render_container(c, self._tmpfs.get(c.id))
        if c.id in self._tmpfs or self._inspect is not None:
            return
        what = self.tr("Inspecting container {name}").format(name=c.name)
        self._inspect = tasks.run(self, what, self.engine.inspect_container, c.id).done(
            lambda data, c=c: self._inspected(c, data)
        )
        # Gone meanwhile or engine away: the listed mounts are still right.
        self._inspect.fail(lambda _e, c=c: self._inspected(c, None))

    def _inspected(self, c: Container, data: dict[str, Any] | None) -> None:
        self._inspect = None
        tmpfs = dict(((data or {}).get("HostConfig") or {}).get("Tmpfs") or {})
        if data is not None:
            self._tmpfs[c.id] = tmpfs
        if self.subject == c.id:
            self._render_container(c, tmpfs)

    def _render_container(self, c: Container, tmpfs: dict[str, str] | None) -> None:
        lines = []
        for m in c.mounts:
            mode = escape(self._mode(m.read_only))
            lines.append(
                f"<tr><td>{escape(m.type)}</td><td><b>{escape(mount_source(m))}</b></td>"
                f"<td><code>{escape(m.destination)}</code></td><td>{mode}</td></tr>"
            )
        listed = {m.destination for m in c.mounts}
        for dest, opts in sorted((tmpfs or {}).items()):
            if dest not in listed:
                extra = f" ({escape(opts)})" if opts else ""
                lines.append(
                    f"<tr><td>tmpfs</td><td><b>tmpfs</b>{extra}</td>"
                    f"<td><code>{escape(dest)}</code></td><td>{escape(self._mode(False))}</td></tr>"
                )
        head = _head(self.tr("type"), self.tr("source"), self.tr("destination"), self.tr("mode"))
        no_mounts = self.tr("No mounts.")
        mounts = (
            f"<table cellspacing='0' cellpadding='3'>{head}{''.join(lines)}</table>"
            if lines
            else f"<p class='muted'>{escape(no_mounts)}</p>"
        )
        rows = [
            (self.tr("Id"), f"<code>{escape(c.short_id)}</code>"),
            (self.tr("Image"), escape(c.image)),
            (self.tr("State"), escape(c.status or state_name(c.state))),
            (self.tr("Labels"), _pairs(c.labels, self.tr("none"))),
        ]
        inspecting = escape(self.tr("Inspecting…"))
        note = "" if tmpfs is not None else f"<p class='muted'>{inspecting}</p>"
        title = escape(self.tr("Container {name}").format(name=c.name))
        heading = self.tr("Mounts")
        self._set_html(
            f"<h3 style='margin-bottom:4px'>{title}</h3>{_table(rows)}"
            f"<h4 style='margin-bottom:2px'>{escape(heading)}</h4>{mounts}{note}"
        )

    def _cancel(self) -> None:
        if self._inspect is not None:
            self._inspect.cancel()
            self._inspect = None
