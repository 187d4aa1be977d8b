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


class HousekeepingMixin:
    """New / remove / prune / sizes / inspect, each off the GUI thread."""

    _sizes_task: tasks.Task | None = None

    def new_volume(self) -> VolumeDialog:
        """Open the New volume dialog (non-modal); returns it."""
        dialog = VolumeDialog(self.engine, [v.name for v in self.snapshot.volumes], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(
            lambda v: self._after_change(
                self.tr("Created volume {name}").format(name=v.name), [v.name], select=v.name
            )
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
                in_use.append(
                    self.tr("• {name} is in use by {users}").format(
                        name=name, users=", ".join(users)
                    )
                )
        text, informative = self._removal_question(names, in_use)
        title = self.tr("Remove volumes")
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("confirmRemove")
        box.setInformativeText(informative)
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is remove:
                self._remove(names)

        box.finished.connect(answered)
        box.open()
        return box

    def _removal_question(self, names: list[str], in_use: list[str]) -> tuple[str, str]:
        """The confirmation's text and informative text: what goes, and what will not."""
        listed = "\n".join(f"• {n}" for n in names[:20])
        if len(names) > 20:
            listed += "\n" + self.tr("… and {n} more").format(n=len(names) - 20)
        if in_use:
            listed += "\n\n" + self.tr(
                "The engine refuses to remove a volume while any container, even a "
                "stopped one, uses it:"
            )
            listed += "\n" + "\n".join(in_use)
        if len(names) == 1:
            text = self.tr("Remove volume {name} and all the data in it?").format(name=names[0])
        else:
            text = self.tr("Remove these %n volume(s) and all the data in them?", "", len(names))
        return text, listed

    def _remove(self, names: list[str]) -> None:
        for name in names:
            what = self.tr("Removing volume {name}").format(name=name)
            done = self.tr("Removed volume {name}").format(name=name)
            tasks.run(self, what, self.engine.remove_volume, name).done(
                lambda _r, name=name, done=done: self._after_change(done, [name])
            )

    def prune(self) -> PruneDialog:
        """Open the Prune dialog (non-modal); returns it."""
        dialog = PruneDialog(self.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pruned.connect(self._pruned)
        dialog.open()
        return dialog

    def _pruned(self, result: PruneResult) -> None:
        message = self.tr("Pruned %n volume(s)", "", len(result.removed))
        if result.kept:
            kept = "; ".join(f"{n}: {why}" for n, why in sorted(result.kept.items()))
            message += "; " + self.tr("kept {n}: {kept}").format(n=len(result.kept), kept=kept)
            title = self.tr("Prune")
            box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self)
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
            tasks.run(self, self.tr("Computing volume sizes"), self.engine.volume_sizes)
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
        message = self.tr("Sizes computed: {size} in all").format(size=fmt.size(total))
        self.statusBar().showMessage(message, 8000)

    def _sizes_settled(self) -> None:
        self._sizes_task = None
        self.busy.hide()
        self.cancel_sizes_button.hide()
        self._update_actions()

    def inspect_selected(self, kind: str) -> InspectDialog | None:
        """Open the raw inspect JSON of the current volume or container."""
        if kind == "volume":
            keys = self.selected_volumes()
            fn, title = self.engine.inspect_volume, self.tr("Volume {name}")
        else:
            keys = self.selected_containers()
            fn, title = self.engine.inspect_container, self.tr("Container {name}")
        if not keys:
            return None
        if kind == "volume":
            v = self.snapshot.volume(keys[-1])
            label = v.name if v else keys[-1][:12]
        else:
            c = self.snapshot.container(keys[-1])
            label = c.name if c else keys[-1][:12]
        dialog = InspectDialog(title.format(name=label), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        what = (
            self.tr("Inspecting volume {name}")
            if kind == "volume"
            else self.tr("Inspecting container {name}")
        ).format(name=label)
        tasks.run(dialog, what, fn, keys[-1]).done(dialog.set_data)
        dialog.show()
        return dialog
