"""create_container and from_container against the sandbox engine, the docker CLI as reference."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from volgui.engine import Engine
from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import RunSpec, parse_command


def _inspect(docker: Any, key: str) -> dict[str, Any]:
    return json.loads(docker("inspect", key))[0]


def test_create_sends_binds_mounts_and_tmpfs_like_the_cli(
    engine: Engine, docker: Any, image: str, unique: Callable[[str], str]
) -> None:
    data, name = unique("data"), unique("web")
    spec = RunSpec.from_args(
        [
            "--name", name,
            "-v", f"{data}:/data:ro",
            "-v", "/cache",
            "--mount", f"type=volume,src={data}-2,dst=/m,volume-label=app=shop",
            "--tmpfs", "/run:size=1m",
            "-e", "GREETING=hello world",
            image, "sleep", "60",
        ]
    )  # fmt: skip
    cid = engine.create_container(spec)
    got = _inspect(docker, cid)
    assert got["Name"] == "/" + name
    assert got["HostConfig"]["Binds"] == [f"{data}:/data:ro"]
    assert got["HostConfig"]["Mounts"] == [
        {
            "Type": "volume",
            "Source": f"{data}-2",
            "Target": "/m",
            "VolumeOptions": {"Labels": {"app": "shop"}, "DriverConfig": {}},
        }
    ]
    assert got["HostConfig"]["Tmpfs"] == {"/run": "size=1m"}
    assert got["Config"]["Volumes"] == {"/cache": {}}
    assert "GREETING=hello world" in got["Config"]["Env"]
    assert got["State"]["Status"] == "created"
    # --mount volume-label creates the volume with that label, as the CLI does.
    assert json.loads(docker("volume", "inspect", f"{data}-2"))[0]["Labels"] == {"app": "shop"}


def test_from_container_rebuilds_through_the_cli(
    engine: Engine, docker: Any, image: str, unique: Callable[[str], str]
) -> None:
    name = unique("db")
    ref = docker(
        "create", "--name", name, "-e", "A=1", "-l", "tier=db", "-v", "/anon",
        "--restart", "on-failure:3", "-w", "/srv", image, "sleep", "60",
    )  # fmt: skip
    spec = engine.container_spec(ref)
    line = spec.to_command()
    assert line == (
        f"docker run --name {name} -w /srv --restart on-failure:3 -e A=1 -l tier=db "
        f"-v /anon {image} sleep 60"
    )
    assert parse_command(line) == spec


def test_client_only_flags_are_said_not_dropped(
    engine: Engine, image: str, unique: Callable[[str], str], capsys: Any, tmp_path: Any
) -> None:
    from volgui import cli

    name = unique("client")
    cidfile = tmp_path / "c.id"
    args = ["--pull", "never", "-q", "--cidfile", str(cidfile), "--name", name, image]
    capsys.readouterr()
    assert cli.main(["create", "--", *args]) == 0
    out, err = capsys.readouterr()
    cid = out.strip()
    notes = err.splitlines()
    assert notes == [
        "volgui: note: --cidfile: volgui writes the container ID to that file, as the CLI does",
        "volgui: note: --pull: volgui does not pull: the image must be on the engine already",
        "volgui: note: --quiet: volgui does not pull, so there is no pull output to quiet",
    ]
    assert cidfile.read_text() == cid
    assert engine.inspect_container(cid)["HostConfig"]["ContainerIDFile"] == str(cidfile)
    # A second create with the same file is refused before anything is created, like the CLI.
    before = len(engine.snapshot().containers)
    assert cli.main(["create", "--", *args[:-3], image]) == 1
    assert "container ID file found" in capsys.readouterr().err
    assert len(engine.snapshot().containers) == before


def test_an_engine_too_old_for_a_flag_is_told_before_sending(
    engine: Engine, image: str, unique: Callable[[str], str]
) -> None:
    api = engine.transport.api.api_version
    spec = RunSpec.from_args(["--mount", "type=volume,dst=/d,volume-subpath=x", image])
    before = len(engine.snapshot().containers)
    try:
        engine.create_container(spec)
    except InvalidInput as e:
        assert str(e) == (
            f"--mount volume-subpath needs Engine API 1.45 or newer; this engine speaks {api} "
            "(it would drop the setting silently)"
        )
    else:
        raise AssertionError("created")
    assert len(engine.snapshot().containers) == before
