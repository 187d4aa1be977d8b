"""The window's language: the View menu (with View → Language) and rewriting every
text of the window when the language changes, without a restart.

``i18n.install`` makes Qt send ``LanguageChange``; the window's ``changeEvent``
calls :meth:`LanguageMixin._retranslate`, which asks each part of the window
to write its texts again. Widgets of their own (tables, details, banner, the
graph panel and view, the Files tab, the language menu) answer the event
themselves; QActions and plain QObjects get no event, so they are asked here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from volgui.ui.i18n import LanguageMenu


class LanguageMixin:
    """View menu, ``tr()`` that finds the mixins' plurals, and ``_retranslate()``."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the window's language, from the class (mixin) that says it.

        lupdate names a string's context after the class it is written in, a
        mixin here. PySide6's ``tr()`` walks the class's MRO for that context, but
        for a plural it stops at the first class (the source with %n filled in
        never equals the source), so the mixins' plurals would stay English.
        This walks it the same way for both: the first class that has it wins.
        """
        plain = QCoreApplication.translate("", text, disambiguation, n)
        for cls in type(self).__mro__:
            found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if found != plain:
                return found
        return plain

    def _build_view_menu(self) -> None:
        self.view_menu = QMenu(self)
        self.view_menu.setObjectName("viewMenu")
        self.menuBar().addMenu(self.view_menu)
        for action in (self.refresh_action, self.filter_action, None, self.graph_action):
            if action is None:
                self.view_menu.addSeparator()
            else:
                self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.language_menu = LanguageMenu(self)
        self.view_menu.addMenu(self.language_menu)

    def _retranslate(self) -> None:
        """Every text the window sets itself, in the language installed now."""
        self.view_menu.setTitle(self.tr("&View"))
        self._retranslate_actions()
        self._retranslate_status_bar()
        self._retranslate_data_section()
        self.container_actions.retranslate()
        self._retranslate_engines()
        self._update_titles()
