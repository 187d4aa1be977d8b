"""The window's language: Korean or English, the desktop's unless chosen.

``install(app, lang)`` puts our translator (``volgui_<lang>.qm``, compiled
from ``resources/translations/*.ts`` at build time) and Qt's own
(``qtbase_<lang>.qm``, standard buttons and dialogs) on the application, and
makes that language's ``QLocale`` the default, so dates and sizes follow it.
Installing again swaps them: Qt then sends ``LanguageChange`` to every widget,
and each of ours calls its ``retranslate()`` from ``changeEvent`` (see
``LanguageMenu`` for the pattern), so the window changes without a restart.

English is the source language; ``volgui_en.qm`` holds only its plural forms
("1 day ago" / "2 days ago" from "%n day(s) ago"). How a widget file adds its
strings (what lupdate can see): docs/i18n.md.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from importlib import resources

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from volgui.ui.settings import app_settings

log = logging.getLogger("volgui")

LANGUAGES = ("en", "ko")
# Each language's own name: a reader finds their language whatever is showing.
NATIVE_NAMES = {"en": "English", "ko": "한국어"}
SETTINGS_KEY = "view/language"
_QT_CATALOGUES = ("qtbase",)

_installed: list[QTranslator] = []
_current = "en"


def normalize(name: str | None) -> str | None:
    """'ko_KR.UTF-8', 'ko-KR', 'ko' -> 'ko'; a language we do not have -> None."""
    if not name:
        return None
    code = name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def desktop_language(environ: Mapping[str, str] | None = None) -> str:
    """The desktop's language as POSIX reads it (LC_ALL, LC_MESSAGES, LANG), then
    Qt's idea of the system locale; English when neither is one we have."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:  # the first one set decides, as in setlocale()
            return normalize(value) or "en"
    for name in QLocale.system().uiLanguages():
        found = normalize(name)
        if found:
            return found
    return "en"


def saved_language(settings: QSettings | None = None) -> str | None:
    """The language chosen in View → Language, or None (follow the desktop)."""
    value = (settings or app_settings()).value(SETTINGS_KEY, "", type=str)
    return normalize(str(value))


def save_language(lang: str | None, settings: QSettings | None = None) -> None:
    s = settings or app_settings()
    if lang is None:
        s.remove(SETTINGS_KEY)
    else:
        s.setValue(SETTINGS_KEY, lang)
    s.sync()


def current() -> str:
    """The language installed last ('en' before any install)."""
    return _current


def installed() -> bool:
    """Whether install() has put translators on the application."""
    return bool(_installed)


def qm_path(lang: str) -> str:
    """Where ``volgui_<lang>.qm`` is (package data of volgui.resources.translations)."""
    return str(resources.files("volgui.resources.translations") / f"volgui_{lang}.qm")


def install(app: QCoreApplication, lang: str | None) -> str:
    """Install the translators for ``"ko"``, ``"en"`` or None (the desktop's locale).

    Replaces whatever an earlier call installed; returns the language now in use.
    A missing ``.qm`` (the build step not run) is said once in the log, and the
    window stays in English.
    """
    global _current
    chosen = normalize(lang) if lang else desktop_language()
    if chosen is None:
        raise ValueError(f"no translation for {lang!r}: choose one of {', '.join(LANGUAGES)}")
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    locale = QLocale(chosen)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = QTranslator(app)
    if ours.load(qm_path(chosen)):
        _installed.append(ours)
    else:
        log.warning("no compiled translation at %s (run `make translations`)", qm_path(chosen))
    if chosen != "en":
        for catalogue in _QT_CATALOGUES:
            qt = QTranslator(app)
            if qt.load(locale, catalogue, "_", qt_dir):
                _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    _current = chosen
    return chosen


class LanguageMenu(QMenu):
    """View → Language: the desktop's language, English, 한국어; applies at once.

    The choice is kept in QSettings for the next start. The window adds it with
    ``view_menu.addMenu(LanguageMenu(self))``. It also shows the pattern every
    widget follows: texts set in ``retranslate()``, called from ``__init__``
    and from ``changeEvent`` on ``LanguageChange``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.system = self._add(None)
        self.by_lang = {lang: self._add(lang) for lang in LANGUAGES}
        saved = saved_language()
        (self.by_lang[saved] if saved else self.system).setChecked(True)
        self.retranslate()

    def _add(self, lang: str | None) -> QAction:
        action = QAction(NATIVE_NAMES.get(lang or "", ""), self, checkable=True)
        action.setObjectName(f"language_{lang or 'system'}")
        action.setData(lang)
        action.triggered.connect(lambda _checked=False, lang=lang: self.choose(lang))
        self.group.addAction(action)
        self.addAction(action)
        return action

    def choose(self, lang: str | None) -> None:
        """Keep ``lang`` (None: the desktop's) and switch the running window to it."""
        save_language(lang)
        app = QCoreApplication.instance()
        if app is not None:
            install(app, lang)
        (self.by_lang[lang] if lang else self.system).setChecked(True)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.system.setText(self.tr("System language"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
