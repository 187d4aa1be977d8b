"""Run the `volgui` command line as a user would: a child process."""

from __future__ import annotations

import subprocess
import sys


def volgui(address: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`volgui --host ADDRESS ARGS...`, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "volgui", "--host", address, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
