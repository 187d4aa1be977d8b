"""Run a subset of the engine tests against Podman's Docker-compatible API.

The fixtures the engine tests use (``sandbox_address``, ``engine``,
``docker``, ``image``, ``leave_engine_clean``) are pointed at the private
Podman service here; the test modules in this directory re-export the engine
tests that hold on Podman, and say which ones do not and why.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import Docker
from tests.services import PodmanService
from volgui.engine import Engine, connect
from volgui.engine.sandbox import import_busybox

# Where Podman differs (README, "Several engines"): expected to fail, strictly.
DIFFERENCES = {
    "test_snapshot_equals_inspect": "Podman's container list leaves out --mount type=tmpfs",
    "test_mount_replaces_with_an_equal_container": "Podman's inspect fills in defaults "
    "(ShmSize, PidMode, Runtime, ulimits...): no docker run line can be printed",
    "test_helper_container_reads_a_volume_without_starting": "Podman gives an imported "
    "empty image a size (some KiB of layer metadata), Docker 0; the archive read itself holds",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/podman/" not in str(item.fspath):
            continue
        item.add_marker(pytest.mark.podman)
        reason = DIFFERENCES.get(getattr(item, "originalname", item.name))
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=True))


@pytest.fixture(scope="session")
def sandbox_address(podman_service: PodmanService) -> str:
    return podman_service.address


@pytest.fixture(scope="session")
def engine(sandbox_address: str) -> Iterator[Engine]:
    e = connect(sandbox_address)
    yield e
    e.close()


@pytest.fixture(scope="session")
def image(engine: Engine) -> str:
    return import_busybox(engine)


@pytest.fixture(scope="session")
def docker(sandbox_address: str) -> Docker:
    """The docker CLI against the Podman service (its compatible API)."""

    def run(*args: str, check: bool = True) -> str:
        cmd = ["docker", "-H", sandbox_address, *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"docker {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout.strip()

    return run


@pytest.fixture(autouse=True)
def _clean(leave_engine_clean: None) -> None:
    """Every test leaves the Podman service as it found it."""
