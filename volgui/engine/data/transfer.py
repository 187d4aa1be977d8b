"""GET and PUT ``/containers/{id}/archive`` as streams.

docker-py's ``put_archive`` wants the whole body as bytes; a streamed PUT
goes through the low-level ``_put`` with a generator, which requests sends
with chunked transfer encoding. The writer of that body runs on a thread
(:func:`~volgui.engine.data.streams.feed`) and is held back by the pipe.
"""

from __future__ import annotations

import base64
import json
import tarfile
from collections.abc import Callable, Iterable
from typing import IO, Any

import zstandard

from volgui.engine.data.streams import (
    CHUNK,
    STREAM_ERRORS,
    ChunkReader,
    Meter,
    Pipe,
    PipeClosed,
    feed,
)
from volgui.engine.errors import DataError, EngineError, NotFound, VolguiError
from volgui.engine.transport import Transport


def get_stream(t: Transport, cid: str, path: str, meter: Meter | None = None) -> ChunkReader:
    """A readable tar stream of ``path`` in the helper ``cid``."""
    try:
        chunks, _stat = t.call(t.api.get_archive, cid, path, chunk_size=CHUNK)
    except NotFound:
        raise NotFound("path", path.removeprefix("/volume") or "/") from None
    return ChunkReader(chunks, meter)


def put_stream(t: Transport, cid: str, path: str, chunks: Iterable[bytes]) -> None:
    """Send a tar, chunk by chunk, to be unpacked at ``path`` in the helper ``cid``."""
    api = t.api
    url = api._url("/containers/{0}/archive", cid)

    def send() -> None:
        try:
            response = api._put(url, params={"path": path}, data=chunks)
        except STREAM_ERRORS as e:
            raise translate(e) from e
        api._raise_for_status(response)

    try:
        t.call(send)
    except EngineError as e:
        text = str(e)
        if "Error processing tar file" not in text:
            raise
        why = text.split("): ", 1)[-1]
        raise DataError(f"the engine could not unpack the archive: {why}") from e


def pump(t: Transport, cid: str, path: str, produce: Callable[[IO[bytes]], None]) -> None:
    """PUT what ``produce`` writes (on its own thread) to ``path`` in ``cid``.

    The producer's own error (a bad archive, a cancel) comes through as it is.
    """
    pipe = Pipe()
    thread = feed(pipe, produce)  # type: ignore[arg-type]
    try:
        put_stream(t, cid, path, pipe.chunks())
    except BaseException as e:
        pipe.close_reader()
        thread.join()
        # The writer's own failure (a bad archive, a cancel, its read side dropped) is
        # the cause; the PUT only saw its body end.
        cause = (
            pipe.error if pipe.error is not None and not isinstance(pipe.error, PipeClosed) else e
        )
        raise translate(cause) from cause
    thread.join()


def translate(e: BaseException) -> BaseException:
    """The one-line error for a failure in the middle of a stream (``e`` if it is one already)."""
    if isinstance(e, VolguiError):
        return e
    if isinstance(e, (tarfile.ReadError, EOFError, zstandard.ZstdError)):
        return DataError(f"the archive is damaged or cut short ({e})")
    if isinstance(e, PipeClosed):
        return DataError("the engine stopped reading the data mid-stream")
    if isinstance(e, STREAM_ERRORS):
        return DataError(f"the connection to the engine broke mid-stream ({type(e).__name__})")
    if isinstance(e, OSError):
        return DataError(
            f"{e.strerror or e} {('(' + e.filename + ')') if e.filename else ''}".strip()
        )
    return e


def stat(t: Transport, cid: str, path: str) -> dict[str, Any] | None:
    """The engine's stat of ``path`` in ``cid`` (HEAD …/archive), None if nothing is there."""
    api = t.api
    url = api._url("/containers/{0}/archive", cid)

    def head() -> Any:
        response = api.head(url, params={"path": path})
        if response.status_code == 404:
            return None
        api._raise_for_status(response)
        raw = response.headers.get("X-Docker-Container-Path-Stat") or ""
        return json.loads(base64.b64decode(raw)) if raw else {}

    return t.call(head)
