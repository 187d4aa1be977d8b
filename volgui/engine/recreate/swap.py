"""Carrying a plan out: create new, stop old, swap names, start new, remove old.

Each step is journalled on the engine (:mod:`.journal`) before it changes
anything, so a kill at any point leaves something :mod:`.recover` can bring
to one whole state. SIGINT, SIGTERM and SIGHUP (when this runs on the main
thread) are held until the current step is done and then roll the change
back; a second signal during the rollback is noted and does not cut it short.
"""

from __future__ import annotations

import copy
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from volgui.engine import containers
from volgui.engine.errors import (
    EngineError,
    NotFound,
    PlanOutdated,
    RecreateFailed,
    VolguiError,
    WritableLayerChanged,
)
from volgui.engine.recreate import journal
from volgui.engine.recreate.facts import (
    container_of,
    inspect,
    layer_changes,
    name_of,
    was_running,
)
from volgui.engine.recreate.plan import Progress, ProgressCallback, RecreatePlan, replan
from volgui.engine.transport import Transport

_HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Signalled(KeyboardInterrupt):
    """A signal stopped a change, which was rolled back; ``outcome`` says how that went."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.outcome = ""
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


def apply(
    t: Transport,
    plan: RecreatePlan,
    discard_changes: bool = False,
    progress: ProgressCallback | None = None,
    stop_timeout: int | None = None,
) -> str:
    """Carry out ``plan``; return the new container's id.

    Validation first: the plan is made again from what the engine holds now and
    must come out the same. Then the writable-layer check, then the swap. The
    old container is stopped as ``docker stop`` would: its own stop signal and
    stop timeout (0 included), unless ``stop_timeout`` (seconds) overrides the
    timeout. A ``progress`` callback that raises cancels the swap, which then
    rolls back; so does any failure (RecreateFailed says how it ended) and a
    signal (Signalled, after the rollback).
    """
    try:
        old = inspect(t, plan.container.id)
    except NotFound:  # replaced or removed since: the plan is about a container that is gone
        raise PlanOutdated(plan.container.name) from None
    again = replan(t, old, plan)
    if again.create_body != plan.create_body or again.networks != plan.networks:
        raise PlanOutdated(name_of(old))
    changes = layer_changes(t, old)
    if changes and not discard_changes:
        raise WritableLayerChanged(name_of(old), changes)
    return _Swap(t, again, old, progress, discard_changes, stop_timeout).run()


def replace_with(
    t: Transport,
    old: Mapping[str, Any],
    create_body: Mapping[str, Any],
    networks: Mapping[str, Mapping[str, Any]],
    summary: str,
) -> str:
    """Replace container ``old`` (its inspect) by one made from ``create_body``.

    The same journalled swap with rollback as :func:`apply`, for a change that
    a mount plan cannot express: a volume renamed under its users keeps each
    mount's every option (volgui/engine/data/rename.py). ``old``'s state says
    whether the new one starts. The caller has done the writable-layer check.
    """
    plan = RecreatePlan(
        action="replace",
        container=container_of(old),
        mount=None,
        command="",
        summary=summary,
        create_body=create_body,
        networks=networks,
    )
    return _Swap(t, plan, old, None, discard_changes=False, stop_timeout=None).run()


def stop(t: Transport, key: str, timeout: int | None, own: Mapping[str, Any] | None = None) -> None:
    """``docker stop``: the container's own signal; its own timeout unless ``timeout`` is given.

    ``own`` (its inspect) tells how long the engine may take, so the request
    does not time out first.
    """
    api = t.api
    if ((own or {}).get("State") or {}).get("Paused"):
        # Podman refuses to stop a paused container (Docker stops it as it is).
        t.call(api.unpause, key)
    params = {} if timeout is None else {"t": int(timeout)}
    if timeout is None:
        own_timeout = ((own or {}).get("Config") or {}).get("StopTimeout")
        wait = 10 if own_timeout is None else int(own_timeout)
    else:
        wait = int(timeout)
    url = api._url("/containers/{0}/stop", key)
    limit = (api.timeout or 60) + max(wait, 0)
    t.call(lambda: api._raise_for_status(api._post(url, params=params, timeout=limit)))


@contextmanager
def _held_signals() -> Iterator[list[int]]:
    """Hold SIGINT/SIGTERM/SIGHUP: note them in the list instead of acting on them."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught  # a worker thread: its owner (the window) decides about closing
        return
    previous: dict[signal.Signals, Any] = {}
    for sig in _HELD:
        if signal.getsignal(sig) == signal.SIG_IGN:
            continue  # nohup and friends: ignored before, ignored now
        previous[sig] = signal.signal(sig, lambda n, _f: caught.append(n))
    try:
        yield caught
    finally:
        for held, handler in previous.items():
            signal.signal(held, handler)


class _Swap:
    """Create new → stop old → rename old → rename new → start new → remove old.

    Each flag records what has been done, so a rollback undoes exactly that.
    """

    def __init__(
        self,
        t: Transport,
        plan: RecreatePlan,
        old: Mapping[str, Any],
        progress: ProgressCallback | None,
        discard_changes: bool,
        stop_timeout: int | None,
    ) -> None:
        self.t = t
        self.api = t.api
        self.old = old
        self.plan = plan
        self.progress = progress
        self.discard_changes = discard_changes
        self.stop_timeout = stop_timeout
        self.old_id: str = old["Id"]
        self.name = name_of(old)
        self.was_running = was_running(old)
        self.change = journal.new_change_id()
        self.temp_name = journal.temp_name(self.name, self.change)
        self.backup_name = journal.backup_name(self.name, self.change)
        self.new_id: str | None = None
        self.stopped_old = False
        self.renamed_old = False
        self.renamed_new = False
        self.removed_old = False

    def run(self) -> str:
        steps: list[tuple[str, Callable[[], None]]] = [
            (f"creating the new container as {self.temp_name}", self._create_new),
            (f"stopping {self.name}", self._stop_old),
            (f"renaming the old container to {self.backup_name}", self._rename_old),
            (f"renaming the new container to {self.name}", self._rename_new),
        ]
        if self.was_running:
            steps.append((f"starting the new {self.name}", self._start_new))
        steps.append((f"removing the old container ({self.old_id[:12]})", self._remove_old))
        journal.ACTIVE.add(self.change)
        try:
            with _held_signals() as caught:
                for number, (text, step) in enumerate(steps, 1):
                    try:
                        if caught:
                            raise Signalled(caught[0])
                        if self.progress is not None:
                            self.progress(Progress(number, len(steps), text))
                        step()
                    except BaseException as e:
                        failure = self._rollback(text, e)
                        if isinstance(e, Signalled):
                            e.outcome = str(failure)
                        if isinstance(e, Exception):
                            raise failure from e
                        raise  # signals and Ctrl+C: rolled back, now let them through
        finally:
            journal.ACTIVE.discard(self.change)
        assert self.new_id is not None
        return self.new_id

    # the steps

    def _create_new(self) -> None:
        body = copy.deepcopy(dict(self.plan.create_body))
        body["Labels"] = {
            **(body.get("Labels") or {}),
            **journal.labels(
                self.change, self.plan.summary[:500], self.old_id, self.name, self.was_running
            ),
        }
        created = self.t.call(self.api.create_container_from_config, body, name=self.temp_name)
        self.new_id = created["Id"]
        for network, endpoint in self.plan.networks.items():
            self._connect(network, endpoint)

    def _connect(self, network: str, endpoint: Mapping[str, Any]) -> None:
        # The SDK's connect_container_to_network reshapes links; send the endpoint as is.
        api = self.api
        url = api._url("/networks/{0}/connect", network)
        data = {"Container": self.new_id, "EndpointConfig": dict(endpoint)}
        self.t.call(lambda: api._raise_for_status(api._post_json(url, data=data)))

    def _stop_old(self) -> None:
        self.stopped_old = True  # set first: a stop that times out may still have stopped it
        stop(self.t, self.old_id, self.stop_timeout, self.old)
        if not self.discard_changes:
            # Whatever it wrote while running on, or while shutting down, counts too.
            changes = layer_changes(self.t, self.old)
            if changes:
                raise WritableLayerChanged(self.name, changes)

    def _rename_old(self) -> None:
        self.t.call(self.api.rename, self.old_id, self.backup_name)
        self.renamed_old = True

    def _rename_new(self) -> None:
        self.t.call(self.api.rename, self.new_id, self.name)
        self.renamed_new = True

    def _start_new(self) -> None:
        assert self.new_id is not None  # made by the create step before it
        containers.start(self.t, self.new_id)
        state = self.t.call(self.api.inspect_container, self.new_id).get("State") or {}
        if state.get("Status") in ("exited", "dead") and (
            state.get("ExitCode") or state.get("Error")
        ):
            why = f"exit code {state.get('ExitCode')}"
            if state.get("Error"):
                why += f": {state['Error']}"
            raise EngineError(f"the new container stopped at once ({why})")

    def _remove_old(self) -> None:
        self.t.call(self.api.remove_container, self.old_id, v=False)  # never volumes
        self.removed_old = True

    # the way back

    def _say(self, text: str) -> None:
        if self.progress is None:
            return
        try:
            self.progress(Progress(0, 0, text, rolling_back=True))
        except Exception:  # noqa: BLE001 - a broken callback must not stop a rollback
            pass

    def _rollback(self, step: str, error: BaseException) -> RecreateFailed:
        """Undo in the order that keeps the journal last: the new container goes at the end."""
        reason = (
            str(error) if isinstance(error, VolguiError) else f"{type(error).__name__}: {error}"
        )
        if isinstance(error, KeyboardInterrupt):
            reason = str(error) if isinstance(error, Signalled) else "interrupted"
        problems: list[str] = []
        old_exists = not self.removed_old
        if old_exists:
            try:
                self.t.call(self.api.inspect_container, self.old_id)
            except NotFound:
                old_exists = False
            except VolguiError as e:
                problems.append(f"cannot inspect the old container: {e}")
        if not old_exists:
            # Never leave no container at all: the new one stays.
            outcome = (
                f"the old container is gone, so the new one ({(self.new_id or '')[:12]}) is kept; "
                "no volume was removed"
            )
            return RecreateFailed(self.name, step, reason, outcome, rolled_back=False)

        def undo(text: str, fn: Callable[[], Any]) -> bool:
            self._say(text)
            try:
                fn()
            except Exception as e:  # noqa: BLE001 - carry on undoing, report them all
                problems.append(f"{text}: {e}")
                return False
            return True

        t, api, new_id = self.t, self.api, self.new_id
        if new_id is None:  # a create that failed may still have made it
            new_id = self._created_anyway()
        if new_id is not None and self.renamed_new:
            undo(
                f"renaming the new container back to {self.temp_name}",
                lambda: t.call(api.rename, new_id, self.temp_name),
            )
        if self.renamed_old:
            self.renamed_old = not undo(
                f"renaming the old container back to {self.name}",
                lambda: t.call(api.rename, self.old_id, self.name),
            )
        if self.stopped_old and self.was_running:
            undo(f"starting the old {self.name} again", lambda: containers.start(t, self.old_id))
        new_left = False
        if new_id is not None:
            new_left = not undo(
                "removing the new container",
                lambda: t.call(api.remove_container, new_id, force=True, v=False),
            )
        if not problems:
            again = ", running" if self.was_running else ""
            outcome = f"rolled back: {self.name} is back as it was{again}"
            return RecreateFailed(self.name, step, reason, outcome, rolled_back=True)
        where = self.backup_name if self.renamed_old else self.name
        outcome = (
            f"rollback incomplete ({'; '.join(problems)}): the old container is "
            f"{self.old_id[:12]} named {where}"
        )
        if new_left:
            outcome += f", the new one is {(new_id or '')[:12]}"
        outcome += "; no volume was removed; `volgui recover` finishes the job"
        return RecreateFailed(self.name, step, reason, outcome, rolled_back=False)

    def _created_anyway(self) -> str | None:
        try:
            found = self.t.call(self.api.inspect_container, self.temp_name)
        except VolguiError:
            return None
        labels = (found.get("Config") or {}).get("Labels") or {}
        return str(found["Id"]) if labels.get(journal.CHANGE) == self.change else None
