"""Shared pieces of the browser tests' live servers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: As this machine needs them: headless, no sandbox as root, no calls out of a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return (
            f"Chromium is not installed at {CHROMIUM}: `apt-get install chromium` "
            "(scripts/run_tests.py does it when run as root)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: pip install -e '.[test]'"
    return None


def launch_chromium(*extra_args: str) -> Iterator[Any]:
    """One headless Debian Chromium for a fixture, or a visible skip (a failure under CI)."""
    reason = browser_missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=[*CHROMIUM_ARGS, *extra_args]
        )
        yield browser
        browser.close()


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
