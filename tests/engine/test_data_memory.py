"""Memory stays flat streaming a volume far larger than the growth allowed.

A child process (its own peak RSS, untouched by the test run) streams a
sparse 320 MiB file into a volume and exports the volume to /dev/null; its
peak RSS may grow by less than 64 MiB. bench/archive.py does the same with
1.1 GiB.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

CHILD = """
import os, resource, sys
from volgui.engine import connect
address, volume, sparse = sys.argv[1:4]
engine = connect(address)
with open(sparse, "wb") as f:
    f.truncate(320 * 1024 * 1024)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
engine.create_volume(volume)
engine.upload(volume, "/", [sparse])
null = os.open(os.devnull, os.O_WRONLY)
saved = os.dup(1)
os.dup2(null, 1)
engine.export_volume(volume, "-")
os.dup2(saved, 1)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_streaming_a_large_volume_keeps_memory_flat(
    sandbox_address: str, unique: Any, tmp_path: Path
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, sandbox_address, unique("big"), str(tmp_path / "zeros")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    growth_mib = int(proc.stdout.strip())
    assert growth_mib < 64
