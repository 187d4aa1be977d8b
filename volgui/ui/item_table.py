"""The table view both lists share: whole rows, sortable, a context menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from volgui.ui.table_model import RowModel


class ItemTable(QTableView):
    """A QTableView set up for our row models: whole rows, sortable, context menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        # Rows are selected whole, so Tab walking cell to cell only traps the
        # keyboard in the table: let Tab move to the next widget instead.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        # The stretched last column never shrinks below the default section
        # size: keep that small, or a narrow table scrolls sideways for a few pixels.
        header.setDefaultSectionSize(60)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def retranslate(self) -> None:
        """Headers and cells in the window's language (the model words them)."""
        model = self.model()
        if isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        if isinstance(model, RowModel):
            model.retranslate()
        self.fit_header_texts()

    def fit_header_texts(self) -> None:
        """Widen a column whose title (in this language) needs more than it has."""
        header = self.horizontalHeader()
        for i in range(header.count() - 1):  # the last one stretches
            need = header.sectionSizeFromContents(i).width()
            if header.sectionSize(i) < need:
                header.resizeSection(i, need)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
