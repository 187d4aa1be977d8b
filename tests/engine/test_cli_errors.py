"""A user's mistake on the command line: one `volgui: ...` line on stderr, non-zero exit.

DESIGN: "on refusal or error a non-zero exit and one clear line on stderr that
says what and why (never a traceback for a user error)". Each case runs the
real console entry point in a process, against the sandbox engine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import volgui


def assert_one_line(result: subprocess.CompletedProcess[str], says: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("volgui: ") and says in lines[0], lines[0]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("nosuch",), "invalid choice: 'nosuch'"),
        (("graph", "--format", "xml"), "graph: argument --format: invalid choice: 'xml'"),
        (("runcmd",), "runcmd: the following arguments are required: container"),
        (("mount",), "mount: the following arguments are required: CONTAINER"),
        (("unmount", "web"), "unmount: the following arguments are required: DEST"),
        (("sandbox", "bogus"), "sandbox: argument action: invalid choice: 'bogus'"),
        (("graph", "--bogus"), "unrecognized arguments: --bogus"),
        (("create", "--name", "web", "busybox"), "put -- before the docker run arguments"),
    ],
)
def test_usage_errors_are_one_line(sandbox_address: str, args: tuple[str, ...], says: str) -> None:
    result = volgui(sandbox_address, *args)
    assert result.returncode == 2
    assert_one_line(result, says)
    assert "usage:" not in result.stderr


def test_host_and_context_together_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "volgui", "--host", "unix:///x.sock", "--context", "y", "graph"],
        capture_output=True,
        text=True,
    )
    assert_one_line(result, "not allowed with argument")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("runcmd", ""), "no container given"),
        (("runcmd", "  "), "no container given"),
        (("runcmd", "nö-such-cöntainer"), "no such container: nö-such-cöntainer"),
        (("unmount", "", "/x"), "container name is empty"),
    ],
)
def test_an_empty_or_unknown_container_is_named_as_such(
    sandbox_address: str, args: tuple[str, ...], says: str
) -> None:
    result = volgui(sandbox_address, *args)
    assert_one_line(result, says)
    assert "cannot reach" not in result.stderr


def test_a_line_break_inside_a_value_stays_on_the_one_line(
    sandbox_address: str, image: str
) -> None:
    result = volgui(sandbox_address, "create", "--", "--na\nme", "x", image)
    assert_one_line(result, "unknown flag: --na\\nme")
