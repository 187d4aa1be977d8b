"""Issue 10: a change survives being killed at any step (the kill matrix).

The real command line runs as a child process; it is signalled right after it
reports a step on stderr (no test hooks in the product). Afterwards there is
one container under the original name, in its original running state, with
either the old or the new mounts and every other setting as before, the data
in its volume still there, and nothing left over. SIGKILL needs `volgui
recover`; SIGTERM and SIGHUP roll back by themselves.
"""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.cli import volgui
from volgui.engine import Engine

IDLE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"]
STEPS = ["creating", "stopping", "renaming the old", "renaming the new", "starting", "removing"]
ROLLBACK = [
    "renaming the new container back",
    "renaming the old container back",
    "starting the old",
    "removing the new container",
]
JOURNAL = "volgui.change"


@dataclass
class Case:
    name: str
    volume: str
    id: str
    running: bool
    before: dict[str, Any]


def _settings(c: dict[str, Any]) -> dict[str, Any]:
    config = dict(c["Config"])
    config["Labels"] = {k: v for k, v in config["Labels"].items() if not k.startswith(JOURNAL)}
    if config["Hostname"] == c["Id"][:12]:  # Docker's default: the short id
        config["Hostname"] = "<short id>"
    host = {k: v for k, v in c["HostConfig"].items() if k not in ("Binds", "Mounts")}
    return {"config": config, "host": host}


def _mounts(c: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    return {m["Destination"]: (m.get("Name") or m["Source"], m["RW"]) for m in c["Mounts"]}


def _read(engine: Engine, container: str, path: str) -> str:
    stream, _ = engine.api.get_archive(container, path)
    with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
        member = tar.extractfile(tar.getmembers()[0])
        assert member is not None
        return member.read().decode()


@pytest.fixture
def case(engine: Engine, image: str, unique: Callable[[str], str]) -> Iterator[Case]:
    """A running container with a named volume (data in it), an env, a label, a restart policy."""
    api = engine.api
    name, volume = unique("svc"), unique("data")
    api.create_volume(volume)
    host = api.create_host_config(
        binds=[f"{volume}:/data", f"{volume}:/extra:ro"], restart_policy={"Name": "on-failure"}
    )
    made = api.create_container(
        image, IDLE, name=name, host_config=host, environment={"GREETING": "hi there"},
        labels={"app": "kill-test"},
    )  # fmt: skip
    api.start(made["Id"])
    engine.api.put_archive(made["Id"], "/data", _tar({"f": "precious\n"}))
    yield Case(name, volume, made["Id"], True, api.inspect_container(made["Id"]))
    for c in api.containers(all=True):
        if any(n.lstrip("/").startswith(name) for n in c.get("Names") or []):
            api.remove_container(c["Id"], force=True, v=False)
    api.remove_volume(volume, force=True)


def _tar(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, text in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            tar.addfile(info, io.BytesIO(text.encode()))
    return buf.getvalue()


def _start(address: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "volgui", "--host", address, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _signal_at(proc: subprocess.Popen[str], marker: str, sig: int) -> list[str]:
    """Read the progress lines until one holds ``marker``, then send ``sig``; return the lines."""
    assert proc.stderr is not None
    seen: list[str] = []
    for line in proc.stderr:
        seen.append(line.rstrip("\n"))
        if marker in line:
            proc.send_signal(sig)
            return seen
    proc.wait(30)
    raise AssertionError(f"never reported {marker!r}: {seen}")


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    _out, err = proc.communicate(timeout=60)
    return proc.returncode, err


def _whole(engine: Engine, case: Case, new_mounts: dict[str, tuple[str, bool]]) -> str:
    """Assert one whole state; return "old" or "new" (which mounts it has)."""
    api = engine.api
    ours = [
        c
        for c in api.containers(all=True)
        if any(n.lstrip("/").startswith(case.name) for n in c.get("Names") or [])
    ]
    assert [c["Names"] for c in ours] == [[f"/{case.name}"]], "one container, its own name"
    now = api.inspect_container(case.name)
    assert now["State"]["Running"] is case.running
    assert _settings(now) == _settings(case.before)
    assert _read(engine, case.name, "/data/f") == "precious\n"
    old_mounts = _mounts(case.before)
    assert _mounts(now) in (old_mounts, new_mounts)
    which = "old" if _mounts(now) == old_mounts else "new"
    assert (now["Id"] == case.id) is (which == "old")
    return which


MOUNT = ("mount", "{name}", "{volume}:/new")
UNMOUNT = ("unmount", "{name}", "/extra")


def _args(case: Case, what: tuple[str, ...]) -> list[str]:
    return [a.format(name=case.name, volume=case.volume) for a in what]


def _new_mounts(case: Case, what: tuple[str, ...]) -> dict[str, tuple[str, bool]]:
    old = _mounts(case.before)
    if what[0] == "mount":
        return {**old, "/new": (case.volume, True)}
    return {k: v for k, v in old.items() if k != "/extra"}


OUTCOMES: dict[str, str] = {}


@pytest.mark.parametrize("what", [MOUNT, UNMOUNT], ids=["mount", "unmount"])
@pytest.mark.parametrize("step", range(1, 7))
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_signal_at_any_step_leaves_one_whole_container(
    engine: Engine, sandbox_address: str, case: Case, what: tuple[str, ...], step: int, sig: int
) -> None:
    proc = _start(sandbox_address, *_args(case, what))
    _signal_at(proc, f"[{step}/6]", sig)
    code, err = _finish(proc)
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
        result = volgui(sandbox_address, "recover", case.name)
        assert result.returncode == 0, result.stderr
    else:  # rolled back by itself (or, told after the last step began, done)
        assert code in (0, 128 + signal.SIGTERM), err
        assert "Traceback" not in err
        assert not [i for i in engine.interrupted() if i.name == case.name]
    which = _whole(engine, case, _new_mounts(case, what))
    if sig == signal.SIGTERM:
        assert which == ("new" if code == 0 else "old"), err
        if code:
            assert err.strip().splitlines()[-1].startswith("volgui: interrupted by SIGTERM")
    OUTCOMES[f"{what[0]} step {step} {signal.Signals(sig).name}"] = which
    print(f"\nKILL-MATRIX {what[0]} step {step} {signal.Signals(sig).name}: {which}")


@pytest.mark.parametrize("undo", range(len(ROLLBACK)))
def test_a_kill_during_the_rollback_is_recovered(
    engine: Engine, sandbox_address: str, case: Case, undo: int
) -> None:
    """SIGTERM at step 5 starts a rollback of every step; SIGKILL lands in one of them."""
    proc = _start(sandbox_address, *_args(case, MOUNT))
    _signal_at(proc, "[5/6]", signal.SIGTERM)
    _signal_at(proc, ROLLBACK[undo], signal.SIGKILL)
    code, _err = _finish(proc)
    assert code == -signal.SIGKILL
    result = volgui(sandbox_address, "recover")
    assert result.returncode == 0, result.stderr
    which = _whole(engine, case, _new_mounts(case, MOUNT))
    print(f"\nKILL-MATRIX rollback step {undo + 1} ({ROLLBACK[undo]}) KILL: {which}")


@pytest.mark.parametrize("second", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_second_signal_does_not_cut_the_rollback_short(
    engine: Engine, sandbox_address: str, case: Case, second: int
) -> None:
    proc = _start(sandbox_address, *_args(case, MOUNT))
    _signal_at(proc, "[5/6]", signal.SIGHUP)
    _signal_at(proc, ROLLBACK[1], second)
    code, err = _finish(proc)
    assert code == 128 + signal.SIGHUP, err
    assert "rolled back" in err.strip().splitlines()[-1]
    assert _whole(engine, case, _new_mounts(case, MOUNT)) == "old"
    assert not [i for i in engine.interrupted() if i.name == case.name]


def test_recover_says_what_it_did_and_the_next_command_recovers_first(
    engine: Engine, sandbox_address: str, case: Case, unique: Callable[[str], str]
) -> None:
    proc = _start(sandbox_address, *_args(case, MOUNT))
    _signal_at(proc, "[3/6]", signal.SIGKILL)  # killed before the new one takes the name
    _finish(proc)
    [found] = [i for i in engine.interrupted() if i.name == case.name]
    assert found.how == "rollback" and found.old_id == case.id and found.was_running
    # Any changing command recovers first, and says so.
    other = volgui(sandbox_address, "mount", "no-such-container-k1", f"{unique('v')}:/x")
    assert other.returncode == 1
    assert any(
        line.startswith(f"volgui: recovered {case.name}: rolled back") for line in
        other.stderr.splitlines()
    ), other.stderr  # fmt: skip
    assert _whole(engine, case, {}) == "old"
    again = volgui(sandbox_address, "recover", case.name)
    assert again.stdout.strip() == "nothing to recover: no interrupted change"


def test_an_interrupted_change_can_be_finished_instead(
    engine: Engine, sandbox_address: str, case: Case
) -> None:
    proc = _start(sandbox_address, *_args(case, MOUNT))
    _signal_at(proc, "[3/6]", signal.SIGKILL)
    _finish(proc)
    [found] = [i for i in engine.interrupted() if i.name == case.name]
    [line] = engine.recover(found, how="finish")
    assert line.startswith(f"{case.name}: finished") and line.endswith("running)")
    assert _whole(engine, case, _new_mounts(case, MOUNT)) == "new"


def test_a_change_still_under_way_is_not_interrupted(
    engine: Engine, sandbox_address: str, image: str, unique: Callable[[str], str]
) -> None:
    """Another volgui making a change right now is left alone until it is gone."""
    name = unique("busy")
    deaf = ["sh", "-c", 'trap "" TERM; sleep 1000 & wait $!; sleep 1000']
    cid = engine.api.create_container(image, deaf, name=name)["Id"]
    engine.api.start(cid)
    try:
        # It ignores SIGTERM, so the stop step lasts its 5 s of grace; the engine goes
        # on stopping it after the kill, and recovering waits for that, then starts it.
        proc = _start(sandbox_address, "mount", "--stop-timeout", "5", name, f"{name}-v:/v")
        _signal_at(proc, "[2/6]", 0)  # signal 0: nothing sent, just "it got there"
        assert not [i for i in engine.interrupted() if i.name == name]
        proc.kill()
        _finish(proc)
        [found] = [i for i in engine.interrupted() if i.name == name]
        assert found.how == "rollback"
        [line] = engine.recover(found)
        assert line.startswith(f"{name}: rolled back") and line.endswith("running)")
        assert engine.inspect_container(name)["Id"] == cid
        # Not a stop still pending: the engine has nothing more to do to it.
        assert engine.api.inspect_container(cid)["State"]["Running"]
    finally:
        for c in engine.api.containers(all=True):
            if any(n.lstrip("/").startswith(name) for n in c.get("Names") or []):
                engine.api.remove_container(c["Id"], force=True, v=False)
        engine.api.remove_volume(f"{name}-v", force=True)
