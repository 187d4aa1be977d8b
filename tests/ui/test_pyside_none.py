"""PySide6 6.12 on Python 3.11 leaks a reference to None per void call; we pin below it."""

from __future__ import annotations

import subprocess
import sys


def test_a_million_void_calls_do_not_exhaust_none() -> None:
    # In a child process: with a leaking PySide6 the interpreter aborts there.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(1_000_000): o.setObjectName('x')\n"
        "print(before - sys.getrefcount(None))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert int(proc.stdout) < 100


def test_a_million_emits_do_not_exhaust_true() -> None:
    # 6.12's SignalInstance.emit() also returned True without a reference.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class P(QObject):\n"
        "    ping = Signal()\n"
        "p = P()\n"
        "before = sys.getrefcount(True)\n"
        "for _ in range(1_000_000): p.ping.emit()\n"
        "print(before - sys.getrefcount(True))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert int(proc.stdout) < 100
