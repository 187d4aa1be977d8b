"""The main window: volume and container tables, the mount graph, details, live updates.

It never talks to the engine itself: every call goes through ``tasks`` to a
worker thread, and ``engine/events.py`` follows the event stream on threads
of its own. This class only lays the widgets out and keeps the settings;
each concern is a mixin in this package, named after it (refresh, selection,
actions, status bar, housekeeping, filtering, the graph section, the
engines sidebar).

For the mount graph (and anything else that shares the selection) the
window offers ``select_volume``/``select_container``, the signals below, and
``set_graph(widget)``, which puts a widget above the details pane.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget
from shiboken6 import isValid

from volgui.engine import Engine, EngineInfo, Snapshot
from volgui.ui import container_actions, gui_first, tasks
from volgui.ui.banner import EngineBanner
from volgui.ui.container_table import ContainerTable
from volgui.ui.details import DetailsPane
from volgui.ui.engines_controller import EnginesController
from volgui.ui.settings import app_settings
from volgui.ui.volume_table import VolumeTable
from volgui.ui.window.actions import ActionsMixin
from volgui.ui.window.data_section import DataSectionMixin
from volgui.ui.window.engines_section import EnginesSectionMixin
from volgui.ui.window.filtering import FilterMixin
from volgui.ui.window.graph_section import GraphSectionMixin
from volgui.ui.window.housekeeping import HousekeepingMixin
from volgui.ui.window.language import LanguageMixin
from volgui.ui.window.refresh import RefreshMixin
from volgui.ui.window.selection import SelectionMixin
from volgui.ui.window.status_bar import StatusBarMixin


def _titled(label: QLabel, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(label)
    layout.addWidget(widget)
    return box


class MainWindow(
    EnginesSectionMixin,  # first: it fills RefreshMixin's hooks
    RefreshMixin,
    SelectionMixin,
    ActionsMixin,
    FilterMixin,
    HousekeepingMixin,
    StatusBarMixin,
    GraphSectionMixin,
    DataSectionMixin,
    LanguageMixin,
    QMainWindow,
):
    """The application window.

    Signals: ``snapshot_changed(Snapshot)`` after each applied refresh,
    ``filled()`` once, when the first snapshot is on screen,
    ``volumes_selected(list[str])`` and ``containers_selected(list[str])``
    (names / full ids) when the user changes a table's selection,
    ``engine_state(bool)`` when the engine goes away or comes back.

    ``engines``: the sidebar's controller (default: every context, added
    engine and Podman socket found); ``engine`` is its first row shown.
    """

    snapshot_changed = Signal(object)
    filled = Signal()
    volumes_selected = Signal(list)
    containers_selected = Signal(list)
    engine_state = Signal(bool)

    def __init__(
        self,
        engine: Engine,
        settings: QSettings | None = None,
        follow_events: bool = True,
        parent: QWidget | None = None,
        engines: EnginesController | None = None,
    ) -> None:
        super().__init__(parent)
        tasks.watch(engine)
        gui_first.install()  # from the first paint on: it came 30-60 ms late beside the first read
        self.engine = engine
        self.settings = settings if settings is not None else app_settings()
        self.snapshot = Snapshot()
        self.info: EngineInfo | None = None
        self.engine_up = True
        self.refreshed_at: float | None = None
        self._filled = False
        self._closed = False

        self._build_widgets()
        self._build_actions()
        self._build_view_menu()
        self._build_data_actions()
        self._build_graph()
        self.container_actions = container_actions.install(self)  # run dialog, drops, keys
        self._build_engines(engines)
        self._build_status_bar()
        self._restore_settings()
        self._set_tab_order()
        self._retranslate()
        self.volume_table.setFocus()
        self._clock = QTimer(self, interval=30_000)
        self._clock.timeout.connect(self._update_status)
        self._clock.start()
        self._start_following(follow_events, own_follower=False)
        self._start_engines(follow_events)

    def _build_widgets(self) -> None:
        self.volume_table = VolumeTable()
        self.container_table = ContainerTable()
        self.volume_model = self.volume_table.source
        self.container_model = self.container_table.source
        self.details = DetailsPane(self.engine)
        self.banner = EngineBanner()
        self.banner.retry_now.connect(self.refresh)

        self.volumes_title = QLabel(objectName="volumesTitle")
        self.containers_title = QLabel(objectName="containersTitle")
        self.tables = QSplitter(Qt.Orientation.Vertical, objectName="tablesSplitter")
        self.tables.addWidget(_titled(self.volumes_title, self.volume_table))
        self.tables.addWidget(_titled(self.containers_title, self.container_table))
        self.tables.setStretchFactor(0, 3)
        self.tables.setStretchFactor(1, 2)
        # The side area: the mount graph goes on top (set_graph), details and files below.
        self.side = QSplitter(Qt.Orientation.Vertical, objectName="sideSplitter")
        self.side.addWidget(self._build_details_tabs())
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

    @property
    def is_filled(self) -> bool:
        """True once the first snapshot is on screen."""
        return self._filled

    # -- settings and closing -----------------------------------------------

    def _splitters(self) -> tuple[tuple[str, QSplitter], ...]:
        return (
            ("window/main_splitter", self.main_splitter),
            ("window/tables_splitter", self.tables),
            ("window/side_splitter", self.side),
        )

    def _headers(self) -> tuple[tuple[str, VolumeTable | ContainerTable], ...]:
        return (
            ("columns/volumes", self.volume_table),
            ("columns/containers", self.container_table),
        )

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 780)
        for key, splitter in self._splitters():
            state = s.value(key)
            if state is not None:
                splitter.restoreState(state)
        for key, table in self._headers():
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
        for key, splitter in self._splitters():
            s.setValue(key, splitter.saveState())
        for key, table in self._headers():
            s.setValue(key, table.horizontalHeader().saveState())
        s.setValue("view/show_anonymous", self.anonymous_box.isChecked())
        s.setValue("view/show_graph", self.graph_action.isChecked())
        s.setValue("view/fold_anonymous", self.graph_panel.collapse.isChecked())
        s.sync()

    def shutdown(self) -> None:
        """Stop following events and drop running work; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._clock.stop()
        self._stop_refreshing()
        self.engines.close()
        for task in tasks.runner().running:
            if self._owns(task.owner):
                task.cancel()

    def _owns(self, owner: object) -> bool:
        """``owner`` is this window or one of its widgets, or a widget already deleted
        (a dialog closed with WA_DeleteOnClose while its task ran: nobody takes
        the result). Asking Qt about a deleted widget raises, and an exception
        out of closeEvent crashed PySide 6.11 while it reported it."""
        if owner is self:
            return True
        if not isinstance(owner, QWidget):
            return False
        return not isValid(owner) or self.isAncestorOf(owner)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "refreshed_label"):
            self._update_titles()  # their counts are written in a palette-derived grey
            self._update_status()
        elif event.type() == QEvent.Type.LanguageChange and hasattr(self, "refreshed_label"):
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.container_actions.hold_close():  # a recreate finishes first (DESIGN 4b)
            event.ignore()
            return
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)
