"""The PySide6 6.12 / Python 3.11 None-reference leak cannot crash the app."""

from __future__ import annotations

import subprocess
import sys


def test_a_million_void_calls_do_not_exhaust_none() -> None:
    # In a child process: if the guard failed, the interpreter would abort there.
    code = (
        "import volgui.ui\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(1_000_000): o.setObjectName('x')\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "ok"
