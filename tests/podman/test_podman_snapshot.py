"""test_snapshot.py against Podman."""

from tests.engine.test_snapshot import *  # noqa: F403
