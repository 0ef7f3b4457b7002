"""The staff app in a real Chromium, on SQLite and PostgreSQL: an emergency arrives and alerts,
a nurse claims it, replies (the text reaches the local fake Twilio) and resolves it; a nurse
cannot open a billing conversation by URL; a `<script>` in a patient's text stays text.

Launches Debian's `/usr/bin/chromium` as `test_simulator_browser.py` does. Patients text
through the real signed webhook over HTTP; `tick` plays the worker. Screenshots of the queue, a
conversation and the scorecard go to `test-artifacts/` (gitignored) for people to look at.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from sqlmodel import Session
from twilio.request_validator import RequestValidator
from werkzeug.serving import make_server

from gateway import create_app
from gateway.demo import seed_demo
from gateway.models import Handoff, StaffRole
from gateway.scheduler import tick
from gateway.segments import count_segments, encoding
from gateway.staff.auth import create_staff
from tests.browser.live_server import buffered, launch_chromium
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN

pytestmark = pytest.mark.browser

WAIT_MS = 15_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "correct horse battery staple"
CLINIC_NUMBER = "+12025550100"
MAYA = "+12025550111"  # a demo patient


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for the module, or a visible skip (a failure under CI)."""
    yield from launch_chromium("--autoplay-policy=no-user-gesture-required")


class Live:
    """The gateway served over HTTP, with the demo clinic, and what a test does to it."""

    def __init__(self, app, base_url: str, label: str) -> None:
        self.app = app
        self.base_url = base_url
        self.label = label

    def staff(self, role: str, email: str) -> str:
        with Session(self.app.extensions["gateway"].engine) as session:
            create_staff(
                session=session,
                email=email,
                password=PASSWORD,
                role=StaffRole(role),
                name=role.title(),
                now=datetime.now(UTC),
            )
            session.commit()
        return email

    def text(self, body: str, from_: str = MAYA) -> None:
        """A patient's text, through the signed webhook, then one worker pass."""
        form = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": ACCOUNT_SID,
            "From": from_,
            "To": CLINIC_NUMBER,
            "Body": body,
            "NumMedia": "0",
        }
        url = self.base_url + "/twilio/sms"
        signature = RequestValidator(AUTH_TOKEN).compute_signature(url, form)
        response = requests.post(
            url, data=form, headers={"X-Twilio-Signature": signature}, timeout=10
        )
        assert response.status_code == 200
        self.work()

    def work(self) -> None:
        with self.app.app_context():
            tick(self.app, datetime.now(UTC))

    def latest_handoff(self) -> Handoff:
        with Session(self.app.extensions["gateway"].engine) as session:
            return session.execute(sa.select(Handoff).order_by(Handoff.id.desc())).scalars().first()


@pytest.fixture
def live(database_url, fake_twilio_server, request) -> Iterator[Live]:
    fake_twilio_server.reset()
    holder: dict[str, Any] = {}

    def wsgi(environ, start_response):
        return buffered(holder["app"], environ, start_response)

    server = make_server("127.0.0.1", 0, wsgi, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app = create_app(
        {
            "gateway_env": "test",
            "database_url": database_url,
            "secret_key": "test-secret-key-0123456789",
            "public_base_url": base_url,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": AUTH_TOKEN,
            "twilio_from_number": CLINIC_NUMBER,
            "twilio_api_base_url": fake_twilio_server.base_url,
            "twilio_handles_keywords": False,
            "clinic_config": None,
        }
    )
    seed_demo(app, now=datetime.now(UTC))
    holder["app"] = app
    thread = threading.Thread(target=server.serve_forever, name="live-staff", daemon=True)
    thread.start()
    label = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    yield Live(app, base_url, label)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    app.extensions["gateway"].engine.dispose()


@pytest.fixture
def browser_page(chromium, live) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def on_console(message) -> None:
        # A refused page (403) logs its status as a console error; anything else is a defect,
        # a CSP violation included.
        if message.type == "error" and "status of 403" not in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    yield page
    context.close()
    assert errors == []


def sign_in(page, live: Live, email: str) -> None:
    page.goto(live.base_url + "/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_url(live.base_url + "/staff/")


def screenshot(page, name: str, live: Live) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{live.label}.png"), full_page=True)


def test_an_emergency_alerts_and_a_nurse_claims_replies_and_resolves(
    browser_page, live, fake_twilio_server
):
    page = browser_page
    sign_in(page, live, live.staff("clinical", "nurse@clinic.test"))
    assert page.locator("#emergency-alert").is_hidden()

    live.text("what are your hours on saturday?")
    live.text("my chest hurts and I can't breathe")

    # No reload: the page's polling shows it, with the alert and a beep.
    page.locator("#emergency-alert").wait_for(state="visible")
    row = page.locator(".queue-row.row-emergency")
    row.wait_for()
    assert "Possible medical emergency" in row.inner_text()
    assert "Maya Thompson" in row.inner_text()
    page.wait_for_function("document.body.dataset.alerted !== undefined")
    # The audible alert: the page played its WebAudio beep (sound is allowed in this browser).
    page.wait_for_function("Number(document.body.dataset.beeps || 0) >= 1")
    assert page.title().startswith("(1) EMERGENCY")
    screenshot(page, "staff-queue", live)

    row.locator("a.headline").click()
    assert "Possible medical emergency" in page.locator("#headline").inner_text()
    page.click("#claim")
    page.locator("#reply-body").wait_for()

    # The live counter counts as the server does (one emoji makes the whole text UCS-2).
    sample = "Maya, this is the nurse 👩‍⚕️ calling you now. " * 2
    page.fill("#reply-body", sample)
    counter = page.locator("#segment-counter")
    assert counter.get_attribute("data-segments") == str(count_segments(sample))
    assert counter.get_attribute("data-encoding") == encoding(sample) == "UCS-2"
    page.locator(".quick-reply", has_text="Calling you").click()
    reply = page.input_value("#reply-body")
    assert reply.startswith("Riverside Family Clinic: this is the clinic")
    assert counter.get_attribute("data-segments") == str(count_segments(reply))
    page.click("#send-reply")
    page.locator(".flash-ok", has_text="Reply queued").wait_for()
    live.work()
    assert [m for m in fake_twilio_server.messages if m["To"] == MAYA and m["Body"] == reply]
    page.reload()
    page.locator(".msg-staff", has_text="this is the clinic").wait_for()
    screenshot(page, "staff-conversation", live)

    page.click("#resolve")
    page.locator(".flash-ok", has_text="Resolved").wait_for()
    assert live.latest_handoff().status == "resolved"


def test_a_nurse_cannot_open_a_billing_conversation_by_url(browser_page, live):
    page = browser_page
    live.text("I have a question about my bill", from_="+12025550113")
    billing = live.latest_handoff()
    assert billing.queue == "billing"
    sign_in(page, live, live.staff("clinical", "nurse2@clinic.test"))

    response = page.goto(f"{live.base_url}/staff/handoffs/{billing.id}")

    assert response.status == 403
    assert "cannot open" in page.locator("#error-message").inner_text()
    assert "question about my bill" not in page.content()


def test_a_script_in_a_patient_text_stays_inert(browser_page, live):
    page = browser_page
    hostile = (
        "I have a rash on my arm <script>document.title='pwned'</script>"
        "<img src=x onerror=\"document.title='pwned'\">"
    )
    live.text(hostile, from_="+12025550186")
    handoff = live.latest_handoff()
    sign_in(page, live, live.staff("manager", "manager@clinic.test"))

    page.goto(f"{live.base_url}/staff/handoffs/{handoff.id}")

    body = page.locator(".msg-inbound .msg-body").first
    assert body.inner_text() == hostile
    assert page.locator("#thread img").count() == 0
    assert page.locator("#thread script").count() == 0
    assert page.title() != "pwned"


def test_the_manager_reads_the_week_on_the_scorecard(browser_page, live):
    page = browser_page
    live.text("my chest hurts")
    live.text("can I get a refill of my inhaler", from_="+12025550113")
    live.text("necesito una receta nueva de mi medicina, por favor", from_="+12025550112")
    sign_in(page, live, live.staff("manager", "manager2@clinic.test"))

    page.goto(live.base_url + "/staff/scorecard")

    assert "Handed to staff\n3" in page.locator("#totals").inner_text()
    assert "A prescription refill" in page.locator("#top-reasons").inner_text()
    assert "Spanish" in page.locator("#by-language").inner_text()
    assert "not opened" in page.locator("#emergencies").inner_text()
    screenshot(page, "staff-scorecard", live)
