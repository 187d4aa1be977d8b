"""`volgui sandbox` starts a private, labelled engine and seeds a realistic sample."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from volgui.engine.sandbox import Sandbox


def _volgui(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "volgui", *args], capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_start_seed_status_stop(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    directory = Path(tmp_path_factory.mktemp("seeded"))
    box = Sandbox(directory)
    try:
        assert "running at" in _volgui("sandbox", "start", "--dir", str(directory), "--seed")
        assert box.address in _volgui("sandbox", "status", "--dir", str(directory))
        engine = box.connect()
        assert engine.info().sandbox
        snap = engine.snapshot()
        named = [v for v in snap.volumes if not v.anonymous]
        assert len(named) >= 12 and sum(bool(v.labels) for v in named) >= 6
        assert sum(v.anonymous for v in snap.volumes) >= 3
        assert any(len(v.used_by) >= 2 for v in snap.volumes)  # shared volumes
        assert any(not v.used_by for v in snap.volumes)  # something for prune to find
        assert any(len([m for m in c.mounts if m.type == "volume"]) >= 2 for c in snap.containers)
        kinds = Counter(m.type for m in snap.mounts)
        assert kinds["bind"] >= 1 and kinds["tmpfs"] >= 1
        assert any(m.read_only for m in snap.mounts)
        states = {c.state for c in snap.containers}
        assert {"running", "exited", "created"} <= states
        # Seeding again changes nothing: it only adds what is missing.
        _volgui("sandbox", "start", "--dir", str(directory), "--seed")
        again = box.connect().snapshot()
        assert [v.name for v in again.volumes] == [v.name for v in snap.volumes]
        assert [c.id for c in again.containers] == [c.id for c in snap.containers]
    finally:
        assert "stopped" in _volgui("sandbox", "stop", "--dir", str(directory))
    assert "stopped" in _volgui("sandbox", "status", "--dir", str(directory))
    assert not box.running()


def test_an_unusable_directory_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    proc = subprocess.run(
        [sys.executable, "-m", "volgui", "sandbox", "start", "--dir", str(blocker / "box")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith("volgui: cannot prepare the sandbox directory ") and str(blocker) in line


def test_another_sandbox_object_can_stop_it(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    # The stopping object did not start dockerd, yet this process is its parent:
    # stop() must reap it rather than wait forever on a zombie.
    directory = Path(tmp_path_factory.mktemp("twice"))
    Sandbox(directory).start()
    other = Sandbox(directory)
    assert other.running()
    assert other.stop(timeout=20)
    assert not other.running() and not Sandbox(directory).running()
