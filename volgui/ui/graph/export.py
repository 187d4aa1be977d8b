"""Saving the whole mount graph as a picture: PNG (raster) or SVG (vector).
Mixin of :class:`~volgui.ui.graph.view.MountGraph`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator


class Export:
    """Renders the view's scene without hover dimming or selection."""

    _scene: Any

    def _export_rect(self) -> QRectF:
        return self._scene.itemsBoundingRect().adjusted(-24, -24, 24, 24)

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        """Save the whole graph as a PNG (at most 16,000 pixels a side)."""
        rect = self._export_rect()
        scale = min(scale, 16000 / max(rect.width(), rect.height(), 1))
        image = QImage(
            max(1, int(rect.width() * scale)),
            max(1, int(rect.height() * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(self._scene.theme.base)
        self._render_into(image, QRectF(image.rect()), rect)
        return image.save(path, "PNG")

    def export_svg(self, path: str) -> bool:
        """Save the whole graph as SVG (vector: crisp at any size)."""
        rect = self._export_rect()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle("volgui mount graph")
        generator.setDescription("volumes, host paths and tmpfs mounted by containers")
        target = QRectF(0, 0, rect.width(), rect.height())
        self._render_into(generator, target, rect, background=True)
        return True

    def _render_into(
        self, device: Any, target: QRectF, source: QRectF, background: bool = False
    ) -> None:
        focus = (self._scene.focus_nodes, self._scene.focus_edges)
        selected = self._scene.selectedItems()
        self._syncing += 1
        try:
            self._scene.focus_nodes, self._scene.focus_edges = None, set()
            self._scene.clearSelection()
            painter = QPainter(device)
            if background:
                painter.fillRect(target, self._scene.theme.base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._scene.render(painter, target, source)
            painter.end()
            for item in selected:
                item.setSelected(True)
        finally:
            self._scene.focus_nodes, self._scene.focus_edges = focus
            self._syncing -= 1
