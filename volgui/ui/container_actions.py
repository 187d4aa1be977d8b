"""What the window does to containers: start, stop, restart, copy the run line,
Mounts…, Duplicate…, Remove, a new container, and a volume dropped on one.

The window only wires this in (:func:`install`); rows and graph nodes share
the actions, which work on ``window.selected_containers()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt
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

# The actions' texts, marked for lupdate and translated when shown (retranslate).
CONTAINER_TEXTS: dict[str, str] = {
    "start": QT_TRANSLATE_NOOP("ContainerActions", "Start"),
    "stop": QT_TRANSLATE_NOOP("ContainerActions", "Stop"),
    "restart": QT_TRANSLATE_NOOP("ContainerActions", "Restart"),
    "copy_run": QT_TRANSLATE_NOOP("ContainerActions", "Copy docker run command"),
    "mounts": QT_TRANSLATE_NOOP("ContainerActions", "Mounts…"),
    "duplicate": QT_TRANSLATE_NOOP("ContainerActions", "Duplicate…"),
    "remove": QT_TRANSLATE_NOOP("ContainerActions", "Remove"),
    "new": QT_TRANSLATE_NOOP("ContainerActions", "New container…"),
}


def _tr(text: str) -> str:
    """A text marked ``QT_TRANSLATE_NOOP("ContainerActions", ...)``, translated now."""
    return QCoreApplication.translate("ContainerActions", text)


class ContainerActions:
    """The container actions of one window, and the run dialogs it opens."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.engine = window.engine
        self.dialog: RunDialog | None = None  # the last one opened (tests, bench)
        self._names: tuple[object, list[str]] = (None, [])  # (snapshot, its named volumes)
        self.actions: dict[str, QAction] = {}
        for key, slot in (
            ("start", self.start),
            ("stop", self.stop),
            ("restart", self.restart),
            ("copy_run", self.copy_run),
            ("mounts", self.mounts),
            ("duplicate", self.duplicate),
            ("remove", self.remove),
            ("new", lambda: self.open_new()),
        ):
            action = QAction(window)
            action.setObjectName(f"container_{key}")
            action.setShortcut(QKeySequence(CONTAINER_SHORTCUTS[key]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.actions[key] = action
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' texts in the window's language (the window calls this)."""
        for key, action in self.actions.items():
            action.setText(_tr(CONTAINER_TEXTS[key]))

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
        """``verb`` is "Starting {name}" and the like, translated by the caller."""
        for c in self._selected():
            what = verb.format(name=c.name)
            done = QCoreApplication.translate("ContainerActions", "{what}: done").format(what=what)
            tasks.run(self.window, what, fn, c.id).done(lambda _r, done=done: self._changed(done))

    def _changed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        self.window.refresh()

    def start(self) -> None:
        self._each(
            QCoreApplication.translate("ContainerActions", "Starting {name}"),
            self.engine.start_container,
        )

    def stop(self) -> None:
        self._each(
            QCoreApplication.translate("ContainerActions", "Stopping {name}"),
            self.engine.stop_container,
        )

    def restart(self) -> None:
        self._each(
            QCoreApplication.translate("ContainerActions", "Restarting {name}"),
            self.engine.restart_container,
        )

    def copy_run(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        c = chosen[-1]

        def copied(spec: RunSpec) -> None:
            QGuiApplication.clipboard().setText(spec.to_command())
            message = QCoreApplication.translate(
                "ContainerActions", "Copied the docker run line of {name}"
            ).format(name=c.name)
            self.window.statusBar().showMessage(message, 8000)

        tasks.run(self.window, self._reading(c), self.engine.container_spec, c.id).done(copied)

    def mounts(self) -> RunDialog | None:
        chosen = self._selected()
        return self.open_change(chosen[-1].id) if chosen else None

    def duplicate(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        c, engine = chosen[-1], self.engine

        def read(spec: RunSpec) -> None:
            if self.engine is not engine:  # another engine is shown now: not made there
                message = QCoreApplication.translate(
                    "ContainerActions",
                    "Duplicate of {name} not opened: another engine is shown now",
                ).format(name=c.name)
                self.window.statusBar().showMessage(message, 8000)
                return
            self.open_new(spec=replace(spec, name=f"{c.name}-copy"))

        tasks.run(self.window, self._reading(c), engine.container_spec, c.id).done(read)

    @staticmethod
    def _reading(c: Container) -> str:
        return QCoreApplication.translate(
            "ContainerActions", "Reading the settings of {name}"
        ).format(name=c.name)

    def remove(self) -> QMessageBox | None:
        chosen = self._selected()
        if not chosen:
            return None
        names = ", ".join(c.name for c in chosen)
        kept = sorted(
            {m.source for c in chosen for m in c.mounts if m.type == "volume" and m.source}
        )
        if len(chosen) > 1:
            question = QCoreApplication.translate("ContainerActions", "Remove containers {names}?")
        else:
            question = QCoreApplication.translate("ContainerActions", "Remove container {names}?")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("ContainerActions", "Remove containers"),
            question.format(names=names),
            parent=self.window,
        )
        box.setObjectName("confirmRemoveContainer")
        running = [c.name for c in chosen if c.running]
        words = []
        if running:
            words.append(
                QCoreApplication.translate(
                    "ContainerActions", "{names} will be stopped first."
                ).format(names=", ".join(running))
            )
        if kept:
            words.append(
                QCoreApplication.translate(
                    "ContainerActions", "The volumes stay, with their data: {names}."
                ).format(names=", ".join(kept))
            )
        else:
            words.append(
                QCoreApplication.translate(
                    "ContainerActions",
                    "It mounts no volume; what it wrote in its own layer is lost.",
                )
            )
        box.setInformativeText(" ".join(words))
        yes = box.addButton(_tr(CONTAINER_TEXTS["remove"]), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: (
                box.clickedButton() is yes
                and self._each(
                    QCoreApplication.translate("ContainerActions", "Removing {name}"),
                    self.engine.remove_container,
                )
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
            QCoreApplication.translate(
                "ContainerActions", "Waiting for {what} to finish (or roll back) before closing"
            ).format(what=what),
            0,
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "volgui",
            QCoreApplication.translate(
                "ContainerActions",
                "A change is under way ({what}). volgui closes as soon as it has finished "
                "or rolled back; the old container is never left half replaced.",
            ).format(what=what),
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
