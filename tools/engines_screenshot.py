"""Screenshots of the window's Engines sidebar with four engines, and a copy in progress.

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/engines_screenshot.py --out docs

Starts private engines under a temporary directory (two sandbox dockerd, a
Podman service, an sshd whose far side is the second dockerd; as root, like
the tests), opens the window on the first with one engine that is down
listed too, waits for every probe and grabs it (engines-sidebar.png); then
copies a 600 MiB volume to the build server over ssh and grabs the progress
dialog once bytes flow (engines-copy.png), cancels, and stops everything.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.services import PodmanService, SSHServer  # noqa: E402
from tools.ui_screenshots import shoot, wait_for  # noqa: E402
from volgui.engine.engines import AddedEngine  # noqa: E402
from volgui.engine.sandbox import Sandbox, import_busybox, seed  # noqa: E402
from volgui.ui import tasks  # noqa: E402
from volgui.ui.engines_controller import EnginesController  # noqa: E402
from volgui.ui.main_window import MainWindow  # noqa: E402

BIG = "media-uploads"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    out = parser.parse_args().out
    root = Path(tempfile.mkdtemp(prefix="volgui-engines-"))
    laptop, build = Sandbox(root / "laptop"), Sandbox(root / "build")
    podman = PodmanService(root / "podman")
    ssh = SSHServer(root / "sshd", build.address)
    app = QApplication(sys.argv)
    try:
        engine = laptop.start()
        seed(engine, root / "laptop")
        image = import_busybox(engine)
        engine.api.create_volume(BIG)
        fill = engine.api.create_container(
            image,
            ["sh", "-c", "head -c 629145600 /dev/urandom > /v/uploads.bin"],
            host_config=engine.api.create_host_config(binds=[f"{BIG}:/v"]),
        )
        engine.api.start(fill)
        engine.api.wait(fill)
        engine.api.remove_container(fill)
        build.start()
        podman.start()
        ssh.start()
        os.environ["VOLGUI_SSH"] = ssh.ssh_command
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        env = {"DOCKER_CONFIG": str(root / "docker-config"), "DOCKER_HOST": laptop.address}
        c = EnginesController(env=env, settings=settings, podman=[str(podman.socket)])
        c.reload()
        c.add_engine(AddedEngine("build server (ssh)", f"ssh://{SSHServer.ALIAS}"))
        c.add_engine(AddedEngine("staging", "tcp://127.0.0.1:1"))
        window = MainWindow(engine, settings=settings, engines=c)
        window.move(0, 0)
        window.resize(1360, 820)
        window.show()
        window.resizeDocks([window.engines_dock], [400], Qt.Orientation.Horizontal)
        wait_for(lambda: window.is_filled and all(c.probe(e.key) for e in c.entries), 60)
        window.compute_sizes()  # the copy dialog and the progress bar know the size
        wait_for(lambda: not window.computing_sizes, 60)
        window.select_volume(BIG)
        window.statusBar().clearMessage()  # the engine's words, not "Sizes computed"
        QCoreApplication.processEvents()
        out.mkdir(parents=True, exist_ok=True)
        shoot(window, out / "engines-sidebar.png")
        progress = window.start_engine_copy(BIG, "added:build server (ssh)", BIG)
        wait_for(lambda: progress.done_bytes > 100 * 1024 * 1024, 120)
        shoot(window, out / "engines-copy.png")
        progress.cancel()
        wait_for(lambda: not tasks.runner().running, 120)
        window.close()
        tasks.shutdown()
    finally:
        ssh.stop()
        podman.stop()
        build.stop()
        laptop.stop()
        app.quit()
        if not any(str(root) in line for line in open("/proc/mounts")):
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
