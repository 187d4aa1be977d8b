"""test_volumes.py against Podman."""

from tests.engine.test_volumes import *  # noqa: F403
