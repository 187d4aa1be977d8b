"""Clone, export and import of a 256 MiB + 1,500-file volume against the shell recipes.

Recipes (a busybox helper container): ``cp -a /v/. /w/`` for clone,
``tar -C /v -cf - .`` to a file for export, ``tar -C /w -xf -`` from it for
import. Prints each ratio (target <= 1.5) and the peak memory of this
process, then streams a 1.1 GiB volume out to /dev/null and prints the
peak RSS growth (target < 100 MiB).
"""

from __future__ import annotations

import os
import resource
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

FILL = (
    "cd /v && head -c 268435456 /dev/urandom > big && mkdir -p many && cd many && "
    "i=0; while [ $i -lt 1500 ]; do echo file $i > f$i; i=$((i+1)); done"
)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def docker(*args: str, **kw: object) -> None:
    kw.setdefault("stdout", subprocess.DEVNULL)
    subprocess.run(["docker", *args], check=True, stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]


def run(engine: Engine, work: Path) -> int:
    image = import_busybox(engine)
    name = lambda p: f"bench-{p}-{uuid.uuid4().hex[:6]}"  # noqa: E731
    src = name("src")
    docker("run", "--rm", "-v", f"{src}:/v", image, "sh", "-c", FILL)
    made: list[str] = [src]
    base = rss_mib()
    results = []

    w1, w2 = name("cp"), name("clone")
    made += [w1, w2]
    t_recipe = timed(
        lambda: docker(
            "run", "--rm", "-v", f"{src}:/v", "-v", f"{w1}:/w", image, "cp", "-a", "/v/.", "/w/"
        )
    )
    t_ours = timed(lambda: engine.clone_volume(src, w2))
    results.append(("clone", t_ours, t_recipe))

    tar_recipe, tar_ours = work / "recipe.tar", work / "ours.tar"
    with open(tar_recipe, "wb") as out:
        t_recipe = timed(
            lambda: docker(
                "run",
                "--rm",
                "-v",
                f"{src}:/v",
                image,
                "tar",
                "-C",
                "/v",
                "-cf",
                "-",
                ".",
                stdout=out,
            )
        )
    t_ours = timed(lambda: engine.export_volume(src, str(tar_ours)))
    results.append(("export", t_ours, t_recipe))

    i1, i2 = name("untar"), name("import")
    made += [i1, i2]
    with open(tar_recipe, "rb") as src_file:
        t_recipe = timed(
            lambda: docker(
                "run",
                "--rm",
                "-i",
                "-v",
                f"{i1}:/w",
                image,
                "tar",
                "-C",
                "/w",
                "-xf",
                "-",
                stdin=src_file,
            )
        )
    t_ours = timed(lambda: engine.import_volume(i2, str(tar_ours)))
    results.append(("import", t_ours, t_recipe))

    ok = True
    for what, ours, recipe in results:
        ratio = ours / recipe
        ok &= ratio <= 1.5
        print(
            f"  {what:6}: volgui {ours:6.2f} s, recipe {recipe:6.2f} s, "
            f"ratio {ratio:.2f} (target <= 1.5)"
        )
    print(f"  peak RSS growth over the three: {rss_mib() - base:.0f} MiB")

    big = name("big")
    made.append(big)
    sparse = work / "zeros.bin"
    with open(sparse, "wb") as f:
        f.truncate(1100 * 1024 * 1024)  # sparse: no disk used, reads as zeros
    engine.create_volume(big)
    before = rss_mib()
    t_up = timed(lambda: engine.upload(big, "/", [str(sparse)]))
    saved = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    try:
        t_out = timed(lambda: engine.export_volume(big, "-"))
    finally:
        os.dup2(saved, 1)
        os.close(null)
    growth = rss_mib() - before
    ok &= growth < 100
    print(
        f"  1.1 GiB: streamed in {t_up:.1f} s, out in {t_out:.1f} s; peak RSS growth "
        f"{growth:.0f} MiB (target < 100)"
    )
    for v in made:
        subprocess.run(["docker", "volume", "rm", "-f", v], capture_output=True)
    return 0 if ok else 1


def main() -> int:
    address = os.environ.get("VOLGUI_TEST_HOST")
    box = None
    with tempfile.TemporaryDirectory(prefix="volgui-bench-archive-") as tmp:
        if not address:
            box = Sandbox(Path(tmp) / "engine")
            box.start()
            address = box.address
        os.environ["DOCKER_HOST"] = address
        engine = connect(address)
        try:
            print("archive: clone / export / import, 256 MiB + 1,500 files")
            return run(engine, Path(tmp))
        finally:
            engine.close()
            if box is not None:
                box.stop()


if __name__ == "__main__":
    sys.exit(main())
