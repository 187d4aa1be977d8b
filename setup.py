"""The build step pyproject.toml cannot say: compile the translations.

build_py runs ``tools/translations.py release`` (lrelease from PySide6,
a build requirement) before it copies package data, so every wheel and every
editable install carries ``volgui/resources/translations/volgui_*.qm``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import translations  # noqa: E402


class BuildWithTranslations(build_py):
    def run(self) -> None:
        translations.release()
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
