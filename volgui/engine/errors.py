"""Errors the engine raises, worded for the person who asked.

Every error a user can cause or meet derives from :class:`VolguiError`; its
``str()`` is one line that says what failed and why. SDK and HTTP errors are
translated at the boundary so nothing above the engine sees ``docker.errors``.
"""

from __future__ import annotations

from collections.abc import Sequence


class VolguiError(Exception):
    """Base of every error meant to be shown to a user as one clear line."""


class EngineUnavailable(VolguiError):
    """The engine could not be reached at ``address``."""

    def __init__(self, address: str, reason: str, hint: str = "") -> None:
        self.address = address
        self.reason = reason
        self.hint = hint
        message = f"cannot reach the Docker engine at {address}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class InvalidInput(VolguiError):
    """A name, destination or argument was refused before anything was sent."""


class NotFound(VolguiError):
    """A volume or container named by the user does not exist."""

    def __init__(self, kind: str, name: str, message: str = "") -> None:
        self.kind = kind
        self.name = name
        super().__init__(message or f"no such {kind}: {name}")


class VolumeExists(VolguiError):
    """``docker volume create`` silently reuses a name; we refuse instead."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"volume {name} already exists; choose another name")


class VolumeInUse(VolguiError):
    """A volume cannot be removed while any container, even a stopped one, uses it."""

    def __init__(self, name: str, users: Sequence[str]) -> None:
        self.name = name
        self.users = tuple(users)
        who = ", ".join(self.users) if self.users else "a container"
        super().__init__(
            f"volume {name} is in use by {who}; remove or recreate those containers first"
        )


class EngineError(VolguiError):
    """The engine refused a request for a reason we have no better words for."""
