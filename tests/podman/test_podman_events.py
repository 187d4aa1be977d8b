"""test_events.py against Podman."""

from tests.engine.test_events import *  # noqa: F403
