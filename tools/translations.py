"""Keep and compile the window's translations (Qt Linguist tools from PySide6).

    python tools/translations.py update   # lupdate: volgui/ui -> resources/translations/*.ts
    python tools/translations.py release  # lrelease: *.ts -> *.qm (the build step)

``update`` finds every ``tr()`` / ``QCoreApplication.translate`` /
``QT_TRANSLATE_NOOP`` in ``volgui/ui`` and merges it into the ``.ts`` files
(no line numbers, so parallel edits merge cleanly). ``volgui_en.ts`` holds only
plural forms: English is the source language. ``release`` runs at build time
(setup.py's build_py and ``make translations``); the ``.qm`` are not committed.
The tools are the ``lupdate``/``lrelease`` binaries inside the PySide6-Essentials
wheel (what its ``pyside6-lupdate``/``pyside6-lrelease`` scripts run).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "volgui" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
# language -> lupdate options beyond the common ones
CATALOGUES = {"ko": ("-target-language", "ko_KR"), "en": ("-target-language", "en", "-pluralonly")}


def tool(name: str) -> Path:
    """The Qt tool shipped inside the PySide6 package (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit(f"translations: PySide6 is not installed, so there is no {name}")
    exe = Path(spec.origin).parent / name
    if not exe.exists():
        raise SystemExit(f"translations: {exe} is missing from the PySide6 wheel")
    return exe


def ts_path(lang: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"volgui_{lang}.ts"


def update(directory: Path = TRANSLATIONS, sources: Path = SOURCES) -> list[Path]:
    """Run lupdate over ``sources`` into ``directory``'s .ts files; return them."""
    written = []
    for lang, extra in CATALOGUES.items():
        ts = ts_path(lang, directory)
        cmd = [str(tool("lupdate")), "-silent", "-extensions", "py", "-locations", "none"]
        cmd += ["-no-obsolete", *extra, str(sources), "-ts", str(ts)]
        subprocess.run(cmd, check=True)
        written.append(ts)
    return written


def release(directory: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts in ``directory`` to a .qm beside it; return the .qm files."""
    out = []
    for ts in sorted(directory.glob("volgui_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    if not out:
        raise SystemExit(f"translations: no volgui_*.ts in {directory}")
    return out


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        for ts in update():
            print(ts.relative_to(ROOT))
        return 0
    if argv[1:] == ["release"]:
        for qm in release():
            print(qm.relative_to(ROOT))
        return 0
    print("usage: python tools/translations.py update|release", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
