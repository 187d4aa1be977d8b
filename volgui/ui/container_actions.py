"""What the window does to containers: start, stop, restart, copy the run line,
Mounts…, Duplicate…, Remove, a new container, and a volume dropped on one.

The window only wires this in (:func:`install`); rows and graph nodes share
the actions, which work on ``window.selected_containers()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from volgui.engine.model import Container
from volgui.engine.runspec import RunSpec
from volgui.ui import tasks
from volgui.ui.run_dialog.dialog import RunDialog
from volgui.ui.run_dialog.empty_drop import EmptySpaceDrop

if TYPE_CHECKING:
    from volgui.ui.main_window import MainWindow

# The container keys, in one place (active in the container table and the graph).
CONTAINER_SHORTCUTS: dict[str, str] = {
    "start": "Ctrl+Alt+S",
    "stop": "Ctrl+Alt+X",
    "restart": "Ctrl+Alt+R",
    "copy_run": "Ctrl+Shift+C",
    "mounts": "Ctrl+M",
    "duplicate": "Ctrl+D",
    "remove": "Del",
    "new": "Ctrl+Shift+N",
}


class ContainerActions:
    """The container actions of one window, and the run dialogs it opens."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.engine = window.engine
        self.dialog: RunDialog | None = None  # the last one opened (tests, bench)
        self._names: tuple[object, list[str]] = (None, [])  # (snapshot, its named volumes)
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("start", "Start", self.start),
            ("stop", "Stop", self.stop),
            ("restart", "Restart", self.restart),
            ("copy_run", "Copy docker run command", self.copy_run),
            ("mounts", "Mounts…", self.mounts),
            ("duplicate", "Duplicate…", self.duplicate),
            ("remove", "Remove", self.remove),
            ("new", "New container…", lambda: self.open_new()),
        ):
            action = QAction(text, window)
            action.setObjectName(f"container_{key}")
            action.setShortcut(QKeySequence(CONTAINER_SHORTCUTS[key]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.actions[key] = action

    def add_to(self, menu: QMenu) -> None:
        for key in ("start", "stop", "restart"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        for key in ("copy_run", "mounts", "duplicate"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        menu.addAction(self.actions["remove"])

    # -- the selection ------------------------------------------------------------

    def _selected(self) -> list[Container]:
        snap = self.window.snapshot
        return [c for key in self.window.selected_containers() if (c := snap.container(key))]

    def _each(self, verb: str, fn: Callable[[str], Any]) -> None:
        for c in self._selected():
            tasks.run(self.window, f"{verb} {c.name}", fn, c.id).done(
                lambda _r, c=c: self._changed(f"{verb} {c.name}: done")
            )

    def _changed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        self.window.refresh()

    def start(self) -> None:
        self._each("Starting", self.engine.start_container)

    def stop(self) -> None:
        self._each("Stopping", self.engine.stop_container)

    def restart(self) -> None:
        self._each("Restarting", self.engine.restart_container)

    def copy_run(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        c = chosen[-1]

        def copied(spec: RunSpec) -> None:
            QGuiApplication.clipboard().setText(spec.to_command())
            self.window.statusBar().showMessage(f"Copied the docker run line of {c.name}", 8000)

        tasks.run(
            self.window, f"Reading the settings of {c.name}", self.engine.container_spec, c.id
        ).done(copied)

    def mounts(self) -> RunDialog | None:
        chosen = self._selected()
        return self.open_change(chosen[-1].id) if chosen else None

    def duplicate(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        c = chosen[-1]
        tasks.run(
            self.window, f"Reading the settings of {c.name}", self.engine.container_spec, c.id
        ).done(lambda spec: self.open_new(spec=replace(spec, name=f"{c.name}-copy")))

    def remove(self) -> QMessageBox | None:
        chosen = self._selected()
        if not chosen:
            return None
        names = ", ".join(c.name for c in chosen)
        kept = sorted(
            {m.source for c in chosen for m in c.mounts if m.type == "volume" and m.source}
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove containers",
            f"Remove container{'s' if len(chosen) > 1 else ''} {names}?",
            parent=self.window,
        )
        box.setObjectName("confirmRemoveContainer")
        running = [c.name for c in chosen if c.running]
        words = []
        if running:
            words.append(f"{', '.join(running)} will be stopped first.")
        if kept:
            words.append(f"The volumes stay, with their data: {', '.join(kept)}.")
        else:
            words.append("It mounts no volume; what it wrote in its own layer is lost.")
        box.setInformativeText(" ".join(words))
        yes = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: (
                box.clickedButton() is yes and self._each("Removing", self.engine.remove_container)
            )
        )
        box.open()
        return box

    # -- the run dialog -------------------------------------------------------------

    def _volume_names(self) -> list[str]:
        snap = self.window.snapshot
        if self._names[0] is not snap:  # once per snapshot, not once per drop
            self._names = (snap, sorted(v.name for v in snap.volumes if not v.anonymous))
        return self._names[1]

    def _dialog(self, container: Container | None) -> RunDialog:
        info = self.window.info
        dialog = RunDialog(
            self.engine,
            self.window.snapshot,
            container,
            api_version=info.api_version if info else None,
            parent=self.window,
            volume_names=self._volume_names(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.status.connect(lambda text: self.window.statusBar().showMessage(text, 10_000))
        dialog.applied.connect(self.select_when_shown)
        self.dialog = dialog
        return dialog

    def open_change(self, container_id: str, volume: str | None = None) -> RunDialog | None:
        """Change mode for a container (a drop, or Mounts…), opened with ``open()``."""
        c = self.window.snapshot.container(container_id)
        if c is None:
            return None
        dialog = self._dialog(c)
        dialog.start_change(volume)
        dialog.open()
        if volume:  # open() gives the dialog the focus: the destination takes it back
            rows = dialog.form.mounts
            if rows.highlighted is not None and not rows.rows[rows.highlighted].fixed:
                rows.focus_destination(rows.highlighted)
        return dialog

    def open_new(self, volume: str | None = None, spec: RunSpec | None = None) -> RunDialog:
        dialog = self._dialog(None)
        dialog.start_new(spec, volume)
        dialog.open()
        if volume and dialog.form.mounts.highlighted is not None:
            dialog.form.mounts.focus_destination(dialog.form.mounts.highlighted)
        return dialog

    def select_when_shown(self, container_id: str) -> None:
        """Select the new container as soon as a refresh brings it into the table."""
        window = self.window

        def try_select(_snap: object = None) -> None:
            if window.select_container(container_id):
                window.snapshot_changed.disconnect(try_select)

        window.snapshot_changed.connect(try_select)
        window.refresh()

    # -- closing while a change runs (DESIGN 4b) -------------------------------------

    def hold_close(self) -> bool:
        """True (and the window closes later by itself) while a dialog applies a change:
        a recreate is not cut off halfway; it finishes, or fails and rolls back, first."""
        busy = [d for d in self.window.findChildren(RunDialog) if d.job.running]
        if not busy:
            return False
        what = ", ".join(d.windowTitle() for d in busy)
        self.window.statusBar().showMessage(
            f"Waiting for {what} to finish (or roll back) before closing", 0
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "volgui",
            f"A change is under way ({what}). volgui closes as soon as it has finished "
            "or rolled back; the old container is never left half replaced.",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("closeWaits")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        for d in busy:
            d.job.settled.connect(self._close_when_idle)
        return True

    def _close_when_idle(self) -> None:
        if not any(d.job.running for d in self.window.findChildren(RunDialog)):
            self.window.close()

    # -- context menu on graph nodes ---------------------------------------------------

    def _graph_menu(self, pos: QPoint) -> None:
        graph = self.window.graph
        node = getattr(graph.itemAt(pos), "node", None)
        if node is None or node.kind != "container":
            return
        self.window.select_container(node.key)
        menu = QMenu(self.window)
        menu.setObjectName("containerNodeMenu")
        self.add_to(menu)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(graph.viewport().mapToGlobal(pos))


def install(window: MainWindow) -> ContainerActions:
    """Wire the container actions, drops and menus into ``window``."""
    actions = ContainerActions(window)
    table, graph = window.container_table, window.graph
    for widget in (table, graph):
        widget.addActions([a for k, a in actions.actions.items() if k != "new"])
    window.addAction(actions.actions["new"])
    graph.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    graph.viewport().customContextMenuRequested.connect(actions._graph_menu)
    # A volume dropped on empty space: new mode with it.
    table_drop = EmptySpaceDrop(
        table, lambda p: table.indexAt(p).isValid(), lambda: table._set_drop_row(None)
    )
    graph_drop = EmptySpaceDrop(
        graph, lambda p: graph.itemAt(p) is not None, lambda: graph.set_drop_target(None)
    )
    for drop in (table_drop, graph_drop):
        drop.dropped.connect(lambda volume: actions.open_new(volume=volume))
    return actions
