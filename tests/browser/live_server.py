"""Shared pieces of the browser tests' live servers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def buffered(
    app: Callable[..., Iterable[bytes]], environ: dict, start_response: Any
) -> list[bytes]:
    """Run the WSGI app and hand the server the whole body, the app's iterable already closed.

    A browser drops connections it no longer needs (a favicon, a page it navigated away from);
    the development server then never closes a static file's wrapper, and the open file turns
    into a ResourceWarning at garbage collection, which this suite treats as an error. Buffering
    here, in the test server only, closes every response the app returns.
    """
    result = app(environ, start_response)
    try:
        return [b"".join(result)]
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
