"""test_archive.py against Podman: the archive endpoints the data tools use."""

from tests.engine.test_archive import *  # noqa: F403
