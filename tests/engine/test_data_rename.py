"""Rename while in use; a fault at any step leaves OLD and its containers as they were."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine.data_fixtures import fill, tree
from volgui.engine import Engine, WritableLayerChanged
from volgui.engine.data.helper import helpers
from volgui.engine.errors import DataError

IDLE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]


def _state(docker: Any, name: str) -> tuple[str, str]:
    return (
        docker("inspect", "-f", "{{.State.Running}}", name),
        docker(
            "inspect", "-f", "{{range .Mounts}}{{.Name}}:{{.Destination}}:{{.RW}} {{end}}", name
        ),
    )


def _setup(docker: Any, image: str, unique: Any) -> tuple[str, str, list[str]]:
    old, new = unique("old"), unique("new")
    fill(docker, image, old)
    users = [unique("web"), unique("ro"), unique("idle")]
    docker("run", "-d", "--name", users[0], "-v", f"{old}:/data", image, *IDLE)
    docker(
        "run",
        "-d",
        "--name",
        users[1],
        "--mount",
        f"type=volume,src={old},dst=/srv,readonly",
        image,
        *IDLE,
    )
    docker("create", "--name", users[2], "-v", f"{old}:/x", image, "true")
    return old, new, users


def test_rename_in_use_moves_every_user(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    old, new, users = _setup(docker, image, unique)
    before = tree(engine, image, old)
    done = engine.rename_volume(old, new)
    assert sorted(done.containers) == sorted(users)
    assert old not in docker("volume", "ls", "-q").split()
    assert tree(engine, image, new) == before
    assert _state(docker, users[0]) == ("true", f"{new}:/data:true")
    assert _state(docker, users[1]) == ("true", f"{new}:/srv:false")
    assert _state(docker, users[2]) == ("false", f"{new}:/x:true")
    assert helpers(engine.transport) == []


# The steps of a rename with the users above: stop web, stop ro, copy, recreate x3, remove OLD.
@pytest.mark.parametrize("fail_at", range(7))
def test_a_fault_at_any_step_rolls_back(
    engine: Engine, docker: Any, image: str, unique: Any, fail_at: int
) -> None:
    old, new, users = _setup(docker, image, unique)
    before = tree(engine, image, old)
    states = {u: _state(docker, u) for u in users}
    seen: list[str] = []

    def step(text: str) -> None:
        seen.append(text)
        if len(seen) == fail_at + 1:
            raise RuntimeError("injected fault")

    with pytest.raises(DataError, match="rolled back"):
        engine.rename_volume(old, new, step=step)
    assert new not in docker("volume", "ls", "-q").split()
    assert tree(engine, image, old) == before
    assert {u: _state(docker, u) for u in users} == states
    assert helpers(engine.transport) == []


def test_rename_refuses_a_user_with_writable_layer_changes(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    old, new, user = unique("old"), unique("new"), unique("user")
    docker("run", "--name", user, "-v", f"{old}:/data", image, "sh", "-c", "echo x > /own")
    with pytest.raises(WritableLayerChanged):
        engine.rename_volume(old, new)
    assert new not in docker("volume", "ls", "-q").split()
    assert _state(docker, user) == ("false", f"{old}:/data:true")
