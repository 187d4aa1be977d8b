"""Work around PySide6 6.12 returning ``None`` without a reference on Python 3.11.

PySide6 6.12's wheels (built for the stable ABI) return ``Py_None`` from every
void method without taking a new reference. From Python 3.12 on ``None`` is
immortal and nothing happens; on 3.11 each call (``setPen``, ``setPos``,
``setObjectName``…) steals one reference from ``None`` until the interpreter
aborts with "Fatal Python error: none_dealloc" — within seconds of painting a
large scene. We measure the leak once and, if it is there, give ``None`` a
reference count no session can use up (``None`` is never freed anyway).
"""

from __future__ import annotations

import ctypes
import sys

_PADDING = 1 << 50


def none_leaks_per_call() -> float:
    """References to None lost per void PySide6 call (0 when PySide6 is sound)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    calls = 200
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return max(0.0, (before - sys.getrefcount(None)) / calls)


def guard_none_refcount() -> bool:
    """Pad None's reference count if PySide6 leaks it; return whether we did."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if none_leaks_per_call() < 0.5:
        return False
    # ob_refcnt is the first field of every CPython object.
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < _PADDING:
        refcnt.value += _PADDING
    return True
