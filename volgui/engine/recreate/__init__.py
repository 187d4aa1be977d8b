"""Replace a container by the same one with its mounts changed, crash-safe.

Docker cannot change a container's mounts (moby/moby#31452): the cattle
answer is an identical container swapped in under the same name. Safety
rules (DESIGN): the old container stays until the new one runs and every
failure rolls back to it (rule 2); no volume is ever removed and anonymous
volumes come along by name (rule 1); the writable layer's files are not
thrown away unless the user agrees (rule 3); a change survives being killed
at any point: it is journalled on the engine and :func:`recover` brings it
to one whole state (rule 4b).

    plan = plan_mounts(t, "web", [...])      # or plan_mount / plan_unmount
    apply(t, plan, progress=cb, stop_timeout=None)
    for item in interrupted(t): recover(t, item, how="auto")

Rooms: ``plan`` (what will happen), ``clone`` (the new container from the
old one's inspect), ``facts`` (what the engine holds), ``swap`` (doing it,
with rollback and signals), ``journal`` (the intent on the engine),
``recover`` (finishing or rolling back what was cut short).
"""

from volgui.engine.recreate.facts import layer_changes
from volgui.engine.recreate.journal import Interrupted, interrupted
from volgui.engine.recreate.plan import (
    Progress,
    ProgressCallback,
    RecreatePlan,
    plan_mount,
    plan_mounts,
    plan_unmount,
)
from volgui.engine.recreate.recover import RecoverHow, recover
from volgui.engine.recreate.swap import Signalled, apply, replace_with, stop

__all__ = [
    "Interrupted",
    "Progress",
    "ProgressCallback",
    "RecoverHow",
    "RecreatePlan",
    "Signalled",
    "apply",
    "interrupted",
    "layer_changes",
    "plan_mount",
    "plan_mounts",
    "plan_unmount",
    "recover",
    "replace_with",
    "stop",
]
