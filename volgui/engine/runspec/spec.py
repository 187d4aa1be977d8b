"""RunSpec: one container as ``docker run`` arguments, parsed, rendered, checked and created.

The docker CLI is the reference. The flag table (``flags.py``) says which flag
fills which field; the parser, the renderer, the create request and
``from_container`` do the work, each in its own module; this class is their
front door.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from typing import Any

from volgui.engine.runspec import check, parser, render, request
from volgui.engine.runspec import from_container as back
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.pasted import split_command


class RunSpec(SpecFields):
    """One container as docker-run arguments (fields in ``fields.py``)."""

    # -- reading ---------------------------------------------------------

    @classmethod
    def from_args(cls, argv: Sequence[str]) -> RunSpec:
        """Parse ``docker run`` arguments (without ``docker run``) and validate them."""

        return parser.parse_args(cls, argv)

    @classmethod
    def parse_command(cls, line: str) -> RunSpec:
        """A whole pasted ``docker run ...`` line."""

        return cls.from_args(split_command(line))

    @classmethod
    def from_container(
        cls,
        inspect: Mapping[str, Any],
        image_inspect: Mapping[str, Any] | None,
        *,
        reuse_anonymous: bool = False,
    ) -> RunSpec:
        """The spec that recreates an inspected container, leaving out the image's defaults.

        With ``reuse_anonymous`` the container's anonymous volumes are named by
        their current names, so a recreated container keeps their data (DESIGN
        rule 1). Raises InvalidInput naming any setting a RunSpec cannot express.
        """

        return back.spec_from_container(cls, inspect, image_inspect or {}, reuse_anonymous)

    # -- rendering -------------------------------------------------------

    def to_args(self) -> list[str]:
        """Canonical argument list: the table's order, short forms where they read better."""

        return render.render_args(self)

    def to_command(self, verb: str = "run") -> str:
        """One POSIX-shell-safe line: ``docker run ...``."""
        return " ".join(shlex.quote(a) for a in ["docker", verb, *self.to_args()])

    # -- checking --------------------------------------------------------

    def validate(self) -> RunSpec:
        """Refuse, before anything is sent, what the engine or the CLI would refuse."""

        check.validate(self)
        return self

    def check_api(self, api_version: str) -> None:
        """Refuse a flag the engine is too old for, naming the flag and both versions."""

        check.check_api(self, api_version)

    def client_notes(self) -> list[str]:
        """One line per client-only flag given: what volgui does with it instead."""

        return check.client_notes(self)

    # -- what the engine is sent ----------------------------------------

    def create_request(
        self, cwd: str | None = None, environ: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The body of ``POST /containers/create``, as docker CLI 28 sends it for these args."""

        return request.create_request(self, cwd, environ)
