"""The window's volume-data part: the Files tab beside the details, the Data actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QTabWidget

from volgui.ui.data_actions import DataActions
from volgui.ui.files.tab import FilesTab


class DataSectionMixin:
    """Files tab (lists only while shown) and the Export/Import/Clone/... actions."""

    def _build_details_tabs(self) -> QTabWidget:
        self.details_tabs = QTabWidget(objectName="detailsTabs")
        self.details_tabs.tabBar().setObjectName("detailsTabBar")
        self.details_tabs.addTab(self.details, "")
        self.files_tab = FilesTab(self.engine)
        self.details_tabs.addTab(self.files_tab, "")
        self.details_tabs.currentChanged.connect(self._follow_files)
        return self.details_tabs

    def _retranslate_data_section(self) -> None:
        tabs = self.details_tabs
        tabs.setTabText(tabs.indexOf(self.details), self.tr("Details"))
        tabs.setTabText(tabs.indexOf(self.files_tab), self.tr("Files"))
        self.data_actions.retranslate()

    def _build_data_actions(self) -> None:
        """After the tables exist: the menu, toolbar and the Files tab's selection."""
        self.data_actions = DataActions(self)
        self.volume_table.selectionModel().selectionChanged.connect(self._follow_files)

    def _follow_files(self, *_: object) -> None:
        shown = self.details_tabs.currentWidget() is self.files_tab
        self.files_tab.follow(self.selected_volumes(), shown)

    def _add_data_actions(self, menu: QMenu) -> None:
        self.data_actions.add_to(menu)
