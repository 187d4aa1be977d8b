"""The window in Korean and English: texts from the compiled .qm, switched live.

Each test that wants Korean installs it (``korean`` fixture); the UI conftest
puts English back after every test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from volgui.cli import build_parser
from volgui.engine import Engine, InvalidInput
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.ui import errors, i18n
from volgui.ui import format as fmt
from volgui.ui.banner import EngineBanner
from volgui.ui.container_table import ContainerTable
from volgui.ui.details import DetailsPane
from volgui.ui.prune_dialog import PruneDialog
from volgui.ui.volume_dialog import VolumeDialog
from volgui.ui.volume_table import USED_BY, VolumeModel, VolumeTable

Docker = Callable[..., str]
Unique = Callable[[str], str]
WAIT = 10_000
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "ko") == "ko"
    yield


def _headers(table: VolumeTable | ContainerTable) -> list[str]:
    model = table.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _snapshot() -> Snapshot:
    cid = "c" * 64
    volume = Volume("shop-data", created="2026-11-28T12:00:00Z")
    web = Container(
        cid, "web", "busybox", "running",
        mounts=(Mount(cid, "volume", "shop-data", "/data", read_only=True),),
    )  # fmt: skip
    return Snapshot.build([volume, Volume("b" * 64)], [web])


def test_volume_dialog_speaks_korean(qtbot: QtBot, gui_engine: Engine, korean: None) -> None:
    dialog = VolumeDialog(gui_engine)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "새 볼륨"
    assert dialog.create_button.text() == "생성"
    labels = [label.text() for label in dialog.form_labels]
    assert labels == ["이름(&N):", "드라이버(&D):", "옵션(&O):", "레이블(&L):"]
    assert dialog.name.placeholderText() == "예: shop-pgdata"
    # Cancel is Qt's own button: Qt's translation (qtbase_ko) names it.
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "취소"
    dialog.name.setText("fine-name")
    dialog.labels.setPlainText("app=shop\nnot a pair")
    assert dialog.problem.text() == "레이블 2번째 줄('not a pair')이 key=value 형식이 아닙니다"


def test_prune_dialog_speaks_korean(qtbot: QtBot, gui_engine: Engine, korean: None) -> None:
    dialog = PruneDialog(gui_engine)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "사용하지 않는 볼륨 정리"
    assert dialog.summary.text() == "어떤 컨테이너도 사용하지 않는 볼륨을 찾는 중…"
    assert dialog.prune_button.text() == "이 볼륨들 삭제"
    assert dialog.include_named.text() == "이름 있는 볼륨도 포함(&N) (익명 볼륨만이 아니라)"
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert dialog.preview is not None
    n = len(dialog.preview)
    if n:
        assert dialog.summary.text().startswith(f"사용하지 않는 익명 볼륨 {n}개가 데이터와")
    else:
        assert dialog.summary.text() == "사용하지 않는 익명 볼륨이 없습니다: 정리할 것이 없습니다."


def test_banner_details_and_headers_speak_korean(
    qtbot: QtBot, gui_engine: Engine, korean: None
) -> None:
    banner = EngineBanner()
    qtbot.addWidget(banner)
    banner.show_down("connection refused", 5)
    assert banner.retry.text() == "지금 다시 시도"
    text = banner.message.text()
    assert "도커 엔진이 응답하지 않습니다." in text and "5초 뒤에 다시 시도합니다." in text
    assert "connection refused" in text  # the engine's words stay as it says them

    volumes, containers = VolumeTable(), ContainerTable()
    qtbot.addWidget(volumes)
    qtbot.addWidget(containers)
    assert _headers(volumes) == ["이름", "드라이버", "사용 컨테이너", "크기", "생성", "레이블"]
    assert _headers(containers) == ["이름", "이미지", "상태", "마운트"]
    containers.source.set_items(_snapshot().containers)
    assert containers.source.index(0, 2).data() == "실행 중"

    details = DetailsPane(gui_engine)
    qtbot.addWidget(details)
    assert "볼륨이나 컨테이너를 선택하면" in details.toPlainText()
    snap = _snapshot()
    details.show_volume(snap.volume("shop-data"), snap)
    text = details.toPlainText()
    for word in (
        "볼륨 shop-data",
        "드라이버",
        "마운트 지점",
        "사용 중인 컨테이너 1개",
        "읽기 전용",
        "실행 중",
    ):
        assert word in text, word


def test_switching_language_retranslates_open_widgets(
    qtbot: QtBot, qapp: QApplication, gui_engine: Engine
) -> None:
    dialog = VolumeDialog(gui_engine)
    banner = EngineBanner()
    table = VolumeTable()
    details = DetailsPane(gui_engine)
    for w in (dialog, banner, table, details):
        qtbot.addWidget(w)
    banner.show_down("connection refused", None)
    snap = _snapshot()
    table.source.set_items(snap.volumes)
    details.show_volume(snap.volume("shop-data"), snap)
    dialog.labels.setPlainText("x")
    dialog.name.setText("ok-name")
    assert dialog.windowTitle() == "New volume" and "label row 1" in dialog.problem.text()

    i18n.install(qapp, "ko")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.windowTitle() == "새 볼륨"
    assert dialog.problem.text().startswith("레이블 1번째 줄")
    assert banner.retry.text() == "지금 다시 시도" and "다시 시도하는 중" in banner.message.text()
    assert _headers(table)[0] == "이름"
    row = table.source.row_of("shop-data")
    assert table.source.index(row, USED_BY).data() == "컨테이너 1개"
    assert "볼륨 shop-data" in details.toPlainText()

    i18n.install(qapp, "en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.windowTitle() == "New volume"
    assert banner.retry.text() == "Retry now"
    assert _headers(table)[0] == "Name"
    assert table.source.index(row, USED_BY).data() == "1 container"
    assert "Volume shop-data" in details.toPlainText()


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("en", "1 day ago", "3 days ago"), ("ko", "1일 전", "3일 전")],
)
def test_ages_have_plural_forms(qapp: QApplication, lang: str, one: str, many: str) -> None:
    i18n.install(qapp, lang)
    assert fmt.ago(NOW - timedelta(days=1, hours=2), NOW) == one
    assert fmt.ago(NOW - timedelta(days=3), NOW) == many
    assert fmt.ago(NOW - timedelta(seconds=10), NOW) == ("just now" if lang == "en" else "방금")


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("en", "1 container", "2 containers"), ("ko", "컨테이너 1개", "컨테이너 2개")],
)
def test_used_by_has_plural_forms(qapp: QApplication, lang: str, one: str, many: str) -> None:
    i18n.install(qapp, lang)
    model = VolumeModel()
    model.set_items([Volume("a", used_by=("c1",)), Volume("b", used_by=("c1", "c2"))])
    assert model.index(model.row_of("a"), USED_BY).data() == one
    assert model.index(model.row_of("b"), USED_BY).data() == many


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ["1 volume", "2 volumes", "1 container", "0 containers"]),
        ("ko", ["볼륨 1개", "볼륨 2개", "컨테이너 1개", "컨테이너 0개"]),
    ],
)
def test_counts_have_plural_forms(qapp: QApplication, lang: str, texts: list[str]) -> None:
    i18n.install(qapp, lang)
    counted = [fmt.count(1, "volume"), fmt.count(2, "volume")]
    counted += [fmt.count(1, "container"), fmt.count(0, "container")]
    assert counted == texts


def test_sizes_and_dates_follow_the_locale(qapp: QApplication) -> None:
    i18n.install(qapp, "ko")
    assert QLocale().language() == QLocale.Language.Korean
    assert fmt.size(900) == "900 바이트"
    assert fmt.size(12_345_678) == "11.8 MiB"
    assert "오전" in fmt.date(NOW) or "오후" in fmt.date(NOW)
    i18n.install(qapp, "en")
    assert fmt.size(900) == "900 bytes"
    assert "AM" in fmt.date(NOW) or "PM" in fmt.date(NOW)


def test_error_lines_translate_our_words_only(qapp: QApplication) -> None:
    i18n.install(qapp, "ko")
    what = "볼륨 x 생성"
    assert errors.describe(InvalidInput("no such volume: x"), what) == (
        "볼륨 x 생성 실패: no such volume: x"
    )


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_desktop_language_from_the_environment(env: dict[str, str], lang: str) -> None:
    assert i18n.desktop_language(env) == lang


def test_language_menu_switches_and_remembers(qtbot: QtBot, qapp: QApplication) -> None:
    menu = i18n.LanguageMenu()
    qtbot.addWidget(menu)
    assert menu.system.isChecked() and i18n.saved_language() is None
    assert menu.title() == "&Language"
    menu.by_lang["ko"].trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert i18n.current() == "ko" and i18n.saved_language() == "ko"
    assert menu.title() == "언어(&L)" and menu.system.text() == "시스템 언어"
    assert menu.by_lang["ko"].isChecked()
    assert i18n.LanguageMenu().by_lang["ko"].isChecked()  # the next window starts there
    menu.system.trigger()
    assert i18n.saved_language() is None
    assert i18n.current() == i18n.desktop_language()


def test_command_line_takes_lang_and_says_so() -> None:
    parser = build_parser()
    assert parser.parse_args(["--lang", "ko"]).lang == "ko"
    assert parser.parse_args([]).lang is None
    assert "Korean (--lang)" in " ".join(parser.format_help().split())


def test_unknown_language_is_refused_in_one_line(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="no translation for 'fr'"):
        i18n.install(qapp, "fr")
    assert i18n.current() == "en"  # what was installed stays


def test_switching_language_retranslates_the_prune_dialog(
    qtbot: QtBot, qapp: QApplication, gui_engine: Engine
) -> None:
    dialog = PruneDialog(gui_engine)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    english = dialog.summary.text()
    assert english.startswith(("These ", "There are no unused anonymous volumes"))
    i18n.install(qapp, "ko")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.windowTitle() == "사용하지 않는 볼륨 정리"
    assert dialog.prune_button.text() == "이 볼륨들 삭제"
    assert dialog.summary.text().startswith("사용하지 않는 익명 볼륨")
    assert dialog.list.count() == len(dialog.names)  # the same list, rewritten
