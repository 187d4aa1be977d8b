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

from volgui.engine import Engine, connect
from volgui.engine.sandbox import Sandbox, import_busybox


@pytest.fixture(scope="session")
def sandbox_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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


@pytest.fixture(scope="session", autouse=True)
def docker_env(sandbox_address: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the docker CLI and the SDK at the sandbox, with an empty config."""
    saved = dict(os.environ)
    os.environ["DOCKER_HOST"] = sandbox_address
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
