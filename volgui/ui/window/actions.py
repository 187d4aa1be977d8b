"""The window's actions and their shortcuts, as one table; the toolbar; context menus.

Each row of :data:`ACTIONS` becomes ``window.<name>_action``, its slot the
window's method of that name. An action that no table holds is held by the
window too, so its shortcut works while the toolbar is hidden (its context
menu can hide it); one held by tables is scoped to them (Delete must stay a
text key in the filter box).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMenu, QToolBar, QWidget

from volgui.ui import icons
from volgui.ui.table_model import ItemRole

# Standard keys are turned into QKeySequence only once the application
# exists: the platform decides them.
Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One action: its text, the window method it runs, its key, icon and tooltip.

    ``text`` and ``tip`` are English, marked for lupdate (context ``ActionsMixin``);
    the window shows them translated (``_retranslate_actions``)."""

    name: str
    text: str
    slot: str
    key: Key | None = None
    icon: str | None = None
    tip: str = ""
    held_by: tuple[str, ...] = ()  # window attributes (tables) that scope the shortcut
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "refresh", QT_TRANSLATE_NOOP("ActionsMixin", "Refresh"), "refresh",
        QKeySequence.StandardKey.Refresh, "refresh",  # F5
        QT_TRANSLATE_NOOP("ActionsMixin", "Read everything again"),
    ),
    ActionSpec(
        "new", QT_TRANSLATE_NOOP("ActionsMixin", "New volume…"), "new_volume",
        QKeySequence.StandardKey.New, "volume-new",
    ),
    ActionSpec(
        "remove", QT_TRANSLATE_NOOP("ActionsMixin", "Remove"), "remove_selected",
        QKeySequence.StandardKey.Delete, "volume-remove",
        QT_TRANSLATE_NOOP("ActionsMixin", "Remove the selected volumes"),
        held_by=("volume_table",),
    ),
    ActionSpec(
        "prune", QT_TRANSLATE_NOOP("ActionsMixin", "Prune…"), "prune", "Ctrl+Shift+P", "prune",
        QT_TRANSLATE_NOOP(
            "ActionsMixin", "Remove volumes no container uses, after showing exactly which"
        ),
    ),
    ActionSpec(
        "sizes", QT_TRANSLATE_NOOP("ActionsMixin", "Compute sizes"), "compute_sizes",
        "Ctrl+Shift+S", "sizes",
        QT_TRANSLATE_NOOP(
            "ActionsMixin",
            "Ask the engine how much each volume holds (walks every volume: can be slow)",
        ),
    ),
    ActionSpec(
        "filter", QT_TRANSLATE_NOOP("ActionsMixin", "Filter"), "focus_filter",
        QKeySequence.StandardKey.Find,  # Ctrl+F
    ),
    ActionSpec(
        "quit", QT_TRANSLATE_NOOP("ActionsMixin", "Quit"), "close",
        QKeySequence.StandardKey.Quit,  # Ctrl+Q
    ),
    ActionSpec(
        "copy", QT_TRANSLATE_NOOP("ActionsMixin", "Copy name"), "copy_selected",
        QKeySequence.StandardKey.Copy, held_by=("volume_table", "container_table"),
    ),
    ActionSpec(
        "graph", QT_TRANSLATE_NOOP("ActionsMixin", "Mount graph"), "toggle_graph", "Ctrl+G",
        "graph", QT_TRANSLATE_NOOP("ActionsMixin", "Show or hide the mount graph"),
        checkable=True,
    ),
)  # fmt: skip

# Every keyboard shortcut of the window, by action name.
SHORTCUTS: dict[str, Key] = {a.name: a.key for a in ACTIONS if a.key is not None}

# The toolbar, left to right: action names, "|" a separator, or a widget attribute.
TOOLBAR = (
    *("refresh", "new", "remove", "prune", "sizes", "|"),
    *("filter_box", "anonymous_box", "graph"),
)


class ActionsMixin:
    """Builds ``ACTIONS``, the toolbar and the context menus of the window."""

    def _make_action(self, spec: ActionSpec) -> QAction:
        window: QWidget = self  # type: ignore[assignment]
        action = QAction(window)
        slot = getattr(self, spec.slot)
        action.triggered.connect(lambda _checked=False: slot())
        if spec.key is not None:
            action.setShortcut(QKeySequence(spec.key))
        if spec.icon is not None:
            action.setIcon(icons.icon(spec.icon))
        action.setCheckable(spec.checkable)
        if spec.held_by:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            for holder in spec.held_by:
                getattr(self, holder).addAction(action)
        else:
            window.addAction(action)
        return action

    def _build_actions(self) -> None:
        for spec in ACTIONS:
            setattr(self, f"{spec.name}_action", self._make_action(spec))
        self.graph_action.setChecked(True)
        self.filter_box = QLineEdit(objectName="filterBox", clearButtonEnabled=True)
        self.filter_box.setMaximumWidth(320)
        self.filter_box.textChanged.connect(self.set_filter)
        self.anonymous_box = QCheckBox(objectName="showAnonymous")
        self.anonymous_box.setChecked(True)
        self.anonymous_box.toggled.connect(self._set_show_anonymous)
        self._build_toolbar()
        self._update_actions()

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("")
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in TOOLBAR:
            if item == "|":
                bar.addSeparator()
            elif item.endswith("_box"):
                bar.addWidget(getattr(self, item))
            else:
                bar.addAction(getattr(self, f"{item}_action"))

    def _retranslate_actions(self) -> None:
        """The actions' texts and tooltips, the toolbar's words, in the window's language."""
        for spec in ACTIONS:
            action = getattr(self, f"{spec.name}_action")
            text = QCoreApplication.translate("ActionsMixin", spec.text)
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = QCoreApplication.translate("ActionsMixin", spec.tip) if spec.tip else ""
            tip = tip or text.rstrip("…")
            action.setToolTip(tip + (f" ({keys})" if keys else ""))
        self.filter_box.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.filter_box.setToolTip(
            self.tr(
                "Show only the volumes (name, driver, labels) and containers"
                " (name, image, state, mounts) that contain this text"
            )
        )
        self.anonymous_box.setText(self.tr("Anonymous volumes"))
        self.anonymous_box.setToolTip(self.tr("Show volumes Docker created without a name"))
        self.findChild(QToolBar, "mainToolBar").setWindowTitle(self.tr("Main toolbar"))

    def _update_actions(self) -> None:
        if not hasattr(self, "sizes_action"):  # selection signals during construction
            return
        up = self.engine_up
        self.new_action.setEnabled(up)
        self.prune_action.setEnabled(up)
        self.remove_action.setEnabled(up and bool(self.selected_volumes()))
        self.sizes_action.setEnabled(up and self._sizes_task is None)

    def copy_selected(self) -> None:
        focus = self.container_table if self.container_table.hasFocus() else self.volume_table
        rows = focus.selectionModel().selectedRows()
        names = [getattr(i.data(ItemRole), "name", "") for i in rows]
        if names:
            QGuiApplication.clipboard().setText("\n".join(names))

    def _volume_menu(self, pos: object) -> None:
        if not self.selected_volumes():
            return
        menu = QMenu(self)
        menu.setObjectName("volumeMenu")
        menu.addAction(self.copy_action)
        menu.addAction(self.tr("Inspect"), lambda: self.inspect_selected("volume"))
        menu.addSeparator()
        menu.addAction(self.remove_action)
        self._add_data_actions(menu)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.volume_table.viewport().mapToGlobal(pos))

    def _container_menu(self, pos: object) -> None:
        if not self.selected_containers():
            return
        menu = QMenu(self)
        menu.setObjectName("containerMenu")
        menu.addAction(self.copy_action)
        menu.addAction(
            self.tr("Copy id"),
            lambda: QGuiApplication.clipboard().setText("\n".join(self.selected_containers())),
        )
        menu.addAction(self.tr("Inspect"), lambda: self.inspect_selected("container"))
        menu.addSeparator()
        self.container_actions.add_to(menu)  # start, stop, mounts…, duplicate…, remove
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.container_table.viewport().mapToGlobal(pos))
