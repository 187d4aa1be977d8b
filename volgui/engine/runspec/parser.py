"""pflag's reading of ``docker run`` arguments (SetInterspersed(false)), over the flag table.

``--flag=value`` and ``--flag value``, combined short flags (``-dit``,
``-p8080:80``), options end at the image or ``--``. A flag the table lacks is
an error that names it: dropping it silently would create another container.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.check import validate
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.flags import FLAGS, Flag, flag_named
from volgui.engine.runspec.values import pairs, parse_bool

S = TypeVar("S", bound=SpecFields)


def _unknown(flag: str) -> InvalidInput:
    return InvalidInput(
        f"unknown flag: {flag} (docker run has no such flag; see `docker run --help`)"
    )


class _Reader:
    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self.pos = 0
        self.given: dict[str, list[Any]] = {}  # field -> items, in order

    def _value(self, shown: str) -> str:
        if self.pos >= len(self.argv):
            raise InvalidInput(f"flag {shown} needs a value")
        value = self.argv[self.pos]
        self.pos += 1
        return value

    def apply(self, f: Flag, shown: str, value: str | None) -> None:
        if f.kind == "bool":
            on = True if value is None else parse_bool(value, shown)
            self.given[f.field] = [on]
            return
        if value is None:
            value = self._value(shown)
        item = f.read(value)
        if f.field == "network" and self.given.get("network", [item]) != [item]:
            raise InvalidInput(
                "--network given twice; volgui handles one --network at create "
                "(join more with docker network connect)"
            )
        if f.kind == "value":
            self.given[f.field] = [item]
        else:
            self.given.setdefault(f.field, []).append(item)

    def long(self, arg: str) -> None:
        name, eq, value = arg.partition("=")
        if name == "--help":
            raise InvalidInput("--help is not a container setting: see `docker run --help`")
        f = flag_named(name)
        if f is None:
            raise _unknown(name)
        self.apply(f, name, value if eq else None)

    def shorts(self, letters: str) -> None:
        i = 0
        while i < len(letters):
            c = letters[i]
            f = flag_named("-" + c) if c != "-" else None
            if f is None:
                raise _unknown(f"-{c}" if i == 0 else f"'{c}' in -{letters}")
            rest = letters[i + 1 :]
            if f.kind == "bool" and not rest.startswith("="):
                self.apply(f, f"-{c}", None)
                i += 1
                continue
            rest = rest[1:] if rest.startswith("=") else rest
            self.apply(f, f"-{c}", rest if rest or f.kind == "bool" else None)
            return

    def read(self) -> tuple[dict[str, list[Any]], list[str]]:
        argv = self.argv
        while self.pos < len(argv):
            arg = argv[self.pos]
            if arg == "--":
                self.pos += 1
                break
            if not arg.startswith("-") or arg == "-":
                break
            self.pos += 1
            if arg.startswith("--"):
                self.long(arg)
            else:
                self.shorts(arg[1:])
        return self.given, argv[self.pos :]


def parse_args(cls: type[S], argv: Sequence[str]) -> S:
    """``docker run`` arguments (without ``docker run``) as a validated spec."""
    given, rest = _Reader(argv).read()
    if not rest:
        raise InvalidInput("no image given (docker run [OPTIONS] IMAGE [COMMAND])")
    kwargs: dict[str, Any] = {}
    for field, items in given.items():
        kind = _KIND[field]
        if kind in ("bool", "value"):
            kwargs[field] = items[-1]
        elif kind == "keyvalue":
            kwargs[field] = pairs(items)
        else:
            kwargs[field] = tuple(items)
        if kind == "value" and kwargs[field] == "" and field != "entrypoint":
            kwargs[field] = None  # an empty string flag is an unset one (``--entrypoint ''`` aside)
    spec = cls(image=rest[0], command=tuple(rest[1:]), **kwargs)
    validate(spec)
    return spec


_KIND = {f.field: f.kind for f in FLAGS}
