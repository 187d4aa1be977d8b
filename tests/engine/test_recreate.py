"""Drag-to-mount, engine side: mount/unmount by replacing a container, with rollback.

Every test checks what the engine holds afterwards (docker inspect, docker exec,
docker volume ls), never what volgui said it did.
"""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli import volgui
from volgui.engine import (
    Engine,
    InvalidInput,
    Mount,
    NotFound,
    PlanOutdated,
    Progress,
    RecreateFailed,
    WritableLayerChanged,
)

IDLE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]

Docker = Callable[..., str]


def inspect(docker: Docker, key: str) -> dict[str, Any]:
    return json.loads(docker("inspect", "--type", "container", key))[0]


def gone(docker: Docker, key: str) -> bool:
    return docker("inspect", "--type", "container", key, check=False) in ("", "[]")


def container_ids(docker: Docker) -> set[str]:
    return set(docker("ps", "-aq", "--no-trunc").split())


def volume_names(docker: Docker) -> set[str]:
    return set(docker("volume", "ls", "-q").split())


def settings(c: dict[str, Any]) -> dict[str, Any]:
    """Every setting of a container that a recreate must carry over, comparable
    between the old and the new container. Binds/Mounts are compared apart."""
    short_id = c["Id"][:12]
    config = dict(c["Config"])
    # The journal of the change that made it (issue 10) is history, not a setting.
    config["Labels"] = {
        k: v for k, v in (config["Labels"] or {}).items() if not k.startswith("volgui.change")
    }
    # Docker's default hostname is the short id; only a hostname the user chose is kept.
    if config["Hostname"] == short_id:
        config["Hostname"] = "<short id>"
    host = {k: v for k, v in c["HostConfig"].items() if k not in ("Binds", "Mounts")}
    networks = {
        name: {
            "aliases": sorted(a for a in ep["Aliases"] or [] if a != short_id),
            "ipam": {k: v for k, v in (ep["IPAMConfig"] or {}).items() if v},
        }
        for name, ep in c["NetworkSettings"]["Networks"].items()
    }
    return {"name": c["Name"], "config": config, "host": host, "networks": networks}


def mounts(c: dict[str, Any]) -> dict[str, tuple[str, str, bool]]:
    """destination -> (type, volume name or host path, read-write), tmpfs included."""
    found = {
        m["Destination"]: (m["Type"], m.get("Name") or m["Source"], m["RW"]) for m in c["Mounts"]
    }
    for dest, options in (c["HostConfig"].get("Tmpfs") or {}).items():
        found[dest] = ("tmpfs", options, True)
    return found


def random_port() -> int:
    return random.randint(20000, 59999)


@pytest.fixture
def networks(docker: Docker, unique: Callable[[str], str]) -> Iterator[list[str]]:
    """User networks for a test; removed (with whatever is attached) afterwards."""
    created: list[str] = []
    yield created
    for net in created:
        attached = docker(
            "network", "inspect", net, "-f", "{{range $k, $v := .Containers}}{{$k}} {{end}}"
        )
        for cid in attached.split():
            docker("rm", "-f", cid, check=False)  # no -v: never volumes
        docker("network", "rm", net, check=False)


@pytest.fixture
def rich(
    docker: Docker,
    image: str,
    unique: Callable[[str], str],
    host_dir: Path,
    networks: list[str],
) -> dict[str, Any]:
    """A running container with most settings people give: env with spaces, labels,
    restart policy, a published port, workdir, two user networks with aliases and a
    static address, a named volume, two anonymous volumes, a bind mount and a tmpfs;
    data written into every volume."""
    n = {k: unique(k) for k in ("web", "net", "side", "named")}
    octets = f"{random.randint(1, 254)}.{random.randint(1, 254)}"
    subnet, ip = f"10.{octets}.0/24", f"10.{octets}.10"
    docker("network", "create", "--subnet", subnet, n["net"])
    docker("network", "create", n["side"])
    networks += [n["net"], n["side"]]
    docker("volume", "create", n["named"])
    port = random_port()
    docker(
        "run", "-d", "--name", n["web"],
        "-e", "GREETING=hello big world", "-e", "EMPTY=",
        "--label", "app=shop", "--label", "note=with spaces in it",
        "--restart", "unless-stopped",
        "-p", f"127.0.0.1:{port}:8080",
        "-w", "/srv/app",
        "--network", n["net"], "--network-alias", "web-alias", "--ip", ip,
        "-v", f"{n['named']}:/data",
        "-v", "/cache",
        "--mount", "type=volume,destination=/more",
        "-v", f"{host_dir}:/host:ro",
        "--tmpfs", "/scratch:size=1m",
        image, *IDLE,
    )  # fmt: skip
    docker("network", "connect", "--alias", "side-alias", n["side"], n["web"])
    docker(
        "exec", n["web"], "sh", "-c",
        "echo named-data > /data/f && echo anon-data > /cache/f && echo more-data > /more/f",
    )  # fmt: skip
    return {**n, "ip": ip, "port": port, "id": inspect(docker, n["web"])["Id"]}


@pytest.fixture
def simple(docker: Docker, image: str, unique: Callable[[str], str]) -> dict[str, str]:
    """A running container with a named and an anonymous volume, data in both."""
    n = {k: unique(k) for k in ("app", "vol")}
    docker("volume", "create", n["vol"])
    docker("run", "-d", "--name", n["app"], "-v", f"{n['vol']}:/data", "-v", "/cache", image, *IDLE)
    docker("exec", n["app"], "sh", "-c", "echo named-data > /data/f && echo anon-data > /cache/f")
    return {**n, "id": inspect(docker, n["app"])["Id"]}


def assert_unchanged(docker: Docker, name: str, old_id: str, running: bool = True) -> None:
    """The container is the very same one, under its name, in the same state."""
    now = inspect(docker, name)
    assert now["Id"] == old_id
    assert now["Name"] == f"/{name}"
    assert now["State"]["Running"] is running


# -- mount and unmount: the new container equals the old -----------------------


def test_mount_replaces_with_an_equal_container(
    docker: Docker, sandbox_address: str, rich: dict[str, Any], unique: Callable[[str], str]
) -> None:
    old = inspect(docker, rich["web"])
    volumes_before = volume_names(docker)
    extra = unique("extra")

    result = volgui(sandbox_address, "mount", rich["web"], f"{extra}:/extra:ro")
    assert result.returncode == 0, result.stderr
    run_line, new_id = result.stdout.strip().splitlines()
    assert run_line.startswith("docker run ") and f"{extra}:/extra:ro" in run_line

    new = inspect(docker, rich["web"])
    assert new["Id"] == new_id != old["Id"]
    assert new["State"]["Running"]
    assert gone(docker, old["Id"])
    assert settings(new) == settings(old)
    assert new["Config"]["Env"] == old["Config"]["Env"]  # spelled out: the issue asks for it
    assert new["HostConfig"]["RestartPolicy"]["Name"] == "unless-stopped"
    assert new["NetworkSettings"]["Ports"]["8080/tcp"][0]["HostPort"] == str(rich["port"])
    assert new["NetworkSettings"]["Networks"][rich["net"]]["IPAddress"] == rich["ip"]
    assert settings(new)["networks"][rich["side"]]["aliases"] == ["side-alias"]
    # Every old mount, with its very volume (anonymous ones by name), plus the new one.
    assert mounts(new) == {**mounts(old), "/extra": ("volume", extra, False)}
    assert set(old["HostConfig"]["Binds"]) <= set(new["HostConfig"]["Binds"])
    # The data came along and the new mount is read-only.
    out = docker("exec", rich["web"], "cat", "/data/f", "/cache/f", "/more/f", "/host/hello.txt")
    assert out.split() == ["named-data", "anon-data", "more-data", "hello"]
    denied = subprocess.run(
        ["docker", "exec", rich["web"], "sh", "-c", "echo x > /extra/f"], capture_output=True
    )
    assert denied.returncode != 0
    assert volumes_before | {extra} == volume_names(docker)


def test_unmount_replaces_with_an_equal_container(
    docker: Docker, sandbox_address: str, rich: dict[str, Any], image: str
) -> None:
    old = inspect(docker, rich["web"])
    volumes_before = volume_names(docker)

    for dest in ("/data", "/cache", "/scratch"):
        result = volgui(sandbox_address, "unmount", rich["web"], dest)
        assert result.returncode == 0, result.stderr

    new = inspect(docker, rich["web"])
    assert new["State"]["Running"]
    assert gone(docker, old["Id"])
    expected = mounts(old)
    for dest in ("/data", "/cache", "/scratch"):
        del expected[dest]
    assert mounts(new) == expected
    # Apart from the mounts taken away, every setting is the same.
    before, after = settings(old), settings(new)
    before["host"].pop("Tmpfs")
    after["host"].pop("Tmpfs", None)
    before["config"].pop("Volumes")
    assert after["config"].pop("Volumes") is None
    assert after == before
    assert docker("exec", rich["web"], "cat", "/more/f") == "more-data"
    # The unmounted volumes are kept, with their data.
    assert volume_names(docker) == volumes_before
    assert docker("run", "--rm", "-v", f"{rich['named']}:/d", image, "cat", "/d/f") == "named-data"


def test_plan_changes_nothing_and_says_what_happens(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str]
) -> None:
    missing = unique("new")
    plan = engine.plan_mount(simple["app"], Mount("", "volume", missing, "/new/"))
    assert plan.container.id == simple["id"] and plan.container.name == simple["app"]
    assert plan.mount.destination == "/new"
    assert plan.creates_volume == missing
    assert any(f"volume {missing}" in w and "created" in w for w in plan.warnings)
    assert f"{missing}:/new" in plan.command
    assert plan.changes == ()  # mount points made by Docker are not "changes"
    assert_unchanged(docker, simple["app"], simple["id"])
    assert missing not in volume_names(docker)

    dry = volgui(
        engine.address, "mount", "--dry-run", simple["app"], f"{missing}:/new"
    )  # the CLI's dry run
    assert dry.returncode == 0 and dry.stdout.startswith("docker run ")
    assert_unchanged(docker, simple["app"], simple["id"])
    assert missing not in volume_names(docker)


def test_progress_is_reported_per_step(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str]
) -> None:
    seen: list[Progress] = []
    plan = engine.plan_mount(simple["app"], Mount("", "volume", unique("v"), "/v"))
    new_id = engine.apply(plan, progress=seen.append)
    assert [p.step for p in seen] == list(range(1, 7))
    assert all(p.total == 6 and not p.rolling_back for p in seen)
    assert inspect(docker, simple["app"])["Id"] == new_id


def test_a_stopped_container_stays_stopped(
    docker: Docker, sandbox_address: str, image: str, unique: Callable[[str], str]
) -> None:
    name, vol = unique("idle"), unique("vol")
    docker(
        "run", "-d", "--name", name, "--hostname", "chosen-host", "--stop-timeout", "3",
        image, *IDLE,
    )  # fmt: skip
    docker("stop", name)
    old = inspect(docker, name)

    result = volgui(sandbox_address, "mount", name, f"{vol}:/v")
    assert result.returncode == 0, result.stderr
    # The flag table says --stop-timeout too: the run line keeps it, as the recreate does.
    assert "--stop-timeout 3" in result.stdout.splitlines()[0]
    new = inspect(docker, name)
    assert new["Id"] != old["Id"] and gone(docker, old["Id"])
    assert not new["State"]["Running"]
    assert new["Config"]["Hostname"] == "chosen-host"  # a hostname the user set is kept
    assert new["Config"]["StopTimeout"] == 3
    assert mounts(new) == {"/v": ("volume", vol, True)}


# -- refusals change nothing ---------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("mount", "{app}", "{vol}:relative/dir"), "not an absolute path"),
        (("mount", "{app}", "{vol}:/data"), "already a mount point"),
        (("mount", "{app}", "{vol}:/cache/"), "already a mount point"),
        (("mount", "{app}", "no/such name:/x"), "invalid volume name"),
        (("mount", "no-such-container-x1", "{vol}:/x"), "no such container"),
        (("unmount", "{app}", "relative"), "not an absolute path"),
        (("unmount", "{app}", "/not-mounted"), "not a mount point"),
    ],
)
def test_refusals_change_nothing(
    docker: Docker,
    sandbox_address: str,
    simple: dict[str, str],
    args: tuple[str, ...],
    says: str,
) -> None:
    before, volumes_before = container_ids(docker), volume_names(docker)
    result = volgui(sandbox_address, *(a.format(**simple) for a in args))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.stderr
    assert_unchanged(docker, simple["app"], simple["id"])
    assert container_ids(docker) == before and volume_names(docker) == volumes_before


def test_writable_layer_changes_are_refused_unless_discarded(
    engine: Engine, docker: Docker, sandbox_address: str, simple: dict[str, str]
) -> None:
    docker("exec", simple["app"], "sh", "-c", "echo lost > /marker && touch /etc/made-here")
    before = container_ids(docker)

    result = volgui(sandbox_address, "mount", simple["app"], "other-vol:/other")
    assert result.returncode != 0 and result.stdout == ""
    [error] = result.stderr.strip().splitlines()  # the refusal alone: one line
    assert error.startswith("volgui: container ")
    assert "A /marker" in error and "A /etc/made-here" in error and "--discard-changes" in error
    assert_unchanged(docker, simple["app"], simple["id"])
    assert container_ids(docker) == before

    plan = engine.plan_mount(simple["app"], Mount("", "volume", "other-vol", "/other"))
    assert "A /marker" in plan.changes
    with pytest.raises(WritableLayerChanged) as refused:
        engine.apply(plan)
    assert set(refused.value.changes) >= {"A /marker", "A /etc/made-here"}
    assert_unchanged(docker, simple["app"], simple["id"])

    result = volgui(
        sandbox_address, "mount", "--discard-changes", simple["app"], "other-vol:/other"
    )
    assert result.returncode == 0, result.stderr
    new = inspect(docker, simple["app"])
    assert new["State"]["Running"] and new["Id"] != simple["id"]
    assert docker("exec", simple["app"], "cat", "/data/f", "/cache/f").split() == [
        "named-data",
        "anon-data",
    ]


def test_many_changes_are_listed_twenty_and_counted(
    engine: Engine, docker: Docker, simple: dict[str, str]
) -> None:
    docker("exec", simple["app"], "sh", "-c", "for i in $(seq 1 30); do touch /f$i; done")
    with pytest.raises(WritableLayerChanged) as refused:
        engine.apply(engine.plan_mount(simple["app"], Mount("", "volume", "vv", "/vv")))
    message = str(refused.value)
    assert "30 changed path(s)" in message and "and 10 more" in message
    assert message.count("A /f") == 20
    assert_unchanged(docker, simple["app"], simple["id"])


def test_an_outdated_plan_is_refused(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str]
) -> None:
    plan = engine.plan_mount(simple["app"], Mount("", "volume", unique("a"), "/a"))
    engine.apply(engine.plan_mount(simple["app"], Mount("", "volume", unique("b"), "/b")))
    replaced = inspect(docker, simple["app"])
    with pytest.raises(PlanOutdated):
        engine.apply(plan)
    assert_unchanged(docker, simple["app"], replaced["Id"])


def test_plan_refuses_before_sending_anything(engine: Engine, simple: dict[str, str]) -> None:
    with pytest.raises(NotFound):
        engine.plan_unmount("no-such-container-y2", "/data")
    with pytest.raises(InvalidInput):
        engine.plan_mount(simple["app"], Mount("", "bind", "relative/path", "/x"))
    before = engine.api.requests_sent
    with pytest.raises(InvalidInput):
        engine.plan_mount(simple["app"], Mount("", "volume", "ok-name", "x"))
    assert engine.api.requests_sent == before


# -- rollback --------------------------------------------------------------------


STEPS = ["creating", "stopping", "renaming the old", "renaming the new", "starting", "removing"]


@pytest.mark.parametrize("failing", STEPS)
def test_a_failure_at_any_step_rolls_back(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str],
    failing: str,
) -> None:  # fmt: skip
    """A fault injected just before each step (through the progress callback)."""
    before, volumes_before = container_ids(docker), volume_names(docker)
    new_volume = unique("new")

    def fault(p: Progress) -> None:
        if not p.rolling_back and p.message.startswith(failing):
            raise RuntimeError("injected fault")

    plan = engine.plan_mount(simple["app"], Mount("", "volume", new_volume, "/new"))
    with pytest.raises(RecreateFailed) as failed:
        engine.apply(plan, progress=fault)
    assert failed.value.rolled_back and "injected fault" in str(failed.value)
    assert_unchanged(docker, simple["app"], simple["id"])
    assert container_ids(docker) == before
    # No volume removed (the new one may have been created: it is kept too).
    assert volumes_before <= volume_names(docker)
    assert docker("exec", simple["app"], "cat", "/data/f", "/cache/f").split() == [
        "named-data",
        "anon-data",
    ]


def test_a_new_container_that_cannot_start_rolls_back(
    docker: Docker,
    sandbox_address: str,
    rich: dict[str, Any],
    unique: Callable[[str], str],
) -> None:
    """Docker cannot make a mount point inside the read-only bind: the start fails."""
    before, volumes_before = container_ids(docker), volume_names(docker)
    old = inspect(docker, rich["web"])

    result = volgui(sandbox_address, "mount", rich["web"], f"{unique('v')}:/host/inside")
    assert result.returncode != 0
    error = result.stderr.strip().splitlines()[-1]
    assert "starting the new" in error and "rolled back" in error
    assert_unchanged(docker, rich["web"], rich["id"])
    assert container_ids(docker) == before
    assert volumes_before <= volume_names(docker)
    now = inspect(docker, rich["web"])
    assert settings(now) == settings(old) and mounts(now) == mounts(old)
    assert now["NetworkSettings"]["Ports"]["8080/tcp"][0]["HostPort"] == str(rich["port"])


def test_a_stopped_container_stays_stopped_after_a_rollback(
    engine: Engine, docker: Docker, simple: dict[str, str]
) -> None:
    docker("stop", simple["app"])

    def fault(p: Progress) -> None:
        if p.message.startswith("removing the old"):
            raise RuntimeError("injected fault")

    plan = engine.plan_mount(simple["app"], Mount("", "volume", "vv-x", "/vv"))
    with pytest.raises(RecreateFailed):
        engine.apply(plan, progress=fault)
    assert_unchanged(docker, simple["app"], simple["id"], running=False)


# -- containers that need care ----------------------------------------------------


def test_a_container_run_with_rm_is_refused(
    docker: Docker, sandbox_address: str, image: str, unique: Callable[[str], str]
) -> None:
    """Stopping a --rm container deletes it: there would be nothing to roll back to."""
    name = unique("temp")
    docker("run", "-d", "--rm", "--name", name, image, *IDLE)
    old_id = inspect(docker, name)["Id"]
    result = volgui(sandbox_address, "mount", name, "some-vol:/v")
    assert result.returncode != 0 and "--rm" in result.stderr
    assert_unchanged(docker, name, old_id)


def test_plan_warns_about_what_changes_around_the_container(
    engine: Engine, docker: Docker, image: str, unique: Callable[[str], str]
) -> None:
    owner, guest = unique("owner"), unique("guest")
    docker("run", "-d", "--name", owner, "--network", "none", "-p", "8080", image, *IDLE)
    docker("run", "-d", "--name", guest, "--network", f"container:{owner}", image, *IDLE)
    docker("pause", owner)
    plan = engine.plan_mount(owner, Mount("", "volume", unique("v"), "/v"))
    text = " | ".join(plan.warnings)
    assert guest in text and "--network container:" in text
    assert "8080/tcp" in text and "paused" in text


def test_a_paused_container_is_replaced_by_a_running_one(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str]
) -> None:
    docker("pause", simple["app"])
    volume = unique("v")
    new_id = engine.apply(engine.plan_mount(simple["app"], Mount("", "volume", volume, "/v")))
    new = inspect(docker, simple["app"])
    assert new["Id"] == new_id and new["State"]["Status"] == "running"
    assert gone(docker, simple["id"])
    assert mounts(new)["/v"] == ("volume", volume, True)


@pytest.fixture
def private_image(docker: Docker, image: str, unique: Callable[[str], str]) -> Iterator[str]:
    """A tag of our own, on an image that declares VOLUME /imgvol (made by docker commit)."""
    tag = f"{unique('recreate-img')}:1"
    maker = unique("maker")
    docker("create", "--name", maker, image, "true")
    docker("commit", "--change", 'VOLUME ["/imgvol"]', maker, tag)
    docker("rm", maker)
    yield tag
    docker("rmi", "-f", tag, check=False)


def test_image_volumes_come_along_and_cannot_be_unmounted(
    engine: Engine, docker: Docker, private_image: str, unique: Callable[[str], str]
) -> None:
    name = unique("imgvol")
    docker("run", "-d", "--name", name, private_image, *IDLE)
    docker("exec", name, "sh", "-c", "echo image-volume-data > /imgvol/f")
    old = inspect(docker, name)

    with pytest.raises(InvalidInput, match="declares /imgvol a VOLUME"):
        engine.plan_unmount(name, "/imgvol")
    assert_unchanged(docker, name, old["Id"])

    engine.apply(engine.plan_mount(name, Mount("", "volume", unique("v"), "/v")))
    new = inspect(docker, name)
    assert mounts(new)["/imgvol"] == mounts(old)["/imgvol"]  # the very same anonymous volume
    assert docker("exec", name, "cat", "/imgvol/f") == "image-volume-data"


def test_a_moved_tag_does_not_change_the_image(
    engine: Engine, docker: Docker, private_image: str, unique: Callable[[str], str]
) -> None:
    """If the tag now names another image, the new container keeps the old image, by id."""
    name, other = unique("pinned"), unique("other")
    docker("run", "-d", "--name", name, private_image, *IDLE)
    old = inspect(docker, name)
    docker("create", "--name", other, private_image, "true")
    docker("commit", "--change", "LABEL moved=yes", other, private_image)  # moves the tag
    assert json.loads(docker("image", "inspect", private_image))[0]["Id"] != old["Image"]

    plan = engine.plan_mount(name, Mount("", "volume", unique("v"), "/v"))
    assert any("now names another image" in w for w in plan.warnings)
    engine.apply(plan)
    new = inspect(docker, name)
    assert new["Image"] == old["Image"] and new["State"]["Running"]


def test_files_written_while_stopping_are_not_lost_silently(
    docker: Docker, sandbox_address: str, image: str, unique: Callable[[str], str]
) -> None:
    """The layer is checked again once the old container has stopped."""
    name = unique("writer")
    docker(
        "run", "-d", "--name", name, image,
        "sh", "-c", "trap 'echo bye > /goodbye; exit 0' TERM; while :; do sleep 1; done",
    )  # fmt: skip
    old_id = inspect(docker, name)["Id"]
    result = volgui(sandbox_address, "mount", name, f"{unique('v')}:/v")
    assert result.returncode != 0
    error = result.stderr.strip().splitlines()[-1]
    assert "A /goodbye" in error and "rolled back" in error
    assert_unchanged(docker, name, old_id)

    result = volgui(sandbox_address, "mount", "--discard-changes", name, f"{unique('v')}:/v")
    assert result.returncode == 0, result.stderr
    assert inspect(docker, name)["State"]["Running"] and gone(docker, old_id)


def test_runcmd_after_a_mount_carries_no_journal_label(
    engine: Engine, docker: Docker, simple: dict[str, str], unique: Callable[[str], str]
) -> None:
    """The journal labels stay on the new container (Docker cannot drop a label);
    the run line that recreates it is the user's settings only."""
    vol = unique("journal")
    docker("volume", "create", vol)
    plan = engine.plan_mount(simple["app"], Mount("", "volume", vol, "/journal"))
    engine.apply(plan)
    labels = inspect(docker, simple["app"])["Config"]["Labels"]
    assert any(k.startswith("volgui.change") for k in labels)  # what recover reads
    line = engine.container_spec(simple["app"]).to_command()
    assert "volgui.change" not in line and f"{vol}:/journal" in line
