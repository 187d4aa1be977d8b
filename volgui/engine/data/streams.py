"""Streams: bytes flow through in chunks, never whole in memory.

``ChunkReader`` turns the engine's chunk iterator into a file to read;
``Pipe`` turns a writer on one thread into the chunk generator a streamed
``PUT`` sends (bounded, so memory stays flat); ``Meter`` counts bytes for the
progress callback and checks the cancel event between chunks.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import requests
import urllib3.exceptions

from volgui.engine.errors import Cancelled

CHUNK = 1 << 20  # 1 MiB: the unit of every read, write and queue slot
ProgressFn = Callable[[int], None]

# What a connection dropped mid-stream raises, below our own errors.
STREAM_ERRORS: tuple[type[BaseException], ...] = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    ConnectionError,
)


class Meter:
    """Counts bytes; reports them and honours cancel, at most once per chunk."""

    def __init__(self, progress: ProgressFn | None, cancel: threading.Event | None) -> None:
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("cancelled")

    def add(self, n: int) -> None:
        self.check()
        self.done += n
        if self.progress is not None and n:
            self.progress(self.done)


class ChunkReader(io.RawIOBase):
    """A readable file over an iterator of byte chunks (the engine's GET stream)."""

    def __init__(self, chunks: Iterable[bytes], meter: Meter | None = None) -> None:
        super().__init__()
        self._chunks: Iterator[bytes] = iter(chunks)
        self._buf = memoryview(b"")
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf:
            try:
                chunk = next(self._chunks)
            except StopIteration:
                return 0
            if self._meter is not None:
                self._meter.add(len(chunk))
            self._buf = memoryview(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        closer = getattr(self._chunks, "close", None)
        if closer is not None:
            closer()  # a generator over the response: stop reading it
        super().close()


class _End:
    def __init__(self, error: BaseException | None) -> None:
        self.error = error


class PipeClosed(OSError):
    """The reading side (the PUT) is gone; the writer must stop."""


class Pipe:
    """One writer thread, one reading generator, at most ``depth`` chunks between them."""

    def __init__(self, depth: int = 8) -> None:
        self._q: queue.Queue[bytes | _End] = queue.Queue(depth)
        self._gone = threading.Event()
        self._pending = bytearray()
        self.error: BaseException | None = None  # what stopped the writer, if anything

    # the writer's side: a file object for tarfile / compressors

    def write(self, data: Any) -> int:
        self._pending += data
        if len(self._pending) >= CHUNK:
            self._put(bytes(self._pending))
            self._pending.clear()
        return len(data)

    def flush(self) -> None:
        pass

    def finish(self, error: BaseException | None = None) -> None:
        """The writer is done (``error`` if it failed): the reader ends, or raises it."""
        if error is None and self._pending:
            self._put(bytes(self._pending))
        self._pending.clear()
        self._put(_End(error))

    def _put(self, item: bytes | _End) -> None:
        while not self._gone.is_set():
            try:
                self._q.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise PipeClosed("the engine stopped reading")

    # the reader's side

    def chunks(self) -> Iterator[bytes]:
        try:
            while True:
                item = self._q.get()
                if isinstance(item, _End):
                    if item.error is not None:
                        raise item.error
                    return
                yield item
        finally:
            self._gone.set()

    def close_reader(self) -> None:
        self._gone.set()


def feed(pipe: Pipe, produce: Callable[[Pipe], None]) -> threading.Thread:
    """Run ``produce(pipe)`` on a thread; its end (or error) ends the pipe's reader."""

    def run() -> None:
        try:
            produce(pipe)
        except BaseException as e:  # noqa: BLE001 - handed to the reading side
            pipe.error = e
            try:
                pipe.finish(e)
            except PipeClosed:
                pass
        else:
            try:
                pipe.finish()
            except PipeClosed:
                pass

    thread = threading.Thread(target=run, name="volgui-pipe", daemon=True)
    thread.start()
    return thread


class MeteredFile(io.RawIOBase):
    """A file read through a :class:`Meter` (progress in the file's own bytes)."""

    def __init__(self, raw: Any, meter: Meter) -> None:
        super().__init__()
        self._raw = raw
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self._raw.read(len(b))
        if not data:
            return 0
        n = len(data)
        b[:n] = data
        self._meter.add(n)
        return n
