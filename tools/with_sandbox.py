"""Run a command against a fresh private sandbox engine, and always stop it.

    python tools/with_sandbox.py -- pytest ...

The engine's address is passed as VOLGUI_TEST_HOST (and DOCKER_HOST, so the
docker CLI in tests talks to it); the user's engine is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from volgui.engine.sandbox import Sandbox


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print("usage: with_sandbox.py -- COMMAND...", file=sys.stderr)
        return 2
    directory = Path(tempfile.mkdtemp(prefix="volgui-test-"))
    box = Sandbox(directory)
    try:
        box.start()
        env = dict(os.environ, VOLGUI_TEST_HOST=box.address, DOCKER_HOST=box.address)
        env.pop("DOCKER_CONTEXT", None)
        return subprocess.call(argv, env=env)
    finally:
        box.stop()
        mounted = any(str(directory) in line for line in open("/proc/mounts"))
        if not mounted:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
