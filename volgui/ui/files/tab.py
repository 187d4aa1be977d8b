"""The Files tab: a volume's files as a tree; download, upload, delete, preview.

Every engine call goes through ``tasks``; every change is confirmed first.
The view's object name is ``fileBrowser`` (DESIGN, GUI contracts).
"""

from __future__ import annotations

import os
import posixpath
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, Qt
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
        self.hint = QLabel(objectName="filesHint")
        self.download_button = QPushButton(clicked=self.download)
        self.upload_button = QPushButton(clicked=self.upload)
        self.delete_button = QPushButton(clicked=self.delete)
        self.refresh_button = QPushButton(clicked=lambda: self.model.reload("/"))
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
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the tab in the window's language (also on LanguageChange)."""
        self.preview.setPlaceholderText(self.tr("Select a small text file to see it here."))
        self.download_button.setText(self.tr("Download…"))
        self.upload_button.setText(self.tr("Upload…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.refresh_button.setText(self.tr("Reload"))
        self.model.retranslate()
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_hint(self) -> None:
        volume = self.model.volume
        self.hint.setText(
            self.tr("Files in volume <b>{name}</b>").format(name=escape(volume))
            if volume
            else self.tr("Select a volume to see its files.")
        )

    # -- what is shown -------------------------------------------------------

    def show_volume(self, volume: str | None) -> None:
        self.model.show_volume(volume)
        self.preview.clear()
        self._update_hint()
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
            self.preview.setPlainText(
                self.tr("({size} bytes: too large to preview)").format(size=entry.size)
            )
            return
        self._preview_task = tasks.run(
            self,
            self.tr("Reading {path}").format(path=entry.path),
            self.engine.preview_file,
            self.model.volume,
            entry.path,
        ).done(lambda data, e=entry: self._show_preview(e, data))

    def _show_preview(self, entry: Entry, data: bytes | None) -> None:
        self._preview_task = None
        if data is None:
            return
        if b"\0" in data[:4096]:
            self.preview.setPlainText(
                self.tr("(binary file, {size} bytes)").format(size=entry.size)
            )
            return
        text = data.decode("utf-8", errors="replace")
        more = "\n…" if entry.size > PREVIEW_LIMIT else ""
        self.preview.setPlainText(text + more)

    # -- actions (each one confirmed) -----------------------------------------

    def download(self) -> QFileDialog | None:
        entry, volume = self.current_entry(), self.model.volume
        if entry is None or volume is None:
            return None
        title = self.tr("Download {name} to").format(name=entry.name)
        dialog = QFileDialog(self, title, entry.name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda dest: self.start_download(entry, dest))
        dialog.open()
        return dialog

    def start_download(self, entry: Entry, dest: str) -> ProgressDialog | None:
        if self.model.volume is None:
            return None
        title = self.tr("Downloading {name}").format(name=entry.name)
        progress = ProgressDialog(title, entry.size, self)
        what = self.tr("Downloading {path}").format(path=entry.path)
        progress.start(what, self.engine.download, self.model.volume, entry.path, dest)
        return progress

    def upload(self) -> QFileDialog | None:
        if self.model.volume is None:
            return None
        dialog = QFileDialog(self, self.tr("Upload into {folder}").format(folder=self._folder()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.confirm_upload(list(files)))
        dialog.open()
        return dialog

    def confirm_upload(self, files: list[str]) -> QMessageBox | None:
        volume, folder = self.model.volume, self._folder()
        if volume is None or not files:
            return None
        names = ", ".join(os.path.basename(f) for f in files[:5])
        question = self.tr(
            "Upload %n file(s) ({names}) into {folder} of volume {volume}? "
            "Files of the same names there are replaced.",
            "",
            len(files),
        ).format(names=names, folder=folder, volume=volume)
        box = _ask(self, question)
        box.accepted.connect(lambda: self._upload(volume, folder, files))
        box.open()
        return box

    def _upload(self, volume: str, folder: str, files: list[str]) -> ProgressDialog:
        total = sum(os.path.getsize(f) for f in files if os.path.isfile(f))
        title = self.tr("Uploading into {folder}").format(folder=folder)
        progress = ProgressDialog(title, total, self)
        progress.finished_ok.connect(lambda _n: self.model.reload(folder))
        progress.start(title, self.engine.upload, volume, folder, files)
        return progress

    def delete(self) -> QMessageBox | None:
        entry, volume = self.current_entry(), self.model.volume
        if entry is None or volume is None:
            return None
        if entry.is_dir:
            question = self.tr(
                "Delete {path} from volume {volume}? This removes the folder and everything in it."
            )
        else:
            question = self.tr("Delete {path} from volume {volume}? This removes it.")
        box = _ask(self, question.format(path=entry.path, volume=volume))
        box.accepted.connect(lambda: self._delete(volume, entry))
        box.open()
        return box

    def _delete(self, volume: str, entry: Entry) -> tasks.Task:
        parent = posixpath.dirname(entry.path)
        return tasks.run(
            self,
            self.tr("Deleting {path}").format(path=entry.path),
            self.engine.delete_entry,
            volume,
            entry.path,
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
