"""Volume housekeeping: new, remove (confirmed), prune (previewed), sizes, inspect.

Each flow opens a non-modal dialog or runs a task, and ends in
``_after_change``, which asks for a refresh of exactly what it touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from volgui.engine.events import Notice
from volgui.engine.volumes import PruneResult
from volgui.ui import format as fmt
from volgui.ui import tasks
from volgui.ui.inspect_dialog import InspectDialog
from volgui.ui.prune_dialog import PruneDialog
from volgui.ui.volume_dialog import VolumeDialog


def _removal_question(names: list[str], in_use: list[str]) -> tuple[str, str]:
    """The confirmation's text and informative text: what goes, and what will not."""
    listed = "\n".join(f"• {n}" for n in names[:20])
    if len(names) > 20:
        listed += f"\n… and {len(names) - 20} more"
    what = f"volume {names[0]}" if len(names) == 1 else f"these {len(names)} volumes"
    if in_use:
        listed += (
            "\n\nThe engine refuses to remove a volume while any container, even a "
            "stopped one, uses it:\n" + "\n".join(in_use)
        )
    return f"Remove {what} and all the data in it?", listed


class HousekeepingMixin:
    """New / remove / prune / sizes / inspect, each off the GUI thread."""

    _sizes_task: tasks.Task | None = None

    def new_volume(self) -> VolumeDialog:
        """Open the New volume dialog (non-modal); returns it."""
        dialog = VolumeDialog(self.engine, [v.name for v in self.snapshot.volumes], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(
            lambda v: self._after_change(f"Created volume {v.name}", [v.name], select=v.name)
        )
        dialog.open()
        return dialog

    def remove_selected(self) -> QMessageBox | None:
        """Ask to remove the selected volumes (non-modal); returns the question."""
        names = self.selected_volumes()
        if not names or not self.engine_up:
            return None
        in_use = []
        for name in names:
            users = [c.name for c in self.snapshot.users_of(name)]
            if users:
                in_use.append(f"• {name} is in use by {', '.join(users)}")
        text, informative = _removal_question(names, in_use)
        box = QMessageBox(QMessageBox.Icon.Question, "Remove volumes", text, parent=self)
        box.setObjectName("confirmRemove")
        box.setInformativeText(informative)
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is remove:
                self._remove(names)

        box.finished.connect(answered)
        box.open()
        return box

    def _remove(self, names: list[str]) -> None:
        for name in names:
            tasks.run(self, f"Removing volume {name}", self.engine.remove_volume, name).done(
                lambda _r, name=name: self._after_change(f"Removed volume {name}", [name])
            )

    def prune(self) -> PruneDialog:
        """Open the Prune dialog (non-modal); returns it."""
        dialog = PruneDialog(self.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pruned.connect(self._pruned)
        dialog.open()
        return dialog

    def _pruned(self, result: PruneResult) -> None:
        message = f"Pruned {len(result.removed)} volume(s)"
        if result.kept:
            kept = "; ".join(f"{n}: {why}" for n, why in sorted(result.kept.items()))
            message += f"; kept {len(result.kept)}: {kept}"
            box = QMessageBox(QMessageBox.Icon.Information, "Prune", message, parent=self)
            box.setObjectName("pruneReport")
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()
        self._after_change(message, [*result.removed, *result.kept])

    def _after_change(self, message: str, volumes: list[str], select: str | None = None) -> None:
        self.statusBar().showMessage(message, 8000)
        if select:
            self.snapshot_changed.connect(
                lambda _s: self.select_volume(select),
                Qt.ConnectionType.SingleShotConnection,
            )
        # The event stream brings it too; asking makes the window independent of that.
        self._request(Notice(volumes=frozenset(volumes)))

    @property
    def computing_sizes(self) -> bool:
        return self._sizes_task is not None

    def compute_sizes(self) -> None:
        """Ask ``/system/df`` for sizes in the background; cancellable."""
        if self._sizes_task is not None or not self.engine_up:
            return
        self._sizes_task = (
            tasks.run(self, "Computing volume sizes", self.engine.volume_sizes)
            .done(self._on_sizes)
            .always(self._sizes_settled)
        )
        self.busy.show()
        self.cancel_sizes_button.show()
        self._update_actions()

    def cancel_sizes(self) -> None:
        if self._sizes_task is not None:
            self._sizes_task.cancel()

    def _on_sizes(self, sizes: dict[str, int]) -> None:
        self.volume_model.set_sizes(sizes)
        self._update_details()
        total = sum(s for s in sizes.values() if s > 0)
        self.statusBar().showMessage(f"Sizes computed: {fmt.size(total)} in all", 8000)

    def _sizes_settled(self) -> None:
        self._sizes_task = None
        self.busy.hide()
        self.cancel_sizes_button.hide()
        self._update_actions()

    def inspect_selected(self, kind: str) -> InspectDialog | None:
        """Open the raw inspect JSON of the current volume or container."""
        if kind == "volume":
            keys = self.selected_volumes()
            fn, title = self.engine.inspect_volume, "Volume"
        else:
            keys = self.selected_containers()
            fn, title = self.engine.inspect_container, "Container"
        if not keys:
            return None
        if kind == "volume":
            v = self.snapshot.volume(keys[-1])
            label = v.name if v else keys[-1][:12]
        else:
            c = self.snapshot.container(keys[-1])
            label = c.name if c else keys[-1][:12]
        dialog = InspectDialog(f"{title} {label}", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tasks.run(dialog, f"Inspecting {kind} {label}", fn, keys[-1]).done(dialog.set_data)
        dialog.show()
        return dialog
