"""The main window: volume and container tables, details, live updates.

It never talks to the engine itself: every call goes through ``tasks`` to a
worker thread, and ``engine/events.py`` follows the event stream on threads
of its own. One refresh runs at a time; notices that arrive meanwhile are
merged and applied after it, each on top of the snapshot before it.

For the mount graph (and anything else that shares the selection) the
window offers ``select_volume``/``select_container``, the signals below, and
``set_graph(widget)``, which puts a widget above the details pane.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine, EngineInfo, EngineUnavailable, Snapshot, VolguiError
from volgui.engine import events as engine_events
from volgui.engine.events import Notice
from volgui.engine.volumes import PruneResult
from volgui.ui import colours, container_actions, errors, icons, tasks
from volgui.ui import format as fmt
from volgui.ui.banner import EngineBanner
from volgui.ui.container_table import ContainerTable
from volgui.ui.details import DetailsPane
from volgui.ui.inspect_dialog import InspectDialog
from volgui.ui.mount_graph import MountGraphPanel
from volgui.ui.prune_dialog import PruneDialog
from volgui.ui.settings import app_settings
from volgui.ui.table_model import ItemRole, KeyRole
from volgui.ui.volume_dialog import VolumeDialog
from volgui.ui.volume_table import VolumeTable

# Every keyboard shortcut of the window, in one place. (Standard keys are
# turned into QKeySequence only once the application exists: the platform
# decides them.)
SHORTCUTS: dict[str, QKeySequence.StandardKey | str] = {
    "refresh": QKeySequence.StandardKey.Refresh,  # F5
    "filter": QKeySequence.StandardKey.Find,  # Ctrl+F
    "new_volume": QKeySequence.StandardKey.New,  # Ctrl+N
    "remove": QKeySequence.StandardKey.Delete,  # Delete, in the volume table
    "copy": QKeySequence.StandardKey.Copy,  # Ctrl+C, in a table
    "sizes": "Ctrl+Shift+S",
    "prune": "Ctrl+Shift+P",
    "quit": QKeySequence.StandardKey.Quit,  # Ctrl+Q
    "graph": "Ctrl+G",  # show or hide the mount graph
}


class _Relay(QObject):
    """Carries the event follower's callbacks (its thread) to the GUI thread."""

    notice = Signal(object)
    state = Signal(object)  # (up, error)


def _fetch(
    engine: Engine, base: Snapshot, notice: Notice, want_info: bool
) -> tuple[EngineInfo | None, Snapshot]:
    info = engine.info() if want_info else None
    return info, engine.apply_notice(base, notice)


class MainWindow(QMainWindow):
    """The application window.

    Signals: ``snapshot_changed(Snapshot)`` after each applied refresh,
    ``filled()`` once, when the first snapshot is on screen,
    ``volumes_selected(list[str])`` and ``containers_selected(list[str])``
    (names / full ids) when the user changes a table's selection,
    ``engine_state(bool)`` when the engine goes away or comes back.
    """

    snapshot_changed = Signal(object)
    filled = Signal()
    volumes_selected = Signal(list)
    containers_selected = Signal(list)
    engine_state = Signal(bool)

    # Retry delays while the engine is away: 1, 2, 4 ... up to retry_max seconds.
    retry_first = 1.0
    retry_max = 10.0

    def __init__(
        self,
        engine: Engine,
        settings: QSettings | None = None,
        follow_events: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        tasks.watch(engine)
        self.engine = engine
        self.settings = settings if settings is not None else app_settings()
        self.snapshot = Snapshot()
        self.info: EngineInfo | None = None
        self.engine_up = True
        self.refreshed_at: float | None = None
        self._filled = False
        self._refresh: tasks.Task | None = None
        self._pending: Notice | None = None
        self._sizes_task: tasks.Task | None = None
        self._syncing_selection = False
        self._retry_delay = self.retry_first
        self._retry_at = 0.0
        self._down_reason = ""
        self._closed = False

        self.setWindowTitle(f"volgui — {engine.address}")
        self._build_widgets()
        self._build_actions()
        self._build_graph()
        self.container_actions = container_actions.install(self)  # run dialog, issue 12
        self._build_status_bar()
        self._restore_settings()
        self._set_tab_order()
        self.volume_table.setFocus()

        self._retry_timer = QTimer(self, singleShot=True)
        self._retry_timer.timeout.connect(self.refresh)
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._update_banner)
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(self._update_status)
        self._clock.start()

        self._relay = _Relay(self)
        self._relay.notice.connect(self._on_notice, Qt.ConnectionType.QueuedConnection)
        self._relay.state.connect(self._on_stream_state, Qt.ConnectionType.QueuedConnection)
        self.follower: engine_events.Follower | None = None
        if follow_events:
            # The stream's first connection brings a resync notice: that is
            # the first refresh, taken after the stream opened (no gap).
            self.follower = engine.follow_events(
                self._relay.notice.emit, lambda up, err: self._relay.state.emit((up, err))
            )
            self.follower.start()
        else:
            self.refresh()

    # -- building ----------------------------------------------------------

    def _build_widgets(self) -> None:
        self.volume_table = VolumeTable()
        self.container_table = ContainerTable()
        self.volume_model = self.volume_table.source
        self.container_model = self.container_table.source
        self.details = DetailsPane(self.engine)
        self.banner = EngineBanner()
        self.banner.retry_now.connect(self.refresh)

        def titled(label: QLabel, widget: QWidget) -> QWidget:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(label)
            layout.addWidget(widget)
            return box

        self.volumes_title = QLabel("<b>Volumes</b>", objectName="volumesTitle")
        self.containers_title = QLabel("<b>Containers</b>", objectName="containersTitle")
        self.tables = QSplitter(Qt.Orientation.Vertical, objectName="tablesSplitter")
        self.tables.addWidget(titled(self.volumes_title, self.volume_table))
        self.tables.addWidget(titled(self.containers_title, self.container_table))
        self.tables.setStretchFactor(0, 3)
        self.tables.setStretchFactor(1, 2)
        # The side area: the mount graph goes on top (set_graph), details below.
        self.side = QSplitter(Qt.Orientation.Vertical, objectName="sideSplitter")
        self.side.addWidget(titled(QLabel("<b>Details</b>"), self.details))
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(self.tables)
        self.main_splitter.addWidget(self.side)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        for table, handler in (
            (self.volume_table, self._volume_selection_changed),
            (self.container_table, self._container_selection_changed),
        ):
            table.selectionModel().selectionChanged.connect(handler)
        self.volume_table.customContextMenuRequested.connect(self._volume_menu)
        self.container_table.customContextMenuRequested.connect(self._container_menu)
        self.volume_table.doubleClicked.connect(lambda _i: self.inspect_selected("volume"))
        self.container_table.doubleClicked.connect(lambda _i: self.inspect_selected("container"))

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
        icon: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            action.setShortcut(QKeySequence(SHORTCUTS[shortcut]))
        if icon is not None:
            action.setIcon(icons.icon(icon))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.rstrip('…')}" + (f" ({keys})" if keys else ""))
        return action

    def _build_actions(self) -> None:
        self.refresh_action = self._action(
            "Refresh", self.refresh, "refresh", "refresh", "Read everything again"
        )
        self.new_action = self._action("New volume…", self.new_volume, "new_volume", "volume-new")
        self.remove_action = self._action(
            "Remove",
            self.remove_selected,
            "remove",
            "volume-remove",
            "Remove the selected volumes",
        )
        # Delete must stay a text key in the filter box: scope it to the table.
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.volume_table.addAction(self.remove_action)
        self.prune_action = self._action(
            "Prune…",
            self.prune,
            "prune",
            "prune",
            "Remove volumes no container uses, after showing exactly which",
        )
        self.sizes_action = self._action(
            "Compute sizes",
            self.compute_sizes,
            "sizes",
            "sizes",
            "Ask the engine how much each volume holds (walks every volume: can be slow)",
        )
        self.filter_action = self._action("Filter", self.focus_filter, "filter")
        self.quit_action = self._action("Quit", self.close, "quit")
        self.copy_action = self._action("Copy name", self.copy_selected, "copy")
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.volume_table.addAction(self.copy_action)
        self.container_table.addAction(self.copy_action)
        self.addActions([self.filter_action, self.quit_action])

        self.filter_box = QLineEdit(objectName="filterBox", clearButtonEnabled=True)
        self.filter_box.setPlaceholderText("Filter volumes and containers (Ctrl+F)")
        self.filter_box.setMaximumWidth(320)
        self.filter_box.textChanged.connect(self.set_filter)
        self.anonymous_box = QCheckBox("Anonymous volumes", objectName="showAnonymous")
        self.anonymous_box.setChecked(True)
        self.anonymous_box.setToolTip("Show volumes Docker created without a name")
        self.anonymous_box.toggled.connect(self._set_show_anonymous)

        bar = self.addToolBar("Main")
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.refresh_action,
            self.new_action,
            self.remove_action,
            self.prune_action,
            self.sizes_action,
        ):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(self.filter_box)
        bar.addWidget(self.anonymous_box)
        self._engine_actions = (
            self.new_action,
            self.remove_action,
            self.prune_action,
            self.sizes_action,
        )
        self._update_actions()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.engine_label = QLabel("connecting…", objectName="engineLabel")
        self.counts_label = QLabel(objectName="countsLabel")
        self.refreshed_label = QLabel(objectName="refreshedLabel")
        self.tasks_label = QLabel(objectName="tasksLabel")
        self.busy = QProgressBar(objectName="sizesBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setFormat("")
        self.cancel_sizes_button = QToolButton(objectName="cancelSizes", text="Cancel sizes")
        self.cancel_sizes_button.clicked.connect(self.cancel_sizes)
        self.busy.hide()
        self.cancel_sizes_button.hide()
        bar.addWidget(self.engine_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.cancel_sizes_button)
        bar.addPermanentWidget(self.tasks_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.refreshed_label)
        tasks.runner().count_changed.connect(self._update_tasks)

    # -- refreshing ----------------------------------------------------------

    def refresh(self) -> None:
        """Start a full background refresh and return at once."""
        self._request(engine_events.RESYNC)

    @Slot(object)
    def _on_notice(self, notice: Notice) -> None:
        if not self._closed:
            self._request(notice)

    def _request(self, notice: Notice) -> None:
        self._pending = notice if self._pending is None else self._pending.merge(notice)
        if self._refresh is None:
            self._start_refresh()

    def _start_refresh(self) -> None:
        if self._pending is None or self._closed:
            return
        notice, self._pending = self._pending, None
        want_info = self.info is None or notice.resync
        self._refresh = (
            tasks.run(self, "Refreshing", _fetch, self.engine, self.snapshot, notice, want_info)
            .done(self._on_refreshed)
            .fail(self._on_refresh_failed)
            .always(self._refresh_settled)
        )
        self._update_tasks()

    def _refresh_settled(self) -> None:
        self._refresh = None
        if self._pending is not None and self.engine_up:
            self._start_refresh()

    def _on_refreshed(self, result: tuple[EngineInfo | None, Snapshot]) -> None:
        info, snap = result
        if info is not None:
            self.info = info
            self._update_title()
        self._set_engine_up(True)
        first, self._filled = not self._filled, True
        self.apply_snapshot(snap)
        self.refreshed_at = time.time()
        self._update_status()
        if first:
            self.filled.emit()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        if isinstance(exc, EngineUnavailable):
            self._set_engine_up(False, exc)
        else:
            errors.show(self, exc, "Refreshing")

    def apply_snapshot(self, snap: Snapshot) -> None:
        """Show ``snap``: a diff per table, so selection and scroll survive."""
        self.snapshot = snap
        self.volume_model.container_names = {c.id: c.name for c in snap.containers}
        self.volume_model.set_items(snap.volumes)
        self.container_model.set_items(snap.containers)
        self._update_highlight()
        self._update_details()
        self._update_actions()
        self._update_titles()
        self.snapshot_changed.emit(snap)

    # -- the engine going away and coming back -----------------------------

    @Slot(object)
    def _on_stream_state(self, state: tuple[bool, VolguiError | None]) -> None:
        up, error = state
        if self._closed:
            return
        if not up:
            self._set_engine_up(False, error)
        # Up: the resync notice that follows refreshes and clears the banner.

    def _set_engine_up(self, up: bool, error: BaseException | None = None) -> None:
        was = self.engine_up
        self.engine_up = up
        if up:
            self._retry_timer.stop()
            self._countdown.stop()
            self._retry_delay = self.retry_first
            self.banner.hide()
        else:
            self._down_reason = (
                error.reason if isinstance(error, EngineUnavailable) else str(error or "")
            )
            if not self._retry_timer.isActive():
                self._retry_timer.start(int(self._retry_delay * 1000))
                self._retry_at = time.monotonic() + self._retry_delay
                self._retry_delay = min(self._retry_delay * 2, self.retry_max)
            self._countdown.start()
            self._update_banner()
        self.volume_model.set_greyed(not up)
        self.container_model.set_greyed(not up)
        self.graph.set_greyed(not up)
        self._update_actions()
        self._update_status()
        if was != up:
            self.engine_state.emit(up)

    def _update_banner(self) -> None:
        if self.engine_up:
            return
        left = self._retry_at - time.monotonic() if self._retry_timer.isActive() else None
        reason = f"{self.engine.address}: {self._down_reason}"
        self.banner.show_down(
            reason, max(left, 1) if left is not None else None, have_data=self._filled
        )

    # -- selection and cross-highlighting ----------------------------------

    def selected_volumes(self) -> list[str]:
        return self._selected_keys(self.volume_table)

    def selected_containers(self) -> list[str]:
        return self._selected_keys(self.container_table)

    def _selected_keys(self, table: QAbstractItemView) -> list[str]:
        rows = table.selectionModel().selectedRows()
        return [str(i.data(KeyRole)) for i in sorted(rows, key=lambda i: i.row())]

    def select_volume(self, name: str) -> bool:
        """Select the volume ``name`` (showing it if filtered out); False if unknown."""
        return self._select(self.volume_table, name)

    def select_container(self, key: str) -> bool:
        """Select a container by full id, name or unique id prefix; False if unknown."""
        c = self.snapshot.container(key)
        return self._select(self.container_table, c.id) if c else False

    def _select(self, table: VolumeTable | ContainerTable, key: str) -> bool:
        row = table.source.row_of(key)
        if row < 0:
            return False
        index = table.proxy.mapFromSource(table.source.index(row, 0))
        if not index.isValid():  # filtered out: show everything again
            self.filter_box.clear()
            self.anonymous_box.setChecked(True)
            index = table.proxy.mapFromSource(table.source.index(row, 0))
        table.selectionModel().select(
            index,
            table.selectionModel().SelectionFlag.ClearAndSelect
            | table.selectionModel().SelectionFlag.Rows,
        )
        table.selectionModel().setCurrentIndex(index, table.selectionModel().SelectionFlag.NoUpdate)
        table.scrollTo(index)
        return True

    def _volume_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._syncing_selection:
            return
        names = self.selected_volumes()
        if names:
            self._clear_other(self.container_table)
        self._update_highlight()
        self._update_details()
        self._update_actions()
        self.volumes_selected.emit(names)

    def _container_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._syncing_selection:
            return
        ids = self.selected_containers()
        if ids:
            self._clear_other(self.volume_table)
        self._update_highlight()
        self._update_details()
        self._update_actions()
        self.containers_selected.emit(ids)

    def _clear_other(self, table: QAbstractItemView) -> None:
        # One table's selection at a time: the other shows what is related.
        self._syncing_selection = True
        try:
            table.selectionModel().clearSelection()
        finally:
            self._syncing_selection = False

    def _update_highlight(self) -> None:
        snap = self.snapshot
        volumes = self.selected_volumes()
        containers = self.selected_containers()
        users: set[str] = set()
        for name in volumes:
            v = snap.volume(name)
            users.update(v.used_by if v else ())
        mounted: set[str] = set()
        for key in containers:
            c = snap.container(key)
            if c is not None:
                mounted.update(m.source for m in c.mounts if m.type == "volume" and m.source)
        self.container_model.set_highlight(users)
        self.volume_model.set_highlight(mounted)

    def _update_details(self) -> None:
        volumes = self.selected_volumes()
        containers = self.selected_containers()
        if volumes:
            v = self.snapshot.volume(volumes[-1])
            if v is not None:
                self.details.show_volume(v, self.snapshot, self.volume_model.sizes.get(v.name))
                return
        if containers:
            c = self.snapshot.container(containers[-1])
            if c is not None:
                self.details.show_container(c)
                return
        if self.details.subject is not None:
            self.details.show_nothing()

    # -- filter ---------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def set_filter(self, text: str) -> None:
        self.volume_table.proxy.set_text(text)
        self.container_table.proxy.set_text(text)
        self._update_titles()

    def _set_show_anonymous(self, show: bool) -> None:
        self.volume_table.proxy.set_show_anonymous(show)
        self._update_titles()

    def _update_titles(self) -> None:
        for label, title, table in (
            (self.volumes_title, "Volumes", self.volume_table),
            (self.containers_title, "Containers", self.container_table),
        ):
            total, shown = table.source.rowCount(), table.proxy.rowCount()
            count = f"{total}" if shown == total else f"{shown} of {total} shown"
            muted = colours.muted(self.palette()).name()
            label.setText(f"<b>{title}</b> <span style='color:{muted}'>({count})</span>")

    # -- actions --------------------------------------------------------------

    def new_volume(self) -> VolumeDialog:
        """Open the New volume dialog (non-modal); returns it."""
        dialog = VolumeDialog(self.engine, [v.name for v in self.snapshot.volumes], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(
            lambda v: self._after_change(f"Created volume {v.name}", [v.name], select=v.name)
        )
        dialog.open()
        return dialog

    def remove_selected(self) -> QMessageBox | None:
        """Ask to remove the selected volumes (non-modal); returns the question."""
        names = self.selected_volumes()
        if not names or not self.engine_up:
            return None
        in_use = []
        for name in names:
            users = [c.name for c in self.snapshot.users_of(name)]
            if users:
                in_use.append(f"• {name} is in use by {', '.join(users)}")
        listed = "\n".join(f"• {n}" for n in names[:20])
        if len(names) > 20:
            listed += f"\n… and {len(names) - 20} more"
        what = f"volume {names[0]}" if len(names) == 1 else f"these {len(names)} volumes"
        text = f"Remove {what} and all the data in it?"
        informative = listed
        if in_use:
            informative += (
                "\n\nThe engine refuses to remove a volume while any container, even a "
                "stopped one, uses it:\n" + "\n".join(in_use)
            )
        box = QMessageBox(QMessageBox.Icon.Question, "Remove volumes", text, parent=self)
        box.setObjectName("confirmRemove")
        box.setInformativeText(informative)
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is remove:
                self._remove(names)

        box.finished.connect(answered)
        box.open()
        return box

    def _remove(self, names: list[str]) -> None:
        for name in names:
            tasks.run(self, f"Removing volume {name}", self.engine.remove_volume, name).done(
                lambda _r, name=name: self._after_change(f"Removed volume {name}", [name])
            )

    def prune(self) -> PruneDialog:
        """Open the Prune dialog (non-modal); returns it."""
        dialog = PruneDialog(self.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pruned.connect(self._pruned)
        dialog.open()
        return dialog

    def _pruned(self, result: PruneResult) -> None:
        message = f"Pruned {len(result.removed)} volume(s)"
        if result.kept:
            kept = "; ".join(f"{n}: {why}" for n, why in sorted(result.kept.items()))
            message += f"; kept {len(result.kept)}: {kept}"
            box = QMessageBox(QMessageBox.Icon.Information, "Prune", message, parent=self)
            box.setObjectName("pruneReport")
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()
        self._after_change(message, [*result.removed, *result.kept])

    def _after_change(self, message: str, volumes: list[str], select: str | None = None) -> None:
        self.statusBar().showMessage(message, 8000)
        if select:
            self.snapshot_changed.connect(
                lambda _s: self.select_volume(select),
                Qt.ConnectionType.SingleShotConnection,
            )
        # The event stream brings it too; asking makes the window independent of that.
        self._request(Notice(volumes=frozenset(volumes)))

    def compute_sizes(self) -> None:
        """Ask ``/system/df`` for sizes in the background; cancellable."""
        if self._sizes_task is not None or not self.engine_up:
            return
        self._sizes_task = (
            tasks.run(self, "Computing volume sizes", self.engine.volume_sizes)
            .done(self._on_sizes)
            .always(self._sizes_settled)
        )
        self.busy.show()
        self.cancel_sizes_button.show()
        self._update_actions()

    def cancel_sizes(self) -> None:
        if self._sizes_task is not None:
            self._sizes_task.cancel()

    def _on_sizes(self, sizes: dict[str, int]) -> None:
        self.volume_model.set_sizes(sizes)
        self._update_details()
        total = sum(s for s in sizes.values() if s > 0)
        self.statusBar().showMessage(f"Sizes computed: {fmt.size(total)} in all", 8000)

    def _sizes_settled(self) -> None:
        self._sizes_task = None
        self.busy.hide()
        self.cancel_sizes_button.hide()
        self._update_actions()

    @property
    def idle(self) -> bool:
        """No refresh running or queued, and the graph is not laying out or filling."""
        graph = getattr(self, "graph", None)
        graph_busy = bool(graph is not None and graph.busy())
        return self._refresh is None and self._pending is None and not graph_busy

    @property
    def down_reason(self) -> str:
        """Why the engine is not answering ("" while it answers)."""
        return "" if self.engine_up else self._down_reason

    @property
    def is_filled(self) -> bool:
        """True once the first snapshot is on screen."""
        return self._filled

    @property
    def computing_sizes(self) -> bool:
        return self._sizes_task is not None

    def copy_selected(self) -> None:
        focus = self.container_table if self.container_table.hasFocus() else self.volume_table
        rows = focus.selectionModel().selectedRows()
        names = [getattr(i.data(ItemRole), "name", "") for i in rows]
        if names:
            QGuiApplication.clipboard().setText("\n".join(names))

    def inspect_selected(self, kind: str) -> InspectDialog | None:
        """Open the raw inspect JSON of the current volume or container."""
        if kind == "volume":
            keys = self.selected_volumes()
            fn, title = self.engine.inspect_volume, "Volume"
        else:
            keys = self.selected_containers()
            fn, title = self.engine.inspect_container, "Container"
        if not keys:
            return None
        item = self.snapshot.volume(keys[-1]) if kind == "volume" else None
        label = item.name if item else keys[-1][:12]
        if kind != "volume":
            c = self.snapshot.container(keys[-1])
            label = c.name if c else label
        dialog = InspectDialog(f"{title} {label}", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tasks.run(dialog, f"Inspecting {kind} {label}", fn, keys[-1]).done(dialog.set_data)
        dialog.show()
        return dialog

    def _volume_menu(self, pos: object) -> None:
        if not self.selected_volumes():
            return
        menu = QMenu(self)
        menu.setObjectName("volumeMenu")
        menu.addAction(self.copy_action)
        menu.addAction("Inspect", lambda: self.inspect_selected("volume"))
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.volume_table.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def _container_menu(self, pos: object) -> None:
        if not self.selected_containers():
            return
        menu = QMenu(self)
        menu.setObjectName("containerMenu")
        menu.addAction(self.copy_action)
        menu.addAction(
            "Copy id",
            lambda: QGuiApplication.clipboard().setText("\n".join(self.selected_containers())),
        )
        menu.addAction("Inspect", lambda: self.inspect_selected("container"))
        menu.addSeparator()
        self.container_actions.add_to(menu)  # issue 12
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.container_table.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def _update_actions(self) -> None:
        if not hasattr(self, "sizes_action"):  # selection signals during construction
            return
        up = self.engine_up
        self.new_action.setEnabled(up)
        self.prune_action.setEnabled(up)
        self.remove_action.setEnabled(up and bool(self.selected_volumes()))
        self.sizes_action.setEnabled(up and self._sizes_task is None)

    # -- status bar and title ------------------------------------------------

    def _update_title(self) -> None:
        sandbox = " (sandbox engine)" if self.info and self.info.sandbox else ""
        self.setWindowTitle(f"volgui — {self.engine.address}{sandbox}")

    def _update_status(self) -> None:
        if self.info is not None:
            parts = [self.info.address, f"Docker {self.info.version}"]
            if self.info.sandbox:
                parts.append("<b>sandbox engine</b>")
        else:  # not answered yet (opened while the engine is down, say)
            parts = [escape(self.engine.address)] if not self.engine_up else ["connecting…"]
        if not self.engine_up:
            red = colours.danger(self.palette()).name()
            parts.append(f"<span style='color:{red}'>not answering</span>")
        self.engine_label.setText(" · ".join(parts))
        snap = self.snapshot
        in_use = sum(1 for v in snap.volumes if v.in_use)
        self.counts_label.setText(  # no counts before the engine said anything
            f"{fmt.count(len(snap.volumes), 'volume')} ({in_use} in use)"
            f" · {fmt.count(len(snap.containers), 'container')}"
            if self._filled
            else ""
        )
        if self.refreshed_at is not None:
            stamp = time.strftime("%H:%M:%S", time.localtime(self.refreshed_at))
            self.refreshed_label.setText(f"refreshed {stamp}")

    def _update_tasks(self, _count: int = 0) -> None:
        n = len(tasks.runner().running)
        self.tasks_label.setText(f"{n} task{'s' if n != 1 else ''} running" if n else "")

    # -- settings and closing -----------------------------------------------

    def _build_graph(self) -> None:
        """The mount graph above the details: fed each snapshot, sharing the selection."""
        self.graph_panel = MountGraphPanel()
        self.graph = self.graph_panel.graph
        self.set_graph(self.graph_panel)
        self.snapshot_changed.connect(self.graph.set_snapshot)
        # graph -> tables (and so the details pane); tables -> graph. Neither side
        # echoes a selection it was given, so this cannot loop.
        self.graph.volume_selected.connect(self.select_volume)
        self.graph.container_selected.connect(self.select_container)
        self.graph.selection_changed.connect(self._graph_selection_changed)
        self._graph_owns_selection = False
        self.volumes_selected.connect(
            lambda names: (
                self._graph_owns_selection or self.graph.select_ids(f"volume:{n}" for n in names)
            )
        )
        self.containers_selected.connect(
            lambda ids: (
                self._graph_owns_selection or self.graph.select_ids(f"container:{i}" for i in ids)
            )
        )
        self.graph.node_activated.connect(self._graph_activated)
        # A volume dropped on a container node or a container row: one path.
        self.graph.volume_dropped.connect(self._volume_dropped)
        self.container_table.volume_dropped.connect(self._volume_dropped)
        self.graph_action = self._action(
            "Mount graph",
            lambda: self.graph_panel.setVisible(self.graph_action.isChecked()),
            "graph",
            "graph",
            "Show or hide the mount graph",
        )
        self.graph_action.setCheckable(True)
        self.graph_action.setChecked(True)
        bar = self.findChild(QToolBar, "mainToolBar")
        if bar is not None:
            bar.addAction(self.graph_action)
        # The toolbar can be hidden (its context menu): its actions' shortcuts
        # must keep working, so the window holds them too.
        self.addActions(
            [
                self.refresh_action,
                self.new_action,
                self.prune_action,
                self.sizes_action,
                self.graph_action,
            ]
        )

    def _graph_selection_changed(self, ids: list[str]) -> None:
        """A host path, tmpfs or folded node selected in the graph has no row:
        the tables (and the details) drop what they showed, rather than keep
        showing another volume or container as if it were the selection."""
        nodes = [self.graph.nodes[i].node for i in ids if i in self.graph.nodes]
        if len(nodes) != 1 or nodes[0].is_volume or nodes[0].kind == "container":
            return  # volume_selected / container_selected carry those
        self._graph_owns_selection = True  # do not clear the graph's node in turn
        try:
            self.volume_table.clearSelection()
            self.container_table.clearSelection()
        finally:
            self._graph_owns_selection = False

    def _set_tab_order(self) -> None:
        """Tab walks the window as it reads: filter, tables, graph tools, graph, details."""
        panel = self.graph_panel
        chain: list[QWidget] = [
            self.filter_box,
            self.anonymous_box,
            self.volume_table,
            self.container_table,
            *panel.findChildren(QToolButton, "graphFit"),
            *panel.findChildren(QToolButton, "graphZoomOut"),
            *panel.findChildren(QToolButton, "graphZoomIn"),
            panel.search,
            panel.collapse,
            *panel.findChildren(QToolButton, "graphExport"),
            self.graph,
            self.details,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _graph_activated(self, kind: str, key: str) -> None:
        """Double-click or Enter on a node: what a double-click on its row does."""
        if kind == "container" and self.select_container(key):
            self.inspect_selected("container")
        elif kind in ("volume", "anonymous") and self.select_volume(key):
            self.inspect_selected("volume")

    def _volume_dropped(self, volume: str, container_id: str) -> None:
        """A volume dropped on a container, in the graph or the container table."""
        self.select_container(container_id)
        self.container_actions.open_change(container_id, volume)  # issue 12: change mode

    def set_graph(self, widget: QWidget) -> None:
        """Put the mount graph (or any view) in the side area, above the details."""
        self.side.insertWidget(0, widget)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 1)

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 780)
        for key, splitter in (
            ("window/main_splitter", self.main_splitter),
            ("window/tables_splitter", self.tables),
            ("window/side_splitter", self.side),
        ):
            state = s.value(key)
            if state is not None:
                splitter.restoreState(state)
        for key, table in (
            ("columns/volumes", self.volume_table),
            ("columns/containers", self.container_table),
        ):
            state = s.value(key)
            if state is not None:
                table.horizontalHeader().restoreState(state)
        self.anonymous_box.setChecked(s.value("view/show_anonymous", True, type=bool))
        shown = s.value("view/show_graph", True, type=bool)
        self.graph_action.setChecked(shown)
        self.graph_panel.setVisible(shown)
        self.graph_panel.collapse.setChecked(s.value("view/fold_anonymous", False, type=bool))

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/main_splitter", self.main_splitter.saveState())
        s.setValue("window/tables_splitter", self.tables.saveState())
        s.setValue("columns/volumes", self.volume_table.horizontalHeader().saveState())
        s.setValue("columns/containers", self.container_table.horizontalHeader().saveState())
        s.setValue("view/show_anonymous", self.anonymous_box.isChecked())
        s.setValue("window/side_splitter", self.side.saveState())
        s.setValue("view/show_graph", self.graph_action.isChecked())
        s.setValue("view/fold_anonymous", self.graph_panel.collapse.isChecked())
        s.sync()

    def shutdown(self) -> None:
        """Stop following events and drop running work; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._retry_timer.stop()
        self._countdown.stop()
        self._clock.stop()
        if self.follower is not None:
            # Closing must not freeze on an engine that stopped answering.
            self.follower.stop(timeout=1.0)
        for task in tasks.runner().running:
            if task.owner is self or (
                isinstance(task.owner, QWidget) and self.isAncestorOf(task.owner)
            ):
                task.cancel()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "refreshed_label"):
            self._update_titles()  # their counts are written in a palette-derived grey
            self._update_status()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.container_actions.hold_close():  # issue 12: a recreate finishes first
            event.ignore()
            return
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)
