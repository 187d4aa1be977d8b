"""Drag-to-mount with the real mouse: xdotool on Xvfb, through Qt's xcb plugin.

The offscreen tests send drag events by hand; this one lets X and Qt's own
drag machinery carry a volume row to a container row, then clicks OK.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.e2e.test_xvfb import x_display  # noqa: F401 - the fixture

HERE = Path(__file__).parent


def _line(proc: subprocess.Popen[str], word: str, timeout: float = 60) -> list[str]:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        text = proc.stdout.readline()
        if not text:
            break
        words = text.split()
        if words and words[0] == word:
            return words[1:]
    proc.kill()
    _, err = proc.communicate()
    raise AssertionError(f"drag app never said {word!r}: {err[-2000:]}")


def _drag_and_confirm(proc: subprocess.Popen[str], xdotool: str, env: dict[str, str]) -> str:
    vx, vy, cx, cy = (int(w) for w in _line(proc, "rows"))

    def xdo(*args: object) -> None:
        subprocess.run([xdotool, *map(str, args)], env=env, check=True, timeout=30)

    # Press on the volume row, move past the drag distance, travel, release.
    xdo("mousemove", vx, vy)
    xdo("mousedown", 1)
    steps = 12
    for i in range(1, steps + 1):  # a hand's path, a point at a time
        xdo("mousemove", vx + (cx - vx) * i // steps, vy + (cy - vy) * i // steps)
        time.sleep(0.05)  # ok: the X server and Qt's drag loop take each move in turn
    xdo("mousemove", cx, cy + 1)
    time.sleep(0.2)  # ok: the drop target takes the last move before the release
    xdo("mouseup", 1)
    ox, oy = (int(w) for w in _line(proc, "ready"))
    xdo("mousemove", ox, oy, "click", 1)
    (new_id,) = _line(proc, "applied")
    return new_id


def test_dragging_a_volume_row_onto_a_container_row_with_the_mouse_mounts_it(
    x_display: str,  # noqa: F811
    sandbox_address: str,
    docker: Callable[..., str],
    unique: Callable[[str], str],
    image: str,
    leave_engine_clean: None,
) -> None:
    xdotool = shutil.which("xdotool")
    assert xdotool, "xdotool is not installed (Debian: xdotool; make test installs it)"
    token = unique("xdrag")
    vol, name = f"{token}-vol", f"{token}-ctr"
    docker("volume", "create", vol)
    docker("create", "--name", name, image, "sleep", "600")
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    with subprocess.Popen(
        [sys.executable, str(HERE / "drag_app.py"), sandbox_address, token],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        try:
            new_id = _drag_and_confirm(proc, xdotool, env)
            assert proc.wait(timeout=60) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    after = json.loads(docker("inspect", name))[0]
    assert after["Id"] == new_id
    assert {m["Destination"]: m.get("Name") for m in after["Mounts"]} == {f"/mnt/{vol}": vol}
