"""The icons ship with the package (volgui.resources), installed or editable."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from volgui.ui.icons import icon

# The toolbar's actions, the graph toggle and the window icon.
USED = ("refresh", "volume-new", "volume-remove", "prune", "sizes", "graph", "volgui")


@pytest.mark.parametrize("name", USED)
def test_icon_is_there(qtbot: QtBot, name: str) -> None:
    assert not icon(name).isNull()


def test_a_missing_icon_is_empty_not_an_error(qtbot: QtBot) -> None:
    assert icon("no-such-icon").isNull()
