"""A screenshot of the Engines sidebar with four engines, for the README.

    xvfb-run -a -s "-screen 0 1000x400x24" python tools/engines_screenshot.py --out docs

Starts private engines under a temporary directory (two sandbox dockerd, a
Podman service, an sshd whose far side is the second dockerd; as root, like
the tests), lists them with one engine that is down, waits for every probe,
grabs the widget and stops everything again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.services import PodmanService, SSHServer  # noqa: E402
from volgui.engine.engines import AddedEngine  # noqa: E402
from volgui.engine.sandbox import Sandbox, seed  # noqa: E402
from volgui.ui.engine_list import EngineList  # noqa: E402
from volgui.ui.engines_controller import EnginesController  # noqa: E402


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
        seed(laptop.start(), root / "laptop")
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
        view = EngineList(c)
        view.resize(900, 170)
        view.show()
        deadline = time.monotonic() + 60
        while not all(c.probe(e.key) for e in c.entries) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.02)  # ok: a tool waiting for background probes
        for col in range(view.model().columnCount()):
            view.resizeColumnToContents(col)
        QCoreApplication.processEvents()
        out.mkdir(parents=True, exist_ok=True)
        view.grab().save(str(out / "engines-sidebar.png"))
        c.close()
    finally:
        ssh.stop()
        podman.stop()
        build.stop()
        laptop.stop()
        app.quit()
        if not any(str(root) in line for line in open("/proc/mounts")):
            shutil.rmtree(root, ignore_errors=True)
    print(out / "engines-sidebar.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
