"""`volgui sandbox` starts a private, labelled engine and seeds a realistic sample."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

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


# -- a private sandbox (issue 10) ------------------------------------------------


def _start_in(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "volgui", "sandbox", "start", "--dir", str(directory)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _tree(directory: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(p), p.lstat().st_mode, p.lstat().st_uid) for p in [directory, *directory.rglob("*")]
    )


@pytest.mark.parametrize("how", ["foreign", "world-writable"])
def test_a_directory_others_control_is_refused_and_left_untouched(tmp_path: Path, how: str) -> None:
    box = tmp_path / "box"
    (box / "run").mkdir(parents=True)
    (box / "run" / "planted").write_text("someone else's\n")
    if how == "foreign":
        nobody = pwd.getpwnam("nobody")
        for p in (box, box / "run", box / "run" / "planted"):
            os.chown(p, nobody.pw_uid, nobody.pw_gid)
        os.chmod(box, 0o777)
    else:
        os.chmod(box, 0o777)
    before = _tree(box)
    proc = _start_in(box)
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"volgui: refusing the sandbox directory {box}: ")
    assert ("owned by nobody" in line) if how == "foreign" else ("others can write" in line)
    assert _tree(box) == before
    assert not Sandbox(box).running()


def test_the_default_directories_are_private(tmp_path: Path) -> None:
    """$XDG_RUNTIME_DIR for the socket and pid, the user's state directory for the data."""
    # Short, as /run/user/UID is: containerd's socket path below it must fit 108 bytes.
    runtime, state = Path(tempfile.mkdtemp(prefix="rt-")), tmp_path / "state"
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), XDG_STATE_HOME=str(state))
    env.pop("VOLGUI_SANDBOX_DIR", None)
    box_dir, run_dir = state / "volgui" / "sandbox", runtime / "volgui-sandbox"

    def cli(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "volgui", "sandbox", *args],
            capture_output=True, text=True, timeout=120, env=env,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    try:
        assert f"unix://{run_dir}/docker.sock" in cli("start")
        for d in (state / "volgui", box_dir, run_dir):  # (dockerd makes data/ 0710 itself)
            assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
            assert d.stat().st_uid == os.getuid()
        assert (run_dir / "dockerd.pid").exists()
        for p in [box_dir, *box_dir.glob("*"), run_dir, *run_dir.glob("*")]:
            assert not p.lstat().st_mode & 0o002, f"{p} is world-writable"
    finally:
        assert "stopped" in cli("stop")
        shutil.rmtree(runtime, ignore_errors=True)


def test_the_demo_comes_back_alive(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """On its second start the sample's long-running containers run again."""
    directory = Path(tmp_path_factory.mktemp("alive"))
    box = Sandbox(directory)
    try:
        _volgui("sandbox", "start", "--dir", str(directory), "--seed")
        box.stop()
        _volgui("sandbox", "start", "--dir", str(directory))
        states = {c.name: c.state for c in box.connect().snapshot().containers}
        assert states["shop-web"] == states["grafana"] == "running"
        assert states["prometheus"] == "exited" and states["jupyter"] == "created"
    finally:
        box.stop()
