"""The run dialog's parts on their own: generic flag sections, words, suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from pytestqt.qtbot import QtBot

from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.engine.runspec import RunSpec
from volgui.engine.runspec.flag import GROUPS
from volgui.ui.run_dialog import flag_words
from volgui.ui.run_dialog.change_plan import describe, diff
from volgui.ui.run_dialog.flag_sections import FlagSections, remaining_flags
from volgui.ui.run_dialog.suggest import suggested_destination


@dataclass(frozen=True)
class LocalFlag:
    """A stand-in row with the Flag interface: the sections must be generic over it."""

    long: str
    short: str | None
    kind: str  # "bool" | "value" | "repeat"
    field: str
    group: str
    label: str
    help: str
    min_api: str | None = None
    client_only: bool = False

    def values(self, spec: RunSpec) -> list[str]:
        value: Any = getattr(spec, self.field)
        if self.kind == "bool":
            return ["true"] if value else []
        if self.kind == "repeat":
            return list(value)
        return [] if value is None else [value]

    def with_values(self, spec: RunSpec, values: Sequence[str]) -> RunSpec:
        value: Any
        if self.kind == "bool":
            value = bool(values) and values[-1] != "false"
        elif self.kind == "repeat":
            value = tuple(values)
        else:
            value = values[-1] if values else None
        new = replace(spec, **{self.field: value})
        new.validate()  # the CLI-style message, naming the flag
        return new


SMALL = (
    LocalFlag("--user", "-u", "value", "user", "Security", "User", "Username or UID"),
    LocalFlag("--read-only", None, "bool", "read_only", "Security", "Read-only root", "ro"),
    LocalFlag("--expose", None, "repeat", "expose", "Network", "Expose", "ports", min_api="1.99"),
)


def test_flag_sections_are_generic_over_flag_like_rows(qtbot: QtBot) -> None:
    sections = FlagSections(SMALL)
    qtbot.addWidget(sections)
    sections.show()
    assert set(sections.sections) == {"Security", "Network"}
    body = sections.sections["Security"][1]
    assert not body.isVisible()  # collapsed: the common case stays short
    spec = RunSpec(image="x", user="nobody", read_only=True)
    sections.fill(spec)
    assert body.isVisible()  # a section holding a set flag opens
    assert not sections.sections["Network"][1].isVisible()
    got, problems = sections.apply(RunSpec(image="x"))
    assert problems == [] and got.user == "nobody" and got.read_only

    # Several values are shell words; a bad one says so next to its field.
    expose = sections.field("--expose")
    with qtbot.waitSignal(sections.changed):
        expose.editor.textEdited.emit("x")  # type: ignore[attr-defined]
    expose.editor.setText("80 9000-9001")  # type: ignore[attr-defined]
    got, problems = sections.apply(RunSpec(image="x"))
    assert got.expose == ("80", "9000-9001") and not problems
    expose.editor.setText("eighty")  # type: ignore[attr-defined]
    got, problems = sections.apply(RunSpec(image="x"))
    assert problems and expose.message.isVisibleTo(sections) and "eighty" in problems[0]
    # An engine too old for a flag: refused, naming the flag and the versions.
    expose.editor.setText("80")  # type: ignore[attr-defined]
    got, problems = sections.apply(RunSpec(image="x"), api_version="1.41")
    assert problems == ["--expose needs API 1.99; this engine speaks 1.41"]


def test_the_remaining_flags_leave_out_what_the_common_form_shows() -> None:
    fields = {f.field for f in remaining_flags()}
    assert not fields & {"image", "name", "env", "labels", "mounts", "ports", "restart"}
    assert {"workdir", "user", "read_only"} <= fields


def _c(cid: str, *mounts: tuple[str, str], state: str = "running") -> Container:
    return Container(
        cid, cid, "img", state, mounts=tuple(Mount(cid, "volume", s, d) for s, d in mounts)
    )


def test_the_suggested_destination_is_where_the_others_agree_else_mnt() -> None:
    a, b = _c("a", ("photos", "/srv/photos")), _c("b", ("photos", "/srv/photos"))
    target = _c("t", ("other", "/data"))
    snap = Snapshot.build([Volume("photos"), Volume("other")], [a, b, target])
    assert suggested_destination(snap, "photos", target) == "/srv/photos"
    c = _c("c", ("photos", "/pics"))
    snap = Snapshot.build([Volume("photos")], [a, b, c, target])
    assert suggested_destination(snap, "photos", target) == "/mnt/photos"  # they disagree
    taken = _c("t2", ("other", "/srv/photos"))
    snap = Snapshot.build([Volume("photos")], [a, taken])
    assert suggested_destination(snap, "photos", taken) == "/mnt/photos"  # the path is taken


def test_the_change_is_said_in_plain_words() -> None:
    web = _c("web", ("db", "/var/lib/db"))
    after = [*web.mounts, Mount("", "volume", "photos", "/srv/photos")]
    assert describe(web, after) == (
        "web will be replaced by an identical container with photos mounted at /srv/photos; "
        "it is running and will be restarted."
    )
    stopped = _c("job", ("db", "/var/lib/db"), state="exited")
    words = describe(stopped, [])
    assert "/var/lib/db no longer mounted" in words and "db stays on the engine" in words
    assert words.endswith("it is exited and will stay so.")
    flipped = [Mount("", "volume", "db", "/var/lib/db", read_only=True)]
    assert diff(web.mounts, flipped).toggled and "/var/lib/db read-only" in describe(web, flipped)


def test_every_group_and_label_the_sections_show_is_marked_for_translation() -> None:
    """flag_words lists the table's words for lupdate: a new row needs its label there."""
    flags = remaining_flags()
    assert set(GROUPS) == set(flag_words.GROUPS)
    missing = {f.label for f in flags} - set(flag_words.LABELS)
    assert not missing, f"add these labels to volgui/ui/run_dialog/flag_words.py: {missing}"
