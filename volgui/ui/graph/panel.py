"""The mount graph panel the window embeds: the view with its toolbar
(Fit, zoom, search, fold anonymous volumes, export)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from volgui.ui.graph.view import MountGraph


class MountGraphPanel(QWidget):
    """The graph with its toolbar: Fit, zoom, search, fold anonymous, export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mountGraphPanel")
        self.graph = MountGraph(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)

        def button(slot: Callable[[], None], name: str) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            bar.addWidget(b)
            return b

        self.fit_button = button(self.graph.fit, "graphFit")
        self.zoom_out_button = button(lambda: self.graph.zoom_by(-1), "graphZoomOut")
        self.zoom_in_button = button(lambda: self.graph.zoom_by(1), "graphZoomIn")
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.search = QLineEdit(self)
        self.search.setObjectName("graphSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._find)
        self.search.textEdited.connect(self._find_first)
        bar.addWidget(self.search, 1)
        self.collapse = QCheckBox(self)
        self.collapse.setObjectName("graphCollapseAnonymous")
        self.collapse.toggled.connect(self.graph.set_collapse_anonymous)
        bar.addWidget(self.collapse)
        self.export_button = export = button(lambda: None, "graphExport")
        menu = QMenu(export)
        self.png_action = QAction(menu)
        self.png_action.triggered.connect(lambda: self._ask_export("png"))
        self.svg_action = QAction(menu)
        self.svg_action.triggered.connect(lambda: self._ask_export("svg"))
        menu.addActions([self.png_action, self.svg_action])
        export.setMenu(menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(bar)
        box.addWidget(self.graph, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (−, or the wheel)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+, or the wheel)"))
        self.search.setPlaceholderText(self.tr("Find a node… (Enter: next)"))
        self.collapse.setText(self.tr("Fold anonymous"))
        self.collapse.setToolTip(self.tr('Show anonymous volumes as one "N anonymous" node'))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the graph as PNG or SVG"))
        self.png_action.setText(self.tr("PNG image…"))
        self.svg_action.setText(self.tr("SVG drawing…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _find_first(self, text: str) -> None:
        self.graph._search = ("", -1)
        self.graph.find(text)

    def _find(self) -> None:
        self.graph.find(self.search.text())

    def _ask_export(self, kind: str) -> None:
        title = self.tr("Export the mount graph as {kind}").format(kind=kind.upper())
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(f"{kind.upper()} (*.{kind})")
        dialog.selectFile(f"mount-graph.{kind}")
        save = self.graph.export_png if kind == "png" else self.graph.export_svg
        dialog.fileSelected.connect(save)
        dialog.open()  # never a blocking exec()
