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


class WritableLayerChanged(VolguiError):
    """A recreate would lose files written into the container's own layer (DESIGN rule 3)."""

    SHOWN = 20

    def __init__(self, container: str, changes: Sequence[str]) -> None:
        self.container = container
        self.changes = tuple(changes)
        shown = ", ".join(self.changes[: self.SHOWN])
        more = len(self.changes) - self.SHOWN
        if more > 0:
            shown += f" and {more} more"
        super().__init__(
            f"container {container} has {len(self.changes)} changed path(s) in its own layer, "
            f"which replacing it would lose: {shown}; move that data into a volume first, "
            "or agree to discard it (--discard-changes)"
        )


class PlanOutdated(VolguiError):
    """The container changed between planning a recreate and applying it."""

    def __init__(self, container: str) -> None:
        self.container = container
        super().__init__(f"container {container} changed since the plan was made; plan again")


class RecreateFailed(VolguiError):
    """A step of a recreate failed; ``rolled_back`` says whether the old container is back."""

    def __init__(self, container: str, step: str, reason: str, outcome: str, rolled_back: bool):
        self.container = container
        self.step = step
        self.reason = reason
        self.rolled_back = rolled_back
        super().__init__(
            f"replacing container {container} failed while {step}: {reason}; {outcome}"
        )


class DataError(VolguiError):
    """Reading or writing a volume's data failed; the message says what is left where."""


class Cancelled(VolguiError):
    """The user stopped a long operation; what it made was taken away again."""
