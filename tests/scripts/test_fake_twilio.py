"""The fake Twilio server answers the official client the way Twilio does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from gateway.twilio.sender import BaseUrlHttpClient
from scripts.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID

ROOT = Path(__file__).resolve().parents[2]


def client_for(fake: FakeTwilio, token: str = AUTH_TOKEN) -> Client:
    return Client(ACCOUNT_SID, token, http_client=BaseUrlHttpClient(fake.base_url, timeout=5))


def test_create_and_fetch_a_message(fake_twilio):
    client = client_for(fake_twilio)

    created = client.messages.create(
        to="+12025550123",
        body="Reply C to confirm 👍",
        messaging_service_sid=MESSAGING_SERVICE_SID,
        status_callback="https://gateway.test/twilio/status?outbox_id=9",
    )
    fetched = client.messages(created.sid).fetch()

    assert re.fullmatch(r"SM[0-9a-f]{32}", created.sid)
    assert created.status == "accepted"  # Messaging Service, no From
    assert created.num_segments == "1"
    assert created.date_created is not None
    assert (fetched.sid, fetched.to, fetched.body) == (created.sid, "+12025550123", created.body)
    assert fake_twilio.messages[0]["StatusCallback"].endswith("outbox_id=9")


def test_wrong_credentials_get_twilios_401(fake_twilio):
    with pytest.raises(TwilioRestException) as raised:
        client_for(fake_twilio, token="wrong").messages.create(
            to="+12025550123", body="hi", from_="+12025550100"
        )

    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert fake_twilio.messages == []


def test_injected_failure_hits_only_the_given_number(fake_twilio):
    client = client_for(fake_twilio)
    fake_twilio.fail_next(21610, 400, to="+12025550123")

    with pytest.raises(TwilioRestException) as raised:
        client.messages.create(to="+12025550123", body="hi", from_="+12025550100")
    other = client.messages.create(to="+12025550177", body="hi", from_="+12025550100")
    again = client.messages.create(to="+12025550123", body="hi", from_="+12025550100")

    assert (raised.value.status, raised.value.code) == (400, 21610)
    assert other.status == again.status == "queued"


def test_a_message_without_body_is_refused(fake_twilio):
    with pytest.raises(TwilioRestException) as raised:
        client_for(fake_twilio).messages.create(to="+12025550123", from_="+12025550100", body="")
    assert raised.value.code == 21602


def test_status_callbacks_are_signed_like_twilios(fake_twilio):
    created = client_for(fake_twilio).messages.create(
        to="+12025550123",
        body="hi",
        from_="+12025550100",
        status_callback="https://gateway.test/twilio/status?outbox_id=3",
    )

    url, form, signature = fake_twilio.status_callback(created.sid, "undelivered", 30006)

    assert RequestValidator(AUTH_TOKEN).validate(url, form, signature)
    assert form["MessageStatus"] == "undelivered" and form["ErrorCode"] == "30006"


def test_runs_standalone_with_a_listing(tmp_path):
    process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(ROOT / "scripts" / "fake_twilio.py"),
            "--port",
            "0",
            "--account-sid",
            ACCOUNT_SID,
            "--auth-token",
            AUTH_TOKEN,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        line = process.stdout.readline()
        base_url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        listing = f"{base_url}/_fake/messages"
        with urllib.request.urlopen(listing, timeout=5) as response:  # noqa: S310 - local http
            assert json.load(response) == {"messages": []}
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
