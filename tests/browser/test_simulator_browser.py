"""The simulator in a real Chromium: pick a patient, text the clinic, see the bot and the queue.

Drives Debian's `/usr/bin/chromium` with the `playwright` package (its bundled driver only; we
never download Playwright's own browsers). Without chromium these tests skip with the reason,
except under `CI=true`, where they fail: CI must really run them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from werkzeug.serving import make_server

from gateway import create_app
from gateway.db import create_tables
from gateway.demo import CLINIC_NAME, seed_demo
from gateway.ingest.loop import wait_until
from tests.browser.live_server import buffered, launch_chromium
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN

pytestmark = pytest.mark.browser

#: How long the page may take to show what the gateway did (it polls every second).
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for the module, or a visible skip (a failure under CI)."""
    yield from launch_chromium()


@pytest.fixture(scope="module")
def live_url(tmp_path_factory, fake_twilio_server) -> Iterator[str]:
    """The gateway with its demo data, served by a real HTTP server in a thread."""
    holder: dict[str, Any] = {}

    def wsgi(environ, start_response):
        return buffered(holder["app"], environ, start_response)

    # Bind first so PUBLIC_BASE_URL (which signatures and status callbacks use) is known.
    server = make_server("127.0.0.1", 0, wsgi, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    database = tmp_path_factory.mktemp("browser") / "gateway.db"
    app = create_app(
        {
            "gateway_env": "test",
            "database_url": f"sqlite:///{database}",
            "secret_key": "test-secret-key-0123456789",
            "public_base_url": base_url,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": AUTH_TOKEN,
            "twilio_from_number": "+12025550100",
            "twilio_api_base_url": fake_twilio_server.base_url,
            "twilio_handles_keywords": False,
            "clinic_config": None,
        }
    )
    create_tables(app.extensions["gateway"].engine)
    seed_demo(app, now=datetime.now(UTC))
    holder["app"] = app
    thread = threading.Thread(target=server.serve_forever, name="live-gateway", daemon=True)
    thread.start()
    yield base_url
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    app.extensions["gateway"].engine.dispose()


@pytest.fixture
def page(chromium, live_url) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.goto(live_url + "/simulator/")
    yield page
    context.close()
    # A CSP violation or a script error shows up here: the page must run clean.
    assert errors == []


def _send(page, text: str) -> None:
    page.fill("#body", text)
    page.click("#send")


def _pick(page, label_part: str) -> None:
    option = page.locator("#patient option", has_text=label_part)
    page.select_option("#patient", value=option.get_attribute("value"))


def test_a_spanish_patient_opts_out_and_sees_the_confirmation_delivered(page, fake_twilio_server):
    _pick(page, "Lucía Ramírez")

    _send(page, "STOP texting me")

    page.locator(".msg-patient", has_text="STOP texting me").wait_for()
    page.locator(".msg-clinic", has_text=CLINIC_NAME).last.wait_for()
    page.locator("#contact-line .tag", has_text="opted out").wait_for()

    # Twilio reports delivery: the signed status callback reaches the live app, the page shows it.
    # The page may show the opt-out a moment before the reply leaves (sent after the commit).
    def sent() -> list[str]:
        return [m["sid"] for m in list(fake_twilio_server.messages) if m["To"] == "+12025550112"]

    assert wait_until(lambda: bool(sent()), timeout=WAIT_MS / 1000), (
        "the confirmation never reached the (fake) Twilio API"
    )
    sids = sent()
    for sid in sids:
        assert fake_twilio_server.deliver(sid) == 200
    page.locator(".msg-clinic[data-status=delivered]", has_text=CLINIC_NAME).wait_for()
    assert "Delivered" in page.locator(".msg-clinic").last.inner_text()


def test_a_reminder_is_confirmed_with_c(page):
    _pick(page, "Maya Thompson")
    page.locator(".msg-clinic", has_text="Reply C to confirm").wait_for()

    _send(page, "C")

    page.locator(".msg-clinic", has_text="is confirmed").wait_for()
    assert CLINIC_NAME in page.locator(".msg-clinic").last.inner_text()


def test_chest_pain_from_a_typed_number_puts_an_emergency_in_the_queue(page):
    page.select_option("#patient", value="")
    page.fill("#custom-phone", "+1 202 555 0188")

    _send(page, "my chest hurts")

    page.locator(".msg-clinic.msg-emergency", has_text="911").wait_for()
    card = page.locator("#queue .card-emergency", has_text="+12025550188")
    card.wait_for()
    assert "EMERGENCY" in card.inner_text()
    if screenshot := os.environ.get("SIMULATOR_SCREENSHOT"):  # for looking at the page
        page.screenshot(path=screenshot)


def test_hostile_text_is_shown_as_text(page):
    page.select_option("#patient", value="")
    page.fill("#custom-phone", "+1 202 555 0187")
    hostile = "<img src=x onerror=\"document.title='pwned'\"> hi"

    _send(page, hostile)

    bubble = page.locator(".msg-patient", has_text="onerror")
    bubble.wait_for()
    assert bubble.locator(".msg-body").inner_text() == hostile
    assert page.locator("#thread img").count() == 0
    assert page.title() != "pwned"
