"""The committed .ts files are complete: lupdate run now finds nothing new.

Runs lupdate over volgui/ui into a copy of resources/translations and fails
when a string has no finished Korean translation (or English plural forms),
or when the committed file lacks a context or a string that the code has, or
keeps one the code no longer has. The fix is always the same: ``make
update-translations``, then translate what it marked unfinished.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIX = "run `make update-translations` and translate the unfinished entries"


def _tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Message = tuple[str, str]  # (context, source)


def _messages(ts: Path) -> dict[Message, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (translation.text or "").strip()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """lupdate's view of the code now, merged into a copy of the committed files."""
    tools = _tools()
    where = tmp_path_factory.mktemp("ts")
    for ts in tools.TRANSLATIONS.glob("volgui_*.ts"):
        shutil.copy(ts, where / ts.name)
    tools.update(directory=where)
    return where


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_string_has_a_finished_translation(scanned: Path, lang: str) -> None:
    messages = _messages(scanned / f"volgui_{lang}.ts")
    assert messages, "lupdate found no strings at all"
    missing = sorted(f"{c}: {s!r}" for (c, s), m in messages.items() if _unfinished(m))
    assert not missing, f"{len(missing)} untranslated ({lang}); {FIX}:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_committed_file_matches_the_code(scanned: Path, lang: str) -> None:
    committed = _messages(ROOT / "resources" / "translations" / f"volgui_{lang}.ts")
    now = _messages(scanned / f"volgui_{lang}.ts")
    contexts = {c for c, _ in now} - {c for c, _ in committed}
    assert not contexts, f"contexts missing from volgui_{lang}.ts: {sorted(contexts)}; {FIX}"
    new = sorted(f"{c}: {s!r}" for c, s in now.keys() - committed.keys())
    assert not new, f"strings missing from volgui_{lang}.ts; {FIX}:\n" + "\n".join(new)
    gone = sorted(f"{c}: {s!r}" for c, s in committed.keys() - now.keys())
    assert not gone, f"volgui_{lang}.ts keeps strings the code lost; {FIX}:\n" + "\n".join(gone)


def test_korean_plural_forms_keep_the_count(scanned: Path) -> None:
    """Korean has one plural form; it must still say %n, or the count is lost."""
    for (context, source), message in _messages(scanned / "volgui_ko.ts").items():
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in message.iter("numerusform")]
            assert len(forms) == 1 and "%n" in forms[0], (context, source, forms)


def test_placeholders_survive_translation(scanned: Path) -> None:
    """A translation keeps every {name} placeholder of its source (format() needs them)."""
    for (context, source), message in _messages(scanned / "volgui_ko.ts").items():
        wanted = set(re.findall(r"\{\w+\}", source))
        texts = [message.findtext("translation") or ""]
        texts += [f.text or "" for f in message.iter("numerusform")]
        for text in texts:
            if text.strip():
                assert set(re.findall(r"\{\w+\}", text)) == wanted, (context, source, text)


def test_the_compiled_files_are_current() -> None:
    """The .qm the tests load came from the .ts as committed (make translations ran)."""
    folder = ROOT / "resources" / "translations"
    for ts in folder.glob("volgui_*.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run `make translations`"
        assert qm.stat().st_mtime >= ts.stat().st_mtime, f"{qm.name} older than {ts.name}"
