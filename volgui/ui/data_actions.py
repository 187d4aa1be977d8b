"""Window actions on a volume's data: Export…, Import…, Clone…, Empty…, Rename…, Copy to engine…

``DataActions(window)`` makes the actions, a "Data" menu and a "Data" toolbar
of its own; ``add_to(menu)`` puts them in the volume context menu. Each one
asks first (a file dialog, a name, or a confirmation), then runs with a
:class:`~volgui.ui.progress.ProgressDialog`. The window needs only
``engine``, ``selected_volumes()`` and ``refresh()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from volgui.engine import connect
from volgui.ui import tasks
from volgui.ui.progress import ProgressDialog

ARCHIVES = "Archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)"


class DataActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.actions: dict[str, QAction] = {}
        for key, text, slot, tip in (
            (
                "export",
                "Export…",
                self.export,
                "Write the volume's files to a .tar, .tar.gz or .tar.zst",
            ),
            ("import", "Import…", self.import_, "Fill a volume from an archive"),
            ("clone", "Clone…", self.clone, "Copy the volume to a new one"),
            ("empty", "Empty…", self.empty, "Remove every file in the volume"),
            ("rename", "Rename…", self.rename, "Rename the volume; its containers move with it"),
            ("copy", "Copy to engine…", self.copy, "Copy the volume to another Docker engine"),
        ):
            action = QAction(text, window)
            action.setToolTip(tip)
            action.setObjectName(f"data_{key}")
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.actions[key] = action
        menu = window.menuBar().addMenu("&Data")
        menu.setObjectName("dataMenu")
        bar = window.addToolBar("Data")
        bar.setObjectName("dataToolBar")
        for action in self.actions.values():
            menu.addAction(action)
            bar.addAction(action)
        self.last: Any = None  # the dialog opened last (tests drive it)
        tasks.run(
            window, "Removing leftover helper containers", window.engine.remove_helper_leftovers
        )

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in self.actions.values():
            menu.addAction(action)

    # -- helpers ---------------------------------------------------------------

    def _volume(self) -> str | None:
        names = self.window.selected_volumes()
        return names[-1] if names else None

    def _run(self, title: str, total: int | None, fn: Any, *args: Any, **kw: Any) -> ProgressDialog:
        dialog = ProgressDialog(title, total, self.window)
        dialog.finished_ok.connect(lambda _r: self.window.refresh())
        dialog.start(title, fn, *args, **kw)
        self.last = dialog
        return dialog

    def _size(self, volume: str) -> int | None:
        sizes = getattr(self.window, "volume_model", None)
        known = getattr(sizes, "sizes", {}) if sizes is not None else {}
        value = known.get(volume)
        return value if isinstance(value, int) and value > 0 else None

    def _ask_name(self, title: str, label: str, text: str, then: Any) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.textValueSelected.connect(then)
        dialog.open()
        self.last = dialog
        return dialog

    def _confirm(self, text: str, then: Any) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "volgui",
            text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("confirmData")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(then)
        box.open()
        self.last = box
        return box

    # -- the actions -------------------------------------------------------------

    def export(self) -> None:
        volume = self._volume()
        if volume is None:
            return
        dialog = QFileDialog(self.window, f"Export volume {volume}", f"{volume}.tar.gz", ARCHIVES)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.start_export(volume, path))
        dialog.open()
        self.last = dialog

    def start_export(self, volume: str, path: str) -> ProgressDialog:
        engine = self.window.engine
        return self._run(
            f"Exporting volume {volume}", self._size(volume), engine.export_volume, volume, path
        )

    def import_(self) -> None:
        volume = self._volume()
        if volume is None:
            return
        dialog = QFileDialog(self.window, f"Import into volume {volume}", "", ARCHIVES)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.confirm_import(volume, path))
        dialog.open()
        self.last = dialog

    def confirm_import(self, volume: str, path: str) -> QMessageBox:
        import os

        total = os.path.getsize(path) if os.path.isfile(path) else None
        return self._confirm(
            f"Import {os.path.basename(path)} into volume {volume}? If the volume holds files, "
            "they are removed first.",
            lambda: self._run(
                f"Importing into volume {volume}",
                total,
                self.window.engine.import_volume,
                volume,
                path,
                replace=True,
            ),
        )

    def clone(self) -> None:
        volume = self._volume()
        if volume is not None:
            self._ask_name(
                f"Clone volume {volume}",
                "Name of the new volume:",
                f"{volume}-copy",
                lambda name: self.start_clone(volume, name),
            )

    def start_clone(self, volume: str, name: str) -> ProgressDialog:
        engine = self.window.engine
        return self._run(
            f"Cloning {volume} to {name}", self._size(volume), engine.clone_volume, volume, name
        )

    def empty(self) -> None:
        volume = self._volume()
        if volume is not None:
            self._confirm(
                f"Empty volume {volume}? Every file in it is removed; "
                "containers using it keep running.",
                lambda: tasks.run(
                    self.window,
                    f"Emptying volume {volume}",
                    self.window.engine.empty_volume,
                    volume,
                ).done(lambda _r: self.window.refresh()),
            )

    def rename(self) -> None:
        volume = self._volume()
        if volume is not None:
            self._ask_name(
                f"Rename volume {volume}",
                "New name (its containers are recreated with it, running as before):",
                volume,
                lambda name: self.start_rename(volume, name),
            )

    def start_rename(self, volume: str, name: str) -> ProgressDialog:
        engine = self.window.engine
        return self._run(
            f"Renaming {volume} to {name}", self._size(volume), engine.rename_volume, volume, name
        )

    def copy(self) -> None:
        volume = self._volume()
        if volume is not None and hasattr(self.window, "open_copy"):
            self.last = self.window.open_copy(None, volume)  # the sidebar's engines
        elif volume is not None:
            self._ask_name(
                f"Copy volume {volume} to another engine",
                "Engine address (unix:///… or tcp://host:port):",
                "",
                lambda url: self.start_copy(volume, url),
            )

    def start_copy(self, volume: str, url: str) -> ProgressDialog:
        engine = self.window.engine

        def copy(progress: Any = None, cancel: Any = None) -> int:
            target = connect(host=url)
            try:
                target.remove_helper_leftovers()
                return engine.copy_volume(volume, target, progress=progress, cancel=cancel)
            finally:
                target.close()

        return self._run(f"Copying {volume} to {url}", self._size(volume), copy)
