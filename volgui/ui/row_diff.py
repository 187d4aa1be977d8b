"""The diff between a table's rows and the rows it should show: pure Python, no Qt.

:func:`plan_rows` runs on a worker thread (it reads only its arguments), so a
refresh of 2,000 rows costs the GUI thread only the ``begin/end`` calls that
apply the plan, not the comparisons that found it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from volgui.engine.pace import paced

T = TypeVar("T")

# An insertion of more rows than this is applied in several steps: each step
# is one begin/endInsertRows, and the proxy and the view do work per row.
INSERT_STEP = 256


@dataclass(frozen=True)
class RowDiff(Generic[T]):
    """What turns ``base`` rows into ``items``, as the model applies it.

    ``gone``: row runs to remove, bottom up. ``changed``: (row, item, sort key)
    after the removals. ``resort``: the changes broke the order. ``added``:
    (row, items, sort keys) in the final order, top down, each run inserted
    where it ends up.
    """

    version: int
    gone: tuple[tuple[int, int], ...]
    changed: tuple[tuple[int, T, Any], ...]
    resort: bool
    added: tuple[tuple[int, tuple[T, ...], tuple[Any, ...]], ...]
    items: tuple[T, ...]


def plan_rows(
    version: int,
    old: Sequence[T],
    new: Iterable[T],
    key: Callable[[T], Hashable],
    sort_key: Callable[[T], Any],
    descending: bool,
) -> RowDiff[T]:
    """Plan the removals, in-place changes and sorted insertions from ``old`` to ``new``."""
    wanted = {key(it): it for it in paced(new)}
    gone = runs([r for r, it in enumerate(old) if key(it) not in wanted])
    kept: list[T] = []
    changed: list[tuple[int, T, Any]] = []
    for it in paced(old):
        fresh = wanted.pop(key(it), None)
        if fresh is None:
            continue
        if fresh != it:
            changed.append((len(kept), fresh, sort_key(fresh)))
            it = fresh
        kept.append(it)
    keyed = [(sort_key(it), it) for it in kept]
    resort = not in_order([k for k, _ in keyed], descending)
    added = [(sort_key(it), it) for it in wanted.values()]  # what was not popped
    final = sorted(keyed + added, key=lambda t: t[0], reverse=descending)
    new_keys = set(wanted)
    inserts: list[tuple[int, tuple[T, ...], tuple[Any, ...]]] = []
    if added:
        rows = [r for r, (_, it) in enumerate(final) if key(it) in new_keys]
        for first, last in runs(rows):
            for start in range(first, last + 1, INSERT_STEP):
                chunk = final[start : min(last + 1, start + INSERT_STEP)]
                inserts.append((start, tuple(it for _, it in chunk), tuple(k for k, _ in chunk)))
    return RowDiff(
        version=version,
        gone=tuple(reversed(gone)),
        changed=tuple(changed),
        resort=resort,
        added=tuple(inserts),
        items=tuple(it for _, it in final),
    )


def in_order(keys: Sequence[Any], descending: bool) -> bool:
    if descending:
        return all(keys[i] >= keys[i + 1] for i in range(len(keys) - 1))
    return all(keys[i] <= keys[i + 1] for i in range(len(keys) - 1))


def runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """[1,2,3,7,8] -> [(1,3),(7,8)]"""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
