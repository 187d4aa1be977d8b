"""engine/pace.py: workers step aside while the front end's thread is busy, never for long."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from volgui.engine import pace


@pytest.fixture(autouse=True)
def fresh_pace() -> Iterator[None]:
    pace.reset()
    yield
    pace.reset()


def _in_worker(fn: object) -> list[object]:
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(fn()))  # type: ignore[operator]
    thread.start()
    thread.join(5)
    assert not thread.is_alive()
    return out


def test_a_worker_waits_while_the_front_is_busy_and_goes_on_when_it_is_idle() -> None:
    pace.front_busy()
    started = threading.Event()
    finished = threading.Event()

    def work() -> None:
        started.set()
        pace.pause()
        finished.set()

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(5)
    assert not finished.wait(pace.MAX_WAIT / 5)  # still paused: the front is busy
    pace.front_idle()
    assert finished.wait(5)
    thread.join(5)


def test_a_worker_never_waits_longer_than_max_wait_and_then_runs_for_its_grant() -> None:
    pace.front_busy()  # and never idle again: a front end stuck in one long event

    def work() -> tuple[float, float]:
        start = time.monotonic()
        pace.pause()
        first = time.monotonic() - start
        start = time.monotonic()
        pace.pause()  # within the grant: no wait
        return first, time.monotonic() - start

    [(first, second)] = _in_worker(work)
    assert pace.MAX_WAIT * 0.8 <= first < pace.MAX_WAIT * 10
    assert second < pace.MAX_WAIT / 2


def test_the_front_ends_own_thread_never_pauses() -> None:
    pace.front_busy()
    start = time.monotonic()
    for _ in pace.paced(range(1000), every=1):
        pass
    assert time.monotonic() - start < pace.MAX_WAIT


def test_paced_yields_every_item_in_order_and_pauses_every_n() -> None:
    calls = []
    real = pace.pause
    try:
        pace.pause = lambda: calls.append(1)  # type: ignore[assignment]
        assert list(pace.paced(range(100), every=32)) == list(range(100))
    finally:
        pace.pause = real  # type: ignore[assignment]
    assert len(calls) == 4  # items 0, 32, 64, 96
