"""volgui's command line: the engine's second face, for scripts and tests.

No command opens the main window. Every command exits 0 on success and, on a
refusal or an error, non-zero with one line on stderr that says what and why.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from volgui.engine import Engine, EngineUnavailable, VolguiError, connect
from volgui.engine import graph as graph_text
from volgui.engine.sandbox import Sandbox, default_dir
from volgui.engine.sandbox import seed as seed_sandbox

Command = Callable[[argparse.Namespace], int]


def _engine(args: argparse.Namespace) -> Engine:
    return connect(host=args.host, context=args.context)


def cmd_graph(args: argparse.Namespace) -> int:
    snap = _engine(args).snapshot()
    text = graph_text.to_json(snap) if args.format == "json" else graph_text.to_dot(snap)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    box = Sandbox(Path(args.dir) if args.dir else default_dir())
    if args.action == "start":
        engine = box.start()
        if args.seed:
            seed_sandbox(engine, box.directory)
        print(f"sandbox engine running at {box.address}")
        print(f"export DOCKER_HOST={box.address}")
    elif args.action == "stop":
        print("sandbox engine stopped" if box.stop() else "sandbox engine was not running")
    else:
        print(f"sandbox engine {box.status()}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from volgui.ui.app import run  # Qt is imported only when a window is wanted

    if args.sandbox_fallback and not args.host and not args.context:
        try:
            engine = connect()
        except EngineUnavailable as e:
            print(f"volgui: {e}; starting the sandbox engine with sample data", file=sys.stderr)
            box = Sandbox(default_dir())
            engine = box.start()
            seed_sandbox(engine, box.directory)
    else:
        engine = _engine(args)
    return run(engine)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="volgui", description="Manage Docker volumes: lists, mount graph, data tools."
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-H", "--host", help="engine address, e.g. unix:///run/docker.sock")
    where.add_argument("-c", "--context", help="docker context to use")
    parser.add_argument(
        "--sandbox-fallback",
        action="store_true",
        help="with no reachable engine, start the sandbox engine with sample data (make run)",
    )
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("graph", help="print the mount graph")
    p.add_argument("--format", choices=("json", "dot"), default="json")
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser("sandbox", help="a private throwaway engine for tests and the demo")
    p.add_argument("action", choices=("start", "stop", "status"))
    p.add_argument("--dir", help=f"where it lives (default {default_dir()})")
    p.add_argument("--seed", action="store_true", help="fill it with sample data")
    p.set_defaults(func=cmd_sandbox)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except VolguiError as e:
        print(f"volgui: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
