"""Issue 10: the old container stops like `docker stop` would, and plan_mounts.

Stop: its own stop signal and stop timeout (0 included), or --stop-timeout.
What the engine did is read from its event stream (the kill events and the
signals they carried), never from what volgui says.
"""

from __future__ import annotations

import io
import tarfile
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.cli import volgui
from volgui.engine import Engine, InvalidInput, Mount

# PID 1 that ignores SIGTERM: only SIGKILL stops it.
DEAF = ["sh", "-c", 'trap "" TERM; sleep 1000 & wait $!; sleep 1000']
# PID 1 that exits on SIGUSR1 (its stop signal) after writing where it got it.
POLITE = [
    "sh", "-c",
    "trap 'echo usr1 > /data/stopped-by; exit 0' USR1; while :; do sleep 1 & wait $!; done",
]  # fmt: skip


@pytest.fixture
def make(engine: Engine, image: str, unique: Callable[[str], str]) -> Iterator[Callable[..., str]]:
    made: list[str] = []
    volumes: list[str] = []

    def run(command: list[str], **config: Any) -> str:
        name, volume = unique("stop"), unique("stopvol")
        engine.api.create_volume(volume)
        volumes.append(volume)
        host = engine.api.create_host_config(binds=[f"{volume}:/data"])
        body = {"Image": image, "Cmd": command, "HostConfig": host, **config}
        cid = engine.api.create_container_from_config(body, name)["Id"]
        engine.api.start(cid)
        made.append(name)
        return name

    yield run
    for name in made:
        for c in engine.api.containers(all=True, filters={"name": name}):
            engine.api.remove_container(c["Id"], force=True, v=False)
    for volume in volumes:
        engine.api.remove_volume(volume, force=True)


def _kills(engine: Engine, cid: str, since: float) -> list[tuple[str, int]]:
    """The signals the engine sent to ``cid`` since then, with their times (ns)."""
    events = engine.api.events(
        since=int(since), until=int(time.time()) + 1, decode=True,
        filters={"container": cid, "event": "kill"},
    )  # fmt: skip
    return [(e["Actor"]["Attributes"]["signal"], e["timeNano"]) for e in events]


@pytest.fixture
def stops(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """The stop requests this process sends: (url, query parameters), as they leave."""
    sent: list[tuple[str, dict[str, Any]]] = []
    post = engine.api._post

    def recording(url: str, *args: Any, **kwargs: Any) -> Any:
        if url.endswith("/stop"):
            sent.append((url, dict(kwargs.get("params") or {})))
        return post(url, *args, **kwargs)

    monkeypatch.setattr(engine.api, "_post", recording)
    return sent


def test_a_stop_timeout_of_zero_kills_at_once(
    engine: Engine, sandbox_address: str, make: Callable[..., str], unique: Callable[[str], str]
) -> None:
    name = make(DEAF)
    old_id = engine.inspect_container(name)["Id"]
    since = time.time() - 1
    result = volgui(sandbox_address, "mount", "--stop-timeout", "0", name, f"{unique('v')}:/v")
    assert result.returncode == 0, result.stderr
    (term, t0), (kill, t1) = _kills(engine, old_id, since)
    assert (term, kill) == ("15", "9")
    # Not the default 10 s of grace: the engine killed it as soon as it had asked.
    assert t1 - t0 < 5e9


def test_the_containers_own_stop_timeout_zero_is_kept(
    engine: Engine,
    make: Callable[..., str],
    unique: Callable[[str], str],
    stops: list[tuple[str, dict[str, Any]]],
) -> None:
    name = make(DEAF, StopTimeout=0)
    old_id = engine.inspect_container(name)["Id"]
    since = time.time() - 1
    plan = engine.plan_mount(name, Mount("", "volume", unique("v"), "/v"))
    new_id = engine.apply(plan)
    # No t: the engine uses the container's own (0), as `docker stop` would.
    assert [params for url, params in stops if old_id in url] == [{}]
    (_term, t0), (kill, t1) = _kills(engine, old_id, since)
    assert kill == "9" and t1 - t0 < 5e9
    assert engine.inspect_container(name)["Config"]["StopTimeout"] == 0
    assert engine.inspect_container(name)["Id"] == new_id


def test_stop_timeout_30_and_the_containers_stop_signal_are_honoured(
    engine: Engine,
    make: Callable[..., str],
    unique: Callable[[str], str],
    stops: list[tuple[str, dict[str, Any]]],
) -> None:
    name = make(POLITE, StopSignal="SIGUSR1")
    old_id = engine.inspect_container(name)["Id"]
    since = time.time() - 1
    plan = engine.plan_mount(name, Mount("", "volume", unique("v"), "/v"))
    engine.apply(plan, stop_timeout=30)
    assert [params for url, params in stops if old_id in url] == [{"t": 30}]
    # Its own signal, and no SIGKILL: it had the time it needed.
    assert [signal for signal, _ in _kills(engine, old_id, since)] == ["10"]
    assert _read(engine, name, "/data/stopped-by") == "usr1\n"


def _read(engine: Engine, container: str, path: str) -> str:
    stream, _ = engine.api.get_archive(container, path)
    with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
        member = tar.extractfile(tar.getmembers()[0])
        assert member is not None
        return member.read().decode()


def test_a_bad_stop_timeout_is_one_line(sandbox_address: str) -> None:
    result = volgui(sandbox_address, "mount", "--stop-timeout", "soon", "x", "v:/v")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "'soon' is not a whole number of seconds" in line


# -- plan_mounts: the whole set at once ------------------------------------------


def test_plan_mounts_adds_removes_and_toggles_in_one_recreate(
    engine: Engine, make: Callable[..., str], unique: Callable[[str], str]
) -> None:
    name = make(POLITE, StopSignal="SIGUSR1")
    old = engine.inspect_container(name)
    [data] = [m for m in engine.snapshot().mounts if m.container == old["Id"]]
    extra = unique("extra")
    wanted = [
        Mount("", "volume", data.source, "/data", read_only=True),  # toggled
        Mount("", "volume", extra, "/extra"),  # added
        Mount("", "tmpfs", None, "/scratch"),
    ]
    plan = engine.plan_mounts(name, wanted)
    assert plan.action == "mounts" and plan.creates_volumes == (extra,)
    assert "/extra" in plan.summary and "read-only" in plan.summary
    engine.apply(plan)
    new = engine.inspect_container(name)
    got = {m["Destination"]: (m.get("Name"), m["RW"]) for m in new["Mounts"]}
    assert got == {"/data": (data.source, False), "/extra": (extra, True)}
    assert "/scratch" in new["HostConfig"]["Tmpfs"]
    # And back to nothing but /data: two taken away, one toggled back.
    engine.apply(engine.plan_mounts(name, [Mount("", "volume", data.source, "/data")]))
    again = engine.inspect_container(name)
    assert {m["Destination"]: m["RW"] for m in again["Mounts"]} == {"/data": True}
    assert not again["HostConfig"].get("Tmpfs")


def test_plan_mounts_refuses_two_mounts_at_one_place(
    engine: Engine, make: Callable[..., str]
) -> None:
    name = make(POLITE)
    with pytest.raises(InvalidInput, match="more than one mount at /x"):
        engine.plan_mounts(
            name, [Mount("", "volume", "a1", "/x"), Mount("", "volume", "b1", "/x/")]
        )
