"""The real thing: `volgui` as a process on an X server (Xvfb) through Qt's xcb plugin.

Offscreen tests cannot see a missing xcb library; this one fails when `make run`
could not open a window on a desktop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def x_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed (Debian: xvfb; make test installs it)"
    read, write = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not report its display"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_window_opens_and_fills_on_x(
    x_display: str, sandbox_address: str, tmp_path: Path, docker: Callable[..., str]
) -> None:
    env = dict(
        os.environ,
        DISPLAY=x_display,
        QT_QPA_PLATFORM="xcb",
        VOLGUI_EXIT_WHEN_FILLED="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "volgui", "--host", sandbox_address],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    word, title, count = proc.stdout.splitlines()[0].split("\t")
    assert word == "filled" and title.endswith("(sandbox engine)")
    assert count == f"{len(docker('volume', 'ls', '-q').split())} volumes"
    assert "could not load the Qt platform plugin" not in proc.stderr
