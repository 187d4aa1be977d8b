"""The Engines sidebar in the window: a row per engine; choosing one shows it.

The window holds one :class:`EnginesController` (an Engine, an event follower
and a snapshot per engine). The engine on screen is the window's: its
notices come to the window's refresh through the controller's ``view_*``
signals and the window keeps its snapshot. Choosing another row hands the
shown one back (``detach``: its snapshot, what it had not read, a read in
flight) and shows the chosen one from the snapshot kept for it
(``retarget``): at once, without asking the engine, when it was read before.
The details, the Files tab and the container actions follow the window.

A volume dropped on a row (or "Copy to engine…") opens the copy dialog;
the copy streams from engine to engine behind the progress dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from volgui.engine import Engine, Snapshot, connect
from volgui.ui.copy_dialog import ADDRESS, CopyDialog
from volgui.ui.engine_list import EngineList
from volgui.ui.engines_controller import EnginesController
from volgui.ui.progress import ProgressDialog

HIDDEN_COLUMNS = (3, 4)  # Version and API: in the row's tooltip; the sidebar stays narrow
COLUMN_WIDTHS = {0: 140, 1: 90, 2: 60}  # name, state (its whole reason in the tooltip), kind


def _button(action: QAction) -> QToolButton:
    """A small button for ``action`` (the sidebar stays narrow), enabled with it;
    its short text comes from ``_retranslate_engines``."""
    button = QToolButton(objectName=f"{action.objectName()}Button")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list's context menu has them
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    return button


class EnginesSectionMixin:
    """Builds the sidebar, follows the chosen row, copies dropped volumes."""

    engine: Engine
    engines: EnginesController
    engine_key: str

    def _build_engines(self, engines: EnginesController | None) -> None:
        """The dock at the left: the list and its Add / Edit / Remove buttons."""
        self.engines = engines or EnginesController(self, settings=self.settings)
        self.engines.reload()
        self.engine_key = ""
        self._asked_to_recover: set[str] = set()  # engines asked about interrupted changes
        self._waiting: str | None = None  # a row chosen whose read is in flight
        self.copy_dialog: CopyDialog | None = None
        self.engine_list = EngineList(self.engines)
        for column in HIDDEN_COLUMNS:
            self.engine_list.setColumnHidden(column, True)
        for column, width in COLUMN_WIDTHS.items():
            self.engine_list.setColumnWidth(column, width)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.engine_buttons = [_button(action) for action in self._engine_actions()]
        for button in self.engine_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QWidget(objectName="enginesBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.engine_list, 1)
        layout.addLayout(buttons)
        self.engines_dock = QDockWidget(self, objectName="enginesDock")
        self.engines_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.engines_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.engines_dock)
        self.resizeDocks([self.engines_dock], [300], Qt.Orientation.Horizontal)
        self.engines_menu = menu = self.menuBar().addMenu("")
        menu.setObjectName("enginesMenu")
        menu.addActions(self._engine_actions())
        self.engine_list.engine_chosen.connect(self._engine_chosen)
        self.engine_list.volume_dropped.connect(self.open_copy)
        self.engines.view_notice.connect(self._on_notice)
        self.engines.view_state.connect(lambda up, err: self._on_stream_state((up, err)))
        self.engines.view_ready.connect(self._view_ready)
        self.engines.entries_changed.connect(self._engines_changed)
        self.engines.probed.connect(self._engine_probed)

    def _retranslate_engines(self) -> None:
        """The sidebar's own texts; the list's actions first (the buttons' tooltips)."""
        self.engine_list.retranslate()
        self.engines_dock.setWindowTitle(self.tr("Engines"))
        self.engines_menu.setTitle(self.tr("&Engines"))
        short = (self.tr("Add…"), self.tr("Edit…"), self.tr("Remove"))
        for button, action, text in zip(
            self.engine_buttons, self._engine_actions(), short, strict=True
        ):
            button.setText(text)
            button.setToolTip(action.text())

    def _engine_actions(self) -> list[QAction]:
        names = ("addEngine", "editEngine", "removeEngine")
        view = self.engine_list
        actions = (view.add_action, view.edit_action, view.remove_action)
        for name, action in zip(names, actions, strict=True):
            action.setObjectName(name)
        return list(actions)

    def _start_engines(self, follow: bool) -> None:
        """Show the window's own engine (--host, --context, DOCKER_HOST) in its row."""
        self.engines.follow = follow
        self.engine_key = self.engines.select_endpoint(self.engine.endpoint, self.engine)
        self._asked_to_recover.add(self.engine_key)  # asked at the window's first fill
        self.engines.own(self.engine_key)  # the caller's engine: not closed with the window
        self._mark_row()
        self._take(self.engine_key)
        self.engines.probe_all()

    def _mark_row(self) -> None:
        """The list's current row is the chosen engine's (the one waited for, if any):
        marking another row would choose that one."""
        row = self.engine_list.engines.row_of(self._waiting or self.engine_key)
        if row >= 0 and self.engine_list.currentIndex().row() != row:
            self.engine_list.setCurrentIndex(self.engine_list.engines.index(row, 0))

    # -- choosing an engine -----------------------------------------------------

    def _engine_chosen(self, key: str) -> None:
        if key == (self._waiting or self.engine_key):
            return
        if self._waiting is not None:
            self.engines.cancel_wait(self._waiting)
            self._waiting = None
        else:
            back = self.detach()
            if back.snapshot is not None:
                self.engines.keep(self.engine_key, back.snapshot)
            self.engines.give_back(self.engine_key, back.pending, back.reading)
        self._take(key)

    def _take(self, key: str) -> None:
        view = self.engines.take_view(key)
        if view is None:  # a read of it is in flight: view_ready says when it is in
            self._waiting = key
            return
        self._waiting = None
        self.engine_key = key
        engine = self.engines.engine(key)
        self.details.engine = engine
        self.files_tab.engine = self.files_tab.model.engine = engine
        self.files_tab.model.show_volume(None)  # the listing was the other engine's
        self.container_actions.engine = engine
        # What was selected is the other engine's: a volume of the same name here
        # is another volume (the tables still hold the old rows until the kept
        # snapshot is applied, so the Files tab would list the old name here).
        self.volume_table.clearSelection()
        self.container_table.clearSelection()
        self.retarget(engine, view.snapshot, view.pending, view.coming)

    def _view_ready(self, key: str) -> None:
        if key == self._waiting:
            self._take(key)

    def _engines_changed(self) -> None:
        """Rows came or went: the shown engine may be gone (removed, edited)."""
        keys = [e.key for e in self.engines.entries]
        shown = self._waiting or self.engine_key
        if not shown:  # nothing is shown yet (the window is being built)
            return
        if shown in keys and (self._waiting or self.engines.engine(shown) is self.engine):
            self._mark_row()
            return
        # Gone (removed), or its row edited (a new address: the slot and its engine are new).
        self._waiting = None
        self.detach()
        target = shown if shown in keys else (keys[0] if keys else None)
        if target is not None:
            self.engine_key = ""
            self.engines.select(target)
            self._take(target)
            self._mark_row()

    def _engine_probed(self, key: str) -> None:
        if key == self.engine_key:
            self._update_title()

    def engine_words(self, address: str) -> str:
        """The shown engine for the title and the status bar: 'name · address'."""
        engines = getattr(self, "engines", None)  # None while the window is being built
        entries = engines.entries if engines is not None else []
        entry = next((e for e in entries if e.key == self.engine_key), None)
        if entry is None or entry.name == address:
            return address
        return f"{entry.name} · {address}"

    # -- the refresh's hooks (RefreshMixin) ---------------------------------------

    def _keep_shown(self, snap: Snapshot) -> None:
        self.engines.keep(self.engine_key, snap)
        if self.engine_key not in self._asked_to_recover:
            # Each engine's cut-short changes (DESIGN 4b), once a read of it is in:
            # an engine that is down when chosen is asked when it answers.
            self._asked_to_recover.add(self.engine_key)
            self._ask_about_interrupted_changes()

    def _key_of(self, engine: Engine) -> str | None:
        return next(
            (e.key for e in self.engines.entries if self.engines.engine(e.key) is engine), None
        )

    def _landed_elsewhere(self, engine: Engine, snap: Snapshot) -> None:
        key = self._key_of(engine)
        if key is not None:
            self.engines.landed(key, snap)

    def _failed_elsewhere(self, engine: Engine, error: BaseException) -> None:
        key = self._key_of(engine)
        if key is not None:
            self.engines.landed_failed(key, error)

    # -- copying a volume to another engine ------------------------------------

    def open_copy(self, target: str | None, volume: str) -> CopyDialog | None:
        """The copy dialog for ``volume`` of the shown engine, ``target`` chosen."""
        if target == self.engine_key:
            self.statusBar().showMessage(
                self.tr("%1 is on this engine already; Clone… copies it here.").replace(
                    "%1", volume
                ),
                8000,
            )
            return None
        targets = [
            (e.key, e.name)
            for e in self.engines.entries
            if e.key != self.engine_key and not e.error
        ]
        dialog = CopyDialog(
            volume,
            self.data_actions._size(volume),
            targets,
            target,
            self.engines.snapshot,
            self.engines.engine,
            self,
        )
        dialog.copy_accepted.connect(
            lambda key, name, replace: self.start_engine_copy(volume, key, name, replace)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._copy_dialog_closed(dialog))
        dialog.open()
        self.copy_dialog = dialog
        return dialog

    def _copy_dialog_closed(self, dialog: CopyDialog) -> None:
        if self.copy_dialog is dialog:
            self.copy_dialog = None

    def start_engine_copy(
        self, volume: str, key: str, name: str, replace: bool = False
    ) -> ProgressDialog:
        """Stream ``volume`` to engine ``key`` as ``name``, with progress and Cancel."""
        source = self.engine
        url = key[len(ADDRESS) :] if key.startswith(ADDRESS) else None
        if url is None:
            label = next(e.name for e in self.engines.entries if e.key == key)
            given: Engine | None = self.engines.engine(key)
        else:
            label, given = url, None

        def copy(progress: Any = None, cancel: Any = None) -> int:
            target = given if given is not None else connect(host=url)
            try:
                target.remove_helper_leftovers()
                return source.copy_volume(
                    volume, target, as_name=name, replace=replace, progress=progress, cancel=cancel
                )
            finally:
                if given is None:
                    target.close()

        title = self.tr("Copying %1 to %2 on %3").replace("%1", volume)
        title = title.replace("%2", name).replace("%3", label)
        dialog = ProgressDialog(title, self.data_actions._size(volume), self)
        dialog.finished_ok.connect(lambda _r: self._copied(key, name, label))
        dialog.start(title, copy)
        self.data_actions.last = dialog
        return dialog

    def _copied(self, key: str, name: str, label: str) -> None:
        if key in {e.key for e in self.engines.entries}:
            self.engines.probe_one(key)  # its row's volume count
        self.statusBar().showMessage(
            self.tr("Copied to %1 on %2").replace("%1", name).replace("%2", label), 8000
        )
