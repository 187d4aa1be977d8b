"""The details pane: everything about the one selected volume or container.

A volume: driver, mountpoint, options, labels, size if computed, and the
containers using it with destination and read-only. A container: its
mounts; the pane inspects that one container (off the GUI thread) because
``--tmpfs`` mounts appear only there, not in the list endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from volgui.engine import Container, Engine, Snapshot, Volume
from volgui.ui import colours, tasks
from volgui.ui import format as fmt
from volgui.ui.container_table import mount_source

OBJECT_NAME = "detailsPane"


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td class='key' style='padding-right:12px'>{escape(k)}</td><td>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _pairs(d: Mapping[str, str]) -> str:
    if not d:
        return "<span class='muted'>none</span>"
    return "<br>".join(f"<code>{escape(k)}</code> = {escape(v)}" for k, v in sorted(d.items()))


class DetailsPane(QTextBrowser):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.engine = engine
        self.setOpenLinks(False)
        self._inspect: tasks.Task | None = None
        self._tmpfs: dict[str, dict[str, str]] = {}  # container id -> HostConfig.Tmpfs
        self._html = ""
        self.subject: str | None = None  # volume name or container id shown
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
        super().changeEvent(event)

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
        self._set_html(
            "<p class='muted'>Select a volume or a container to see its details.<br>"
            "Selecting one highlights what it is mounted with.</p>"
        )

    def show_volume(self, v: Volume, snap: Snapshot, size: int | None = None) -> None:
        self._switch(v.name)
        users = []
        for c in snap.users_of(v.name):
            for m in c.mounts:
                if m.type == "volume" and m.source == v.name:
                    mode = "read-only" if m.read_only else "read-write"
                    users.append(
                        f"<tr><td><b>{escape(c.name)}</b></td><td>{escape(c.state)}</td>"
                        f"<td><code>{escape(m.destination)}</code></td><td>{mode}</td></tr>"
                    )
        if users:
            head = "<tr><th align=left>container</th><th align=left>state</th>"
            head += "<th align=left>destination</th><th align=left>mode</th></tr>"
            used = f"<table cellspacing='0' cellpadding='3'>{head}{''.join(users)}</table>"
        else:
            used = "<p class='muted'>No container uses this volume.</p>"
        kind = " <i>(anonymous)</i>" if v.anonymous else ""
        rows = [
            ("Driver", escape(v.driver)),
            ("Scope", escape(v.scope)),
            ("Mountpoint", f"<code>{escape(v.mountpoint)}</code>"),
            ("Created", f"{escape(fmt.ago(v.created_at))} ({escape(fmt.date(v.created_at))})"),
            ("Size", escape(fmt.size(size))),
            ("Options", _pairs(v.options)),
            ("Labels", _pairs(v.labels)),
        ]
        self._set_html(
            f"<h3 style='margin-bottom:4px'>Volume {escape(v.name)}{kind}</h3>{_table(rows)}"
            f"<h4 style='margin-bottom:2px'>Used by {len(v.used_by)} container(s)</h4>{used}"
        )

    def show_container(self, c: Container) -> None:
        """Show ``c``; inspect it once (its ``--tmpfs`` mounts) unless known."""
        self._switch(c.id)
        self._render_container(c, self._tmpfs.get(c.id))
        if c.id in self._tmpfs or self._inspect is not None:
            return
        self._inspect = tasks.run(
            self, f"Inspecting container {c.name}", self.engine.inspect_container, c.id
        ).done(lambda data, c=c: self._inspected(c, data))
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
            mode = "read-only" if m.read_only else "read-write"
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
                    f"<td><code>{escape(dest)}</code></td><td>read-write</td></tr>"
                )
        head = "<tr><th align=left>type</th><th align=left>source</th>"
        head += "<th align=left>destination</th><th align=left>mode</th></tr>"
        mounts = (
            f"<table cellspacing='0' cellpadding='3'>{head}{''.join(lines)}</table>"
            if lines
            else "<p class='muted'>No mounts.</p>"
        )
        rows = [
            ("Id", f"<code>{escape(c.short_id)}</code>"),
            ("Image", escape(c.image)),
            ("State", escape(c.status or c.state)),
            ("Labels", _pairs(c.labels)),
        ]
        note = "" if tmpfs is not None else "<p class='muted'>Inspecting…</p>"
        self._set_html(
            f"<h3 style='margin-bottom:4px'>Container {escape(c.name)}</h3>{_table(rows)}"
            f"<h4 style='margin-bottom:2px'>Mounts</h4>{mounts}{note}"
        )

    def _cancel(self) -> None:
        if self._inspect is not None:
            self._inspect.cancel()
            self._inspect = None
