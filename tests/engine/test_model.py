"""The model's own logic: anonymous detection, timestamps, the many-to-many join."""

from __future__ import annotations

from volgui.engine.model import Container, Mount, Snapshot, Volume, parse_time


def test_anonymous_by_label_or_by_64_hex_name() -> None:
    assert Volume("a" * 64).anonymous
    assert Volume("cache", labels={"com.docker.volume.anonymous": ""}).anonymous
    assert not Volume("pgdata").anonymous
    assert not Volume("A" * 64).anonymous  # the engine writes lowercase hex


def test_parse_time_accepts_nanoseconds_and_offsets() -> None:
    t = parse_time("2026-11-28T15:06:30.123456789Z")
    assert t is not None and t.microsecond == 123456 and t.utcoffset().total_seconds() == 0
    assert parse_time("2026-11-28T15:06:30+02:00").utcoffset().total_seconds() == 7200
    assert parse_time("") is None and parse_time("yesterday") is None


def test_snapshot_joins_many_to_many_once() -> None:
    raw = [
        {
            "Id": "c1",
            "Names": ["/web"],
            "State": "running",
            "Mounts": [
                {"Type": "volume", "Name": "data", "Destination": "/d", "RW": False},
                {"Type": "volume", "Name": "logs", "Destination": "/l", "RW": True},
            ],
        },
        {
            "Id": "c2",
            "Names": ["/worker"],
            "State": "exited",
            "Mounts": [
                {"Type": "volume", "Name": "data", "Destination": "/d", "RW": True},
                {"Type": "bind", "Source": "/srv", "Destination": "/srv", "RW": True},
                {"Type": "npipe", "Source": "x", "Destination": "y"},
            ],
        },
    ]
    snap = Snapshot.build(
        [Volume("data"), Volume("logs"), Volume("idle")], [Container.from_api(c) for c in raw]
    )
    assert snap.volume("data").used_by == ("c1", "c2")  # type: ignore[union-attr]
    assert snap.volume("idle").used_by == ()  # type: ignore[union-attr]
    assert [c.name for c in snap.users_of("logs")] == ["web"]
    assert len(snap.mounts) == 4  # the npipe mount is not ours to draw
    assert snap.container("c2").mounts[0].read_only is False  # type: ignore[union-attr]
    assert snap.container("web").mounts[0].read_only is True  # type: ignore[union-attr]


def test_from_api_builds_what_the_constructor_builds() -> None:
    """from_api skips the dataclass __init__ for speed; it must set exactly the fields."""
    from dataclasses import fields

    raw_mount = {"Type": "volume", "Name": "data", "Destination": "/d", "RW": False}
    raw_container = {
        "Id": "c1",
        "Names": ["/web"],
        "Image": "img",
        "State": "running",
        "Status": "Up",
        "Created": 5,
        "Labels": {"a": "b"},
        "Mounts": [raw_mount],
    }
    raw_volume = {
        "Name": "data",
        "Driver": "local",
        "Mountpoint": "/m",
        "CreatedAt": "t",
        "Scope": "local",
        "Labels": {"x": "y"},
        "Options": {"o": "p"},
    }
    mount = Mount.from_api("c1", raw_mount)
    container = Container.from_api(raw_container)
    volume = Volume.from_api(raw_volume, ("c1",))
    assert mount == Mount("c1", "volume", "data", "/d", read_only=True)
    assert container == Container(
        id="c1",
        name="web",
        image="img",
        state="running",
        status="Up",
        created=5,
        labels={"a": "b"},
        mounts=(mount,),
    )
    assert volume == Volume("data", "local", "/m", "t", "local", {"x": "y"}, {"o": "p"}, ("c1",))
    for obj in (mount, container, volume):
        assert set(vars(obj)) == {f.name for f in fields(obj)}
        assert hash(obj) == hash(type(obj)(**vars(obj)))
