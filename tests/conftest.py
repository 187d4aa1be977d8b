"""Shared fixtures: every test runs against a private sandbox engine.

`make test` starts one and passes its address as VOLGUI_TEST_HOST; plain
`pytest` starts its own. Either way DOCKER_HOST and DOCKER_CONFIG point away
from the user's engine and contexts before any test runs.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.services import PodmanService, SSHServer
from volgui.engine import Engine, connect
from volgui.engine.sandbox import Sandbox, import_busybox


@pytest.fixture(scope="session")
def primary_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sandbox engine every test runs on (tests/podman/ points ``sandbox_address``
    elsewhere; the docker CLI's environment stays on this one)."""
    address = os.environ.get("VOLGUI_TEST_HOST")
    if address:
        yield address
        return
    box = Sandbox(tmp_path_factory.mktemp("sandbox"))
    box.start()
    try:
        yield box.address
    finally:
        box.stop()


@pytest.fixture(scope="session")
def sandbox_address(primary_address: str) -> str:
    return primary_address


@pytest.fixture(scope="session", autouse=True)
def docker_env(primary_address: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the docker CLI and the SDK at the sandbox, with an empty config."""
    saved = dict(os.environ)
    os.environ["DOCKER_HOST"] = primary_address
    os.environ["DOCKER_CONFIG"] = str(tmp_path_factory.mktemp("docker-config"))
    os.environ.pop("DOCKER_CONTEXT", None)
    os.environ.pop("DOCKER_TLS_VERIFY", None)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="session")
def engine(sandbox_address: str) -> Iterator[Engine]:
    e = connect(sandbox_address)
    yield e
    e.close()


@pytest.fixture(scope="session")
def image(engine: Engine) -> str:
    """A local busybox image (no registry): imported once per session."""
    return import_busybox(engine)


Docker = Callable[..., str]


@pytest.fixture(scope="session")
def docker() -> Docker:
    """Run the docker CLI against the sandbox; return stdout, raise on failure."""

    def run(*args: str, check: bool = True) -> str:
        proc = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"docker {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout.strip()

    return run


# -- more engines (issue 14): started only when a test asks for one ----------


@pytest.fixture(scope="session")
def other_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """A second sandbox dockerd (the far side of the ssh engine)."""
    box = Sandbox(tmp_path_factory.mktemp("sandbox2"))
    box.start()
    try:
        yield box
    finally:
        box.stop()


@pytest.fixture(scope="session")
def podman_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PodmanService]:
    """A private rootful `podman system service` with its own storage and socket."""
    service = PodmanService(tmp_path_factory.mktemp("podman"))
    service.start()
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture(scope="session")
def ssh_server(
    tmp_path_factory: pytest.TempPathFactory, other_sandbox: Sandbox
) -> Iterator[SSHServer]:
    """A private sshd on a loopback port; ``ssh://volgui-test-ssh`` reaches
    ``other_sandbox`` through it (VOLGUI_SSH points ssh at its config)."""
    server = SSHServer(tmp_path_factory.mktemp("sshd"), other_sandbox.address)
    server.start()
    os.environ["VOLGUI_SSH"] = server.ssh_command
    try:
        yield server
    finally:
        os.environ.pop("VOLGUI_SSH", None)
        server.stop()


@pytest.fixture
def unique() -> Callable[[str], str]:
    """Names that no other test uses: unique('vol') -> 'vol-3f2a9c1b'."""
    return lambda prefix: f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def leave_engine_clean(engine: Engine) -> Iterator[None]:
    """Remove the containers and volumes a test created, whatever it did."""
    api = engine.api
    before_c = {c["Id"] for c in api.containers(all=True)}
    before_v = {v["Name"] for v in api.volumes().get("Volumes") or []}
    yield
    for c in api.containers(all=True):
        if c["Id"] not in before_c:
            api.remove_container(c["Id"], force=True, v=False)
    for v in api.volumes().get("Volumes") or []:
        if v["Name"] not in before_v:
            api.remove_volume(v["Name"], force=True)


@pytest.fixture
def host_dir(tmp_path: Path) -> Path:
    d = tmp_path / "host-data"
    d.mkdir()
    (d / "hello.txt").write_text("hello\n")
    return d
