"""Volume housekeeping: each refusal says why and changes nothing on the engine."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from volgui.engine import (
    Engine,
    EngineUnavailable,
    InvalidInput,
    NotFound,
    VolumeExists,
    VolumeInUse,
    connect,
)


def _volume_names(docker: Any) -> set[str]:
    return set(docker("volume", "ls", "-q").split())


def test_create_volume_with_driver_options_and_labels(
    engine: Engine, docker: Any, unique: Any
) -> None:
    name = unique("vol")
    engine.create_volume(
        name, "local", {"type": "tmpfs", "device": "tmpfs"}, {"app": "shop", "설명": "캐시"}
    )
    held = json.loads(docker("volume", "inspect", name))[0]
    assert held["Driver"] == "local"
    assert held["Options"] == {"type": "tmpfs", "device": "tmpfs"}
    assert held["Labels"] == {"app": "shop", "설명": "캐시"}


def test_create_refuses_existing_name_and_keeps_it(
    engine: Engine, docker: Any, unique: Any
) -> None:
    name = unique("vol")
    docker("volume", "create", "--label", "keep=me", name)
    with pytest.raises(VolumeExists, match=f"volume {name} already exists"):
        engine.create_volume(name, labels={"other": "x"})
    assert json.loads(docker("volume", "inspect", name))[0]["Labels"] == {"keep": "me"}


@pytest.mark.parametrize("bad", ["", "a", "-lead", "has space", "slash/name", "ünicode", ".x"])
def test_create_refuses_bad_name_before_sending(engine: Engine, docker: Any, bad: str) -> None:
    before_names, before_requests = _volume_names(docker), engine.api.requests_sent
    with pytest.raises(InvalidInput, match="name"):
        engine.create_volume(bad)
    assert engine.api.requests_sent == before_requests  # refused before anything was sent
    assert _volume_names(docker) == before_names


def test_remove_volume(engine: Engine, docker: Any, unique: Any) -> None:
    name = unique("vol")
    docker("volume", "create", name)
    engine.remove_volume(name)
    assert name not in _volume_names(docker)
    with pytest.raises(NotFound, match=f"no such volume: {name}"):
        engine.remove_volume(name)


def test_remove_in_use_names_every_user_and_keeps_the_volume(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    name, never_started, stopped = unique("vol"), unique("fresh"), unique("done")
    docker("create", "--name", never_started, "-v", f"{name}:/data", image, "true")
    docker("run", "--name", stopped, "-v", f"{name}:/data:ro", image, "true")
    with pytest.raises(VolumeInUse) as caught:
        engine.remove_volume(name)
    assert set(caught.value.users) == {never_started, stopped}
    assert never_started in str(caught.value) and stopped in str(caught.value)
    assert name in _volume_names(docker)


def test_prune_removes_exactly_the_preview_and_keeps_one_used_meanwhile(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    named_unused, named_used = unique("unused"), unique("used")
    docker("volume", "create", named_unused)
    docker("create", "--name", unique("holder"), "-v", f"{named_used}:/d", image, "true")
    anon: list[str] = []
    for _ in range(3):  # anonymous volumes left behind by removed containers
        cid = docker("create", "-v", "/anon", image, "true")
        mount = json.loads(docker("inspect", cid))[0]["Mounts"][0]["Name"]
        docker("rm", cid)  # without -v: the anonymous volume stays, dangling
        anon.append(mount)

    preview = {v.name for v in engine.prune_preview()}
    assert set(anon) <= preview
    assert named_unused not in preview and named_used not in preview
    assert all(v.anonymous for v in engine.prune_preview())
    with_named = {v.name for v in engine.prune_preview(include_named=True)}
    assert named_unused in with_named and named_used not in with_named

    # Between preview and prune, a container starts using one of the previewed volumes.
    docker("create", "--name", unique("late"), "-v", f"{anon[0]}:/late", image, "true")
    before = _volume_names(docker)
    result = engine.prune(sorted(preview))
    assert set(result.removed) == preview - {anon[0]}
    assert anon[0] in result.kept and "in use" in result.kept[anon[0]]
    assert _volume_names(docker) == before - set(result.removed)


def test_engine_down_is_one_clear_error(tmp_path: Any) -> None:
    address = f"unix://{tmp_path}/nothing.sock"
    with pytest.raises(EngineUnavailable) as caught:
        connect(address)
    assert address in str(caught.value) and "\n" not in str(caught.value)
    proc = subprocess.run(
        [sys.executable, "-m", "volgui", "--host", address, "graph"], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"volgui: cannot reach the Docker engine at {address}")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("tcp://127.0.0.1:1", "connection refused"),
        ("tcp://no-such-host.invalid:2375", "cannot resolve the host name"),
    ],
)
def test_an_unreachable_tcp_engine_is_said_in_words(address: str, reason: str) -> None:
    with pytest.raises(EngineUnavailable) as caught:
        connect(address, timeout=10)
    assert str(caught.value).startswith(f"cannot reach the Docker engine at {address}: {reason} (")
    assert "HTTPConnectionPool" not in str(caught.value)


def test_sizes_come_from_system_df(engine: Engine, docker: Any, image: str, unique: Any) -> None:
    name = unique("vol")
    docker(
        "run", "--rm", "-v", f"{name}:/d", image, "sh", "-c", "head -c 100000 /dev/zero > /d/blob"
    )
    assert engine.volume_sizes()[name] >= 100000
