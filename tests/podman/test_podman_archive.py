"""test_data_helper.py against Podman: the archive endpoints the data tools use."""

from tests.engine.test_data_helper import *  # noqa: F403
