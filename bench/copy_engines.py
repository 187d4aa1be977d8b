"""Copy a ~200 MiB volume (one big file and 2,000 small ones) between two local engines.

volgui's streamed engine-to-engine copy against the shell recipe

    docker -H A run --rm -v V:/v busybox tar c -C /v . |
        docker -H B run --rm -i -v V:/v busybox tar x -C /v

Both engines are private sandboxes (busybox imported on each): the one
``make bench`` runs (VOLGUI_TEST_HOST) or one started here, and one more.
Each way runs three times into a fresh target volume; the median counts.
Prints both times and the ratio volgui / shell (target <= 1.5, DESIGN "Speed").
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from volgui.engine import Engine, connect  # noqa: E402
from volgui.engine.sandbox import Sandbox, import_busybox  # noqa: E402

RUNS = 3
FILL = (
    "cd /v && head -c 167772160 /dev/urandom > big && mkdir -p small && cd small && "
    "i=0; while [ $i -lt 2000 ]; do head -c 20480 /dev/urandom > f$i; i=$((i+1)); done"
)  # 160 MiB + 2,000 x 20 KiB = ~199 MiB


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def docker(host: str, *args: str) -> str:
    proc = subprocess.run(["docker", "-H", host, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"docker -H {host} {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout.strip()


def shell_copy(src: str, dst: str, volume: str, target: str, image: str) -> None:
    q = shlex.quote
    line = (
        f"docker -H {q(src)} run --rm -v {q(volume)}:/v {q(image)} tar c -C /v . | "
        f"docker -H {q(dst)} run --rm -i -v {q(target)}:/v {q(image)} tar x -C /v"
    )
    subprocess.run(["bash", "-o", "pipefail", "-c", line], check=True)


def run(a: Engine, b: Engine) -> int:
    image = import_busybox(a)
    if import_busybox(b) != image:
        raise SystemExit("busybox got different references on the two engines")
    src = f"bench-copy-{uuid.uuid4().hex[:6]}"
    docker(a.address, "run", "--rm", "-v", f"{src}:/v", image, "sh", "-c", FILL)
    size = docker(a.address, "run", "--rm", "-v", f"{src}:/v", image, "du", "-sm", "/v")
    made: list[str] = []
    ours, shell = [], []
    try:
        for _ in range(RUNS):
            t1, t2 = f"{src}-sh-{uuid.uuid4().hex[:4]}", f"{src}-vg-{uuid.uuid4().hex[:4]}"
            made += [t1, t2]
            shell.append(timed(lambda t1=t1: shell_copy(a.address, b.address, src, t1, image)))
            ours.append(timed(lambda t2=t2: a.copy_volume(src, b, as_name=t2)))
        # Same files both ways (a spot check; the tests compare file by file).
        listing = "cd /v && find . -type f | sort | xargs md5sum | md5sum"
        sums = {
            docker(b.address, "run", "--rm", "-v", f"{t}:/v", image, "sh", "-c", listing)
            for t in made[-2:]
        }
        sums.add(docker(a.address, "run", "--rm", "-v", f"{src}:/v", image, "sh", "-c", listing))
        if len(sums) != 1:
            raise SystemExit("the copies differ from the source")
    finally:
        docker(a.address, "volume", "rm", "-f", src)
        if made:
            docker(b.address, "volume", "rm", "-f", *made)
    t_ours, t_shell = statistics.median(ours), statistics.median(shell)
    ratio = t_ours / t_shell
    print(f"  volume: {size.split()[0]} MiB (1 x 160 MiB + 2,000 x 20 KiB), median of {RUNS}")
    print(f"  volgui copy : {t_ours:6.2f} s  ({', '.join(f'{t:.2f}' for t in ours)})")
    print(f"  shell recipe: {t_shell:6.2f} s  ({', '.join(f'{t:.2f}' for t in shell)})")
    print(f"  ratio volgui / shell: {ratio:.2f} (target <= 1.5)")
    return 0 if ratio <= 1.5 else 1


def main() -> int:
    """The first engine is VOLGUI_TEST_HOST's (`make bench`) or one started here."""
    address = os.environ.get("VOLGUI_TEST_HOST")
    with tempfile.TemporaryDirectory(prefix="volgui-bench-copy-") as tmp:
        one = None if address else Sandbox(Path(tmp) / "one")
        two = Sandbox(Path(tmp) / "two")
        a = connect(address) if address else one.start()  # type: ignore[union-attr]
        try:
            b = two.start()
            try:
                print("copy_engines: a volume from one local engine to another")
                return run(a, b)
            finally:
                b.close()
                two.stop()
        finally:
            a.close()
            if one is not None:
                one.stop()


if __name__ == "__main__":
    sys.exit(main())
