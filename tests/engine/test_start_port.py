"""A start that meets a published port still held waits for it, a while (containers.start).

Podman frees a stopped container's published ports a moment after its stop
returns, so the start that follows in a recreate (the new container, or the
old one again in a rollback) met "address already in use". Here the port is
held by a socket of the test's own, on the real engine, and let go of (or not).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from tests.conftest import Docker
from tests.engine.test_recreate_kill import IDLE
from volgui.engine import Engine, EngineError, containers


@pytest.fixture
def held_port() -> Iterator[socket.socket]:
    """A port on 127.0.0.1 that this test holds (listening) until it closes it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s


@pytest.fixture
def publishing(
    docker: Docker, image: str, unique: Callable[[str], str], held_port: socket.socket
) -> Iterator[str]:
    """A created container that publishes the held port (on a user network: ports need one)."""
    net = unique("portnet")
    docker("network", "create", net)
    port = held_port.getsockname()[1]
    cid = docker("create", "--network", net, "-p", f"127.0.0.1:{port}:80", image, *IDLE)
    yield cid
    docker("rm", "-f", cid, check=False)  # no -v: never volumes
    docker("network", "rm", net, check=False)


def test_a_start_waits_for_a_port_that_is_let_go_of(
    engine: Engine, docker: Docker, held_port: socket.socket, publishing: str
) -> None:
    let_go = threading.Timer(1.0, held_port.close)
    began = time.monotonic()
    let_go.start()
    try:
        containers.start(engine.transport, publishing)
    finally:
        let_go.cancel()
    assert time.monotonic() - began >= 1.0  # it did meet the held port first
    assert docker("inspect", "-f", "{{.State.Running}}", publishing) == "true"


def test_a_port_held_for_good_fails_the_start_with_the_engines_words(
    engine: Engine,
    docker: Docker,
    publishing: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(containers, "PORT_WAIT", 0.5)
    with pytest.raises(EngineError, match="address already in use"):
        containers.start(engine.transport, publishing)
    assert docker("inspect", "-f", "{{.State.Running}}", publishing) == "false"
