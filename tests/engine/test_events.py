"""events.py: notices from the real event stream, and apply() against snapshot()."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

from volgui.engine import Engine, connect
from volgui.engine.events import RESYNC, Follower, Notice, apply, notice_of


def test_notice_of_keeps_what_changes_the_lists() -> None:
    events = [
        {"Type": "volume", "Action": "create", "Actor": {"ID": "a"}},
        {"Type": "volume", "Action": "mount", "Actor": {"ID": "b"}},
        {"Type": "volume", "Action": "destroy", "Actor": {"ID": "c"}},
        {"Type": "container", "Action": "exec_start: sh", "Actor": {"ID": "x"}},
    ]
    assert notice_of(events) == Notice(volumes=frozenset({"a", "c"}))
    assert notice_of(events[3:]).empty
    assert notice_of([{"Type": "container", "Action": "die"}]).containers


def test_follower_resyncs_then_reports_cli_changes(
    sandbox_address: str, docker: Callable[..., str], unique: Callable[[str], str]
) -> None:
    engine = connect(sandbox_address)
    notices: queue.Queue[Notice] = queue.Queue()
    states: list[bool] = []
    follower = Follower(engine.transport, notices.put, lambda up, _e: states.append(up))
    follower.start()
    try:
        assert notices.get(timeout=10) == RESYNC
        assert states == [True]
        names = [unique("burst") for _ in range(5)]
        for name in names:
            docker("volume", "create", name)
        seen: set[str] = set()
        count = 0
        deadline = time.monotonic() + 10
        while not set(names) <= seen and time.monotonic() < deadline:
            n = notices.get(timeout=10)
            seen |= n.volumes
            count += 1
        assert set(names) <= seen
        for name in names:
            docker("volume", "rm", name)
    finally:
        follower.stop()
        engine.close()
    assert not follower.alive
    assert not any(t.name.startswith("volgui-events") for t in threading.enumerate())


def test_follower_sends_a_lone_event_at_once_and_coalesces_the_burst_behind_it(
    sandbox_address: str, engine: Engine, unique
) -> None:
    listener = connect(sandbox_address)
    notices: queue.Queue[Notice] = queue.Queue()
    # Generous windows: a loaded machine must not split the burst in two.
    follower = Follower(listener.transport, notices.put, quiet=3.0, longest=30.0)
    follower.start()
    try:
        assert notices.get(timeout=10) == RESYNC
        names = [unique("many") for _ in range(10)]
        for name in names:
            engine.api.create_volume(name)
        # The first comes before the quiet window could have ended: it was not held.
        first, rest = notices.get(timeout=2.5), notices.get(timeout=30)
        assert first.volumes == {names[0]}  # at once: it came after a quiet spell
        assert rest.volumes == frozenset(names[1:])  # one notice for the rest of the burst
    finally:
        follower.stop()
        listener.close()


def test_apply_matches_a_fresh_snapshot(
    engine: Engine, image: str, docker: Callable[..., str], unique: Callable[[str], str]
) -> None:
    keep, gone, new = unique("keep"), unique("gone"), unique("new")
    docker("volume", "create", keep)
    docker("volume", "create", gone)
    before = engine.snapshot()
    docker("volume", "rm", gone)
    docker("volume", "create", new)
    docker("create", "-v", f"{keep}:/k", image, "true")
    notice = Notice(volumes=frozenset({gone, new}), containers=True)
    assert apply(engine.transport, before, notice) == engine.snapshot()
    assert apply(engine.transport, before, RESYNC) == engine.snapshot()


def test_a_burst_of_volume_events_lists_the_volumes_alone(
    engine: Engine, image: str, docker: Callable[..., str], unique: Callable[[str], str]
) -> None:
    """Over 20 names, one volume list request beats inspecting each; no container
    list (volume events change none), and the mounts' users stay right."""
    used = unique("used")
    docker("volume", "create", used)
    cid = docker("create", "-v", f"{used}:/u", image, "true").strip()
    names = [unique("burst") for _ in range(25)]
    before = engine.snapshot()
    for name in names:
        engine.api.create_volume(name)
    engine.api.remove_volume(names[0])
    sent: list[str] = []
    engine.request_hooks.append(lambda method, url: sent.append(f"{method} {url}"))
    try:
        after = apply(engine.transport, before, Notice(volumes=frozenset(names)))
    finally:
        engine.request_hooks.pop()
    assert len(sent) == 1 and sent[0].startswith("GET ") and sent[0].endswith("/volumes")
    # The volumes as a full read gives them (containers: kept, and a running one's
    # status text would have moved on meanwhile).
    assert after.volumes == engine.snapshot().volumes and after.containers == before.containers
    assert after.volume(names[0]) is None and after.volume(names[1]) is not None
    shown = after.volume(used)
    assert shown is not None and shown.used_by == (cid,)
    docker("rm", cid)
    for name in [used, *names[1:]]:
        engine.api.remove_volume(name)


def test_a_quiet_stream_resyncs_now_and_then(sandbox_address: str) -> None:
    listener = connect(sandbox_address)
    notices: queue.Queue[Notice] = queue.Queue()
    follower = Follower(listener.transport, notices.put, resync_every=0.3)
    follower.start()
    try:
        assert notices.get(timeout=10) == RESYNC  # the connection
        assert notices.get(timeout=5) == RESYNC  # a quiet 0.3 s
    finally:
        follower.stop()
        listener.close()
