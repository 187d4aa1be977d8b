"""The window in Korean and English: texts from the compiled .qm, switched live.

Each test that wants Korean installs it (``korean`` fixture); the UI conftest
puts English back after every test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFormLayout, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.graph_fixtures import drag_onto
from volgui.cli import build_parser
from volgui.engine import Engine, InvalidInput
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.ui import errors, i18n, tasks
from volgui.ui import format as fmt
from volgui.ui.banner import EngineBanner
from volgui.ui.container_table import ContainerTable
from volgui.ui.copy_dialog import CopyDialog
from volgui.ui.details import DetailsPane
from volgui.ui.dnd import volume_mime
from volgui.ui.engine_dialog import EngineDialog
from volgui.ui.graph import MountGraph
from volgui.ui.main_window import MainWindow
from volgui.ui.prune_dialog import PruneDialog
from volgui.ui.run_dialog.dialog import RunDialog
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


# -- the main window ---------------------------------------------------------------


def _open_window(qtbot: QtBot, engine: Engine) -> MainWindow:
    window = MainWindow(engine)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.filled, timeout=15_000):
        window.show()
    qtbot.waitUntil(lambda: window.idle, timeout=WAIT)
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


def _graph_headers(window: MainWindow) -> set[str]:
    return {h.text() for h in window.graph._headers.values()}


def _window_words(window: MainWindow) -> dict[str, object]:
    """A broad sample of what the window says, from every part of it."""
    panel, files = window.graph_panel, window.files_tab
    data, containers = window.data_actions.actions, window.container_actions.actions
    tabs = window.details_tabs
    return {
        "menus": _menu_titles(window),
        "view": _texts(window.view_menu),
        "language": window.language_menu.title(),
        "actions": [
            window.new_action.text(),
            window.remove_action.text(),
            window.prune_action.text(),
        ],
        "refresh tip": window.refresh_action.toolTip(),
        "anonymous": window.anonymous_box.text(),
        "filter": window.filter_box.placeholderText(),
        "titles": [window.volumes_title.text(), window.containers_title.text()],
        "tabs": [tabs.tabText(0), tabs.tabText(1)],
        "volume headers": _headers(window.volume_table),
        "container headers": _headers(window.container_table),
        "graph tools": [
            panel.fit_button.text(),
            panel.collapse.text(),
            panel.export_button.text(),
            panel.search.placeholderText(),
        ],
        "graph headers": _graph_headers(window),
        "data": [data["export"].text(), data["rename"].text(), data["copy"].toolTip()],
        "containers": [containers["start"].text(), containers["mounts"].text()],
        "files": [
            files.download_button.text(),
            files.hint.text(),
            files.model.headerData(4, Qt.Orientation.Horizontal),
        ],
        "counts": window.counts_label.text(),
        "engine": window.engine_label.text(),
        "title": window.windowTitle(),
        "sidebar": [
            *(b.text() for b in window.engine_buttons),
            window.engine_buttons[0].toolTip(),
            window.engines_dock.windowTitle(),
            window.engines_menu.title(),
            *(window.engine_list.model().headerData(i, Qt.Orientation.Horizontal) for i in (0, 1)),
        ],
    }


KOREAN_WINDOW = {
    "menus": ["보기(&V)", "데이터(&D)", "엔진(&E)"],
    "view": ["새로 고침", "필터", "마운트 그래프", "언어(&L)"],
    "language": "언어(&L)",
    "actions": ["새 볼륨…", "삭제", "정리…"],
    "refresh tip": "모두 다시 읽기 (F5)",
    "anonymous": "익명 볼륨",
    "filter": "필터 (Ctrl+F)",
    "tabs": ["상세 정보", "파일"],
    "volume headers": ["이름", "드라이버", "사용 컨테이너", "크기", "생성", "레이블"],
    "container headers": ["이름", "이미지", "상태", "마운트"],
    "graph tools": ["맞춤", "익명 접기", "내보내기", "노드 찾기… (Enter: 다음)"],
    "data": ["내보내기…", "이름 바꾸기…", "볼륨을 다른 도커 엔진으로 복사"],
    "containers": ["시작", "마운트…"],
    "files": ["내려받기…", "볼륨을 선택하면 파일이 보입니다.", "수정 시각"],
    "sidebar": ["추가…", "편집…", "삭제", "엔진 추가…", "엔진", "엔진(&E)", "엔진", "상태"],
}
ENGLISH_WINDOW = {
    "menus": ["&View", "&Data", "&Engines"],
    "view": ["Refresh", "Filter", "Mount graph", "&Language"],
    "language": "&Language",
    "actions": ["New volume…", "Remove", "Prune…"],
    "refresh tip": "Read everything again (F5)",
    "anonymous": "Anonymous volumes",
    "filter": "Filter (Ctrl+F)",
    "tabs": ["Details", "Files"],
    "volume headers": ["Name", "Driver", "Used by", "Size", "Created", "Labels"],
    "container headers": ["Name", "Image", "State", "Mounts"],
    "graph tools": ["Fit", "Fold anonymous", "Export", "Find a node… (Enter: next)"],
    "data": ["Export…", "Rename…", "Copy the volume to another Docker engine"],
    "containers": ["Start", "Mounts…"],
    "files": ["Download…", "Select a volume to see its files.", "Modified"],
    "sidebar": ["Add…", "Edit…", "Remove", "Add engine…", "Engines", "&Engines", "Engine", "State"],
}


def _assert_korean(words: dict[str, object]) -> None:
    for key, want in KOREAN_WINDOW.items():
        assert words[key] == want, key
    volumes, containers = words["titles"]  # type: ignore[misc]
    assert "<b>볼륨</b>" in volumes and "<b>컨테이너</b>" in containers
    assert {"볼륨 · 호스트 경로 · tmpfs", "컨테이너"} <= words["graph headers"]  # type: ignore[operator]
    assert str(words["counts"]).startswith("볼륨 ") and "개 사용 중) · 컨테이너 " in str(
        words["counts"]
    )
    assert "샌드박스 엔진" in str(words["engine"]) and "(샌드박스 엔진)" in str(words["title"])


def _assert_english(words: dict[str, object]) -> None:
    for key, want in ENGLISH_WINDOW.items():
        assert words[key] == want, key
    assert {"Volumes · host paths · tmpfs", "Containers"} <= words["graph headers"]  # type: ignore[operator]
    assert " in use) · " in str(words["counts"])
    assert "(sandbox engine)" in str(words["title"])


def test_the_window_speaks_korean(
    qtbot: QtBot, gui_engine: Engine, docker: Docker, unique: Unique, korean: None,
    leave_engine_clean: None,
) -> None:  # fmt: skip
    vol = unique("ko")
    docker("volume", "create", vol)
    window = _open_window(qtbot, gui_engine)
    _assert_korean(_window_words(window))
    assert window.refreshed_label.text().endswith("에 새로 고침")
    engines = window.engine_list.model()
    qtbot.waitUntil(lambda: engines.index(0, 1).data() == "연결됨", timeout=WAIT)  # probed: up

    qtbot.waitUntil(lambda: window.select_volume(vol), timeout=WAIT)
    window.volume_table.customContextMenuRequested.emit(window.volume_table.rect().center())
    menu = window.findChildren(QMenu, "volumeMenu")[-1]
    data = ["내보내기…", "가져오기…", "복제…", "비우기…", "이름 바꾸기…", "다른 엔진으로 복사…"]
    assert _texts(menu) == ["이름 복사", "조회", "삭제", *data]
    menu.close()

    # dialog titles and questions
    box = window.remove_selected()
    assert box is not None and box.windowTitle() == "볼륨 삭제"
    assert box.text() == f"볼륨 {vol}과(와) 그 안의 모든 데이터를 삭제할까요?"
    assert sorted(b.text() for b in box.buttons()) == ["삭제", "취소"]
    box.close()
    window.data_actions.clone()
    ask = window.data_actions.last
    assert ask.windowTitle() == f"볼륨 {vol} 복제" and ask.labelText() == "새 볼륨의 이름:"
    ask.close()
    window.data_actions.empty()
    confirm = window.data_actions.last
    assert confirm.text().startswith(f"볼륨 {vol}을(를) 비울까요?")
    confirm.close()
    inspect = window.inspect_selected("volume")
    assert inspect is not None and inspect.windowTitle() == f"볼륨 {vol}"
    qtbot.waitUntil(lambda: vol in inspect.text.toPlainText(), timeout=WAIT)
    inspect.close()
    window.details_tabs.setCurrentWidget(window.files_tab)
    assert window.files_tab.hint.text() == f"볼륨 <b>{vol}</b>의 파일"
    qtbot.waitUntil(lambda: not window.files_tab.model._pending, timeout=WAIT)
    window.close()


def test_switching_language_retranslates_the_open_window(
    qtbot: QtBot, qapp: QApplication, gui_engine: Engine
) -> None:
    window = _open_window(qtbot, gui_engine)
    _assert_english(_window_words(window))

    window.language_menu.by_lang["ko"].trigger()  # View → Language → 한국어
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert i18n.current() == "ko"
    _assert_korean(_window_words(window))

    i18n.install(qapp, "en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    _assert_english(_window_words(window))
    window.close()


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            ["1 task running", "3 tasks running", "Pruned 1 volume", "Pruned 2 volumes",
             "Remove these 2 volumes and all the data in them?"],
        ),
        (
            "ko",
            ["작업 1개 실행 중", "작업 3개 실행 중", "볼륨 1개를 정리했습니다",
             "볼륨 2개를 정리했습니다", "이 볼륨 2개와 그 안의 모든 데이터를 삭제할까요?"],
        ),
    ],
)  # fmt: skip
def test_the_windows_plural_forms(
    qtbot: QtBot, qapp: QApplication, gui_engine: Engine, lang: str, texts: list[str]
) -> None:
    """The window's parts are mixins: their plurals need the window's own tr()."""
    window = _open_window(qtbot, gui_engine)
    i18n.install(qapp, lang)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    said = [window.tr("%n task(s) running", "", n) for n in (1, 3)]
    said += [window.tr("Pruned %n volume(s)", "", n) for n in (1, 2)]
    said.append(window._removal_question(["a", "b"], [])[0])
    assert said == texts
    window.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Containers", "2 anonymous", "2 anonymous volumes:", "image: img",
                "1 anonymous volume no container mounts:", "volume mount"]),
        ("ko", ["컨테이너", "익명 2개", "익명 볼륨 2개:", "이미지: img",
                "어떤 컨테이너도 마운트하지 않은 익명 볼륨 1개:", "볼륨 마운트"]),
    ],
)  # fmt: skip
def test_the_graph_speaks_the_language(
    qtbot: QtBot, qapp: QApplication, lang: str, words: list[str]
) -> None:
    i18n.install(qapp, lang)
    graph = MountGraph()
    qtbot.addWidget(graph)
    graph.collapse_anonymous = True
    cid = "c" * 64
    web = Container(cid, "web", "img", "running", mounts=(
        Mount(cid, "volume", "a" * 64, "/a"), Mount(cid, "volume", "b" * 64, "/b"),
        Mount(cid, "volume", "shop", "/shop"),
    ))  # fmt: skip
    volumes = [Volume("a" * 64), Volume("b" * 64), Volume("d" * 64), Volume("shop")]
    with qtbot.waitSignal(graph.scene_filled, timeout=WAIT):
        graph.set_snapshot(Snapshot.build(volumes, [web]))
    group = graph.nodes["anonymous:used"]
    edge = next(e for e in graph.edges.values() if e.edge.destination == "/shop")
    said = [
        words[0] if words[0] in {h.text() for h in graph._headers.values()} else "",
        group.label,
        group.toolTip().splitlines()[0],
        graph.nodes[f"container:{cid}"].toolTip().splitlines()[1],
        graph.nodes["anonymous:unused"].toolTip().splitlines()[0],
        edge.toolTip().splitlines()[1],
    ]
    assert said == words
    graph.wait_idle()


# -- the run dialog, the copy dialog, the engine dialog ----------------------------


def _form_label(layout: QFormLayout, field: QWidget) -> str:
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def _settled(qtbot: QtBot) -> None:
    """Every task the dialog started is back (the images list, the plan)."""
    qtbot.waitUntil(lambda: not tasks.runner().running, timeout=WAIT)


def _run_dialog_words(dialog: RunDialog) -> list[str]:
    form, preview, mounts = dialog.form, dialog.preview, dialog.form.mounts
    return [
        dialog.windowTitle(),
        *(b.text() for b in dialog.ok_buttons),
        form.row_labels["image"].text(),
        form.row_labels["mounts"].text(),
        form.row_labels["env"].text(),
        form.add_mount.text(),
        form.more.text(),
        *(label.text() for label in mounts.header[:4]),
        mounts.rows[0].remove.toolTip(),
        form.env.horizontalHeaderItem(0).text(),
        form.sections.sections["Resources"][0].text(),
        preview.copy_button.text(),
        preview.title.text(),
    ]


KOREAN_NEW = [
    "새 컨테이너", "생성", "생성 후 시작", "이미지", "마운트", "환경 변수", "마운트 추가",
    "<b>기타 설정</b>", "<b>종류</b>", "<b>소스</b>", "<b>내부 경로</b>", "<b>읽기 전용</b>",
    "이 마운트 삭제", "키", "자원", "복사", "<b>명령</b>",
]  # fmt: skip
ENGLISH_NEW = [
    "New container", "Create", "Create and start", "Image", "Mounts", "Environment", "Add mount",
    "<b>More settings</b>", "<b>Type</b>", "<b>Source</b>", "<b>Destination</b>",
    "<b>Read-only</b>", "Remove this mount", "Key", "Resources", "Copy", "<b>Command</b>",
]  # fmt: skip


def test_the_run_dialog_speaks_korean_in_new_mode(
    qtbot: QtBot, gui_engine: Engine, korean: None
) -> None:
    dialog = RunDialog(gui_engine, _snapshot())
    qtbot.addWidget(dialog)
    dialog.start_new(volume="shop-data")
    assert _run_dialog_words(dialog) == KOREAN_NEW
    # a flag section's labels, opened; the flag's own name stays as docker says it
    dialog.form.sections.expand("Resources")
    memory = dialog.form.sections.field("--memory")
    assert memory.label is not None and memory.label.text() == "메모리 제한"
    assert memory.editor.placeholderText() == "--memory"  # type: ignore[attr-defined]
    # a bad name: the message beside the field and on the disabled buttons, in Korean
    dialog.form.name.setText("x y")
    dialog.form.name.textEdited.emit("x y")
    said = dialog.form.errors["name"].text()
    assert said.startswith("컨테이너 이름 'x y'은(는) 쓸 수 없습니다")
    assert said in dialog.ok_buttons[0].toolTip() and not dialog.ok_buttons[0].isEnabled()
    _settled(qtbot)


def test_switching_language_retranslates_the_open_run_dialog(
    qtbot: QtBot, qapp: QApplication, gui_engine: Engine
) -> None:
    dialog = RunDialog(gui_engine, _snapshot())
    qtbot.addWidget(dialog)
    dialog.start_new(volume="shop-data")
    dialog.show()
    dialog.form.sections.expand("Resources")
    memory = dialog.form.sections.field("--memory").label
    assert memory is not None
    assert _run_dialog_words(dialog) == ENGLISH_NEW and memory.text() == "Memory limit"

    i18n.install(qapp, "ko")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert _run_dialog_words(dialog) == KOREAN_NEW and memory.text() == "메모리 제한"
    assert dialog.form.mounts.rows[0].destination.placeholderText() == "/컨테이너/안의/경로"

    i18n.install(qapp, "en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert _run_dialog_words(dialog) == ENGLISH_NEW and memory.text() == "Memory limit"
    _settled(qtbot)
    dialog.close()


def _row_centre(window: MainWindow, container_id: str) -> QPoint:
    table = window.container_table
    row = table.proxy.mapFromSource(table.source.index(table.source.row_of(container_id), 0))
    return table.visualRect(row).center()


def test_the_run_dialog_speaks_korean_in_change_mode_and_switches_back(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, docker: Docker, unique: Unique,
    image: str, korean: None,
) -> None:  # fmt: skip
    vol, have = unique("ko-new"), unique("ko-have")
    docker("volume", "create", vol)
    name = unique("ko-web")
    cid = docker("create", "--name", name, "-v", f"{have}:/data", image, "true")
    qtbot.waitUntil(
        lambda: window.snapshot.container(cid) is not None and window.idle, timeout=WAIT
    )

    assert drag_onto(window.container_table, volume_mime(vol), _row_centre(window, cid))
    dialog = window.container_actions.dialog
    assert dialog is not None and dialog.mode == "change"
    assert dialog.windowTitle() == f"{name}의 마운트"
    assert dialog.ok_buttons[0].text() == "컨테이너 교체"
    assert dialog.summary.words.text() == (
        f"{name}을(를) 같은 설정의 새 컨테이너로 교체합니다: /mnt/{vol}에 {vol} 마운트. "
        "지금 생성됨 상태이며 그대로 유지됩니다."
    )
    assert dialog.form.mounts.header[2].text() == "<b>내부 경로</b>"
    assert dialog.summary.discard.text() == "이 변경 사항 버리기"
    qtbot.waitUntil(lambda: dialog.plan is not None or dialog.plan_error != "", timeout=WAIT)

    i18n.install(qapp, "en")  # switched while it is open
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.windowTitle() == f"Mounts of {name}"
    assert dialog.ok_buttons[0].text() == "Replace container"
    assert dialog.summary.words.text() == (
        f"{name} will be replaced by an identical container with {vol} mounted at /mnt/{vol}; "
        "it is created and will stay so."
    )
    assert dialog.form.mounts.header[2].text() == "<b>Destination</b>"
    dialog.reject()

    # a drop of a volume it mounts already: said in Korean, and why OK waits
    i18n.install(qapp, "ko")
    assert drag_onto(window.container_table, volume_mime(have), _row_centre(window, cid))
    again = window.container_actions.dialog
    assert again is not None and again is not dialog
    assert (
        f"{name}은(는) 이미 {have}을(를) /data에 마운트하고 있습니다"
        in again.summary.drop_note.text()
    )
    qtbot.waitUntil(lambda: again.plan_error != "", timeout=WAIT)
    assert again.ok_buttons[0].toolTip().startswith("바뀐 것이 없습니다")
    again.reject()
    _settled(qtbot)


def test_the_copy_dialog_speaks_korean(qtbot: QtBot, gui_engine: Engine, korean: None) -> None:
    there = Snapshot.build([Volume("shop-data")], [])
    dialog = CopyDialog(
        "shop-data", None, [("other", "lab")], "other", lambda _key: there, lambda _k: gui_engine
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "볼륨 shop-data을(를) 다른 엔진으로 복사"
    form = dialog.layout().itemAt(0).layout()
    assert isinstance(form, QFormLayout)
    assert [_form_label(form, w) for w in (dialog.size, dialog.target, dialog.name)] == [
        "크기", "대상 엔진", "대상 이름",
    ]  # fmt: skip
    assert dialog.size.text() == "알 수 없음 (크기 계산으로 확인)"
    assert dialog.ok.text() == "복사"
    assert dialog.note.text().startswith("lab에 이름이 shop-data인 볼륨이 이미 있습니다.")
    assert dialog.replace.text() == "그 볼륨의 파일을 바꾸기"
    dialog.name.setText("x y")
    assert dialog.note.text().startswith("볼륨 이름 'x y'은(는) 쓸 수 없습니다")
    assert not dialog.ok.isEnabled()


def test_the_engine_dialog_speaks_korean(qtbot: QtBot, korean: None) -> None:
    dialog = EngineDialog(None, None, frozenset({"lab"}))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "엔진 추가"
    form = dialog.layout().itemAt(0).layout()
    assert isinstance(form, QFormLayout)
    labels = [_form_label(form, w) for w in (dialog.name, dialog.host, dialog.tls_dir)]
    assert labels == ["이름", "주소", "TLS"]
    assert dialog.skip_verify.text() == "엔진의 인증서를 검증하지 않음"
    dialog.name.setText("lab")
    dialog.host.setText("tcp://127.0.0.1:1")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.text() == "이름이 'lab'인 엔진이 이미 있습니다"
