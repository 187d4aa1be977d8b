"""THE flag table: one row per ``docker run`` flag of docker CLI 28.

The parser (``parser.py``), the renderer (``render.py``), the create request
(``request.py``), ``runcmd`` (``from_container.py``) and the run dialog's form
all read this table; nothing else lists flags. The row type is ``flag.py``;
the rows, group by group as ``docker run --help`` has them, are ``rows_*.py``.
"""

from __future__ import annotations

from volgui.engine.runspec.flag import GROUPS, Flag
from volgui.engine.runspec.rows_mounts_env_network import ROWS as _MOUNTS_ENV_NETWORK
from volgui.engine.runspec.rows_resources import ROWS as _RESOURCES
from volgui.engine.runspec.rows_runtime import ROWS as _RUNTIME
from volgui.engine.runspec.rows_security_health_logging import ROWS as _SECURITY_HEALTH_LOGGING

FLAGS: tuple[Flag, ...] = (
    *_MOUNTS_ENV_NETWORK,
    *_RESOURCES,
    *_SECURITY_HEALTH_LOGGING,
    *_RUNTIME,
)

_BY_NAME: dict[str, Flag] = {}
for _flag in FLAGS:
    for _name in (_flag.long, _flag.short, *_flag.aliases):
        if _name:
            _BY_NAME[_name] = _flag


def flag_named(name: str) -> Flag | None:
    """The row for ``--cap-add``, ``cap-add``, ``-e`` or an alias (``--net``); None if unknown."""
    if not name.startswith("-"):
        name = ("-" if len(name) == 1 else "--") + name
    return _BY_NAME.get(name)


__all__ = ["FLAGS", "GROUPS", "Flag", "flag_named"]
