"""Pasted lines: a ``docker run ...`` line as a README shows it, read as the shell reads it."""

from __future__ import annotations

import shlex

from volgui.engine.errors import InvalidInput


def _join_continuations(text: str) -> str:
    """Drop backslash-newline outside single quotes, as the shell does."""
    out: list[str] = []
    i, n = 0, len(text)
    quote = ""
    while i < n:
        c = text[i]
        if quote == "'":
            out.append(c)
            if c == "'":
                quote = ""
            i += 1
            continue
        if c == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "\n":
                i += 2
                continue
            if nxt == "\r" and text[i + 2 : i + 3] == "\n":
                i += 3
                continue
            out.append(c + nxt)
            i += 2
            continue
        if c == '"':
            quote = "" if quote == '"' else '"'
        elif c == "'" and not quote:
            quote = "'"
        out.append(c)
        i += 1
    return "".join(out)


def split_command(text: str) -> list[str]:
    """Shell words of a pasted ``docker run``/``docker create`` line, after the verb."""
    try:
        words = shlex.split(_join_continuations(text), comments=False, posix=True)
    except ValueError as e:
        raise InvalidInput(f"cannot read the command line: {e}") from None
    if words[:1] == ["$"]:
        words = words[1:]
    if words[:1] == ["sudo"]:
        words = words[1:]
    if words[:1] != ["docker"]:
        raise InvalidInput("expected a `docker run ...` or `docker create ...` line")
    words = words[1:]
    if words[:1] == ["container"]:
        words = words[1:]
    if words[:1] not in (["run"], ["create"]):
        got = words[0] if words else "nothing"
        raise InvalidInput(f"expected `docker run` or `docker create`, got `docker {got}`")
    return words[1:]
