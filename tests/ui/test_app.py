"""`volgui` with no command opens the window; --sandbox-fallback opens the demo."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from volgui.engine.sandbox import Sandbox


def _volgui(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = dict(
        os.environ,
        VOLGUI_EXIT_WHEN_FILLED="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "volgui", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def test_no_command_opens_a_filled_window(
    sandbox_address: str, tmp_path: Path, docker: Callable[..., str]
) -> None:
    proc = _volgui(["--host", sandbox_address], tmp_path)
    assert proc.returncode == 0, proc.stderr
    word, title, count = proc.stdout.splitlines()[0].split("\t")
    assert word == "filled"
    assert title == f"volgui — default · {sandbox_address} (sandbox engine)"
    assert count == f"{len(docker('volume', 'ls', '-q').split())} volumes"
    assert list((tmp_path / "config").rglob("volgui.ini")), "settings kept in XDG_CONFIG_HOME"


def test_sandbox_fallback_opens_the_seeded_sandbox(tmp_path: Path) -> None:
    where = tmp_path / "demo"
    try:
        proc = _volgui(
            ["--sandbox-fallback"],
            tmp_path,
            DOCKER_HOST=f"unix://{tmp_path}/nothing-here.sock",
            VOLGUI_SANDBOX_DIR=str(where),
        )
        assert proc.returncode == 0, proc.stderr
        assert "starting the sandbox engine with sample data" in proc.stderr
        word, title, count = proc.stdout.splitlines()[0].split("\t")
        assert word == "filled" and title.endswith("(sandbox engine)")
        # The window closed: the demo engine it started is stopped, its data kept.
        assert not Sandbox(where).running()
        engine = Sandbox(where).start()
        names = {v.name for v in engine.snapshot().volumes}
        engine.close()
        assert "shop-pgdata" in names and count == f"{len(names)} volumes"
    finally:
        Sandbox(where).stop()


def test_no_command_opens_the_window_while_the_engine_is_down(tmp_path: Path) -> None:
    """`volgui` on a stopped engine shows the banner, then fills once the engine starts."""
    box = Sandbox(tmp_path / "engine")
    environ = dict(
        os.environ,
        VOLGUI_EXIT_WHEN_FILLED="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    stderr = (tmp_path / "stderr").open("w+")  # a file: a pipe nobody reads could fill
    proc = subprocess.Popen(
        [sys.executable, "-m", "volgui", "--host", box.address],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=environ,
    )
    watchdog = threading.Timer(120, proc.kill)  # a hung window fails the test, not the run
    watchdog.start()
    try:
        assert proc.stdout is not None
        # readline blocks until the window says something: no sleeping, no polling.
        down = proc.stdout.readline()
        assert down == f"down\t{box.address}: no socket there\n", stderr.name
        box.start().close()
        word, title, count = proc.stdout.readline().rstrip("\n").split("\t")
        assert (word, title, count) == (
            "filled",
            f"volgui — {box.address} (sandbox engine)",
            "0 volumes",
        )
        assert proc.wait(timeout=60) == 0
        stderr.seek(0)
        assert "Traceback" not in stderr.read()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr.close()
        assert proc.stdout is not None
        proc.stdout.close()
        box.stop()


def test_no_display_is_one_clear_line(sandbox_address: str, tmp_path: Path) -> None:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    proc = subprocess.run(
        [sys.executable, "-m", "volgui", "--host", sandbox_address],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("volgui: no display to open the window on")
    assert proc.stderr.count("\n") == 1
