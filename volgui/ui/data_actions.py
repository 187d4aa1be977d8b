"""Window actions on a volume's data: Export…, Import…, Clone…, Empty…, Rename…, Copy to engine…

``DataActions(window)`` makes the actions, a "Data" menu and a "Data" toolbar
of its own; ``add_to(menu)`` puts them in the volume context menu. Each one
asks first (a file dialog, a name, or a confirmation), then runs with a
:class:`~volgui.ui.progress.ProgressDialog`. The window needs only
``engine``, ``selected_volumes()`` and ``refresh()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from volgui.ui import tasks
from volgui.ui.progress import ProgressDialog

# key -> (text, tooltip): marked for lupdate, translated when shown (retranslate)
ACTIONS = {
    "export": (
        QT_TRANSLATE_NOOP("DataActions", "Export…"),
        QT_TRANSLATE_NOOP("DataActions", "Write the volume's files to a .tar, .tar.gz or .tar.zst"),
    ),
    "import": (
        QT_TRANSLATE_NOOP("DataActions", "Import…"),
        QT_TRANSLATE_NOOP("DataActions", "Fill a volume from an archive"),
    ),
    "clone": (
        QT_TRANSLATE_NOOP("DataActions", "Clone…"),
        QT_TRANSLATE_NOOP("DataActions", "Copy the volume to a new one"),
    ),
    "empty": (
        QT_TRANSLATE_NOOP("DataActions", "Empty…"),
        QT_TRANSLATE_NOOP("DataActions", "Remove every file in the volume"),
    ),
    "rename": (
        QT_TRANSLATE_NOOP("DataActions", "Rename…"),
        QT_TRANSLATE_NOOP("DataActions", "Rename the volume; its containers move with it"),
    ),
    "copy": (
        QT_TRANSLATE_NOOP("DataActions", "Copy to engine…"),
        QT_TRANSLATE_NOOP("DataActions", "Copy the volume to another Docker engine"),
    ),
}


class DataActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.actions: dict[str, QAction] = {}
        slots = {
            "export": self.export,
            "import": self.import_,
            "clone": self.clone,
            "empty": self.empty,
            "rename": self.rename,
            "copy": self.copy,
        }
        for key, slot in slots.items():
            action = QAction(window)
            action.setObjectName(f"data_{key}")
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.actions[key] = action
        self.menu = menu = window.menuBar().addMenu("")
        menu.setObjectName("dataMenu")
        self.bar = bar = window.addToolBar("")
        bar.setObjectName("dataToolBar")
        for action in self.actions.values():
            menu.addAction(action)
            bar.addAction(action)
        self.last: Any = None  # the dialog opened last (tests drive it)
        tasks.run(
            window,
            self.tr("Removing leftover helper containers"),
            window.engine.remove_helper_leftovers,
        )
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the window's language (the window calls this on LanguageChange)."""
        self.menu.setTitle(self.tr("&Data"))
        self.bar.setWindowTitle(self.tr("Data toolbar"))
        for key, (text, tip) in ACTIONS.items():
            self.actions[key].setText(QCoreApplication.translate("DataActions", text))
            self.actions[key].setToolTip(QCoreApplication.translate("DataActions", tip))

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in self.actions.values():
            menu.addAction(action)

    # -- helpers ---------------------------------------------------------------

    def _archives(self) -> str:
        return self.tr("Archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)")

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
        title = self.tr("Export volume {name}").format(name=volume)
        dialog = QFileDialog(self.window, title, f"{volume}.tar.gz", self._archives())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.start_export(volume, path))
        dialog.open()
        self.last = dialog

    def start_export(self, volume: str, path: str) -> ProgressDialog:
        engine = self.window.engine
        title = self.tr("Exporting volume {name}").format(name=volume)
        return self._run(title, self._size(volume), engine.export_volume, volume, path)

    def import_(self) -> None:
        volume = self._volume()
        if volume is None:
            return
        title = self.tr("Import into volume {name}").format(name=volume)
        dialog = QFileDialog(self.window, title, "", self._archives())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.confirm_import(volume, path))
        dialog.open()
        self.last = dialog

    def confirm_import(self, volume: str, path: str) -> QMessageBox:
        import os

        total = os.path.getsize(path) if os.path.isfile(path) else None
        question = self.tr(
            "Import {file} into volume {name}? If the volume holds files, they are removed first."
        ).format(file=os.path.basename(path), name=volume)
        title = self.tr("Importing into volume {name}").format(name=volume)
        return self._confirm(
            question,
            lambda: self._run(
                title,
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
                self.tr("Clone volume {name}").format(name=volume),
                self.tr("Name of the new volume:"),
                f"{volume}-copy",
                lambda name: self.start_clone(volume, name),
            )

    def start_clone(self, volume: str, name: str) -> ProgressDialog:
        engine = self.window.engine
        title = self.tr("Cloning {name} to {new}").format(name=volume, new=name)
        return self._run(title, self._size(volume), engine.clone_volume, volume, name)

    def empty(self) -> None:
        volume = self._volume()
        if volume is not None:
            self._confirm(
                self.tr(
                    "Empty volume {name}? Every file in it is removed; "
                    "containers using it keep running."
                ).format(name=volume),
                lambda: tasks.run(
                    self.window,
                    self.tr("Emptying volume {name}").format(name=volume),
                    self.window.engine.empty_volume,
                    volume,
                ).done(lambda _r: self.window.refresh()),
            )

    def rename(self) -> None:
        volume = self._volume()
        if volume is not None:
            self._ask_name(
                self.tr("Rename volume {name}").format(name=volume),
                self.tr("New name (its containers are recreated with it, running as before):"),
                volume,
                lambda name: self.start_rename(volume, name),
            )

    def start_rename(self, volume: str, name: str) -> ProgressDialog:
        engine = self.window.engine
        title = self.tr("Renaming {name} to {new}").format(name=volume, new=name)
        return self._run(title, self._size(volume), engine.rename_volume, volume, name)

    def copy(self) -> None:
        """Copy to another engine: the sidebar's dialog (its engines, or an address)."""
        volume = self._volume()
        if volume is not None:
            self.last = self.window.open_copy(None, volume)
