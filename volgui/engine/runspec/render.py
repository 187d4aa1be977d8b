"""A RunSpec back as arguments: the flag table's rows in a stable order, one canonical line.

The usual flags come first in the order people write them (``--rm -dit
--name ... -p ... -e ... -v ...``), the rest in the table's order, the mounts
and the entrypoint last, then the image and its command.
"""

from __future__ import annotations

from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.flags import FLAGS, Flag, flag_named

_LEAD = (
    "--rm", "--name", "--hostname", "--user", "--workdir", "--read-only", "--restart",
    "--network", "--network-alias", "--ip", "--ip6", "--publish", "--expose", "--env",
    "--env-file", "--label", "--label-file", "--volumes-from",
)  # fmt: skip
_LAST = ("--volume", "--mount", "--tmpfs", "--entrypoint")
_SHORT = frozenset(("-h", "-u", "-w", "-p", "-e", "-l", "-m", "-P"))
_LETTERS = ("--detach", "--interactive", "--tty")  # written together: -dit


def _order() -> list[Flag]:
    named = [flag_named(n) for n in _LEAD]
    lead = [f for f in named if f is not None]
    skip = {f.long for f in lead} | set(_LAST) | set(_LETTERS)
    middle = [f for f in FLAGS if f.long not in skip]
    last = [f for f in (flag_named(n) for n in _LAST) if f is not None]
    return lead[:1] + [_DIT] + lead[1:] + middle + last


_DIT = Flag("-dit", None, "bool", "", "Runtime", "", "")  # a marker for the combined letters
_ORDER = _order()


def render_args(spec: SpecFields) -> list[str]:
    """Canonical argument list; parsing it gives ``spec`` back."""
    args: list[str] = []
    for f in _ORDER:
        if f is _DIT:
            letters = "".join(
                c for c, on in (("d", spec.detach), ("i", spec.interactive), ("t", spec.tty)) if on
            )
            if letters:
                args.append("-" + letters)
            continue
        if f.long == "--volume":
            for m in spec.mounts:  # every mount in its order, whichever flag wrote it
                args += m.to_args()
            continue
        if f.long in ("--mount", "--tmpfs"):
            continue
        name = f.short if f.short in _SHORT else f.long
        for value in f.values(spec):
            args += [name] if f.kind == "bool" else [name, value]
    args.append(spec.image)
    args += spec.command
    return args
