"""Input checks that run before anything is sent to the engine (DESIGN rule 7)."""

from __future__ import annotations

import re

from volgui.engine.errors import InvalidInput

# The engine's own rule for volume and container names.
NAME_PATTERN = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")


def check_name(name: str, kind: str = "volume") -> str:
    """Return ``name`` if the engine would accept it as a volume/container name."""
    if not name:
        raise InvalidInput(f"{kind} name is empty")
    if not NAME_PATTERN.match(name):
        raise InvalidInput(
            f"invalid {kind} name {name!r}: use at least two characters, letters, digits, "
            "'_', '.' or '-', starting with a letter or digit"
        )
    return name


def check_destination(path: str) -> str:
    """Return ``path`` if it is usable as a mount destination inside a container."""
    if not path:
        raise InvalidInput("mount destination is empty")
    if not path.startswith("/"):
        raise InvalidInput(f"mount destination {path!r} is not an absolute path (start it with /)")
    if path != "/" and path.rstrip("/") == "":
        raise InvalidInput(f"mount destination {path!r} is not a usable path")
    if path == "/":
        raise InvalidInput("mount destination cannot be / (the container's root)")
    return path
