"""connect() picks the engine the way the docker CLI does."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from tests.contexts import write_context
from volgui.engine import Engine, EngineUnavailable, InvalidInput, connect, resolve
from volgui.engine.connection import DEFAULT_HOST, Endpoint


def test_order_host_then_context_then_env_then_current_context(tmp_path: Path) -> None:
    write_context(tmp_path / ".docker", "remote", "tcp://10.0.0.9:2376", current=True)
    write_context(tmp_path / ".docker", "other", "unix:///other.sock")
    env = {"HOME": str(tmp_path), "DOCKER_HOST": "unix:///from-env.sock"}
    assert resolve("unix:///flag.sock", env=env).host == "unix:///flag.sock"
    assert resolve(context="other", env=env).host == "unix:///other.sock"
    assert resolve(env=env).host == "unix:///from-env.sock"
    del env["DOCKER_HOST"]
    env["DOCKER_CONTEXT"] = "other"
    assert resolve(env=env).host == "unix:///other.sock"
    del env["DOCKER_CONTEXT"]
    chosen = resolve(env=env)
    assert (chosen.host, chosen.source) == ("tcp://10.0.0.9:2376", "context remote")
    assert resolve(env={"HOME": str(tmp_path / "empty")}).host == DEFAULT_HOST


def test_the_default_context_is_docker_host_when_set(tmp_path: Path) -> None:
    """As `DOCKER_HOST=... docker --context default` does (docker CLI 28)."""
    env = {"HOME": str(tmp_path), "DOCKER_HOST": "unix:///from-env.sock"}
    assert resolve(context="default", env=env).host == "unix:///from-env.sock"
    assert resolve(context="default", env={"HOME": str(tmp_path)}).host == DEFAULT_HOST


def test_docker_config_overrides_home(tmp_path: Path) -> None:
    write_context(tmp_path / ".docker", "remote", "unix:///remote.sock", current=True)
    env = {"HOME": "/nonexistent", "DOCKER_CONFIG": str(tmp_path / ".docker")}
    assert resolve(env=env).host == "unix:///remote.sock"


def test_unknown_context_and_both_flags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no docker context named 'nope'"):
        resolve(context="nope", env={"HOME": str(tmp_path)})
    with pytest.raises(InvalidInput, match="either --host or --context"):
        resolve("unix:///a.sock", "b")


def test_context_file_reaches_the_sandbox(
    tmp_path: Path, sandbox_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_context(tmp_path / ".docker", "sandbox", sandbox_address, current=True)
    monkeypatch.delenv("DOCKER_HOST")
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path / ".docker"))
    engine = connect()
    assert engine.address == sandbox_address
    assert engine.info().sandbox
    engine.close()


def test_lazy_engine_connects_on_first_use_and_retries(
    tmp_path: Path, sandbox_address: str
) -> None:
    # Down: opening contacts nothing; each use says why, in one line, and tries again.
    address = f"unix://{tmp_path}/nothing.sock"
    down = connect(address, lazy=True)
    assert not down.connected
    for _ in range(2):
        with pytest.raises(EngineUnavailable, match="no socket there") as caught:
            down.snapshot()
        assert address in str(caught.value) and "\n" not in str(caught.value)
    assert not down.connected
    down.close()

    # Up: hooks registered before the client exists see its version negotiation.
    engine = connect(sandbox_address, lazy=True)
    seen: list[str] = []
    engine.request_hooks.append(lambda _method, url: seen.append(url))
    assert not engine.connected and not seen
    engine.ping()
    assert engine.connected
    assert any(url.endswith("/version") for url in seen), seen
    assert engine.api.requests_sent == len(seen)
    engine.close()


def test_a_remote_engine_that_takes_no_connection_is_down_in_seconds() -> None:
    # A listener whose backlog is full drops further handshakes: like a dead host,
    # but on loopback. The SDK alone would wait for its one-minute timeout.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    held = socket.create_connection(("127.0.0.1", port))  # fills the backlog
    try:
        start = time.monotonic()
        with pytest.raises(EngineUnavailable, match="timed out"):
            Engine.open(Endpoint(f"tcp://127.0.0.1:{port}", "--host"), connect_timeout=0.5)
        assert time.monotonic() - start < 10  # far below the 60 s read timeout
    finally:
        held.close()
        listener.close()
