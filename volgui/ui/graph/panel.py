"""The mount graph panel the window embeds: the view with its toolbar
(Fit, zoom, search, fold anonymous volumes, export)."""

from __future__ import annotations

from collections.abc import Callable

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

        def button(text: str, tip: str, slot: Callable[[], None], name: str) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setObjectName(name)
            b.clicked.connect(slot)
            bar.addWidget(b)
            return b

        button("Fit", "Show the whole graph", self.graph.fit, "graphFit")
        button("−", "Zoom out (−, or the wheel)", lambda: self.graph.zoom_by(-1), "graphZoomOut")
        button("+", "Zoom in (+, or the wheel)", lambda: self.graph.zoom_by(1), "graphZoomIn")
        self.search = QLineEdit(self)
        self.search.setObjectName("graphSearch")
        self.search.setPlaceholderText("Find a node… (Enter: next)")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._find)
        self.search.textEdited.connect(self._find_first)
        bar.addWidget(self.search, 1)
        self.collapse = QCheckBox("Fold anonymous", self)
        self.collapse.setObjectName("graphCollapseAnonymous")
        self.collapse.setToolTip('Show anonymous volumes as one "N anonymous" node')
        self.collapse.toggled.connect(self.graph.set_collapse_anonymous)
        bar.addWidget(self.collapse)
        export = button("Export", "Save the graph as PNG or SVG", lambda: None, "graphExport")
        menu = QMenu(export)
        png = QAction("PNG image…", menu)
        png.triggered.connect(lambda: self._ask_export("png"))
        svg = QAction("SVG drawing…", menu)
        svg.triggered.connect(lambda: self._ask_export("svg"))
        menu.addActions([png, svg])
        export.setMenu(menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(bar)
        box.addWidget(self.graph, 1)

    def _find_first(self, text: str) -> None:
        self.graph._search = ("", -1)
        self.graph.find(text)

    def _find(self) -> None:
        self.graph.find(self.search.text())

    def _ask_export(self, kind: str) -> None:
        dialog = QFileDialog(self, f"Export the mount graph as {kind.upper()}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setNameFilter(f"{kind.upper()} (*.{kind})")
        dialog.selectFile(f"mount-graph.{kind}")
        save = self.graph.export_png if kind == "png" else self.graph.export_svg
        dialog.fileSelected.connect(save)
        dialog.open()  # never a blocking exec()
