"""The Files tab: a volume's files as a tree; download, upload, delete, preview.

Every engine call goes through ``tasks``; every change is confirmed first.
The view's object name is ``fileBrowser`` (DESIGN, GUI contracts).
"""

from __future__ import annotations

import os
import posixpath

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from volgui.engine import Engine
from volgui.engine.data.browse import PREVIEW_LIMIT, Entry
from volgui.ui import tasks
from volgui.ui.files.model import EntryRole, FilesModel
from volgui.ui.progress import ProgressDialog

OBJECT_NAME = "fileBrowser"
PREVIEW_MAX = 256 * 1024  # files up to this size get a text preview


class FilesTab(QWidget):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filesTab")
        self.engine = engine
        self.model = FilesModel(engine, self)
        self.view = QTreeView(objectName=OBJECT_NAME)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.expanded.connect(lambda i: self.model.expand(self.model.itemFromIndex(i)))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.preview = QPlainTextEdit(objectName="filePreview", readOnly=True)
        self.preview.setPlaceholderText("Select a small text file to see it here.")
        self.hint = QLabel("Select a volume to see its files.", objectName="filesHint")
        self.download_button = QPushButton("Download…", clicked=self.download)
        self.upload_button = QPushButton("Upload…", clicked=self.upload)
        self.delete_button = QPushButton("Delete…", clicked=self.delete)
        self.refresh_button = QPushButton("Reload", clicked=lambda: self.model.reload("/"))
        buttons = QHBoxLayout()
        for b in (self.download_button, self.upload_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._preview_task: tasks.Task | None = None
        self._update_buttons()

    # -- what is shown -------------------------------------------------------

    def show_volume(self, volume: str | None) -> None:
        self.model.show_volume(volume)
        self.preview.clear()
        self.hint.setText(
            f"Files in volume <b>{volume}</b>" if volume else "Select a volume to see its files."
        )
        self._update_buttons()

    def follow(self, volumes: list[str], visible: bool) -> None:
        """The window's selection changed, or the tab was shown: list only what is seen."""
        if visible:
            self.show_volume(volumes[-1] if volumes else None)

    def current_entry(self) -> Entry | None:
        entry = self.view.currentIndex().data(EntryRole)
        return entry if isinstance(entry, Entry) else None

    def _folder(self) -> str:
        """Where an upload goes: the selected folder, or the folder of the selected file."""
        e = self.current_entry()
        if e is None:
            return "/"
        return e.path if e.is_dir else posixpath.dirname(e.path)

    def _update_buttons(self) -> None:
        has_volume = self.model.volume is not None
        entry = self.current_entry()
        self.upload_button.setEnabled(has_volume)
        self.refresh_button.setEnabled(has_volume)
        self.download_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if self._preview_task is not None:
            self._preview_task.cancel()
            self._preview_task = None
        entry = current.data(EntryRole)
        self.preview.clear()
        if not isinstance(entry, Entry) or entry.kind != "file" or self.model.volume is None:
            return
        if entry.size > PREVIEW_MAX:
            self.preview.setPlainText(f"({entry.size} bytes: too large to preview)")
            return
        self._preview_task = tasks.run(
            self, f"Reading {entry.path}", self.engine.preview_file, self.model.volume, entry.path
        ).done(lambda data, e=entry: self._show_preview(e, data))

    def _show_preview(self, entry: Entry, data: bytes | None) -> None:
        self._preview_task = None
        if data is None:
            return
        if b"\0" in data[:4096]:
            self.preview.setPlainText(f"(binary file, {entry.size} bytes)")
            return
        text = data.decode("utf-8", errors="replace")
        more = "\n…" if entry.size > PREVIEW_LIMIT else ""
        self.preview.setPlainText(text + more)

    # -- actions (each one confirmed) -----------------------------------------

    def download(self) -> QFileDialog | None:
        entry, volume = self.current_entry(), self.model.volume
        if entry is None or volume is None:
            return None
        dialog = QFileDialog(self, f"Download {entry.name} to", entry.name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda dest: self.start_download(entry, dest))
        dialog.open()
        return dialog

    def start_download(self, entry: Entry, dest: str) -> ProgressDialog | None:
        if self.model.volume is None:
            return None
        progress = ProgressDialog(f"Downloading {entry.name}", entry.size, self)
        progress.start(
            f"Downloading {entry.path}", self.engine.download, self.model.volume, entry.path, dest
        )
        return progress

    def upload(self) -> QFileDialog | None:
        if self.model.volume is None:
            return None
        dialog = QFileDialog(self, f"Upload into {self._folder()}")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.confirm_upload(list(files)))
        dialog.open()
        return dialog

    def confirm_upload(self, files: list[str]) -> QMessageBox | None:
        volume, folder = self.model.volume, self._folder()
        if volume is None or not files:
            return None
        names = ", ".join(os.path.basename(f) for f in files[:5])
        box = _ask(
            self,
            f"Upload {len(files)} file(s) ({names}) into {folder} of volume {volume}? "
            "Files of the same names there are replaced.",
        )
        box.accepted.connect(lambda: self._upload(volume, folder, files))
        box.open()
        return box

    def _upload(self, volume: str, folder: str, files: list[str]) -> ProgressDialog:
        total = sum(os.path.getsize(f) for f in files if os.path.isfile(f))
        progress = ProgressDialog(f"Uploading into {folder}", total, self)
        progress.finished_ok.connect(lambda _n: self.model.reload(folder))
        progress.start(f"Uploading into {folder}", self.engine.upload, volume, folder, files)
        return progress

    def delete(self) -> QMessageBox | None:
        entry, volume = self.current_entry(), self.model.volume
        if entry is None or volume is None:
            return None
        what = "the folder and everything in it" if entry.is_dir else "it"
        box = _ask(self, f"Delete {entry.path} from volume {volume}? This removes {what}.")
        box.accepted.connect(lambda: self._delete(volume, entry))
        box.open()
        return box

    def _delete(self, volume: str, entry: Entry) -> tasks.Task:
        parent = posixpath.dirname(entry.path)
        return tasks.run(
            self, f"Deleting {entry.path}", self.engine.delete_entry, volume, entry.path
        ).done(lambda _r: self.model.reload(parent))


def _ask(parent: QWidget, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "volgui",
        text,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("confirmData")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
