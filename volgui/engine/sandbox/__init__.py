"""A private, throwaway Docker engine for tests and the demo.

Rooms: ``daemon`` (the dockerd, its private directories), ``image`` (the
busybox sample image, no registry needed), ``sample`` (the demo's volumes and
containers; started again whenever the sandbox starts).
"""

from volgui.engine.sandbox.daemon import (
    Sandbox,
    SandboxError,
    check_private,
    default_dir,
    default_run_dir,
    find_dockerd,
    make_private,
)
from volgui.engine.sandbox.image import SAMPLE_IMAGE, busybox_rootfs, import_busybox
from volgui.engine.sandbox.sample import seed, wake

__all__ = [
    "SAMPLE_IMAGE",
    "Sandbox",
    "SandboxError",
    "busybox_rootfs",
    "check_private",
    "default_dir",
    "default_run_dir",
    "find_dockerd",
    "import_busybox",
    "make_private",
    "seed",
    "wake",
]
