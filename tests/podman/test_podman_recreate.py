"""test_recreate.py against Podman: the tests that say most, within a modest time.

The rest of test_recreate.py holds too, or differs only where conftest.py's
DIFFERENCES says; they are left out here to keep the suite short (2 cores).
"""

from tests.engine import test_recreate as _base
from tests.engine.test_recreate import *  # noqa: F403  (its fixtures and tests)

_RUN = {
    "test_mount_replaces_with_an_equal_container",
    "test_a_stopped_container_stays_stopped",
    "test_refusals_change_nothing",
    "test_writable_layer_changes_are_refused_unless_discarded",
    "test_an_outdated_plan_is_refused",
    "test_a_paused_container_is_replaced_by_a_running_one",
    "test_a_new_container_that_cannot_start_rolls_back",
}
for _name in dir(_base):
    if _name.startswith("test_") and _name not in _RUN:
        globals().pop(_name, None)
