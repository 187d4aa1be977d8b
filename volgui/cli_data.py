"""The volume-data commands: export, import, clone, empty, rename, copy, size.

Kept out of cli.py (which holds the parser and the other commands) so each
file stays small; ``cli.build_parser`` calls :func:`data_commands`.
"""

from __future__ import annotations

import argparse
import sys

from volgui.engine import Engine, VolguiError, connect


def _engine(args: argparse.Namespace) -> Engine:
    return connect(host=args.host, context=args.context)


# -- volume data (issue 13): export, import, clone, empty, rename, copy, size --


def _data_engine(args: argparse.Namespace) -> Engine:
    """The engine, with helper containers a crashed run left behind removed first."""
    engine = _engine(args)
    engine.remove_helper_leftovers()
    return engine


def _say(args: argparse.Namespace, text: str) -> None:
    """A result line: on stderr when stdout carries the archive."""
    stream = sys.stderr if getattr(args, "file", None) == "-" else sys.stdout
    print(text, file=stream, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    count = _data_engine(args).export_volume(args.volume, args.file)
    where = "standard output" if args.file == "-" else args.file
    _say(args, f"exported volume {args.volume} to {where} ({count} entries)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    done = _data_engine(args).import_volume(args.volume, args.file, replace=args.replace)
    if done.created:
        _say(args, f"created volume {done.volume}")
    if done.replaced:
        _say(args, f"emptied volume {done.volume} first (--replace)")
    _say(args, f"imported {done.bytes} bytes into volume {done.volume}")
    return 0


def cmd_clone(args: argparse.Namespace) -> int:
    sent = _data_engine(args).clone_volume(args.source, args.target)
    print(f"cloned volume {args.source} to {args.target} ({sent} bytes streamed)")
    return 0


def cmd_empty(args: argparse.Namespace) -> int:
    if not args.yes:
        raise VolguiError(f"empty removes every file in volume {args.volume}; add --yes to do it")
    _data_engine(args).empty_volume(args.volume)
    print(f"emptied volume {args.volume}")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    def step(text: str) -> None:
        print(f"volgui: {text}", file=sys.stderr, flush=True)

    engine = _data_engine(args)
    # A rename recreates the volume's users: finish interrupted changes first (DESIGN 4b).
    for line in engine.recover(say=step):
        step(f"recovered {line}")
    done = engine.rename_volume(args.old, args.new, step=step)
    users = f"; recreated {', '.join(done.containers)} on it" if done.containers else ""
    print(f"renamed volume {done.old} to {done.new}{users}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    engine = _data_engine(args)
    target = connect(host=args.to, context=args.to_context)
    try:
        target.remove_helper_leftovers()
        sent = engine.copy_volume(args.volume, target, as_name=args.as_name)
    finally:
        target.close()
    name = args.as_name or args.volume
    print(f"copied volume {args.volume} to {name} on {target.address} ({sent} bytes streamed)")
    return 0


def cmd_size(args: argparse.Namespace) -> int:
    engine = _engine(args)
    for name in args.volumes:
        engine.inspect_volume(name)  # a missing one is named, not left out
    sizes = engine.volume_sizes(args.volumes or None)
    for name in args.volumes or sorted(sizes):
        size = sizes.get(name, -1)
        print(f"{name}\t{size if size >= 0 else 'unknown'}")
    return 0


def data_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write a volume's files to a .tar, .tar.gz or .tar.zst")
    p.add_argument("volume", metavar="VOLUME")
    p.add_argument("file", metavar="FILE|-", help="the archive; - for standard output (a tar)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="fill a volume from an archive (created if missing)")
    p.add_argument("--replace", action="store_true", help="empty a volume that holds data first")
    p.add_argument("volume", metavar="VOLUME")
    p.add_argument("file", metavar="FILE|-", help="a .tar, .tar.gz or .tar.zst; - for stdin")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("clone", help="copy a volume to a new one (same driver, options, labels)")
    p.add_argument("source", metavar="SRC")
    p.add_argument("target", metavar="DST")
    p.set_defaults(func=cmd_clone)

    p = sub.add_parser("empty", help="remove every file in a volume")
    p.add_argument("--yes", action="store_true", help="yes, remove them")
    p.add_argument("volume", metavar="VOLUME")
    p.set_defaults(func=cmd_empty)

    p = sub.add_parser(
        "rename",
        help="rename a volume, also while in use",
        description="Clone OLD to NEW, recreate each container using OLD with NEW at the same "
        "place, then remove OLD. Any failure rolls back to OLD.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(func=cmd_rename)

    p = sub.add_parser("copy", help="copy a volume to another engine, streamed")
    p.add_argument("volume", metavar="VOLUME")
    to = p.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="URL", help="the other engine's address")
    to.add_argument("--to-context", metavar="NAME", help="the other engine's docker context")
    p.add_argument("--as", dest="as_name", metavar="NAME", help="its name there")
    p.set_defaults(func=cmd_copy)

    p = sub.add_parser("size", help="bytes used per volume (from /system/df: slow)")
    p.add_argument("volumes", nargs="*", metavar="VOLUME")
    p.set_defaults(func=cmd_size)
