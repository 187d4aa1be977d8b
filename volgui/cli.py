"""volgui's command line: the engine's second face, for scripts and tests.

No command opens the main window. Every command exits 0 on success and, on a
refusal or an error, non-zero with one line on stderr that says what and why.
"""

from __future__ import annotations

import argparse
import functools
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from volgui.cli_data import data_commands
from volgui.engine import (
    Engine,
    EngineUnavailable,
    Progress,
    RecreatePlan,
    VolguiError,
    WritableLayerChanged,
    connect,
)
from volgui.engine.graph import export as graph_text
from volgui.engine.recreate import Signalled
from volgui.engine.runspec import RunSpec, connect_commands, mount_from_arg, split_command
from volgui.engine.sandbox import Sandbox, default_dir, wake
from volgui.engine.sandbox import seed as seed_sandbox


def _engine(args: argparse.Namespace) -> Engine:
    return connect(host=args.host, context=args.context)


def cmd_graph(args: argparse.Namespace) -> int:
    snap = _engine(args).snapshot()
    text = graph_text.to_json(snap) if args.format == "json" else graph_text.to_dot(snap)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_mount(args: argparse.Namespace) -> int:
    engine = _changing_engine(args)
    return _recreate(engine, engine.plan_mount(args.container, mount_from_arg(args.mount)), args)


def cmd_unmount(args: argparse.Namespace) -> int:
    engine = _changing_engine(args)
    return _recreate(engine, engine.plan_unmount(args.container, args.destination), args)


def _changing_engine(args: argparse.Namespace) -> Engine:
    """The engine, with every interrupted change recovered first (DESIGN rule 4b)."""
    engine = _engine(args)
    if not getattr(args, "dry_run", False):
        for line in engine.recover(say=_show_recovery):
            print(f"volgui: recovered {line}", file=sys.stderr, flush=True)
    return engine


def cmd_recover(args: argparse.Namespace) -> int:
    engine = _engine(args)
    found = engine.interrupted()
    if args.container:
        found = [i for i in found if i.name in args.container]
    if not found:
        print("nothing to recover: no interrupted change")
        return 0
    failed = False
    for item in found:
        for line in engine.recover(item, say=_show_recovery):
            print(line, flush=True)
            failed = failed or ": not recovered (" in line
    return 1 if failed else 0


def _show_recovery(text: str) -> None:
    print(f"volgui: [recover] {text}", file=sys.stderr, flush=True)


def _recreate(engine: Engine, plan: RecreatePlan, args: argparse.Namespace) -> int:
    """Print the plan's docker run line (and notes), then carry it out unless --dry-run."""
    if plan.changes and not args.discard_changes and not args.dry_run:
        # Refuse now, as one line: apply() would refuse too, after the notes were printed.
        raise WritableLayerChanged(plan.container.name, plan.changes)
    print(plan.command, flush=True)
    for warning in plan.warnings:
        print(f"volgui: note: {warning}", file=sys.stderr)
    if args.dry_run:
        return 0
    try:
        new_id = engine.apply(
            plan,
            discard_changes=args.discard_changes,
            progress=_show_progress,
            stop_timeout=args.stop_timeout,
        )
    except Signalled as e:
        print(f"volgui: {e}; {e.outcome}", file=sys.stderr)
        return 128 + e.signum
    print(new_id)
    return 0


def _show_progress(p: Progress) -> None:
    where = "rolling back" if p.rolling_back else f"{p.step}/{p.total}"
    print(f"volgui: [{where}] {p.message}", file=sys.stderr, flush=True)


# How a pasted `docker run` line may begin: the command, or a prompt or sudo before it.
_PASTE_STARTS = ("docker", "sudo", "$")


def cmd_create(args: argparse.Namespace) -> int:
    argv = list(args.args)
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if len(argv) == 1 and not argv[0].strip():
        argv = []  # an empty paste: "no image given"
    elif len(argv) == 1 and any(ch.isspace() for ch in argv[0]):
        # A whole line pasted as one quoted argument, perhaps over several lines
        # with backslash continuations. No image reference holds a space, so
        # this is never a lone IMAGE.
        text = argv[0].strip()
        if text.split(None, 1)[0] not in _PASTE_STARTS:
            text = f"docker run {text}"
        argv = split_command(text)
    elif argv[:1] and argv[0] in _PASTE_STARTS:
        # A whole pasted line as words (`volgui create -- docker run ...`) is welcome too.
        argv = split_command(shlex.join(argv))
    spec = RunSpec.from_args(argv)
    engine = _engine(args)
    for note in spec.client_notes():  # client-only flags: said, never dropped silently
        print(f"volgui: note: {note}", file=sys.stderr)
    print(engine.create_container(spec, start=args.start))
    return 0


def cmd_runcmd(args: argparse.Namespace) -> int:
    engine = _engine(args)
    print(engine.container_spec(args.container).to_command())
    # Networks beyond the first are joined after the run, as they were made.
    for line in connect_commands(engine.inspect_container(args.container)):
        print(line)
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    box = Sandbox.default(Path(args.dir) if args.dir else None)
    if args.action == "start":
        engine = box.start()
        if args.seed:
            seed_sandbox(engine, box.directory)
        wake(engine)  # a live demo: the sample's long-running containers run again
        print(f"sandbox engine running at {box.address}")
        print(f"export DOCKER_HOST={box.address}")
    elif args.action == "stop":
        print("sandbox engine stopped" if box.stop() else "sandbox engine was not running")
    else:
        print(f"sandbox engine {box.status()}")
    return 0


def _check_display() -> None:
    """Say plainly what Qt would otherwise abort on: no screen to open a window on."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise VolguiError(
            "no display to open the window on: set DISPLAY (or WAYLAND_DISPLAY), "
            "or run it under xvfb-run; the commands (volgui --help) need none"
        )


def cmd_gui(args: argparse.Namespace) -> int:
    _check_display()
    from volgui.ui.app import run as run_window  # Qt is imported only when a window is wanted

    run = functools.partial(run_window, lang=args.lang)
    if args.sandbox_fallback and not args.host and not args.context:
        try:
            engine = connect()
        except EngineUnavailable as e:
            return _run_on_sandbox(run, e)
    else:
        # The window opens even while the engine is down: it shows the
        # engine-down banner and fills by itself when the engine answers.
        engine = connect(host=args.host, context=args.context, lazy=True)
    return run(engine)


def _run_on_sandbox(run: Callable[[Engine], int], why: EngineUnavailable) -> int:
    """The demo: the seeded sandbox engine, stopped again when the window closes
    if this run started it (its data stays for the next run)."""
    print(f"volgui: {why}; starting the sandbox engine with sample data", file=sys.stderr)
    box = Sandbox.default()
    started_here = not box.running()
    engine = box.start()
    try:
        seed_sandbox(engine, box.directory)
        wake(engine)
        return run(engine)
    finally:
        engine.close()
        if started_here:
            box.stop()


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one `volgui: ...` line, like every other refusal.

    Subcommand parsers are made of this class too (argparse uses the parent's type).
    """

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("volgui").strip()
        where = f"{command}: " if command else ""
        helps = f"volgui {command} --help" if command else "volgui --help"
        self.exit(2, f"volgui: {where}{message} (see {helps})\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="volgui",
        description="Manage Docker volumes: lists, mount graph, data tools. "
        "With no command, opens the window, in English or Korean (--lang).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-H", "--host", help="engine address, e.g. unix:///run/docker.sock")
    where.add_argument("-c", "--context", help="docker context to use")
    parser.add_argument(
        "--sandbox-fallback",
        action="store_true",
        help="with no reachable engine, start the sandbox engine with sample data (make run)",
    )
    parser.add_argument(
        "--lang",
        choices=("ko", "en"),
        help="the window's language, ko (Korean) or en; default: the one chosen in "
        "View > Language, else the desktop's (LANG). Commands stay in English",
    )
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("graph", help="print the mount graph")
    p.add_argument("--format", choices=("json", "dot"), default="json")
    p.set_defaults(func=cmd_graph)

    replace_help = (
        "Docker cannot change a container's mounts: the container is replaced by the same one "
        "with the mount changed (same name, settings and volumes; its own writable layer is "
        "lost). Prints the docker run line of the new container, then its id."
    )
    p = sub.add_parser("mount", help="add a volume mount to a container", description=replace_help)
    p.add_argument("container", metavar="CONTAINER")
    p.add_argument("mount", metavar="VOLUME:DEST[:ro]")
    _recreate_options(p)
    p.set_defaults(func=cmd_mount)

    p = sub.add_parser(
        "unmount", help="take a mount away from a container", description=replace_help
    )
    p.add_argument("container", metavar="CONTAINER")
    p.add_argument("destination", metavar="DEST")
    _recreate_options(p)
    p.set_defaults(func=cmd_unmount)

    p = sub.add_parser(
        "recover",
        help="finish or roll back every interrupted change",
        description="Find every change of a container that was cut short (a kill, a crash, a "
        "power cut) and bring it to one whole state: rolled back when the new container never "
        "took the name, finished when it did. One line per container says which.",
    )
    p.add_argument("container", nargs="*", metavar="CONTAINER", help="only these (by name)")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser(
        "create",
        help="create a container from docker-run arguments; print its id",
        description="Create a container exactly as `docker create ARGS` would "
        "(put -- before the arguments). Flags volgui does not know are refused by name.",
    )
    p.add_argument("--start", action="store_true", help="start it too (like docker run -d)")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="-- ARGS", help="docker run arguments")
    p.set_defaults(func=cmd_create)

    p = sub.add_parser("runcmd", help="print a `docker run ...` line that recreates CONTAINER")
    p.add_argument("container", help="container name or id")
    p.set_defaults(func=cmd_runcmd)

    p = sub.add_parser("sandbox", help="a private throwaway engine for tests and the demo")
    p.add_argument("action", choices=("start", "stop", "status"))
    p.add_argument("--dir", help=f"where it lives (default {default_dir()})")
    p.add_argument("--seed", action="store_true", help="fill it with sample data")
    p.set_defaults(func=cmd_sandbox)
    data_commands(sub)  # export, import, clone, empty, rename, copy, size (volgui/cli_data.py)
    return parser


def _recreate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--discard-changes",
        action="store_true",
        help="replace the container even though files changed in its own layer will be lost",
    )
    p.add_argument("--dry-run", action="store_true", help="print the plan only, change nothing")
    p.add_argument(
        "--stop-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="seconds to wait for the old container to stop before it is killed "
        "(default: the container's own stop timeout, as docker stop)",
    )


def _seconds(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: seconds cannot be negative")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command == "create":
            # `volgui create --name x image`: docker's flags reach us only after --.
            parser.error(
                f"create: {extra[0]} is not a create option; put -- before the docker run "
                "arguments: volgui create [--start] -- ARGS"
            )
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args)
    except VolguiError as e:
        # One line, always: a value the user typed may itself hold a line break.
        text = str(e).replace("\r", "\\r").replace("\n", "\\n")
        print(f"volgui: {text}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
