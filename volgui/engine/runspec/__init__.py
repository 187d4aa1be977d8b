"""The ``docker run`` spec: a pure package (stdlib, model, errors and validate only).

``flags.py`` is THE flag table; ``spec.py`` the RunSpec front door;
``parser.py``/``render.py`` read and write arguments; ``pasted.py`` reads a
pasted line; ``mounts.py``/``mount_flag.py`` the three mount flags;
``values.py``/``ports.py`` the value readers; ``check.py`` the checks before
sending; ``request.py`` the create request; ``from_container.py`` and
``host_back.py`` the way back from an inspected container (``runcmd``).
"""

from __future__ import annotations

from volgui.engine.runspec.from_container import connect_commands
from volgui.engine.runspec.mount_flag import mount_from_arg
from volgui.engine.runspec.mounts import MountSpec
from volgui.engine.runspec.pasted import split_command
from volgui.engine.runspec.ports import exposed_ports, port_bindings
from volgui.engine.runspec.spec import RunSpec
from volgui.engine.runspec.values import ram_in_bytes


def parse_command(text: str) -> RunSpec:
    """A whole ``docker run ...`` line (shell-quoted, with continuations) as a RunSpec."""
    return RunSpec.parse_command(text)


__all__ = [
    "MountSpec",
    "RunSpec",
    "connect_commands",
    "exposed_ports",
    "mount_from_arg",
    "parse_command",
    "port_bindings",
    "ram_in_bytes",
    "split_command",
]
