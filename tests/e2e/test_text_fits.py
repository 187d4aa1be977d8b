"""No text wider than its widget, in English and Korean, at 100 % and 200 % scale.

The window (and the run dialog) on Xvfb through Qt's xcb plugin, with the real
fonts `make` installs (fonts-noto-cjk for Korean): every visible label,
button, tab, column title and menu title must fit the room it is given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_xvfb import x_display  # noqa: F401 - the fixture

HERE = Path(__file__).parent
MENUS = {"en": ["&View", "&Data", "&Engines"], "ko": ["보기(&V)", "데이터(&D)", "엔진(&E)"]}


@pytest.mark.parametrize("scale", ["1", "2"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_text_fits_its_widget(
    x_display: str,  # noqa: F811
    sandbox_address: str,
    tmp_path: Path,
    lang: str,
    scale: str,
) -> None:
    shot = tmp_path / f"window-{lang}-{scale}.png"
    env = dict(
        os.environ,
        DISPLAY=x_display,
        QT_QPA_PLATFORM="xcb",
        QT_SCALE_FACTOR=scale,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    proc = subprocess.run(
        [sys.executable, str(HERE / "fits_app.py"), sandbox_address, lang, str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found.pop("menus") == MENUS[lang]  # the window really is in that language
    assert found == {"window": [], "run dialog": []}
    for picture in (shot, shot.with_name(shot.stem + "-run.png")):
        assert picture.stat().st_size > 10_000  # a real screenshot, not an empty grab
